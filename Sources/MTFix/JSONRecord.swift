import MTFixCore

/// Why a JSON Lines record could not be read: a message and the byte offset in the line.
public struct MalformedRecord: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String
    public let offset: Int
    public var description: String { "\(reason) at byte \(offset + 1)" }
}

/// One JSON Lines record kept as raw bytes: a validating scan finds the span of one string field
/// (by dotted path) and of a top-level `mtfix` member, so the record can be edited in place — every
/// other byte, member order and number spelling stays exactly as it came.
public struct JSONRecord: Sendable {
    /// Where the addressed field is and what it holds.
    public enum Field: Equatable, Sendable {
        case missing
        /// A JSON value that is not a string (number, object, …).
        case notString
        /// The raw string token, quotes included.
        case string(Range<Int>)
    }

    public let bytes: [UInt8]
    public let field: Field
    /// Index of the top-level object's closing brace.
    public let closingBrace: Int
    /// Whether the top-level object has no members.
    public let isEmptyObject: Bool
    /// The value span of an existing top-level `mtfix` member (replaced rather than duplicated).
    public let mtfixValue: Range<Int>?

    /// Scans `bytes` (one line without its terminator); throws when it is not one JSON object.
    public init(_ bytes: [UInt8], path: [String]) throws {
        self.bytes = bytes
        if case .failure(let bad) = bytes.withUnsafeBytes({ UTF8Check.decode($0) }) {
            throw MalformedRecord(reason: "invalid UTF-8", offset: bad.offset)
        }
        var scanner = JSONScanner(bytes: bytes, path: path)
        scanner.skipSpace()
        guard scanner.peek == UInt8(ascii: "{") else {
            throw MalformedRecord(reason: scanner.atEnd ? "empty record" : "not a JSON object", offset: scanner.i)
        }
        try scanner.value(matched: 0, depth: 0)
        scanner.skipSpace()
        guard scanner.atEnd else { throw MalformedRecord(reason: "text after the JSON object", offset: scanner.i) }
        field = scanner.found
        closingBrace = scanner.topClose
        isEmptyObject = scanner.topMembers == 0
        mtfixValue = scanner.mtfix
    }

    /// The decoded text of the field (nil unless it is a string).
    public func fieldText() -> String? {
        guard case .string(let r) = field else { return nil }
        return JSONScanner.decodeString(bytes[(r.lowerBound + 1)..<(r.upperBound - 1)])
    }

    /// The record with the field's value replaced by `text` (when given) and `mtfix` set to the raw
    /// JSON `metadata`; everything else byte for byte as it was.
    public func edited(text: String?, metadata: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + metadata.count + 16)
        // Spans to replace, in order; the field and an old `mtfix` member never overlap unless the
        // path points inside `mtfix`, in which case the new metadata wins.
        var cuts: [(Range<Int>, [UInt8])] = []
        if let text, case .string(let r) = field { cuts.append((r, Self.encode(text))) }
        if let m = mtfixValue {
            cuts.removeAll { $0.0.overlaps(m) }
            cuts.append((m, metadata))
        }
        cuts.sort { $0.0.lowerBound < $1.0.lowerBound }
        var cursor = 0
        for (r, repl) in cuts {
            out += bytes[cursor..<r.lowerBound]
            out += repl
            cursor = r.upperBound
        }
        if mtfixValue == nil {
            out += bytes[cursor..<closingBrace]
            out += Array((isEmptyObject ? "\"mtfix\":" : ",\"mtfix\":").utf8)
            out += metadata
            cursor = closingBrace
        }
        out += bytes[cursor...]
        return out
    }

    /// `s` as a JSON string token: quotes, backslash and control characters escaped, the rest raw UTF-8.
    public static func encode(_ s: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(s.utf8.count + 2)
        let hex = Array("0123456789abcdef".utf8)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out += [92, 34]
            case 92: out += [92, 92]
            case 10: out += [92, UInt8(ascii: "n")]
            case 13: out += [92, UInt8(ascii: "r")]
            case 9: out += [92, UInt8(ascii: "t")]
            case 8: out += [92, UInt8(ascii: "b")]
            case 12: out += [92, UInt8(ascii: "f")]
            case 0..<0x20: out += [92, UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }
}
