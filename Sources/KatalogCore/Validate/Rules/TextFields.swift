/// The human-readable texts of a product that text-quality rules look at, named as in outputs.
enum TextFields {
    static func of(_ product: Product) -> [(name: String, text: String)] {
        var fields: [(String, String)] = []
        if let title = product.title { fields.append(("title", title)) }
        if let brand = product.brand { fields.append(("brand", brand)) }
        if let description = product.description { fields.append(("description", description)) }
        for attribute in product.attributes { fields.append(("attr.\(attribute.key)", attribute.value)) }
        return fields
    }

    /// Up to 20 characters around `index`, for a message.
    static func snippet(_ text: String, around index: String.Index) -> String {
        let start = text.index(index, offsetBy: -8, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(index, offsetBy: 12, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end]).replacingOccurrences(of: "\n", with: " ")
    }
}
