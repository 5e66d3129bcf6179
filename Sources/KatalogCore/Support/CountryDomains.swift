/// Country-code top-level domains of product and shop URLs, as currency evidence.
public enum CountryDomains {
    /// The host of an absolute URL, lower-cased (`https://www.Shop.se:8080/p` → `www.shop.se`); nil for anything else.
    public static func host(ofURL url: String) -> Substring? {
        // Found on the contiguous UTF-8 bytes (the separators are ASCII, so the host is whole UTF-8), and only the
        // host is lowered: lowering a whole product URL for its few host bytes was most of the cost.
        var url = url
        let host: String? = url.withUTF8 { bytes in
            hostRange(in: bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
        guard let host else { return nil }
        let lowered = host.utf8.contains(where: { $0 >= 0x80 || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }) ? host.lowercased() : host
        return Substring(lowered)
    }

    /// Where the host of an absolute URL is among its bytes: after the first `://`, up to `/`, `:`, `?` or `#`.
    private static func hostRange(in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
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
        return start < end ? start ..< end : nil
    }

    /// `https://www.shop.se/p/1` → (`SE`, `se`); nil for generic domains (`.com`, `.shop`) and non-URLs.
    public static func countryDomain(ofURL url: String) -> (country: String, tld: String)? {
        // A country domain is the host's last label of two letters: `.` and two ASCII letters at the host's end.
        // An ASCII host is read on its bytes, no string made but the two-letter ones; a host with other characters
        // is lowered as Unicode first (`K`, the Kelvin sign, lowers to an ASCII `k`).
        var url = url
        let ascii: (country: String, tld: String)?? = url.withUTF8 { bytes in
            guard let range = hostRange(in: bytes) else { return .some(nil) }
            if bytes[range].contains(where: { $0 >= 0x80 }) { return nil }
            guard range.count >= 3, bytes[range.upperBound - 3] == UInt8(ascii: ".") else { return .some(nil) }
            return .some(domain(bytes[range.upperBound - 2], bytes[range.upperBound - 1]))
        }
        if let ascii { return ascii }
        guard let host = host(ofURL: url) else { return nil }
        let tail = Array(host.utf8.suffix(3))
        guard tail.count == 3, tail[0] == UInt8(ascii: ".") else { return nil }
        return domain(tail[1], tail[2])
    }

    /// The country of the top-level domain of the two bytes `first second`, in either case, when both are ASCII
    /// letters and the domain is not used as a generic name.
    private static func domain(_ first: UInt8, _ second: UInt8) -> (country: String, tld: String)? {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        guard isLetter(first), isLetter(second) else { return nil }
        let tld = String(decoding: [first | 0x20, second | 0x20], as: UTF8.self)
        // The few ccTLDs whose country code differs, and ccTLDs used as generic names.
        if tld == "uk" { return ("GB", tld) }
        if genericCountryDomains.contains(tld) { return nil }
        return (String(decoding: [first & ~0x20, second & ~0x20], as: UTF8.self), tld)
    }

    /// Country-code domains used as generic names (`.io`, `.tv`) or by more than one country (`.eu`).
    static let genericCountryDomains: Set<String> = ["io", "co", "tv", "me", "ai", "fm", "ly", "to", "gg", "cc", "ws", "eu"]
}
