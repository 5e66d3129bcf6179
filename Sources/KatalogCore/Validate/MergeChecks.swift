/// Catalog entries for findings `katalog merge` (and `sync --merge`) makes on merged products.
enum MergeChecks {
    static let all: [RuleInfo] = [
        RuleInfo("merge.price-disagrees", title: "Sources disagree on the price", severity: .warning, stage: .run,
                 explanation: "Records of several sources were merged into one product (same valid GTIN, else same brand + MPN) and their prices differ in amount or currency. The merged record keeps the price of the source whose price ranks best (a structured feed over a page's structured data over a page's text, `--precedence`); the finding lists every source's price.",
                 example: "`DJI RS 4 Mini`: 369.00 EUR in `distributor.csv`, 359.00 EUR in `eshop-feed.xml`."),
        RuleInfo("merge.gtin-conflict", title: "Same brand and MPN, different GTINs", severity: .warning, stage: .run,
                 explanation: "Records share a brand and manufacturer part number but carry different valid GTINs, so they cannot all be the same product: they stay separate merged products, and records of that brand + MPN without a GTIN are not joined to either. Often a regional variant with its own GTIN, or a wrong GTIN in one source.",
                 example: "`Philips HD9270/90` with 8710100422122 in one feed and 8710103888888 in another."),
    ]
}
