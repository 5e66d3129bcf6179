/// Catalog entries for findings the feed readers make (CSV/TSV, XML feeds, JSON), next to `ReadChecks`.
enum FeedReadChecks {
    static let all: [RuleInfo] = csv + xml + json + feed

    static let csv: [RuleInfo] = [
        RuleInfo("csv.ragged-row", title: "Row with more cells than the header", severity: .warning, stage: .read,
                 explanation: "A data row has more cells than the header has columns (often an unquoted delimiter inside a value). Every cell is kept; the extra ones have no label.",
                 example: "`A-1;Virdulys;29,99;extra` under `Kodas;Pavadinimas;Kaina`."),
        RuleInfo("csv.unterminated-quote", title: "Quoted cell never closed", severity: .error, stage: .read,
                 explanation: "A cell opens a quote that is never closed, so everything up to the end of the file was read into it. The row is kept; the finding gives the line of the opening quote.",
                 example: "`B-2;\"Šalmas be pabaigos;20` followed by more rows."),
        RuleInfo("csv.stray-quote", title: "Text after a closing quote", severity: .warning, stage: .read,
                 explanation: "A quoted cell is followed by more text before the delimiter (`\"Virdulys\" 1,7 l`). The text is kept as part of the cell.",
                 example: "`\"Elektrinis virdulys\" #4;…`"),
        RuleInfo("csv.field-too-long", title: "Cell over 1 MiB", severity: .error, stage: .read,
                 explanation: "A cell is longer than 1 MiB, almost always because a stray quote swallowed the following rows. The cell is cut at 1 MiB so memory stays flat.",
                 example: "A description cell with an opening quote and no closing one in a 500 MB export."),
        RuleInfo("csv.invalid-encoding", title: "Bytes not valid in the file's encoding", severity: .warning, stage: .read,
                 explanation: "Some byte sequences are not valid in the encoding found for the file (BOM, declaration or sniff); they were replaced with U+FFFD.",
                 example: "A UTF-8 export with a few windows-1257 bytes pasted in."),
        RuleInfo("csv.empty", title: "Empty CSV file", severity: .warning, stage: .read,
                 explanation: "The file has no bytes (or only a byte-order mark), so there is no header row and no data row; nothing is read from it.",
                 example: "A zero-byte `prekes.csv`."),
        RuleInfo("csv.no-rows", title: "CSV with a header only", severity: .warning, stage: .read,
                 explanation: "The file has a header row but no data rows, so no record is read from it; an export may have been cut short.",
                 example: "`Prekės kodas;Pavadinimas;Kaina` and nothing else."),
    ]

    static let xml: [RuleInfo] = [
        RuleInfo("xml.malformed", title: "Malformed XML feed", severity: .error, stage: .read,
                 explanation: "The XML is not well-formed (a mismatched tag, a bad character). Reading stops at the fault; every item before it is kept and the item it cut off is kept too (with `feed.item-incomplete`). The finding gives the line.",
                 example: "`<title>Bad</tittle>` in the third item."),
        RuleInfo("xml.truncated", title: "XML feed cut off", severity: .error, stage: .read,
                 explanation: "The feed ends before the document does (an interrupted download). Every item read before the cut is kept; the finding gives the line where reading stopped.",
                 example: "A Google Merchant feed ending in `<title>Nukirpta prek`."),
        RuleInfo("xml.entity-bomb", title: "Entity-expansion attack", severity: .error, stage: .read,
                 explanation: "The feed declares entities that expand without bound (billion laughs). Katalog never expands DTD entities and libxml2's limits stop the parse at once; items before it are kept and the run goes on with the next file.",
                 example: "`<!ENTITY lol9 \"&lol8;&lol8;…\">` referenced from an item."),
        RuleInfo("xml.entity-blocked", title: "Entity not expanded", severity: .warning, stage: .read,
                 explanation: "An item refers to an entity declared in the feed's DTD, or the feed asks for an external entity or DTD (`file://`, `http://`). Katalog never expands declared entities, never loads anything external and never touches the network; the reference is left out of the value.",
                 example: "`<!ENTITY xxe SYSTEM \"file:///etc/passwd\">` and `<title>&xxe;</title>`."),
        RuleInfo("xml.dtd-ignored", title: "DOCTYPE ignored", severity: .info, stage: .read,
                 explanation: "The feed has a `<!DOCTYPE>`. Its DTD is not loaded and its entities are not expanded; the items are read as they are.",
                 example: "`<!DOCTYPE yml_catalog SYSTEM \"shops.dtd\">`."),
        RuleInfo("xml.parser-message", title: "XML parser message", severity: .warning, stage: .read,
                 explanation: "libxml2 reported a problem it recovered from (an undeclared namespace prefix, an unknown encoding name). The message is passed on with its line.",
                 example: "`Namespace prefix g on price is not defined`."),
        RuleInfo("xml.too-many-messages", title: "XML parser messages capped", severity: .warning, stage: .read,
                 explanation: "A badly broken feed produced more than 100 parser messages; the rest are counted, not listed, so a huge feed cannot flood the report.",
                 example: "A 2 GB feed with an undeclared prefix on every element."),
    ]

    static let json: [RuleInfo] = [
        RuleInfo("json.malformed", title: "Item that is not valid JSON", severity: .error, stage: .read,
                 explanation: "One item of a JSON array or one line of a JSON Lines file does not parse. It is kept as a record without fields (so it is counted and rejected) and the next item is read.",
                 example: "`{\"sku\": \"B\", \"price\": }` on line 2 of a `.jsonl` file."),
        RuleInfo("json.truncated", title: "JSON feed cut off", severity: .error, stage: .read,
                 explanation: "The file ends inside the top-level array or inside an item. Every complete item before the cut is kept; the cut item is kept without fields.",
                 example: "`[{\"sku\": \"A\"}, {\"sku\": \"B\", \"title\": \"Nukirp`"),
        RuleInfo("json.not-an-object", title: "Array element that is not an object", severity: .error, stage: .read,
                 explanation: "An element of the product array is a number, a string or a nested array rather than a product object. It is kept as a record without fields.",
                 example: "`[{\"sku\": \"A\"}, 42]`"),
    ]

    static let feed: [RuleInfo] = [
        RuleInfo("feed.item-incomplete", title: "Item cut off by a fault", severity: .error, stage: .read,
                 explanation: "A fault in the feed (truncation, malformed XML) came in the middle of this item. The fields read before the fault are kept; the rest of the item is missing.",
                 example: "The last `<item>` of a feed that ends in mid-element."),
        RuleInfo("feed.guessed-items", title: "XML items guessed", severity: .warning, stage: .read,
                 explanation: "An XML feed of no known vocabulary and without a mapping file: the first `product`, `item`, `offer` or `entry` element was taken as the item. Write a mapping file (docs/feeds.md) to choose the item and its fields.",
                 example: "`<catalog><item><name>…</name></item></catalog>` with no `catalog.mapping.json`."),
        RuleInfo("feed.no-items", title: "No items in an XML feed", severity: .warning, stage: .read,
                 explanation: "No element of the XML file looked like an item, so no record was read. Write a mapping file (docs/feeds.md) naming the item element.",
                 example: "`<export><artikel>…</artikel></export>` without a mapping."),
        RuleInfo("feed.market-assumed", title: "Feed market assumed", severity: .info, stage: .read,
                 explanation: "A feed format whose currency depends on its market (Heureka .cz → CZK, .sk → EUR) gave no product URL on a domain that decides it, so the format's documented default market was assumed (Heureka/Zboží: the Czech market, CZK). Set the source's currency in the configuration or on the command line when the assumption is wrong.",
                 example: "A Heureka feed whose `URL`s are on `https://www.shop.eu/`."),
        RuleInfo("feed.bad-mapping", title: "Mapping file unusable", severity: .error, stage: .read,
                 explanation: "The mapping file next to an XML feed is not valid JSON or lacks `item`; the feed is read without it (items guessed).",
                 example: "`shop.mapping.json` with a trailing comma."),
    ]
}
