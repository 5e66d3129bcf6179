import KatalogCore

/// Diagnostics shared by the feed readers (format-specific ones live next to their reader).
enum FeedDiagnostics {
    static func itemIncomplete(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .feedItemIncomplete,
                   "This item was cut off by a fault in the feed; only the fields before the fault were read.",
                   at: location)
    }

    static func moreBlockedEntities(_ count: Int, file: String) -> Diagnostic {
        Diagnostic(.warning, .xmlEntityBlocked,
                   "\(count) more entity references were not expanded.", at: SourceLocation(file: file))
    }

    static func noItems(file: String, itemName: String) -> Diagnostic {
        Diagnostic(.warning, .feedNoItems,
                   "No <\(itemName)> items were found in this feed.", at: SourceLocation(file: file))
    }

    static func marketAssumed(items: Int, currency: String, reason: String, file: String) -> Diagnostic {
        Diagnostic(.info, .feedMarketAssumed,
                   "\(items) item\(items == 1 ? "" : "s") of this feed had \(reason); the format's default market was assumed (\(currency)).",
                   at: SourceLocation(file: file))
    }
}
