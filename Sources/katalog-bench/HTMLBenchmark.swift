import Foundation
import KatalogCore
import KatalogReaders

/// `swift run -c release katalog-bench html [--pages N] [--threads T] [--kb SIZE] [--rounds R] [--only bare|reader|import|whole] [--save DIR]`
///
/// Generates N varied product pages in memory (JSON-LD, Microdata, RDFa, OpenGraph or specification tables
/// only; Lithuanian, Polish, Latvian and Czech shops; UTF-8 plus windows-1257, ISO-8859-2 and windows-1250;
/// about SIZE KB each with real-looking page chrome), then measures, in one run and over the same pages:
/// bare libxml2 `htmlReadMemory` + `xmlFreeDoc`, the HTML reader, and the reader plus normalization — each on
/// one core and on T cores; then the whole `katalog import` of the same pages written as files, with 1 and T jobs
/// (`HTMLBenchmarkImport`), R rounds of them (default 3) with the jobs counts taking turns. Reports pages/s, MB/s and peak RSS (VmHWM, reset before each phase). `--save DIR` only
/// writes the pages to DIR, for profiling an import of them.
enum HTMLBenchmark {
    static func run(_ arguments: [String]) throws {
        var pageCount = 5_000
        var threads = ProcessInfo.processInfo.activeProcessorCount
        var kilobytes = 57
        var only: String?
        var saveDirectory: String?
        var importRounds = 3
        var runsPeer = true
        var peersDirectory: String?
        var index = 0
        while index < arguments.count {
            if arguments[index] == "--no-peers" {
                runsPeer = false
                index += 1
                continue
            }
            let value = index + 1 < arguments.count ? Int(arguments[index + 1]) : nil
            switch (arguments[index], value) {
            case ("--pages", let count?): pageCount = count
            case ("--threads", let count?): threads = max(1, count)
            case ("--kb", let size?): kilobytes = size
            case ("--rounds", let count?): importRounds = max(1, count)
            case ("--only", _) where index + 1 < arguments.count: only = arguments[index + 1]
            case ("--save", _) where index + 1 < arguments.count: saveDirectory = arguments[index + 1]
            case ("--peers", _) where index + 1 < arguments.count: peersDirectory = arguments[index + 1]
            default:
                throw BenchmarkError(message: "unknown option or missing value: \(arguments[index])")
            }
            index += 2
        }

        let generationStart = Date()
        var generator = HTMLBenchmarkPages(seed: 0x4B41_5441_4C4F_47)
        let pages = (0 ..< pageCount).map { generator.page(number: $0, targetBytes: kilobytes * 1024) }
        let totalBytes = pages.reduce(0) { $0 + $1.count }
        print(String(format: "generated %d pages, %.1f MB (mean %.1f KB) in %.1f s; libxml2 %@; %d cores available",
                     pages.count, Double(totalBytes) / 1e6, Double(totalBytes) / Double(pages.count) / 1024,
                     Date().timeIntervalSince(generationStart), LibXML2Tools.version, ProcessInfo.processInfo.activeProcessorCount))
        if let saveDirectory {
            // The pages as files, to profile an import of them (`valgrind --tool=callgrind katalog import DIR …`).
            try HTMLBenchmarkImport.write(pages, to: URL(fileURLWithPath: saveDirectory))
            print("wrote \(pages.count) pages to \(saveDirectory)")
            return
        }
        let baseline = MemoryProbe.currentRSS()
        print(String(format: "RSS with the pages in memory: %.0f MB (peaks below include it)", Double(baseline) / 1e6))

        // Warm up caches, tables and the allocator.
        _ = Phase.bareLibXML2.run(Array(pages.prefix(50)), threads: 1)
        _ = Phase.importPages.run(Array(pages.prefix(50)), threads: 1)

        print("load average before the run: \(MemoryProbe.loadAverage()) (other processes share these cores)")
        print("phase                         cores    pages/s     MB/s   peak RSS   records   CPU ms/page")
        var results: [String: Double] = [:]
        /// CPU milliseconds per page by phase and cores, to compare phases when other work shares the cores.
        var cpuPerPageByPhase: [String: Double] = [:]
        for phase in Phase.allCases where only == nil || phase.rawValue.contains(only ?? "") {
            for cores in Set([1, threads]).sorted() {
                MemoryProbe.resetPeak()
                let cpuStart = MemoryProbe.cpuSeconds()
                let start = DispatchTime.now().uptimeNanoseconds
                let records = phase.run(pages, threads: cores)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                let peak = MemoryProbe.peakRSS()
                let cpuPerPage = (MemoryProbe.cpuSeconds() - cpuStart) * 1000 / Double(pages.count)
                let pagesPerSecond = Double(pages.count) / seconds
                results["\(phase.rawValue)@\(cores)"] = pagesPerSecond
                cpuPerPageByPhase["\(phase.rawValue)@\(cores)"] = cpuPerPage
                let name = phase.rawValue.padding(toLength: 29, withPad: " ", startingAt: 0)
                print(name + String(format: " %5d %10.0f %8.1f %7.0f MB %9d %13.2f", cores, pagesPerSecond,
                             Double(totalBytes) / 1e6 / seconds, Double(peak) / 1e6, records, cpuPerPage))
            }
        }
        func ratio(_ lhs: String, _ rhs: String) -> String {
            guard let left = results[lhs], let right = results[rhs] else { return "n/a" }
            return String(format: "%.2fx", left / right)
        }
        print("reader vs bare libxml2, 1 core:            \(ratio("html reader@1", "bare htmlReadMemory@1"))  (target >= 0.75x)")
        print("reader+normalize vs bare libxml2, 1 core:  \(ratio("html import (read+normalize)@1", "bare htmlReadMemory@1"))")
        if only == nil || only == "whole" {
            let jobs = Set([1, threads]).sorted()
            let peer = PythonPeer.html(in: peersDirectory)
            let peerUnavailable = runsPeer ? peer.unavailable : "--no-peers"
            if let rounds = try HTMLBenchmarkImport.measure(pages, jobs: jobs, rounds: importRounds, peer: peerUnavailable == nil ? peer : nil) {
                // Each jobs count's median run (by time) in the table; the scaling is the median of the rounds' own ratios.
                for count in jobs {
                    let runs = rounds.compactMap { $0.run(jobs: count) }.sorted { $0.seconds < $1.seconds }
                    guard !runs.isEmpty else { continue }
                    let run = runs[runs.count / 2]
                    let pagesPerSecond = Double(pages.count) / run.seconds
                    results["whole import@\(run.jobs)"] = pagesPerSecond
                    let cpuPerPage = run.cpuSeconds * 1000 / Double(pages.count)
                    cpuPerPageByPhase["whole import@\(run.jobs)"] = cpuPerPage
                    print("katalog import (whole)".padding(toLength: 29, withPad: " ", startingAt: 0)
                          + String(format: " %5d %10.0f %8.1f %7.0f MB %9@ %13.2f", run.jobs, pagesPerSecond, Double(totalBytes) / 1e6 / run.seconds,
                                   Double(run.peakKB) / 1024, "" as NSString, cpuPerPage))
                }
                if rounds.count > 1 { print("  (the median of \(rounds.count) runs each, 1 and \(threads) jobs taking turns)") }
                print("whole import vs bare libxml2, 1 core:      \(ratio("whole import@1", "bare htmlReadMemory@1"))  (target >= 0.6x, stretch 0.75x)")
                if let bare = cpuPerPageByPhase["bare htmlReadMemory@1"], let whole = cpuPerPageByPhase["whole import@1"] {
                    print(String(format: "  by CPU time per page (steadier on a shared machine): %.2fx (%.2f / %.2f ms)", bare / whole, bare, whole))
                }
                if threads > 1 {
                    var ratios = RoundRatios()
                    for round in rounds {
                        guard let one = round.run(jobs: 1), let many = round.run(jobs: threads) else { continue }
                        ratios.append(one.seconds / many.seconds)
                    }
                    let (median, each) = ratios.formatted(decimals: 2)
                    print("whole import scaling 1 -> \(threads) jobs:          \(median)  (target >= 1.8x on 2; median of rounds: \(each))")
                }
                HTMLBenchmark.reportPeer(rounds, jobs: jobs, pages: pages.count, megabytes: Double(totalBytes) / 1e6, unavailable: peerUnavailable)
            } else {
                print("whole import: the katalog binary was not found next to katalog-bench")
            }
        }
        if threads > 1 {
            print("reader scaling 1 -> \(threads) cores:               \(ratio("html reader@\(threads)", "html reader@1"))  (target >= 1.8x on 2)")
            print("reader+normalize scaling 1 -> \(threads) cores:     \(ratio("html import (read+normalize)@\(threads)", "html import (read+normalize)@1"))")
            print("bare libxml2 scaling 1 -> \(threads) cores:          \(ratio("bare htmlReadMemory@\(threads)", "bare htmlReadMemory@1"))")
        }
    }

    /// The Python peer's median run and, for each jobs count, the median of the rounds' ratios of katalog's speed to
    /// the peer's run just before it.
    static func reportPeer(_ rounds: [HTMLBenchmarkImport.Round], jobs: [Int], pages: Int, megabytes: Double, unavailable: String?) {
        let peerRuns = rounds.compactMap(\.peer).sorted { $0.run.seconds < $1.run.seconds }
        guard !peerRuns.isEmpty else {
            print("Python peer not run: \(unavailable ?? "it could not be started")")
            return
        }
        let (run, records) = peerRuns[peerRuns.count / 2]
        print("python peer (one process)".padding(toLength: 29, withPad: " ", startingAt: 0)
              + String(format: " %5d %10.0f %8.1f %7.0f MB %9d %13.2f", 1, Double(pages) / run.seconds, megabytes / run.seconds,
                       Double(run.peakKB) / 1024, records, run.cpuSeconds * 1000 / Double(pages)))
        print("  (scripts/peers/python_peer.py: lxml.html, extruct, price-parser, python-stdnum; "
              + (peerRuns.count == 1 ? "one run)" : "the median of \(peerRuns.count) runs)"))
        for count in jobs {
            var ratios = RoundRatios()
            for round in rounds {
                guard let peer = round.peer, let katalog = round.run(jobs: count) else { continue }
                ratios.append(peer.run.seconds / katalog.seconds)
            }
            let (median, each) = ratios.formatted(decimals: 2)
            print("whole import, \(count) job\(count == 1 ? "" : "s"), vs the Python peer:  \(median)  (pages a second; median of rounds: \(each))")
        }
    }

    enum Phase: String, CaseIterable {
        case bareLibXML2 = "bare htmlReadMemory"
        case reader = "html reader"
        case importPages = "html import (read+normalize)"

        /// Processes `pages` split over `threads` threads; returns the number of records produced.
        func run(_ pages: [Data], threads: Int) -> Int {
            let chunk = (pages.count + threads - 1) / threads
            let counts = WorkerCounts(threads)
            let group = DispatchGroup()
            for worker in 0 ..< threads {
                let slice = pages[min(worker * chunk, pages.count) ..< min((worker + 1) * chunk, pages.count)]
                group.enter()
                let thread = Thread { [self] in
                    counts.set(worker, process(slice, worker: worker))
                    group.leave()
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            group.wait()
            return counts.total
        }

        private func process(_ pages: ArraySlice<Data>, worker: Int) -> Int {
            switch self {
            case .bareLibXML2:
                var documents = 0
                for page in pages where LibXML2Tools.bareHTMLParse(page) { documents += 1 }
                return documents
            case .reader, .importPages:
                let reader = HTMLPageReader()
                let sink = CountingSink(normalizer: self == .importPages ? ProductNormalizer() : nil)
                for (offset, page) in pages.enumerated() {
                    let document = SourceDocument(fileURL: "", displayPath: "bench/\(worker)/\(offset).html", kind: .html)
                    reader.read(page, of: document, into: sink)
                }
                return sink.records
            }
        }
    }

    /// One result slot per worker thread; each thread writes only its own slot before the group is left.
    final class WorkerCounts: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [Int]

        init(_ workers: Int) { counts = Array(repeating: 0, count: workers) }

        func set(_ worker: Int, _ value: Int) {
            lock.lock()
            counts[worker] = value
            lock.unlock()
        }

        var total: Int {
            lock.lock()
            defer { lock.unlock() }
            return counts.reduce(0, +)
        }
    }

    /// Counts records (and normalizes them when given a normalizer) without keeping them.
    final class CountingSink: RecordSink {
        let normalizer: ProductNormalizer?
        var records = 0
        var fields = 0

        init(normalizer: ProductNormalizer?) { self.normalizer = normalizer }

        func accept(_ record: consuming RawRecord) {
            records += 1
            if let normalizer { fields += normalizer.normalize(record).attributes.count } else { fields += record.fields.count }
        }

        func report(_ diagnostic: Diagnostic) {}
        func noteEncoding(_ encoding: TextEncodingInfo) {}
    }
}

/// Resident memory of this process from `/proc/self/status`; the peak can be reset through `clear_refs`.
enum MemoryProbe {
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func peakRSS() -> Int { field("VmHWM:") }

    /// User + system CPU time of the whole process so far: with no contention inside the code, CPU time per
    /// page stays the same on more threads even when other processes leave no core free.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"
    }
    static func currentRSS() -> Int { field("VmRSS:") }

    private static func field(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            let digits = line.dropFirst(name.count).trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }
            return (Int(digits) ?? 0) * 1024
        }
        return 0
    }
}

/// Deterministic generator of varied, realistic shop product pages for the benchmark.
struct HTMLBenchmarkPages {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    private mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    private mutating func pick<T>(_ values: [T]) -> T { values[int(0 ..< values.count)] }

    struct Shop {
        var language: String
        var domain: String
        var charset: String
        var currency: String
        var symbol: String
        var words: [String]
        var labels: [String]
        var menu: [String]
    }

    static let shops: [Shop] = [
        Shop(language: "lt", domain: "shopro.lt", charset: "utf-8", currency: "EUR", symbol: "€",
             words: ["prekė", "kokybė", "garantija", "pristatymas", "baterija", "ekranas", "įkroviklis", "šviesa", "greitai", "naujas", "patogus", "žemas", "aukštas", "ūkis", "čia"],
             labels: ["Gamintojas", "Modelis", "Prekės kodas", "EAN", "Svoris", "Spalva", "Garantija", "Matmenys", "Galia", "Talpa"],
             menu: ["Dronai", "Telefonai", "Kompiuteriai", "Buitinė technika", "Sportas", "Namai ir sodas", "Žaislai", "Grožis"]),
        Shop(language: "pl", domain: "sklep-demo.pl", charset: "iso-8859-2", currency: "PLN", symbol: "zł",
             words: ["produkt", "jakość", "gwarancja", "dostawa", "bateria", "ekran", "ładowarka", "światło", "szybko", "nowy", "wygodny", "żółty", "źródło", "część", "mocny"],
             labels: ["Producent", "Kod producenta", "Kod EAN", "Waga", "Kolor", "Gwarancja", "Wymiary", "Moc", "Pojemność", "Materiał"],
             menu: ["Elektronarzędzia", "Ogród", "Dom", "Motoryzacja", "Sport", "Zabawki", "Uroda", "Zdrowie"]),
        Shop(language: "lv", domain: "veikals-demo.lv", charset: "windows-1257", currency: "EUR", symbol: "€",
             words: ["prece", "kvalitāte", "garantija", "piegāde", "baterija", "ekrāns", "lādētājs", "gaisma", "ātri", "jauns", "ērts", "ķivere", "šķidrums", "ūdens", "ļoti"],
             labels: ["Ražotājs", "Modelis", "Preces kods", "Svītrkods", "Svars", "Krāsa", "Garantija", "Izmēri", "Jauda", "Tilpums"],
             menu: ["Velosipēdi", "Ķiveres", "Elektronika", "Mājai", "Dārzam", "Sports", "Rotaļlietas", "Skaistumam"]),
        Shop(language: "cs", domain: "obchod-demo.cz", charset: "windows-1250", currency: "CZK", symbol: "Kč",
             words: ["produkt", "kvalita", "záruka", "doprava", "baterie", "displej", "nabíječka", "světlo", "rychle", "nový", "pohodlný", "žlutý", "kůň", "příkon", "čistý"],
             labels: ["Výrobce", "Kód výrobce", "EAN", "Hmotnost", "Barva", "Záruka", "Rozměry", "Příkon", "Objem", "Materiál"],
             menu: ["Kuchyně", "Konvice", "Elektronika", "Dům", "Zahrada", "Sport", "Hračky", "Kosmetika"]),
    ]

    private mutating func sentence(_ shop: Shop, words count: Int) -> String {
        var words: [String] = []
        for _ in 0 ..< count { words.append(pick(shop.words)) }
        let text = words.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// One page of about `targetBytes`; most pages are UTF-8, some are served in the shop's legacy charset.
    mutating func page(number: Int, targetBytes: Int) -> Data {
        let shop = pick(Self.shops)
        let syntax = number % 5   // 0 JSON-LD, 1 microdata, 2 RDFa, 3 OpenGraph, 4 spec table only
        let legacy = shop.charset != "utf-8" && number % 4 == 0
        let charset = legacy ? shop.charset : "utf-8"
        let sku = "SKU-\(number)-\(int(1000 ..< 9999))"
        let title = "\(pick(["DJI", "Bosch", "Makita", "Philips", "Sony", "Abus", "Garmin"])) \(sentence(shop, words: 4).dropLast()) \(int(10 ..< 999))"
        let price = "\(int(5 ..< 3000)).\(pick(["00", "49", "90", "99"]))"
        let gtin = "590\(String(format: "%09d", int(0 ..< 999_999_999)))"
        let url = "https://www.\(shop.domain)/p/\(number)"

        var head = "<!DOCTYPE html>\n<html lang=\"\(shop.language)\">\n<head>\n<meta charset=\"\(charset)\">\n<title>\(title) | \(shop.domain)</title>\n"
        head += "<link rel=\"canonical\" href=\"\(url)\">\n"
        for sheet in 0 ..< int(2 ..< 6) { head += "<link rel=\"stylesheet\" href=\"/assets/css/theme-\(sheet).css?v=\(int(1 ..< 99))\">\n" }
        head += "<style>" + (0 ..< int(20 ..< 60)).map { ".c\($0){margin:\($0)px;padding:0 \($0 % 7)px;color:#\(String(format: "%06x", $0 * 9973 % 0xFFFFFF))}" }.joined() + "</style>\n"
        head += "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-\(int(100_000 ..< 999_999))');" + String(repeating: "var x\(number)=1;", count: int(20 ..< 80)) + "</script>\n"
        if syntax == 0 {
            let weight = "\(int(1 ..< 30)).\(int(0 ..< 9))"
            head += """
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"\(shop.domain)","url":"https://www.\(shop.domain)/"},
            {"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"\(pick(shop.menu))","item":"https://www.\(shop.domain)/c/1"}]},
            {"@type":"Product","name":"\(title)","sku":"\(sku)","mpn":"M\(number)","gtin13":"\(gtin)","brand":{"@type":"Brand","name":"\(title.split(separator: " ")[0])"},
            "description":"\(sentence(shop, words: 30))","image":["https://www.\(shop.domain)/img/\(number)-1.jpg","https://www.\(shop.domain)/img/\(number)-2.jpg"],
            "weight":{"@type":"QuantitativeValue","value":\(weight),"unitCode":"KGM"},
            "additionalProperty":[{"@type":"PropertyValue","name":"\(shop.labels[5])","value":"\(pick(shop.words))"}],
            "aggregateRating":{"@type":"AggregateRating","ratingValue":"4.\(int(0 ..< 9))","reviewCount":"\(int(1 ..< 500))"},
            "offers":{"@type":"Offer","url":"\(url)","price":"\(price)","priceCurrency":"\(shop.currency)","availability":"https://schema.org/InStock"}}]}
            </script>\n
            """
        }
        if syntax == 3 || syntax == 0 {
            head += "<meta property=\"og:type\" content=\"product\"><meta property=\"og:title\" content=\"\(title)\"><meta property=\"og:url\" content=\"\(url)\">"
            head += "<meta property=\"og:image\" content=\"https://www.\(shop.domain)/img/\(number)-1.jpg\">"
            head += "<meta property=\"product:price:amount\" content=\"\(price)\"><meta property=\"product:price:currency\" content=\"\(shop.currency)\"><meta property=\"product:retailer_item_id\" content=\"\(sku)\">\n"
        }
        head += "</head>\n"

        var chrome = "<body class=\"product-page\">\n<div class=\"cookie-notice\">\(sentence(shop, words: 12)) <button>OK</button></div>\n<header class=\"site-header\"><a class=\"logo\" href=\"/\">\(shop.domain)</a><form class=\"search\"><input name=\"q\"><button>🔍</button></form>\n<nav class=\"main-menu\"><ul>\n"
        var footer = "<footer class=\"footer\"><div class=\"container\">"
        for column in 0 ..< 4 {
            footer += "<ul class=\"footer-links\">" + (0 ..< 8).map { "<li><a href=\"/info/\(column)-\($0)\">\(pick(shop.words)) \(pick(shop.words))</a></li>" }.joined() + "</ul>"
        }
        footer += "<p>© 2025 \(shop.domain) · \(sentence(shop, words: 10))</p></div></footer>\n<script src=\"/assets/js/app.js\" defer></script>\n</body>\n</html>\n"

        var body = "<main class=\"container\">\n<ol class=\"breadcrumb\"><li><a href=\"/\">\(pick(shop.menu))</a></li><li>\(title)</li></ol>\n"
        let itemOpen: String
        switch syntax {
        case 1: itemOpen = "<div class=\"product\" itemscope itemtype=\"https://schema.org/Product\">"
        case 2: itemOpen = "<div class=\"product\" vocab=\"https://schema.org/\" typeof=\"Product\">"
        default: itemOpen = "<div class=\"product\">"
        }
        body += itemOpen + "\n<div class=\"gallery\">" + (1 ... 5).map { "<img src=\"/img/\(number)-\($0).jpg\" alt=\"\(title)\" loading=\"lazy\">" }.joined() + "</div>\n"
        let nameAttribute = syntax == 1 ? " itemprop=\"name\"" : syntax == 2 ? " property=\"name\"" : ""
        body += "<h1 class=\"product-title\"\(nameAttribute)>\(title)</h1>\n<ul class=\"product-codes\"><li>\(shop.labels[2]): <span>\(sku)</span></li><li>\(shop.labels[3]): <span>\(gtin)</span></li></ul>\n"
        switch syntax {
        case 1:
            body += "<div itemprop=\"brand\" itemscope itemtype=\"https://schema.org/Brand\"><meta itemprop=\"name\" content=\"\(title.split(separator: " ")[0])\"></div><meta itemprop=\"sku\" content=\"\(sku)\"><meta itemprop=\"gtin13\" content=\"\(gtin)\">\n"
            body += "<div class=\"product-prices\" itemprop=\"offers\" itemscope itemtype=\"https://schema.org/Offer\"><span class=\"price\" itemprop=\"price\" content=\"\(price)\">\(price.replacingOccurrences(of: ".", with: ",")) \(shop.symbol)</span><meta itemprop=\"priceCurrency\" content=\"\(shop.currency)\"><link itemprop=\"availability\" href=\"https://schema.org/InStock\"></div>\n"
        case 2:
            body += "<div property=\"brand\" typeof=\"Brand\"><span property=\"name\">\(title.split(separator: " ")[0])</span></div><span property=\"sku\">\(sku)</span>\n"
            body += "<div class=\"product-prices\" property=\"offers\" typeof=\"Offer\"><span class=\"price\" property=\"price\" content=\"\(price)\">\(price.replacingOccurrences(of: ".", with: ",")) \(shop.symbol)</span><meta property=\"priceCurrency\" content=\"\(shop.currency)\"></div>\n"
        default:
            body += "<div class=\"product-prices\"><span class=\"price-old\"><del>\(int(3000 ..< 4000)),00 \(shop.symbol)</del></span> <span class=\"price\">\(price.replacingOccurrences(of: ".", with: ",")) \(shop.symbol)</span></div>\n"
        }
        body += "<form class=\"add-to-cart\"><input type=\"number\" value=\"1\"><button>\(pick(shop.words))</button></form>\n"
        body += "<table class=\"data-sheet\">" + (0 ..< int(8 ..< 25)).map { row in "<tr><th>\(shop.labels[row % shop.labels.count])\(row >= shop.labels.count ? " \(row)" : "")</th><td>\(int(1 ..< 500)) \(pick(shop.words))</td></tr>" }.joined() + "</table>\n"
        body += "<div class=\"product-description\">\n"
        var description = ""
        for paragraph in 0 ..< int(6 ..< 14) {
            if paragraph % 4 == 0 { description += "<h3>\(sentence(shop, words: 4))</h3>\n" }
            description += "<p>\(sentence(shop, words: int(20 ..< 60))) <a href=\"/info/\(paragraph)\">\(pick(shop.words))</a> <strong>\(pick(shop.words))</strong> \(sentence(shop, words: int(10 ..< 30)))</p>\n"
        }
        body += description + "</div>\n</div>\n"
        var related = "<section class=\"related-products\"><h2>\(pick(shop.words))</h2>"
        for item in 0 ..< 8 {
            related += "<div class=\"product-miniature\"><a href=\"/p/\(item)\"><img src=\"/img/r\(item).jpg\" alt=\"\"><span>\(sentence(shop, words: 4))</span></a><span class=\"price\">\(int(5 ..< 900)),00 \(shop.symbol)</span></div>"
        }
        body += related + "</section>\n</main>\n"

        // The mega menu fills the page up to the target size, as on real shops.
        let fixed = head.utf8.count + chrome.utf8.count + body.utf8.count + footer.utf8.count
        var menu = ""
        var category = 0
        while fixed + menu.utf8.count < targetBytes - 200 + int(0 ..< 4000) - 2000 {
            menu += "<li class=\"menu-item\"><a href=\"/c/\(category)\">\(pick(shop.menu))</a><ul class=\"submenu\">"
            for sub in 0 ..< 8 { menu += "<li><a href=\"/c/\(category)/\(sub)\" title=\"\(pick(shop.words))\">\(pick(shop.words)) \(pick(shop.words))</a></li>" }
            menu += "</ul></li>\n"
            category += 1
        }
        chrome += menu + "</ul></nav></header>\n"

        let html = head + chrome + body + footer
        return legacy ? Self.encode(html, charset: charset) : Data(html.utf8)
    }

    /// Encodes through Katalog's own code page tables (Foundation lacks some of these on Linux).
    static func encode(_ text: String, charset: String) -> Data {
        let reverse = reverseTables.withLock { tables -> [Unicode.Scalar: UInt8] in
            if let table = tables[charset] { return table }
            var table: [Unicode.Scalar: UInt8] = [:]
            for byte in UInt8(0x80) ... UInt8(0xFF) {
                let decoded = Data([byte]).withUnsafeBytes { TextDecoding.decode($0, as: charset, source: "declared") }
                if decoded.invalidSequences == 0, let scalar = decoded.text.unicodeScalars.first { table[scalar] = byte }
            }
            tables[charset] = table
            return table
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII { bytes.append(UInt8(scalar.value)) } else { bytes.append(reverse[scalar] ?? UInt8(ascii: "?")) }
        }
        return Data(bytes)
    }

    private static let reverseTables = LockedTables()

    final class LockedTables: @unchecked Sendable {
        private let lock = NSLock()
        private var tables: [String: [Unicode.Scalar: UInt8]] = [:]

        func withLock<T>(_ body: (inout [String: [Unicode.Scalar: UInt8]]) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&tables)
        }
    }
}
