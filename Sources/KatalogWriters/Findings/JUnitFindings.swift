import KatalogCore

/// JUnit XML, as CI servers (Jenkins, GitLab, Azure DevOps, GitHub test reporters) display it: one test suite per
/// input file, one test case per input record, and a `<failure>` for each finding at or above the threshold
/// (errors by default; a rejected record always fails). Findings below the threshold go to `<system-out>`.
/// A file's own findings (unreadable, skipped) form a test case named `(file)`. Deterministic: no times or hosts.
public enum JUnitFindings {
    public static func render(_ document: FindingsDocument) -> String {
        var suites: [String] = []
        var totalTests = 0
        var totalFailures = 0
        var errorsListed = 0
        for file in document.files {
            var cases: [String] = []
            var failures = 0
            if !file.diagnostics.isEmpty || file.records.isEmpty {
                let listed = document.listed(file.diagnostics, errorsBefore: &errorsListed)
                let (xml, failed) = testCase(name: "(file)", classname: file.file, diagnostics: listed, rejected: [], threshold: document.threshold)
                cases.append(xml)
                if failed { failures += 1 }
            }
            for record in file.records {
                var name = "record \(record.location.record ?? 1)"
                if let line = record.location.line { name += " (line \(line))" }
                if let title = record.title { name += ": \(title.count > 80 ? String(title.prefix(79)) + "…" : title)" }
                let listed = document.listed(record.diagnostics, errorsBefore: &errorsListed)
                let (xml, failed) = testCase(name: name, classname: file.file, diagnostics: listed, rejected: record.rejectionReasons, threshold: document.threshold)
                cases.append(xml)
                if failed { failures += 1 }
            }
            totalTests += cases.count
            totalFailures += failures
            suites.append("  <testsuite name=\"\(XMLEscaping.escape(file.file, attribute: true))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n" + cases.joined() + "  </testsuite>\n")
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"katalog validate\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\">\n"
        out += suites.joined()
        out += "</testsuites>\n"
        return out
    }

    private static func testCase(name: String, classname: String, diagnostics: [Diagnostic], rejected: [FindingCode], threshold: Severity?) -> (String, Bool) {
        let failing = diagnostics.filter { diagnostic in threshold.map { diagnostic.severity >= $0 } ?? false }
        let other = diagnostics.filter { diagnostic in !(threshold.map { diagnostic.severity >= $0 } ?? false) }
        var xml = "    <testcase classname=\"\(XMLEscaping.escape(classname, attribute: true))\" name=\"\(XMLEscaping.escape(name, attribute: true))\""
        let fails = !failing.isEmpty || !rejected.isEmpty
        guard fails || !other.isEmpty else { return (xml + "/>\n", false) }
        xml += ">\n"
        if !rejected.isEmpty {
            let message = "Rejected: kept out of the catalog by \(rejected.map(\.rawValue).joined(separator: ", "))"
            xml += "      <failure type=\"rejected\" message=\"\(XMLEscaping.escape(message, attribute: true))\">\(XMLEscaping.escape(message))</failure>\n"
        }
        for diagnostic in failing {
            xml += "      <failure type=\"\(XMLEscaping.escape(diagnostic.code.rawValue, attribute: true))\" message=\"\(XMLEscaping.escape(diagnostic.message, attribute: true))\">\(XMLEscaping.escape(TextFindings.line(for: diagnostic)))</failure>\n"
        }
        if !other.isEmpty {
            xml += "      <system-out>\(XMLEscaping.escape(other.map(TextFindings.line(for:)).joined(separator: "\n")))</system-out>\n"
        }
        xml += "    </testcase>\n"
        return (xml, fails)
    }
}
