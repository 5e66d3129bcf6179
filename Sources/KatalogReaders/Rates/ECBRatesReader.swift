import CLibXML2
import Foundation
import KatalogCore

/// Reads the European Central Bank's euro foreign exchange reference rates (`eurofxref-daily.xml`,
/// `eurofxref-hist.xml`, `eurofxref-hist-90d.xml`): `<Cube time="…">` days holding `<Cube currency="…" rate="…"/>`.
///
/// The file is streamed with libxml2's reader (`XML_PARSE_NONET`; no entity substitution, no DTD loading), so the
/// historical file (every day since 1999) stays in flat memory. A file that is not well-formed, has no rates, or has
/// no day on or before the requested one throws `ECBRatesError`; a rate that is not a positive decimal also throws,
/// since converting at a misread rate would be worse than not converting.
public struct ECBRatesReader: Sendable {
    public init() {}

    /// The rates of the newest day in the file, or of the newest day on or before `date` (`YYYY-MM-DD`).
    public func read(path: String, on date: String? = nil) throws -> ExchangeRates {
        LibXML2Runtime.ensureInitialized()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let reader = xmlReaderForFile(path, nil, options) else {
            throw ECBRatesError(path: path, reason: "the file cannot be opened")
        }
        defer { xmlFreeTextReader(reader) }

        var chosen: (date: String, rates: [String: Decimal])?
        var currentDate: String?
        var currentRates: [String: Decimal] = [:]
        var sawEnvelope = false
        func finishDay() {
            guard let day = currentDate else { return }
            let eligible = date.map { day <= $0 } ?? true
            if eligible, chosen.map({ day > $0.date }) ?? true { chosen = (day, currentRates) }
            currentDate = nil
            currentRates = [:]
        }

        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { break }
            if status < 0 {
                let line = xmlTextReaderGetParserLineNumber(reader)
                throw ECBRatesError(path: path, reason: "the XML is not well-formed near line \(line)")
            }
            guard xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) else { continue }
            let name = Self.string(xmlTextReaderConstLocalName(reader))
            if name == "Envelope" { sawEnvelope = true }
            guard name == "Cube" else { continue }
            if let time = Self.attribute(reader, "time") {
                finishDay()
                currentDate = time
            } else if let currency = Self.attribute(reader, "currency"), let rateText = Self.attribute(reader, "rate") {
                guard currentDate != nil else { continue }
                guard let rate = DecimalFormatting.parse(rateText.trimmingSpaces()), rate > 0 else {
                    let line = xmlTextReaderGetParserLineNumber(reader)
                    throw ECBRatesError(path: path, reason: "line \(line): the rate \"\(rateText)\" for \(currency) is not a positive decimal")
                }
                currentRates[currency.uppercased()] = rate
            }
        }
        finishDay()
        guard sawEnvelope || chosen != nil else {
            throw ECBRatesError(path: path, reason: "it is not an ECB reference-rates file (no <gesmes:Envelope> or <Cube> rates)")
        }
        guard let day = chosen else {
            let when = date.map { " on or before \($0)" } ?? ""
            throw ECBRatesError(path: path, reason: "it holds no day of rates\(when)")
        }
        return ExchangeRates(date: day.date, perEuro: day.rates, source: "ECB")
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func attribute(_ reader: xmlTextReaderPtr, _ name: String) -> String? {
        guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { katalog_xmlFree(value) }
        return String(cString: value)
    }
}

/// A rates file that cannot be used; the run does not start.
public struct ECBRatesError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    public var description: String { "\(path): cannot use the exchange rates: \(reason)." }
}
