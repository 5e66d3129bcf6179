import Foundation

/// A file outside every input whose text must never reach a record or a diagnostic.
///
/// The dictionaries (`Fuzz/dict/*.dict`) hold XXE, external DTD, XInclude and parameter-entity payloads that name
/// `file:///tmp/katalog-fuzz-canary/secret.txt`; if any reader resolved one, the secret would show up in a value.
public enum Canary {
    public static let path = "/tmp/katalog-fuzz-canary/secret.txt"
    public static let secret = "KATALOG-CANARY-7f3a9c"

    /// Creates the canary file (idempotent).
    public static func plant() {
        try? FileManager.default.createDirectory(atPath: "/tmp/katalog-fuzz-canary", withIntermediateDirectories: true)
        if (try? String(contentsOfFile: path, encoding: .utf8)) != secret + "\n" {
            try? Data((secret + "\n").utf8).write(to: URL(fileURLWithPath: path))
        }
        // A DTD next to it, for `<!DOCTYPE x SYSTEM "...dtd">` payloads.
        try? Data("<!ENTITY leak \"\(secret)\">\n".utf8).write(to: URL(fileURLWithPath: "/tmp/katalog-fuzz-canary/leak.dtd"))
    }

    /// Breaks the run if `text` holds the secret.
    public static func check(_ text: String, _ what: @autoclosure () -> String) {
        invariant(!text.contains(secret), "the canary file's text reached \(what()): a file outside the input was read")
    }
}
