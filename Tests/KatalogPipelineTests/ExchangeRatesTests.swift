import Foundation
import Testing
import KatalogCore
import KatalogReaders
@testable import KatalogPipeline

/// `--rates`: the ECB reference-rates file read with libxml2, and prices converted end to end.
struct ExchangeRatesTests {
    static let sample = TestSupport.packageRoot.appendingPathComponent("Samples/rates/eurofxref-daily.xml").path

    static func write(_ text: String) throws -> (URL, String) {
        let folder = try TestSupport.temporaryDirectory()
        let file = folder.appendingPathComponent("rates.xml")
        try Data(text.utf8).write(to: file)
        return (folder, file.path)
    }

    static let historical = """
    <?xml version="1.0" encoding="UTF-8"?>
    <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
    <gesmes:subject>Reference rates</gesmes:subject><gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
    <Cube>
    <Cube time="2025-01-10"><Cube currency="USD" rate="1.0304"/><Cube currency="PLN" rate="4.2625"/></Cube>
    <Cube time="2025-01-09"><Cube currency="USD" rate="1.0305"/><Cube currency="PLN" rate="4.2640"/></Cube>
    <Cube time="2025-01-08"><Cube currency="USD" rate="1.0314"/><Cube currency="PLN" rate="4.2618"/></Cube>
    </Cube></gesmes:Envelope>
    """

    @Test func readsTheDailySample() throws {
        let conversion = try ExchangeRatesLoading.conversion(ratesPath: Self.sample, baseCurrency: "eur")
        #expect(conversion.baseCurrency == "EUR")
        #expect(conversion.rates.date == "2025-01-10")
        #expect(conversion.rates.perEuro["PLN"] == Decimal(string: "4.2625"))
        #expect(conversion.rates.perEuro["JPY"] == Decimal(string: "162.89"))
        #expect(conversion.rates.perEuro.count == 31)
    }

    @Test func historicalFileGivesTheNewestDayOrTheOneAsked() throws {
        let (folder, path) = try Self.write(Self.historical)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ExchangeRatesLoading.conversion(ratesPath: path, baseCurrency: "PLN").rates.date == "2025-01-10")
        let asked = try ExchangeRatesLoading.conversion(ratesPath: path, baseCurrency: "PLN", on: "2025-01-09")
        #expect(asked.rates.date == "2025-01-09")
        #expect(asked.rates.perEuro["PLN"] == Decimal(string: "4.2640"))
        // A Sunday falls back to the Friday before it.
        #expect(try ExchangeRatesLoading.conversion(ratesPath: path, baseCurrency: "PLN", on: "2025-01-12").rates.date == "2025-01-10")
        #expect(throws: ECBRatesError.self) { try ExchangeRatesLoading.conversion(ratesPath: path, baseCurrency: "PLN", on: "2024-12-31") }
    }

    @Test func unusableFilesAndCurrenciesThrow() throws {
        let (folder, broken) = try Self.write("<gesmes:Envelope><Cube><Cube time='2025-01-10'><Cube currency='USD' rate='1.03'/>")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ECBRatesError.self) { try ExchangeRatesLoading.conversion(ratesPath: broken, baseCurrency: "EUR") }
        #expect(throws: ECBRatesError.self) { try ExchangeRatesLoading.conversion(ratesPath: "no/such/rates.xml", baseCurrency: "EUR") }
        #expect(throws: UnknownBaseCurrency.self) { try ExchangeRatesLoading.conversion(ratesPath: Self.sample, baseCurrency: "XYZ") }
        #expect(throws: UnknownBaseCurrency.self) { try ExchangeRatesLoading.conversion(ratesPath: Self.sample, baseCurrency: "UAH") }
    }

    @Test func aMisreadRateStopsTheRunAndNamesTheLine() throws {
        let text = Self.historical.replacingOccurrences(of: "rate=\"4.2640\"", with: "rate=\"-4,2640\"")
        let (folder, path) = try Self.write(text)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try ECBRatesReader().read(path: path)
            Issue.record("a negative, comma-written rate must not be used")
        } catch {
            #expect((error as? ECBRatesError)?.reason == "line 6: the rate \"-4,2640\" for PLN is not a positive decimal")
        }
        let (truncatedFolder, truncated) = try Self.write(String(Self.historical.prefix(420)))
        defer { try? FileManager.default.removeItem(at: truncatedFolder) }
        #expect(throws: ECBRatesError.self) { try ECBRatesReader().read(path: truncated) }
    }

    @Test func externalEntitiesAreNeverResolved() throws {
        let hostile = """
        <?xml version="1.0"?>
        <!DOCTYPE gesmes:Envelope [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
        <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"><Cube><Cube time="2025-01-10">
        <Cube currency="USD" rate="&xxe;"/></Cube></Cube></gesmes:Envelope>
        """
        let (folder, path) = try Self.write(hostile)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let conversion = try ExchangeRatesLoading.conversion(ratesPath: path, baseCurrency: "EUR")
            #expect(conversion.rates.perEuro["USD"] == nil)
        } catch let error as ECBRatesError {
            let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "\u{0}"
            #expect(!error.reason.contains(hostname))
        }
    }

    @Test func importConvertsAndSkipsTheRatesFile() throws {
        let output = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try TestSupport.katalog([
            "import", "Samples/text/000_6e65ef817e1cc529.txt", "Samples/rates", "--out", output.path,
            "--rates", "Samples/rates/eurofxref-daily.xml", "--base-currency", "PLN",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let catalog = try #require(try TestSupport.json(output.appendingPathComponent("catalog.json")) as? [[String: Any]])
        let converted = try #require(catalog.first?["converted_price"] as? [String: Any])
        #expect(converted["amount"] as? String == "251.44")
        #expect(converted["currency"] as? String == "PLN")
        #expect(converted["rate"] as? String == "4.2625")
        #expect(converted["rate_date"] as? String == "2025-01-10")
        let report = try #require(try TestSupport.json(output.appendingPathComponent("report.json")) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        let rates = try #require(files.first { ($0["file"] as? String)?.hasSuffix("eurofxref-daily.xml") == true })
        #expect(rates["kind"] as? String == "ecb-rates")
        #expect((rates["codes"] as? [String: Int])?["input.not-a-catalog"] == 1)
    }

    @Test func ratesOptionsAreValidated() throws {
        #expect(try TestSupport.katalog(["import", "Samples/text", "--out", "/tmp/katalog-never", "--base-currency", "PLN"]).status == 2)
        #expect(try TestSupport.katalog(["import", "Samples/text", "--out", "/tmp/katalog-never", "--rates", "Samples/rates/eurofxref-daily.xml", "--base-currency", "XYZ"]).status == 2)
        #expect(try TestSupport.katalog(["import", "Samples/text", "--out", "/tmp/katalog-never", "--rates", "Samples/text/000_6e65ef817e1cc529.txt"]).status == 2)
    }
}
