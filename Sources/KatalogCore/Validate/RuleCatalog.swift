/// Every finding code Katalog emits, with its default severity, explanation and example: the source of
/// `docs/rules.md`, of SARIF rule metadata, and of the codes a configuration file may name.
public enum RuleCatalog {
    /// The record rules the validator runs, in order.
    public static let recordRules: [any RecordRule] = [
        UnidentifiedRecordRule(), UsablePriceRule(), MissingTitleRule(), MissingIdentifierRule(), RequiredFieldRule(),
        GTINPrefixRule(), GTINCouponRule(), PriceZeroRule(), PriceNegativeRule(), SalePriceAbovePriceRule(),
        PackageDimensionRule(), PackageWeightRule(), StructuredDataRule(), MojibakeRule(), ReplacementCharacterRule(),
        TitleLengthRule(), DescriptionLengthRule(),
        PlanWithoutCoveredProductRule(), PlanClaimFeeCurrencyRule(), PlanTermExceedsMaximumRule(),
    ]

    /// Fresh cross-record rules for one run (they keep state).
    /// Fresh run rules; each keeps up to `memoryCapacity` keys per index in memory before spilling to disk.
    public static func makeRunRules(memoryCapacity: Int = FirstSeenIndex.defaultMemoryCapacity) -> [any RunRule] {
        [DuplicateSKURule(memoryCapacity: memoryCapacity), SharedGTINRule(memoryCapacity: memoryCapacity)]
    }

    static let runRuleInfos: [RuleInfo] = [DuplicateSKURule.staticInfo, SharedGTINRule.staticInfo]

    /// All entries, sorted by code.
    public static let all: [RuleInfo] = {
        let entries = recordRules.map(\.info) + runRuleInfos + NormalizerFindingCatalog.all + ReadFindingCatalog.all + HTMLFindingCatalog.all + FeedReadFindingCatalog.all + MergeFindingCatalog.all
        return entries.sorted { $0.code < $1.code }
    }()

    private static let byCode: [FindingCode: RuleInfo] = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// The entry for `code`, or nil when Katalog does not know it.
    public static func info(for code: FindingCode) -> RuleInfo? { byCode[code] }

    /// True when `code` is in the catalog.
    public static func contains(_ code: FindingCode) -> Bool { byCode[code] != nil }

    /// The catalogued code written `name` (`gtin.checksum`), or nil when Katalog knows no such code: how a user's
    /// text (a configuration, an option) becomes a code.
    public static func code(named name: String) -> FindingCode? { byCode[FindingCode(name)]?.code }
}
