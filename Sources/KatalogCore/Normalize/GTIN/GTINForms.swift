/// UPC-E: the zero-suppressed 8-digit form of a UPC-A (number system 0), expanded back to its 12 digits.
enum UPCE {
    /// The UPC-A that the 8-digit UPC-E `digits` stands for, when its check digit confirms it; nil otherwise.
    static func expand(_ digits: String) -> String? {
        let d = digits.compactMap(\.wholeNumberValue)
        guard d.count == 8, d[0] == 0 || d[0] == 1 else { return nil }
        let body: [Int]
        switch d[6] {
        case 0, 1, 2: body = [d[1], d[2], d[6], 0, 0, 0, 0, d[3], d[4], d[5]]
        case 3: body = [d[1], d[2], d[3], 0, 0, 0, 0, 0, d[4], d[5]]
        case 4: body = [d[1], d[2], d[3], d[4], 0, 0, 0, 0, 0, d[5]]
        default: body = [d[1], d[2], d[3], d[4], d[5], 0, 0, 0, 0, d[6]]
        }
        let upcA = ([d[0]] + body + [d[7]]).map(String.init).joined()
        return GTINParsing.hasValidCheckDigit(upcA) ? upcA : nil
    }
}

/// ISBN-10 (`0-306-40615-2`, `080442957X`): mod-11 checked, converted to the ISBN-13 (`978…`) that is its GTIN.
enum ISBN10 {
    /// The GTIN for an ISBN-10 written in `text`, with findings; nil when `text` is not ten ISBN characters.
    static func convert(_ text: String) -> (gtin: GTIN, findings: [Finding])? {
        // Plain ASCII digits (most GTIN values) are an ISBN-10 candidate only when there are ten of them.
        if text.utf8.count != 10, text.isASCIIDigits { return nil }
        var value = text.trimmingSpaces()
        for prefix in ["ISBN-10:", "ISBN-10", "ISBN:", "ISBN"] where value.uppercased().hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count)).trimmingSpaces()
            break
        }
        let characters = value.filter { $0 != "-" && $0 != " " }.uppercased()
        guard characters.count == 10,
              characters.dropLast().allSatisfy(\.isASCIIDigit),
              let last = characters.last, last == "X" || last.isASCIIDigit else { return nil }
        // Ten plain digits are more often a broken GTIN than an ISBN unless the check says ISBN.
        let values = characters.map { $0 == "X" ? 10 : ($0.wholeNumberValue ?? 0) }
        let sum = values.enumerated().reduce(0) { $0 + (10 - $1.offset) * $1.element }
        guard sum % 11 == 0 else {
            if last == "X" || text.uppercased().contains("ISBN") {
                return (GTIN(raw: text, digits: nil, format: nil, isValid: false), [.isbn10Checksum(text)])
            }
            return nil
        }
        let body = "978" + characters.prefix(9)
        let isbn13 = body + String(GTINParsing.expectedCheckDigit(body + "0"))
        var gtin = GTIN(raw: text, digits: isbn13, format: .ean13, isValid: true)
        gtin.expandedFrom = "ISBN-10"
        return (gtin, [.isbn10Converted(text, isbn13: isbn13)])
    }
}

extension Finding {
    static func gtinUPCEExpanded(_ text: String, upcA: String) -> Finding {
        Finding(.info, .gtinUPCEExpanded, "\"\(text)\" is a zero-suppressed UPC-E; expanded to the UPC-A \(upcA), which its check digit confirms.")
    }
    static func gtinUPCEAssumed(_ text: String, upcA: String) -> Finding {
        Finding(.warning, .gtinUPCEAssumed, "\"\(text)\" checks both as a GTIN-8 starting with 0 (an in-store number) and as a UPC-E; read as the UPC-E, expanded to \(upcA).")
    }
    static func isbn10Converted(_ text: String, isbn13: String) -> Finding {
        Finding(.info, .gtinISBN10Converted, "\"\(text)\" is an ISBN-10; converted to its ISBN-13/GTIN \(isbn13).")
    }
    static func isbn10Checksum(_ text: String) -> Finding {
        Finding(.error, .gtinISBN10Checksum, "\"\(text)\" looks like an ISBN-10 but fails its mod-11 check digit; kept as raw text, not corrected.")
    }
    static func gtinNotATradeItem(_ text: String, kind: String) -> Finding {
        Finding(.warning, .gtinNotATradeItem, "GTIN \"\(text)\" is valid but is \(kind), not a product number.")
    }
    static func gtinPrefixUnassigned(_ text: String, prefix: String) -> Finding {
        Finding(.warning, .gtinPrefixUnassigned, "GTIN \"\(text)\" has a valid check digit but its prefix \(prefix) is not assigned to any GS1 member organisation.")
    }
}
