/// Country-code top-level domains of product and shop URLs, as currency evidence.
public enum CountryDomains {
    /// The host of an absolute URL, lower-cased (`https://www.Shop.se:8080/p` → `www.shop.se`); nil for anything else.
    public static func host(ofURL url: String) -> Substring? {
        // Found on the contiguous UTF-8 bytes (the separators are ASCII, so the host is whole UTF-8), and only the
        // host is lowered: lowering a whole product URL for its few host bytes was most of the cost.
        var url = url
        let host: String? = url.withUTF8 { bytes in
            var schemeEnd: Int?
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") {
                    schemeEnd = index + 3
                    break
                }
                index += 1
            }
            guard let start = schemeEnd else { return nil }
            var end = start
            while end < bytes.count {
                let byte = bytes[end]
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
                end += 1
            }
            guard start < end else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        guard let host else { return nil }
        let lowered = host.utf8.contains(where: { $0 >= 0x80 || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }) ? host.lowercased() : host
        return Substring(lowered)
    }

    /// `https://www.shop.se/p/1` → (`SE`, `se`); nil for generic domains (`.com`, `.shop`) and non-URLs.
    public static func countryDomain(ofURL url: String) -> (country: String, tld: String)? {
        // A country domain is the host's last label of two letters: `.` and two ASCII letters at the host's end
        // (read on its bytes; the host is lower-cased).
        guard let host = host(ofURL: url) else { return nil }
        let tail = Array(host.utf8.suffix(3))
        func isLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        guard tail.count == 3, tail[0] == UInt8(ascii: "."), isLetter(tail[1]), isLetter(tail[2]) else { return nil }
        let tld = String(decoding: tail.dropFirst(), as: UTF8.self)
        // The few ccTLDs whose country code differs, and ccTLDs used as generic names.
        if tld == "uk" { return ("GB", tld) }
        if genericCountryDomains.contains(tld) { return nil }
        return (tld.uppercased(), tld)
    }

    /// Country-code domains used as generic names (`.io`, `.tv`) or by more than one country (`.eu`).
    static let genericCountryDomains: Set<String> = ["io", "co", "tv", "me", "ai", "fm", "ly", "to", "gg", "cc", "ws", "eu"]
}
