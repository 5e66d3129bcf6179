/// The canonical catalog record: the same shape whatever the input kind. Units are canonical (mm, g).
public struct Product: Sendable, Hashable, Codable {
    /// Stable identity within a run: `<file>#<record>`.
    public var id: String
    public var title: String?
    public var description: String?
    /// ISO 639-1 language of title and description, when detected.
    public var language: String?
    /// ISO 639-1 language detected in the title alone (titles are often in another language than descriptions).
    public var titleLanguage: String?
    /// ISO 639-1 language detected in the description.
    public var descriptionLanguage: String?
    public var sku: String?
    public var mpn: String?
    public var brand: String?
    public var gtin: GTIN?
    public var price: Price?
    public var salePrice: Price?
    /// The amount of a price whose currency nothing decided; only a rejected record shows it (`understood.price`).
    public var priceWithoutCurrency: AmountWithoutCurrency?
    /// `price` (and `salePrice`) in the run's base currency, when `--rates` is given.
    public var convertedPrice: ConvertedPrice?
    /// Canonical availability (`in_stock`, `out_of_stock`, `preorder`, `backorder`).
    public var availability: String?
    /// Canonical condition (`new`, `used`, `refurbished`).
    public var condition: String?
    public var url: String?
    public var images: [String] = []
    public var category: String?
    public var itemGroupID: String?
    public var package = PackageInfo()
    public var attributes: [Attribute] = []
    /// The terms of a service plan (care plan, extended warranty, subscription, activation code); nil for goods.
    /// Kept out of line: it is two thirds of a record's inline bytes and nil on most records.
    @OutOfLine public var servicePlan: ServicePlan? = nil
    /// For each canonical field that has a value, the raw field it came from.
    public var provenance: [String: FieldProvenance] = [:]
    public var source: SourceLocation
    public var sourceKind: InputKind
    /// Everything found about this record, in the order found.
    public var diagnostics: [Diagnostic] = []
    /// Findings that hold for a whole column of a spreadsheet rather than for this record (a unit named in the
    /// column header). They are not part of the record: the pipeline reports each once per file and column.
    public var columnNotes: [Diagnostic] = []

    public init(id: String, source: SourceLocation, sourceKind: InputKind) {
        self.id = id
        self.source = source
        self.sourceKind = sourceKind
    }
}
