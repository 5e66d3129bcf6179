/// A zip archive written field by field, its members stored, so that a test can shape every field: sizes, flags,
/// methods, CRCs, offsets, zip64 records.
public struct ZipBuilder {
    public struct Entry {
        public var name: [UInt8]
        public var data: [UInt8]
        public var method: UInt16 = 0
        public var flags: UInt16 = 0x800
        public var declaredSize: Int?
        public var crc: UInt32?
        public var unixMode: UInt32 = 0o100644
        /// The index of an earlier entry whose local header and data this one points at.
        public var sharesDataWith: Int?

        public init(_ name: String, _ text: String, method: UInt16 = 0, flags: UInt16 = 0x800, declaredSize: Int? = nil, crc: UInt32? = nil, unixMode: UInt32 = 0o100644) {
            self.init(name: Array(name.utf8), data: Array(text.utf8), method: method, flags: flags, declaredSize: declaredSize, crc: crc, unixMode: unixMode)
        }

        public init(name: [UInt8], data: [UInt8], method: UInt16 = 0, flags: UInt16 = 0x800, declaredSize: Int? = nil, crc: UInt32? = nil, unixMode: UInt32 = 0o100644) {
            self.name = name
            self.data = data
            self.method = method
            self.flags = flags
            self.declaredSize = declaredSize
            self.crc = crc
            self.unixMode = unixMode
        }
    }

    public var entries: [Entry]
    public var zip64 = false

    public init(_ entries: [Entry], zip64: Bool = false) {
        self.entries = entries
        self.zip64 = zip64
    }

    /// The archive's bytes.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        var offsets: [Int] = []
        func u16(_ value: Int, _ into: inout [UInt8]) { into += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
        func u32(_ value: Int, _ into: inout [UInt8]) { for shift in [0, 8, 16, 24] { into.append(UInt8((value >> shift) & 0xFF)) } }
        func u64(_ value: Int, _ into: inout [UInt8]) { for shift in stride(from: 0, to: 64, by: 8) { into.append(UInt8((value >> shift) & 0xFF)) } }
        for entry in entries {
            if let shared = entry.sharesDataWith { offsets.append(offsets[shared]); continue }
            offsets.append(out.count)
            u32(0x0403_4B50, &out); u16(20, &out); u16(Int(entry.flags), &out); u16(Int(entry.method), &out); u32(0, &out)
            u32(Int(entry.crc ?? Self.crc32(entry.data)), &out); u32(entry.data.count, &out); u32(entry.declaredSize ?? entry.data.count, &out)
            u16(entry.name.count, &out); u16(0, &out); out += entry.name; out += entry.data
        }
        let directoryOffset = out.count
        for (index, entry) in entries.enumerated() {
            let offset = offsets[index], source = entries[entry.sharesDataWith ?? index]
            var extra: [UInt8] = []
            if zip64 {
                u16(1, &extra); u16(24, &extra); u64(entry.declaredSize ?? source.data.count, &extra); u64(source.data.count, &extra); u64(offset, &extra)
            }
            u32(0x0201_4B50, &out); u16(0x0314, &out); u16(zip64 ? 45 : 20, &out); u16(Int(entry.flags), &out); u16(Int(entry.method), &out); u32(0, &out)
            u32(Int(entry.crc ?? Self.crc32(source.data)), &out)
            u32(zip64 ? 0xFFFF_FFFF : source.data.count, &out); u32(zip64 ? 0xFFFF_FFFF : entry.declaredSize ?? source.data.count, &out)
            u16(entry.name.count, &out); u16(extra.count, &out); u16(0, &out); u16(0, &out); u16(0, &out)
            u32(Int(entry.unixMode) << 16, &out); u32(zip64 ? 0xFFFF_FFFF : offset, &out)
            out += entry.name; out += extra
        }
        let directorySize = out.count - directoryOffset
        if zip64 {
            let recordOffset = out.count
            u32(0x0606_4B50, &out); u64(44, &out); u16(45, &out); u16(45, &out); u32(0, &out); u32(0, &out)
            u64(entries.count, &out); u64(entries.count, &out); u64(directorySize, &out); u64(directoryOffset, &out)
            u32(0x0706_4B50, &out); u32(0, &out); u64(recordOffset, &out); u32(1, &out)
        }
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out)
        u16(zip64 ? 0xFFFF : entries.count, &out); u16(zip64 ? 0xFFFF : entries.count, &out)
        u32(zip64 ? 0xFFFF_FFFF : directorySize, &out); u32(zip64 ? 0xFFFF_FFFF : directoryOffset, &out); u16(0, &out)
        return out
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
