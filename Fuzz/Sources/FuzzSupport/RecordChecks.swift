import Foundation
import KatalogCore
import KatalogReaders

/// A sink that checks every record and diagnostic a reader hands over, as it arrives.
///
/// Every record must have a location in the document being read (its file, a record index counting up from 1,
/// a line ≥ 1 when there is one), and no value or message may hold the canary's secret.
public final class CheckingSink: RecordSink {
    public let file: String
    public private(set) var records = 0
    public private(set) var diagnostics: [Diagnostic] = []
    private var lastRecordIndex = 0

    public init(file: String) { self.file = file }

    public func accept(_ record: RawRecord) {
        records += 1
        let location = record.location
        invariant(location.file == file, "record \(records) is located in \(location.file), not \(file)")
        invariant(location.record != nil, "record \(records) has no record index")
        if let index = location.record {
            invariant(index >= 1 && index > lastRecordIndex, "record indexes do not count up: \(index) after \(lastRecordIndex)")
            lastRecordIndex = index
        }
        if let line = location.line { invariant(line >= 1, "record \(records) is at line \(line)") }
        for field in record.fields {
            if let line = field.line { invariant(line >= 1, "field \(field.label ?? "-") is at line \(line)") }
            Canary.check(field.value, "field \(field.label ?? "-")")
            if let label = field.label { Canary.check(label, "a label") }
        }
    }

    public func report(_ diagnostic: Diagnostic) {
        invariant(diagnostic.location.file == file, "diagnostic \(diagnostic.code) is located in \(diagnostic.location.file)")
        invariant(!diagnostic.code.rawValue.isEmpty && !diagnostic.message.isEmpty, "a diagnostic without code or message")
        if let line = diagnostic.location.line { invariant(line >= 1, "diagnostic \(diagnostic.code) at line \(line)") }
        Canary.check(diagnostic.message, "diagnostic \(diagnostic.code)")
        if diagnostics.count < 1000 { diagnostics.append(diagnostic) }
    }
}

/// Reads `data` with `reader` as a file named `name` and checks what it hands over.
@discardableResult
public func readChecked(_ data: UnsafeRawBufferPointer, named name: String, kind: InputKind, with reader: any RecordReader) -> CheckingSink {
    let path = ScratchInput.write(data, named: name)
    let sink = CheckingSink(file: name)
    do {
        try reader.read(SourceDocument(fileURL: path, displayPath: name, kind: kind), into: sink)
    } catch {
        invariant(false, "the reader threw for a readable file: \(error)")
    }
    ExternalLoadGuard.check()
    return sink
}
