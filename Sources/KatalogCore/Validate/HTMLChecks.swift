/// Catalog entries for findings about HTML product pages: parsing, encodings, JSON-LD repairs, and disagreements
/// between a page's origins. The messages are made by the factories beside the HTML reader
/// (`Sources/KatalogReaders/HTML/`) and `OriginPrecedence`; see docs/html.md.
enum HTMLChecks {
    static let all: [RuleInfo] = [
        RuleInfo("html.recovered", title: "HTML parser recovered from broken markup", severity: .info, stage: .read,
                 explanation: "libxml2 met markup it had to repair (a stray end tag, an unclosed element, an unknown entity) and went on; the message and line are libxml2's. At most 64 per page are listed, then a count. A warning when libxml2 had to stop (its depth limit).",
                 example: "`</span>` closing a `<div>`: `Unexpected end tag : span`."),
        RuleInfo("html.too-deep", title: "HTML nested too deeply", severity: .warning, stage: .read,
                 explanation: "Elements nested more than 256 levels deep are flattened into their ancestor; their text is kept. Real pages never nest this deep, so the page is broken or hostile.",
                 example: "A page of 10,000 nested `<div>`s."),
        RuleInfo("html.truncated", title: "HTML page too large", severity: .warning, stage: .read,
                 explanation: "Only the first 32 MB of a page are read; product pages are far smaller, so the file is probably not a product page.",
                 example: "A 50 MB HTML dump of a whole category."),
        RuleInfo("html.no-product", title: "No product on the page", severity: .warning, stage: .read,
                 explanation: "The page has no structured data, no heading, no specification table and no price, so no record is read from it.",
                 example: "An empty `<html></html>` or a login page."),
        RuleInfo("html.extra-product", title: "Second product on the page not imported", severity: .info, stage: .read,
                 explanation: "Structured data on the page describes another product that matches none of the page's main products (a related item, an accessory); it is not imported.",
                 example: "JSON-LD for the main product plus Microdata for three related products."),
        RuleInfo("jsonld.repaired", title: "JSON-LD repaired", severity: .warning, stage: .read,
                 explanation: "A JSON-LD block was not valid JSON but could be read after undoing a common template mistake: HTML-escaped quotes, a comment or CDATA wrapper, a trailing `;` or comma, raw line breaks inside strings. The message says which; fix the shop template.",
                 example: "`{&quot;@type&quot;: &quot;Product&quot;}` or `{…};`."),
        RuleInfo("jsonld.invalid", title: "JSON-LD block unreadable", severity: .error, stage: .read,
                 explanation: "A JSON-LD block could not be read even after repairs; it is skipped with the line where reading stopped. The page's other blocks and markup are still used.",
                 example: "A missing comma between two properties."),
        RuleInfo("encoding.invalid-bytes", title: "Bytes not valid in the page's encoding", severity: .warning, stage: .read,
                 explanation: "Some bytes are not valid in the encoding the page was decoded with (declared, from a byte-order mark, or sniffed); they become U+FFFD. The line of the first one is given.",
                 example: "A page declared UTF-8 holding a windows-1257 `ą` (byte 0xE0)."),
        RuleInfo("encoding.unsupported", title: "Declared charset not supported", severity: .warning, stage: .read,
                 explanation: "The page declares a charset Katalog cannot decode; it is read as UTF-8 when valid, else with the single-byte code page that reads best.",
                 example: "`<meta charset=\"shift_jis\">`."),
        RuleInfo("origin.mismatch", title: "Origins of a page disagree", severity: .warning, stage: .normalize,
                 explanation: "Two origins of one record (JSON-LD, Microdata, RDFa, OpenGraph, specification table, visible text) give different prices, currencies or GTINs. The value of the higher-precedence origin is kept and both are named — the offline equivalent of a marketplace's mismatched-value check between structured data and the landing page.",
                 example: "JSON-LD `\"price\": \"1499.00\"` while the page shows `1 299,00 zł`."),
    ]
}
