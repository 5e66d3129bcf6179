import Foundation
import KatalogCore

/// Reads the European Central Bank's euro foreign exchange reference rates (`eurofxref-daily.xml`,
/// `eurofxref-hist.xml`, `eurofxref-hist-90d.xml`): `<Cube time="…">` days holding `<Cube currency="…" rate="…"/>`.
///
/// The file is streamed with the readers' one libxml2 streaming wrapper (`XMLStreamReader`: no network, no entity
/// substitution, no DTD loading, external loads refused), so the historical file (every day since 1999) stays in
/// flat memory. A file that is not well-formed, has no rates, or has no day on or before the requested one throws
/// `ECBRatesError`; a rate that is not a positive decimal also throws, since converting at a misread rate would be
/// worse than not converting.
public struct ECBRatesReader: Sendable {
    public init() {}

    /// The rates of the newest day in the file, or of the newest day on or before `date` (`YYYY-MM-DD`).
    public func read(path: String, on date: String? = nil) throws -> ExchangeRates {
        var chosen: (date: String, rates: [String: Decimal])?
        var currentDate: String?
        var currentRates: [String: Decimal] = [:]
        var sawEnvelope = false
        var failure: ECBRatesError?
        func finishDay() {
            guard let day = currentDate else { return }
            let eligible = date.map { day <= $0 } ?? true
            if eligible, chosen.map({ day > $0.date }) ?? true { chosen = (day, currentRates) }
            currentDate = nil
            currentRates = [:]
        }

        let outcome = XMLStreamReader.readSynchronously(file: path) { event in
            guard failure == nil, case let .startElement(qualifiedName, attributes, _, line) = event else { return }
            let name = qualifiedName.split(separator: ":").last.map(String.init) ?? qualifiedName
            if name == "Envelope" { sawEnvelope = true }
            guard name == "Cube" else { return }
            func attribute(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
            if let time = attribute("time") {
                finishDay()
                currentDate = time
            } else if let currency = attribute("currency"), let rateText = attribute("rate"), currentDate != nil {
                guard let rate = DecimalFormatting.parse(rateText.trimmingSpaces()), rate > 0 else {
                    failure = ECBRatesError(path: path, reason: "line \(line): the rate \"\(rateText)\" for \(currency) is not a positive decimal")
                    return
                }
                currentRates[currency.uppercased()] = rate
            }
        }
        guard let outcome else { throw ECBRatesError(path: path, reason: "the file cannot be opened") }
        if let failure { throw failure }
        guard outcome.completed else {
            let near = outcome.stoppedAtLine.map { " near line \($0)" } ?? ""
            throw ECBRatesError(path: path, reason: "the XML is not well-formed\(near)")
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
}

/// A rates file that cannot be used; the run does not start.
public struct ECBRatesError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    public var description: String { "\(path): cannot use the exchange rates: \(reason)." }
}
