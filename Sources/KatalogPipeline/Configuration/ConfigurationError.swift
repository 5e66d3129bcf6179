/// A configuration file that cannot be used: bad YAML, an unknown key, a value of the wrong kind. Carries the
/// file, line and column so editors can jump to it.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `katalog.yml:4:3: error: unknown key "severty" in rules.gtin.checksum (expected: severity, enabled)`.
    public var description: String {
        var position = file
        if let line { position += ":\(line)" }
        if let column { position += ":\(column)" }
        return "\(position): error: \(message)"
    }
}
