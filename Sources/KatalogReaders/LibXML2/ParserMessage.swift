/// One message libxml2 raised while parsing, copied out of libxml2 as a Swift value.
public struct ParserMessage: Sendable, Hashable {
    public enum Level: Sendable, Hashable {
        case warning
        case error
        case fatal
    }

    public var level: Level
    /// libxml2's numeric error code (`xmlParserErrors`), stable across runs.
    public var code: Int
    /// 1-based line in the parsed text, when libxml2 knew it.
    public var line: Int?
    /// The message text, trimmed, as libxml2 wrote it (e.g. `Unexpected end tag : div`).
    public var text: String

    public init(level: Level, code: Int, line: Int?, text: String) {
        self.level = level
        self.code = code
        self.line = line
        self.text = text
    }
}
