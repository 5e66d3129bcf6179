import Foundation
import KatalogTestSupport

/// Paths and process helpers for the report tests.
enum ReportTestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `katalog` binary built next to the test bundle.
    static var katalogBinary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("katalog")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/katalog")
    }

    typealias Run = ChildProcess.Result

    /// Runs `executable` with `arguments` from the package root and waits for it.
    static func run(_ executable: URL, _ arguments: [String]) throws -> Run {
        try ChildProcess.run(executable, arguments, in: packageRoot)
    }

    static func katalog(_ arguments: [String]) throws -> Run { try run(katalogBinary, arguments) }

    static func temporaryDirectory() throws -> URL {
        try TestScratch.folder()
    }

    /// A run's output folder with one plan, the product it covers, and a file that imported nothing.
    static func tinyRun() throws -> URL {
        let folder = try temporaryDirectory()
        let plan = #"{"id":"shop/plans.txt#1","title":"Care </script><!-- plan <b>x</b>","sku":"P-1","mpn":null,"brand":"DJI","gtin":{"digits":"6937224103313","raw":"6937224103313","format":"EAN-13","valid":true},"price":{"amount":"58.99","currency":"EUR","text":"58.99€","vat":null},"sale_price":null,"converted_price":null,"package":{"length_mm":140,"width_mm":null,"height_mm":null,"gross_weight_g":null,"net_weight_g":null,"weight_g":null},"attributes":[],"provenance":{"price":{"label":null,"line":17,"origin":"text-line","value":"58.99€"},"package_length":{"label":"Box length","line":85,"origin":"text-line","value":"14,00"}},"source":{"file":"shop/plans.txt","kind":"text-page","line":5,"record":1},"diagnostics":[{"code":"unit.assumed","field":"Box length","line":85,"message":"package_length: \"14,00\" has no unit; assumed cm.","severity":"warning"}],"service_plan":{"term_months":{"language":"pl","origin":{"label":"Plan","line":85,"match":"Roczny","paragraph":null,"sentence":null,"source":"attribute"},"value":12},"claim_fee":{"language":"en","origin":{"label":null,"line":null,"match":"PLN 199","paragraph":7,"sentence":8,"source":"description"},"value":{"amount":"199.00","currency":"PLN","text":"PLN 199","vat":null}},"signals":[]}}"#
        let gimbal = #"{"id":"shop/gimbal.txt#1","title":"RS 4 Mini gimbal","sku":"G-1","price":{"amount":"299.00","currency":"EUR","text":"299 €","vat":null},"provenance":{},"source":{"file":"shop/gimbal.txt","kind":"text-page","line":3,"record":1},"diagnostics":[],"service_plan":null}"#
        let reject = #"{"id":"shop/empty.csv#1","reasons":["record.no-usable-price"],"source":{"file":"shop/empty.csv","kind":"csv","line":2,"record":1},"diagnostics":[{"code":"record.no-usable-price","field":null,"line":2,"message":"The record has no price.","severity":"error"}],"understood":{"title":"Lonely row","sku":"E-1","price":null,"provenance":{"title":{"label":"Name","line":2,"origin":"csv-column","value":"Lonely row"}}},"fields":[]}"#
        let report = #"""
        {"diagnostics":[{"code":"file.nothing-imported","field":null,"file":"shop/empty.csv","line":null,"message":"Nothing was imported: no row has a price; check the price column.","record":null,"severity":"error"}],
         "files":[{"codes":{"unit.assumed":1},"diagnostics":{"error":0,"info":0,"warning":1},"encoding":{"name":"utf-8","source":"default"},"file":"shop/plans.txt","kind":"text-page","records":{"imported":1,"read":1,"rejected":0},"unreadable":false},
                  {"codes":{},"diagnostics":{"error":0,"info":0,"warning":0},"encoding":{"name":"utf-8","source":"default"},"file":"shop/gimbal.txt","kind":"text-page","records":{"imported":1,"read":1,"rejected":0},"unreadable":false},
                  {"codes":{"file.nothing-imported":1,"record.no-usable-price":1},"diagnostics":{"error":2,"info":0,"warning":0},"encoding":{"name":"windows-1257","source":"sniffed"},"file":"shop/empty.csv","kind":"csv","records":{"imported":0,"read":1,"rejected":1},"unreadable":false}],
         "service_plan_links":{"complete":true,"links":[{"covered":"DJI RS 4 Mini","covered_by":"model","plan":"shop/plans.txt#1","products":[{"id":"shop/gimbal.txt#1","matched_by":"title"}]}]},
         "totals":{"codes":{"file.nothing-imported":1,"record.no-usable-price":1,"unit.assumed":1},"diagnostics":{"error":2,"info":0,"warning":1},"files":3,"records":{"imported":2,"read":3,"rejected":1},"unreadable_files":0},
         "unmapped_labels":{}}
        """#
        try Data((plan + "\n" + gimbal + "\n").utf8).write(to: folder.appendingPathComponent("catalog.jsonl"))
        try Data((reject + "\n").utf8).write(to: folder.appendingPathComponent("rejects.jsonl"))
        try Data(report.utf8).write(to: folder.appendingPathComponent("report.json"))
        return folder
    }
}
