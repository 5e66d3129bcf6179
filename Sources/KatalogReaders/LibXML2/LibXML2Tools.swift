import CLibXML2
import Foundation

/// libxml2 services outside the readers — a bare parse as a benchmark baseline, the library's version, XML Schema
/// validation for tests of Katalog's XML outputs — so no other module needs to import libxml2 itself.
public enum LibXML2Tools {
    /// The linked libxml2's version (`20914` for 2.9.14).
    public static var version: String {
        LibXML2Runtime.ensureInitialized()
        return __xmlParserVersion().pointee.map { String(cString: $0) } ?? "unknown"
    }

    /// Parses `page` with `htmlReadMemory` under the reader's options (`RECOVER | NONET | NOERROR | NOWARNING`) and
    /// frees the document: what a bare libxml2 pipeline does per page. Returns whether a document was built.
    public static func bareHTMLParse(_ page: Data) -> Bool {
        LibXML2Runtime.ensureInitialized()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        return page.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress, let document = htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, nil, options) else { return false }
            xmlFreeDoc(document)
            return true
        }
    }

    /// Problems libxml2's XML Schema validator reports for `xml` against the XSD file at `schemaPath` (empty:
    /// valid). The document is parsed with `NONET`; the schema may include files next to it.
    public static func xsdProblems(_ xml: String, schemaPath: String) -> [String] {
        LibXML2Runtime.ensureInitialized()
        guard let parserContext = xmlSchemaNewParserCtxt(schemaPath) else { return ["cannot open schema"] }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        guard let compiled = xmlSchemaParse(parserContext) else { return ["cannot compile schema"] }
        defer { xmlSchemaFree(compiled) }
        guard let validation = xmlSchemaNewValidCtxt(compiled) else { return ["cannot create validator"] }
        defer { xmlSchemaFreeValidCtxt(validation) }
        let bytes = Array(xml.utf8)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), "document.xml", "UTF-8", Int32(XML_PARSE_NONET.rawValue))
                }
            }
        }
        guard let document else { return ["not well-formed XML"] }
        defer { xmlFreeDoc(document) }
        let result = xmlSchemaValidateDoc(validation, document)
        return result == 0 ? [] : ["xmlSchemaValidateDoc returned \(result) (details on stderr)"]
    }
}
