/// Catalog entries for findings `katalog merge` (and `sync --merge`) makes on merged products.
enum MergeFindingCatalog {
    static let all: [RuleInfo] = [
        RuleInfo(.mergePriceDisagrees, title: "Sources disagree on the price", severity: .warning, stage: .run,
                 explanation: "Records of several sources were merged into one product (same valid GTIN, else same brand + MPN) and their prices differ in amount or currency. The merged record keeps the price of the source whose price ranks best (a structured feed over a page's structured data over a page's text, `--precedence`); the finding lists every source's price.",
                 example: "`DJI RS 4 Mini`: 369.00 EUR in `distributor.csv`, 359.00 EUR in `eshop-feed.xml`."),
        RuleInfo(.mergeIdentifiersDisagree, title: "Same GTIN, different brand or MPN", severity: .warning, stage: .run,
                 explanation: "Records of several sources were merged because they carry the same valid GTIN, but they name different brands or manufacturer part numbers (brands compared case-folded). One source probably has a wrong GTIN (a placeholder, a parent's GTIN on a variant); the merged record keeps the best-ranked source's values and the finding lists them all.",
                 example: "GTIN 8710100422122 as `Philips HD9270/90` in one feed and `Philips HD9280/70` in another."),
    ]
}
