/// Catalog entries for findings made while discovering and reading files.
enum ReadChecks {
    static let all: [RuleInfo] = [
        RuleInfo("file.nothing-imported", title: "A file imported nothing", severity: .error, stage: .read,
                 explanation: "The file gave records but every one of them was rejected. The report names the reason most of them share and its fix (for prices without a currency: `--currency CODE` or `currency:` for the source). The summary on stderr lists such files; `katalog import --strict` and `katalog validate` exit 1.",
                 example: "A Shopify export whose prices name no currency, with nothing in the file that says which."),
        RuleInfo("input.unreadable", title: "Input cannot be read", severity: .error, stage: .read,
                 explanation: "A named file or folder does not exist or cannot be opened or listed. No records are taken from it; the other inputs are still processed, and `katalog validate` and `katalog import` exit with code 3.",
                 example: "`katalog validate feeds/missing.csv`"),
        RuleInfo("input.unsupported", title: "File of a kind Katalog does not read", severity: .warning, stage: .read,
                 explanation: "The file is empty, binary (an image, a PDF, an archive) or of no kind Katalog recognises from its bytes. It is skipped.",
                 example: "A `logo.png` in the samples folder."),
        RuleInfo("input.no-reader", title: "No reader for this kind", severity: .error, stage: .read,
                 explanation: "The file was recognised (say, as a Heureka XML feed) but this build of Katalog has no reader for that kind, so its records cannot be read. It is skipped.",
                 example: "A YML (`yml_catalog`) feed in a build without the YML reader."),
        RuleInfo("input.configuration-skipped", title: "Configuration file skipped", severity: .info, stage: .read,
                 explanation: "A Katalog configuration file (`katalog.yml`, or a YAML file whose first key is `katalog:`) found while walking a folder is not a product source, so it is skipped rather than read as a text page. Pass it with `--config` to use it.",
                 example: "`katalog import Samples` with `Samples/invalid/katalog.yml` in the folder."),
        RuleInfo("input.not-a-catalog", title: "Exchange-rates file skipped", severity: .info, stage: .read,
                 explanation: "An ECB euro reference-rates file (`eurofxref-daily.xml`, `eurofxref-hist.xml`) found among the inputs holds rates, not products, so it is skipped. Pass it with `--rates` to convert prices.",
                 example: "`katalog import Samples` with `Samples/rates/eurofxref-daily.xml` in the folder."),
        RuleInfo("text.empty", title: "Empty text page", severity: .warning, stage: .read,
                 explanation: "A plain-text page export holds no text (only blank lines), so no record is read from it.",
                 example: "A `.txt` file of three blank lines."),
        RuleInfo("text.boilerplate-removed", title: "Boilerplate left out of a text page", severity: .info, stage: .read,
                 explanation: "Blocks repeated at every page break of a text export (disclaimers, contact lines) and `Page 2 of 3` markers are left out of the description. The finding lists the lines, so nothing disappears silently.",
                 example: "`www.shopro.lt | info@shopro.lt | +370 693 39903` repeated after each page break."),
    ]
}
