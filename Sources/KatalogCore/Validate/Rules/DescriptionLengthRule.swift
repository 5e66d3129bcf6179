/// Descriptions longer than marketplaces accept are cut there.
public struct DescriptionLengthRule: RecordRule {
    public let code: FindingCode = .descriptionTooLong
    public let title = "Description too long"
    public let defaultSeverity = Severity.warning
    public let explanation = "Marketplaces limit descriptions (Google Merchant Center: 5,000 characters) and cut longer ones, often mid-sentence. The full description is imported; the finding gives its length (`limits.description_max` in the configuration)."
    public let example = "A description that includes the shop's full terms and conditions."

    public init() {}

    public func check(_ product: Product) -> [Finding] { check(product, context: RuleContext()) }

    public func check(_ product: Product, context: RuleContext) -> [Finding] {
        let limit = context.settings.descriptionMaxLength
        // A character is at least one UTF-8 byte: a description of at most `limit` bytes is not counted.
        guard let description = product.description, description.utf8.count > limit else { return [] }
        // Counting characters walks grapheme clusters, the rule's whole cost on a long page: once.
        let length = description.count
        guard length > limit else { return [] }
        return [finding("The description has \(length) characters; marketplaces accept at most \(limit).")]
    }
}
