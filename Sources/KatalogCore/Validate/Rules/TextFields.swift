/// The human-readable texts of a product that text-quality rules look at, named as in outputs.
enum TextFields {
    /// One text and where it is: `title`, `brand`, `description`, or an attribute (named `attr.<key>`).
    struct Field {
        /// The product field, or the attribute's key.
        let label: String
        let isAttribute: Bool
        let text: String

        /// The name outputs give it; built only for a finding's message.
        var name: String { isAttribute ? "attr." + label : label }
    }

    static func of(_ product: Product) -> [Field] {
        var fields: [Field] = []
        fields.reserveCapacity(3 + product.attributes.count)
        if let title = product.title { fields.append(Field(label: "title", isAttribute: false, text: title)) }
        if let brand = product.brand { fields.append(Field(label: "brand", isAttribute: false, text: brand)) }
        if let description = product.description { fields.append(Field(label: "description", isAttribute: false, text: description)) }
        for attribute in product.attributes { fields.append(Field(label: attribute.key, isAttribute: true, text: attribute.value)) }
        return fields
    }

    /// Whether `test` holds for some text `of(product)` lists, without building the list.
    static func contains(in product: Product, where test: (String) -> Bool) -> Bool {
        if let title = product.title, test(title) { return true }
        if let brand = product.brand, test(brand) { return true }
        if let description = product.description, test(description) { return true }
        for index in product.attributes.indices where test(product.attributes[index].value) { return true }
        return false
    }

    /// Up to 20 characters around `index`, for a message.
    static func snippet(_ text: String, around index: String.Index) -> String {
        let start = text.index(index, offsetBy: -8, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(index, offsetBy: 12, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end]).replacingOccurrences(of: "\n", with: " ")
    }
}
