import Foundation
import KatalogCore

/// Reads a whole (small) document and decodes it, reporting the encoding and any undecodable bytes.
enum DocumentLoading {
    /// The document's text; throws `InputUnreadable` when the file cannot be read.
    static func text(of document: SourceDocument, declared: String? = nil, into sink: RecordSink) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: document.fileURL))
        } catch {
            throw InputUnreadable(path: document.displayPath, reason: (error as NSError).localizedDescription)
        }
        let decoded = TextDecoding.decode(data, declared: declared, languageHint: document.hints.language)
        sink.noteEncoding(decoded.encoding)
        if decoded.invalidSequences > 0 {
            sink.report(.invalidBytes(decoded, file: document.displayPath))
        }
        return decoded.text
    }
}

extension Diagnostic {
    static func invalidBytes(_ decoded: DecodedText, file: String) -> Diagnostic {
        let offset = decoded.firstInvalidOffset.map { " (first at byte \($0))" } ?? ""
        return Diagnostic(
            .warning, .encodingInvalidBytes,
            "\(decoded.invalidSequences) byte sequence(s) are not valid \(decoded.encoding.name)\(offset); each was replaced by U+FFFD and the rest of the document was read.",
            at: SourceLocation(file: file)
        )
    }
}
