/// Titles and descriptions longer than marketplaces accept are cut or refused there.
public struct TitleLengthRule: RecordRule {
    public let code: FindingCode = .titleTooLong
    public let title = "Title too long"
    public let defaultSeverity = Severity.warning
    public let explanation = "Marketplaces limit titles (Google Merchant Center: 150 characters) and cut or refuse longer ones. The full title is imported; the finding says by how much it is over (`limits.title_max` in the configuration)."
    public let example = "A 180-character title that repeats the product's specification."

    public init() {}

    public func check(_ product: Product) -> [Finding] { check(product, context: RuleContext()) }

    public func check(_ product: Product, context: RuleContext) -> [Finding] {
        let limit = context.settings.titleMaxLength
        // A character is at least one UTF-8 byte: a title of at most `limit` bytes is not counted.
        guard let title = product.title, title.utf8.count > limit else { return [] }
        // Counting characters walks grapheme clusters, the rule's whole cost on a long page: once.
        let length = title.count
        guard length > limit else { return [] }
        return [finding("The title has \(length) characters; marketplaces accept at most \(limit).")]
    }
}
