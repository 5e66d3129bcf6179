import Foundation
import KatalogCore
import KatalogPipeline
import KatalogReaders
import KatalogWriters
import Testing

/// Each findings format checked against what its consumers accept: JUnit XML against the JUnit schema Jenkins
/// uses (libxml2's XML Schema validator), SARIF against the OASIS SARIF 2.1.0 schema, GitHub annotations against
/// the workflow-command syntax.
struct FindingsFormatSchemaTests {
    static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Validate/Schemas")

    /// `katalog validate <paths> --format <format>` run from the package root (relative paths, as users type them).
    static func render(_ format: String, _ paths: [String] = ["Samples/invalid"], maxErrors: Int? = nil) throws -> String {
        var arguments = ["validate"] + paths + ["--format", format]
        if let maxErrors { arguments += ["--max-errors", String(maxErrors)] }
        return try TestSupport.katalog(arguments).stdout
    }

    @Test(arguments: [nil, 3] as [Int?])
    func junitMatchesTheJUnitSchema(_ maxErrors: Int?) throws {
        let xml = try Self.render("junit", maxErrors: maxErrors)
        let problems = try Self.xsdProblems(xml, schema: Self.schemas.appendingPathComponent("junit-10.xsd"))
        #expect(problems.isEmpty, "\(problems)")
        #expect(xml.contains("<testcase classname=\"Samples/invalid/text/gtin-checksum.txt\" name=\"record 1 (line 1): Bosch PSB 500 RE smūginis gręžtuvas\">"))
    }

    @Test func junitHasOneTestCasePerRecordAndFailsTheRejected() throws {
        let xml = try Self.render("junit", ["Samples/invalid/text"])
        let records = try Self.render("text", ["Samples/invalid/text"]).contains("22 files, 22 records") ? 22 : -1
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == records)
        #expect(xml.contains("<failure type=\"rejected\" message=\"Rejected: kept out of the catalog by record.unidentified\">"))
    }

    @Test(arguments: [nil, 3] as [Int?])
    func sarifMatchesTheSARIFSchema(_ maxErrors: Int?) throws {
        let sarif = try Self.render("sarif", maxErrors: maxErrors)
        let instance = try JSONSerialization.jsonObject(with: Data(sarif.utf8))
        let check = try JSONSchemaCheck(schemaAt: Self.schemas.appendingPathComponent("sarif-schema-2.1.0.subset.json"))
        #expect(check.errors(in: instance) == [])
        // The checker itself rejects what the schema forbids.
        #expect(!check.errors(in: ["version": "2.0.0", "runs": []]).isEmpty)
        #expect(!check.errors(in: ["version": "2.1.0", "runs": [["tool": ["driver": ["name": "k"]], "results": [["level": "fatal", "message": ["text": "x"]]]]]]).isEmpty)
        #expect(!check.errors(in: ["version": "2.1.0", "runs": [["tool": ["driver": [:]]]]]).isEmpty)
        #expect(!check.errors(in: ["version": "2.1.0", "runs": [["tool": ["driver": ["name": "k"]], "artifacts": [["x": 1]]]]]).isEmpty, "an unresolved definition fails")
    }

    @Test func sarifResultsPointAtRulesAndLines() throws {
        let sarif = try Self.render("sarif", ["Samples/invalid/text/gtin-checksum.txt"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        let result = try #require(results.first)
        let index = try #require(result["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == "gtin.checksum")
        #expect(result["level"] as? String == "error")
        let region = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        #expect(region?["startLine"] as? Int == 5)
    }

    @Test func githubAnnotationsFollowTheWorkflowCommandSyntax() throws {
        let output = try Self.render("github")
        let commands = output.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(!commands.isEmpty)
        let pattern = #"^::(error|warning|notice) file=[^,:]+(,line=[0-9]+)?,title=[a-z0-9.-]+::[^\r\n]*$"#
        for command in commands {
            #expect(command.range(of: pattern, options: .regularExpression) != nil, "\(command)")
        }
        let location = SourceLocation(file: "feeds/a,b:c.csv", line: 3, record: 1, field: "Price")
        let escaped = GitHubFindings.command(for: Diagnostic(.warning, .priceZero, "100% off\nnow", at: location))
        #expect(escaped == "::warning file=feeds/a%2Cb%3Ac.csv,line=3,title=price.zero::100%25 off%0Anow (field: Price)")
    }

    @Test func textLinesAreCompilerStyle() {
        let location = SourceLocation(file: "Samples/a.txt", line: 7, record: 1, field: "EAN")
        #expect(TextFindings.line(for: Diagnostic(.error, .gtinChecksum, "GTIN fails.", at: location)) == "Samples/a.txt:7:1: error: [gtin.checksum] GTIN fails. (field: EAN)")
        #expect(TextFindings.line(for: Diagnostic(.warning, .inputUnsupported, "Skipped.", at: SourceLocation(file: "x.bin"))) == "x.bin: warning: [input.unsupported] Skipped.")
    }

    /// Problems libxml2's XML Schema validator reports for `xml` against the XSD at `schema` (empty: valid).
    static func xsdProblems(_ xml: String, schema: URL) throws -> [String] {
        LibXML2Tools.xsdProblems(xml, schemaPath: schema.path)
    }
}
