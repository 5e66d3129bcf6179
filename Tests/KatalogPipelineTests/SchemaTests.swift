import Foundation
import Testing

/// The shipped JSON Schema accepts every record Katalog writes, checked by an independent validator
/// (Python's `jsonschema`), when the machine has one.
struct SchemaTests {
    static let validatorAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test(.enabled(if: validatorAvailable, "python3 with jsonschema is needed"))
    func outputRecordsMatchTheSchema() throws {
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        records = json.load(open(sys.argv[2]))
        errors = [f"{r.get('id')}: {e.message}" for r in records for e in validator.iter_errors(r)]
        print("\\n".join(errors[:20]))
        print(f"{len(records)} records checked", file=sys.stderr)
        sys.exit(1 if errors or not records else 0)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script,
                             TestSupport.packageRoot.appendingPathComponent("docs/catalog-schema.json").path,
                             TestSupport.packageRoot.appendingPathComponent("Output/catalog.json").path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "schema violations:\n\(text)")
    }
}
