/// Keeps a large optional value out of line: the struct holding it stores one pointer instead of the value's bytes.
///
/// A record moves between arrays and threads several times on its way through the pipeline, and every move copies
/// its inline bytes: a `ServicePlan` is about 2 KB inline, two thirds of a `Product`, and nil on most records. The
/// box is immutable and shared by copies; setting the value puts a new box in place, so copies never see each
/// other's changes (value semantics).
///
/// Encoded like the plain optional it wraps: absent when nil (`encodeIfPresent`), and a missing key decodes to nil.
@propertyWrapper
public struct OutOfLine<Wrapped: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    @usableFromInline final class Box: Sendable {
        @usableFromInline let value: Wrapped
        @usableFromInline init(_ value: Wrapped) { self.value = value }
    }

    @usableFromInline var box: Box?

    @inlinable public init(wrappedValue: Wrapped?) {
        box = wrappedValue.map(Box.init)
    }

    // Inlinable, so `if let plan = product.servicePlan` tests the pointer where it is written: called through
    // the module boundary, the getter returned a nil `ServicePlan?` by zeroing its 2 KB.
    @inlinable public var wrappedValue: Wrapped? {
        get { box?.value }
        set { box = newValue.map(Box.init) }
    }

    public static func == (lhs: OutOfLine, rhs: OutOfLine) -> Bool {
        lhs.box === rhs.box || lhs.wrappedValue == rhs.wrappedValue
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(wrappedValue: container.decodeNil() ? nil : try container.decode(Wrapped.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value = wrappedValue { try container.encode(value) } else { try container.encodeNil() }
    }
}

extension KeyedEncodingContainer {
    /// An out-of-line value is written like the optional it holds: nothing at all when nil.
    public mutating func encode<Wrapped>(_ value: OutOfLine<Wrapped>, forKey key: Key) throws {
        try encodeIfPresent(value.wrappedValue, forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// An out-of-line value is read like the optional it holds: a missing key or null is nil.
    public func decode<Wrapped>(_ type: OutOfLine<Wrapped>.Type, forKey key: Key) throws -> OutOfLine<Wrapped> {
        OutOfLine(wrappedValue: try decodeIfPresent(Wrapped.self, forKey: key))
    }
}
