import KatalogCore

/// Reads every `<script type="application/ld+json">` block on a page and returns its products (and what else the
/// blocks say: `SchemaOrgFinding`).
///
/// Blocks are independent: a block that cannot be parsed even after repair gives a `jsonld.invalid` error
/// diagnostic and the others are still read. Every repair gives a `jsonld.repaired` warning naming what was done.
struct JSONLDExtractor {
    func products(in tree: MarkupTree, location: SourceLocation, diagnostics: DiagnosticBag) -> SchemaOrgFinding {
        var roots: [SchemaOrgProductFinder.Root] = []
        var blockNumber = 0
        for index in tree.nodes.indices where tree[index].isElement && tree[index].value == "script" {
            guard let type = tree.attribute("type", of: index)?.lowercased(), type.contains("ld+json") else { continue }
            blockNumber += 1
            let textNodes = tree.descendants(of: index).filter { tree[$0].kind == .text }
            let body = textNodes.map { tree[$0].value }.joined()
            // JSON line 1 is the line of the `<script>` tag (libxml2 gives script text no line of its own).
            let firstLine = Int(tree[index].line)
            let here = location.with(field: "script[\(blockNumber)]", line: firstLine > 0 ? firstLine : nil)
            guard !body.allSatisfy(\.isWhitespace) else {
                diagnostics.append(.jsonLDInvalid(reason: "the block is empty", at: here))
                continue
            }
            let (text, textRepairs, skippedLines) = JSONLDTextRepair.repair(body)
            let jsonFirstLine = firstLine > 0 ? firstLine + skippedLines : 0
            var parser = JSONParser(text, mode: .lenient)
            do {
                let value = try parser.parse()
                let repairs = textRepairs + parser.repairs
                if !repairs.isEmpty { diagnostics.append(.jsonLDRepaired(repairs, at: here)) }
                roots.append(.init(value: value, lineOffset: max(jsonFirstLine - 1, 0), line: firstLine))
            } catch {
                let line = jsonFirstLine > 0 ? jsonFirstLine + error.line - 1 : nil
                diagnostics.append(.jsonLDInvalid(reason: PageTextQuote.quote(error.message), at: location.with(field: "script[\(blockNumber)]", line: line)))
            }
        }
        guard !roots.isEmpty else { return SchemaOrgFinding() }
        return SchemaOrgFinding(products: SchemaOrgProductFinder(origin: .jsonLD).products(in: roots), roots: roots)
    }
}

extension Diagnostic {
    /// A JSON-LD block was read after fixing what shops commonly get wrong.
    static func jsonLDRepaired(_ repairs: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, .jsonLDRepaired, "JSON-LD block was not valid JSON and was repaired: \(repairs.joined(separator: "; ")).", at: location)
    }

    /// A JSON-LD block could not be read; the page's other blocks and markup are still used.
    static func jsonLDInvalid(reason: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .jsonLDInvalid, "JSON-LD block skipped, it could not be read: \(reason).", at: location)
    }
}
