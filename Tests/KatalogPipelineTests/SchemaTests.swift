import Foundation
import Testing
@testable import KatalogWriters

/// The shipped JSON Schema accepts every record Katalog writes, checked by an independent validator
/// (Python's `jsonschema`). Skipped, with a message naming what is missing, on a machine without it; on CI
/// (`CI=true`, where `.ci/setup` installs it) a missing validator is a failure, not a skip.
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

    static let onCI = ProcessInfo.processInfo.environment["CI"] == "true"

    @Test(.enabled(if: validatorAvailable || onCI, "skipped: python3 with the jsonschema package is missing (pip install jsonschema)"))
    func outputRecordsMatchTheSchema() throws {
        try #require(Self.validatorAvailable, "CI must have python3 with jsonschema (.ci/setup installs it)")
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

/// The JSON writer's escaping, byte for byte (regression: the U+2028 check once matched the second byte of `Ш`).
struct JSONEscapingTests {
    @Test(arguments: [
        ("Штрихкод", "\"Штрихкод\""),
        ("a\u{2028}b\u{2029}c", "\"a\\u2028b\\u2029c\""),
        ("quote \" back \\ tab \t nl \n", "\"quote \\\" back \\\\ tab \\t nl \\n\""),
        ("\u{01}\u{7F}", "\"\\u0001\\u007f\""),
        ("Prekės kodas 58.99€ / ¹", "\"Prekės kodas 58.99€ / ¹\""),
        ("€ – “x” \u{2028}", "\"€ – “x” \\u2028\""),
        ("\u{2029}", "\"\\u2029\""),
        ("a\u{0}\u{1F}\u{8}\u{C}\rz", "\"a\\u0000\\u001f\\b\\f\\rz\""),
    ])
    func escapes(text: String, json: String) throws {
        #expect(JSONValue.string(text).compact == json)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) as? String
        #expect(parsed == text)
    }

    /// Run-time keys (provenance field names): plain ASCII ones are copied whole, any other is escaped like a value.
    @Test func runTimeKeysAreEscapedOnlyWhenTheyNeedIt() throws {
        var json = JSONWriter(compact: true, prettyIndent: 0)
        json.beginObject()
        for (index, key) in ["a\"b", "package_length", "tab\tkey", "x\u{2028}", "ė"].enumerated() { json.key(key); json.int(index) }
        json.endObject()
        #expect(String(decoding: json.compact, as: UTF8.self) == #"{"a\"b":0,"package_length":1,"tab\tkey":2,"x\u2028":3,"ė":4}"#)
        #expect(String(decoding: json.pretty, as: UTF8.self).contains(#"  "package_length": 1,"#))
    }
}
