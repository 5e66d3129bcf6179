/// schema.org type and property names as written in any syntax: `Product`, `schema:Product`,
/// `https://schema.org/Product`, `http://schema.org/Product#x`.
enum SchemaOrgName {
    /// The local name: text after the last `/`, `#` or `:`.
    static func local(_ name: String) -> String {
        let trimmed = MarkupText.trimmed(name)
        if let cut = trimmed.lastIndex(where: { $0 == "/" || $0 == "#" || $0 == ":" }) {
            return String(trimmed[trimmed.index(after: cut)...])
        }
        return trimmed
    }

    /// Local type names of a JSON-LD/microdata/RDFa `@type` value (string or array of strings).
    static func types(of value: JSONValue?) -> [String] {
        guard let value else { return [] }
        return value.elements.compactMap(\.scalarText).flatMap { $0.split(separator: " ").map { local(String($0)) } }
    }

    static let productTypes: Set<String> = ["Product", "IndividualProduct", "ProductModel", "SomeProducts", "Vehicle", "Car"]
    static let groupTypes: Set<String> = ["ProductGroup"]
}
