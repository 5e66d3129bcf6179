import Foundation

/// Writes the benchmark's synthetic feeds with a bounded buffer (never the whole file in memory).
enum FeedBenchmarkData {
    static let names = [
        "Belaidės ausinės Sony WH-1000XM4", "Kavos aparatas De'Longhi Magnifica S", "Dviračio šalmas ABUS Macator M",
        "Elektrinis virdulys Bosch TWK3A011, 1,7 l", "Žieminė padanga Nokian Hakkapeliitta R5 205/55 R16",
        "Słuchawki bezprzewodowe Sony WH-1000XM4", "Bezvadu austiņas Sony WH-1000XM4", "Juhtmevabad kõrvaklapid",
    ]
    static let brands = ["Sony", "De'Longhi", "ABUS", "Bosch", "Nokian", "Britax Römer", "Oral-B", "Stanley"]

    /// An EAN-13 with a valid check digit for `n`.
    static func ean(_ n: Int) -> String {
        let body = String(format: "47%010d", n % 10_000_000_000)
        var sum = 0
        for (index, char) in body.enumerated() { sum += (char.wholeNumberValue ?? 0) * (index % 2 == 0 ? 1 : 3) }
        return body + String((10 - sum % 10) % 10)
    }

    static func writeGoogleMerchant(to path: String, megabytes: Int) throws {
        let writer = try BufferedWriter(path: path)
        writer.write("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
          <channel>
            <title>Benchmark shop</title>
            <link>https://www.example-shop.lt</link>
            <language>lt</language>

        """)
        let target = megabytes * 1_000_000
        var n = 0
        while writer.written < target {
            n += 1
            let name = names[n % names.count], brand = brands[n % brands.count]
            writer.write("""
                <item>
                  <g:id>SKU-\(n)</g:id>
                  <title>\(name.replacingOccurrences(of: "'", with: "&apos;")) #\(n)</title>
                  <description><![CDATA[\(name). <b>Oficiali garantija</b> 24 mėn. Prekė iš oficialaus atstovo, pristatymas per 1–2 d. d.]]></description>
                  <link>https://www.example-shop.lt/p/sku-\(n)</link>
                  <g:image_link>https://cdn.example-shop.lt/img/sku-\(n).jpg</g:image_link>
                  <g:additional_image_link>https://cdn.example-shop.lt/img/sku-\(n)-2.jpg</g:additional_image_link>
                  <g:availability>\(n % 7 == 0 ? "out_of_stock" : "in_stock")</g:availability>
                  <g:price>\(10 + n % 990).\(String(format: "%02d", n % 100)) EUR</g:price>
                  <g:brand>\(brand)</g:brand>
                  <g:gtin>\(ean(n))</g:gtin>
                  <g:mpn>MPN-\(n % 100_000)</g:mpn>
                  <g:condition>new</g:condition>
                  <g:item_group_id>GRP-\(n / 4)</g:item_group_id>
                  <g:shipping_weight>\(n % 30).\(n % 10) kg</g:shipping_weight>
                  <g:shipping_length>\(10 + n % 90) cm</g:shipping_length>
                  <g:shipping_width>\(5 + n % 40) cm</g:shipping_width>
                  <g:shipping_height>\(2 + n % 30) cm</g:shipping_height>
                  <g:product_detail><g:section_name>General</g:section_name><g:attribute_name>Spalva</g:attribute_name><g:attribute_value>juoda</g:attribute_value></g:product_detail>
                </item>

            """)
        }
        writer.write("  </channel>\n</rss>\n")
        try writer.close()
        FeedBenchmark.emit("generated \(path): \(n) items, \(writer.written / 1_000_000) MB")
    }

    static func writeCSV(to path: String, rows: Int) throws {
        let writer = try BufferedWriter(path: path)
        writer.write("Prekės kodas;Pavadinimas;Gamintojas;Kaina;Valiuta;Barkodas;Svoris (kg);Ilgis (cm);Plotis (cm);Aukštis (cm);Spalva;Likutis sandėlyje;Aprašymas\r\n")
        for n in 1...rows {
            let name = names[n % names.count], brand = brands[n % brands.count]
            let quotedName = name.contains(",") ? "\"\(name) #\(n)\"" : "\(name) #\(n)"
            let description = n % 5 == 0 ? "\"\(name).\r\nGarantija 24 mėn.; \"\"oficialus\"\" atstovas\"" : "Prekė iš oficialaus atstovo"
            writer.write("SKU-\(n);\(quotedName);\(brand);\(10 + n % 990),\(String(format: "%02d", n % 100));EUR;\(ean(n));\(n % 30),\(n % 10);\(10 + n % 90);\(5 + n % 40);\(2 + n % 30),5;juoda;\(n % 17);\(description)\r\n")
        }
        try writer.close()
        FeedBenchmark.emit("generated \(path): \(rows) rows, \(writer.written / 1_000_000) MB")
    }
}

/// Appends text to a file through a 4 MB buffer.
final class BufferedWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private(set) var written = 0

    init(path: String) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw BenchmarkError(message: "cannot write \(path)")
        }
        self.handle = handle
        buffer.reserveCapacity(4 << 20)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        written += text.utf8.count
        if buffer.count >= 4 << 20 { flush() }
    }

    private func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        try handle.close()
    }
}
