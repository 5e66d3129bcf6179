import KatalogCore

/// A message from the XML parser, copied out of libxml2 as Swift values.
struct XMLStreamProblem: Sendable, Hashable {
    enum Level: Sendable, Hashable { case warning, error, fatal }

    var level: Level
    /// libxml2's `xmlParserErrors` code (e.g. 77 = tag not finished, 89 = entity loop).
    var code: Int
    var message: String
    var line: Int?
    var column: Int?

    /// libxml2 codes that mean the input ended before the document did.
    static let truncationCodes: Set<Int> = [
        4,  // XML_ERR_DOCUMENT_EMPTY
        5,  // XML_ERR_DOCUMENT_END (reported for some cut-off inputs)
        74, // XML_ERR_LTSLASH_REQUIRED
        77, // XML_ERR_TAG_NOT_FINISHED ("Premature end of data in tag")
    ]
    /// libxml2 codes raised by entity-expansion defences (billion laughs, quadratic blow-up).
    static let entityBombCodes: Set<Int> = [
        89,  // XML_ERR_ENTITY_LOOP ("Detected an entity reference loop")
        104, // XML_ERR_ENTITY_PROCESSING
    ]
    /// libxml2 codes about entities that were not (or may not be) loaded.
    static let entityCodes: Set<Int> = [26, 27, 82, 1549]

    var looksLikeTruncation: Bool {
        Self.truncationCodes.contains(code) || message.localizedCaseInsensitiveContains("premature end")
    }

    var isEntityBomb: Bool {
        Self.entityBombCodes.contains(code) || message.localizedCaseInsensitiveContains("amplification")
            || message.localizedCaseInsensitiveContains("entity reference loop")
    }
}

/// How a streamed parse ended.
struct XMLStreamOutcome: Sendable {
    /// True when the parser reached the end of the document without a fatal error.
    var completed: Bool
    /// Line where reading stopped (the parser's position at the fatal error), when it did not complete.
    var stoppedAtLine: Int?
    /// Parser messages in order (capped; see `XMLStreamReader.maximumProblems`).
    var problems: [XMLStreamProblem]
    /// Problems not kept because the cap was reached.
    var droppedProblems: Int
    /// Number of external entity loads refused during this parse.
    var refusedExternalLoads: [String]
    /// The encoding the document declares (`<?xml encoding?>`), as libxml2 decoded it; nil when undeclared.
    var declaredEncoding: String? = nil
    /// Text runs cut to `CappedXMLInput.cap` bytes so the parse could go on, in document order.
    var cutTexts: [CappedXMLInput.Cut] = []
}

/// Diagnostics about XML syntax and safety, shared by every XML feed reader.
enum XMLStreamDiagnostics {
    static func textCut(_ cut: CappedXMLInput.Cut, file: String) -> Diagnostic {
        Diagnostic(.warning, .xmlTextTooLong,
                   "A text of about \(String(format: "%.1f", Double(cut.droppedBytes + CappedXMLInput.cap) / 1_048_576)) MiB starting here is longer than the 1 MiB cap; its first MiB (and its last bytes) were kept, and the items after it were read as usual.",
                   at: SourceLocation(file: file, line: cut.line))
    }

    static func malformed(_ problem: XMLStreamProblem, file: String) -> Diagnostic {
        Diagnostic(.error, .xmlMalformed,
                   "The XML is malformed (\(problem.message)); reading stopped here, items before it were kept.",
                   at: SourceLocation(file: file, line: problem.line))
    }

    static func truncated(_ problem: XMLStreamProblem?, line: Int?, file: String) -> Diagnostic {
        let detail = problem.map { " (\($0.message))" } ?? ""
        return Diagnostic(.error, .xmlTruncated,
                          "The feed ends in the middle of the document\(detail); every item read before line \(line.map(String.init) ?? "?") was kept.",
                          at: SourceLocation(file: file, line: line))
    }

    static func resynchronized(_ problem: XMLStreamProblem?, line: Int?, resumedAt resumedLine: Int, item: String, file: String) -> Diagnostic {
        let detail = problem.map { " (\($0.message))" } ?? ""
        return Diagnostic(.error, .xmlResynchronized,
                          "The XML parser stopped here\(detail); reading went on at the next <\(item)>, line \(resumedLine), so the items after it are kept. What lies between was skipped.",
                          at: SourceLocation(file: file, line: line))
    }

    static func entityBomb(_ problem: XMLStreamProblem, file: String) -> Diagnostic {
        Diagnostic(.error, .xmlEntityBomb,
                   "The feed declares entities that expand without bound (an entity-expansion attack); parsing stopped (\(problem.message)).",
                   at: SourceLocation(file: file, line: problem.line))
    }

    static func entityBlocked(name: String, line: Int?, file: String) -> Diagnostic {
        Diagnostic(.warning, .xmlEntityBlocked,
                   "The entity &\(name); was not expanded: Katalog never expands DTD entities or loads external ones.",
                   at: SourceLocation(file: file, line: line))
    }

    static func externalLoadRefused(url: String, file: String) -> Diagnostic {
        Diagnostic(.warning, .xmlEntityBlocked,
                   "The feed asked to load \(url); Katalog never loads external entities or DTDs, so it was ignored.",
                   at: SourceLocation(file: file))
    }

    static func dtdIgnored(name: String, line: Int?, file: String) -> Diagnostic {
        Diagnostic(.info, .xmlDTDIgnored,
                   "The feed has a <!DOCTYPE \(name)>; its DTD was not loaded and its entities are not expanded.",
                   at: SourceLocation(file: file, line: line))
    }

    static func parserMessage(_ problem: XMLStreamProblem, file: String) -> Diagnostic {
        Diagnostic(problem.level == .warning ? .warning : .error, .xmlParserMessage,
                   "XML parser: \(problem.message)", at: SourceLocation(file: file, line: problem.line))
    }

    static func tooManyMessages(count: Int, file: String) -> Diagnostic {
        Diagnostic(.warning, .xmlTooManyMessages,
                   "\(count) more XML parser messages were not reported.", at: SourceLocation(file: file))
    }

    /// Turns a parse outcome into file-level diagnostics. Fatal errors become `xml.truncated`,
    /// `xml.entity-bomb` or `xml.malformed`; other messages become `xml.parser-message`.
    static func diagnostics(for outcome: XMLStreamOutcome, file: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for url in outcome.refusedExternalLoads { result.append(externalLoadRefused(url: url, file: file)) }
        let fatal = outcome.problems.first { $0.level == .fatal }
        var seen: Set<XMLStreamProblem> = []
        for problem in outcome.problems where problem != fatal && seen.insert(problem).inserted {
            // Entity messages are reported once, as xml.entity-blocked, by the event handler; repeats of the
            // fatal message (libxml2 raises an entity loop once per nesting level) add nothing.
            if XMLStreamProblem.entityCodes.contains(problem.code) && problem.level != .fatal { continue }
            if let fatal, problem.code == fatal.code && problem.message == fatal.message { continue }
            result.append(parserMessage(problem, file: file))
        }
        if outcome.droppedProblems > 0 { result.append(tooManyMessages(count: outcome.droppedProblems, file: file)) }
        if !outcome.completed {
            if let fatal, fatal.isEntityBomb {
                result.append(entityBomb(fatal, file: file))
            } else if let fatal, !fatal.looksLikeTruncation {
                result.append(malformed(fatal, file: file))
            } else {
                result.append(truncated(fatal, line: fatal?.line ?? outcome.stoppedAtLine, file: file))
            }
        }
        return result
    }
}
