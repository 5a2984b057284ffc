/// A strict JSON (RFC 8259) recognizer over raw bytes that only remembers spans: the string field at
/// a dotted path, the top-level closing brace and an existing top-level `mtfix` member.
struct JSONScanner {
    let bytes: [UInt8]
    let path: [String]
    var i = 0
    var found: JSONRecord.Field = .missing
    var topClose = 0
    var topMembers = 0
    var mtfix: Range<Int>?
    /// Deeper nesting is refused rather than risking the stack.
    static let maxDepth = 512

    init(bytes: [UInt8], path: [String]) {
        self.bytes = bytes
        self.path = path
    }

    var atEnd: Bool { i >= bytes.count }
    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    func fail(_ reason: String) -> MalformedRecord { MalformedRecord(reason: reason, offset: min(i, bytes.count)) }

    /// Scans one value; `matched` is how many path components lead here (nil: off the path).
    mutating func value(matched: Int?, depth: Int) throws {
        guard depth < Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth)") }
        skipSpace()
        guard let c = peek else { throw fail("unexpected end of record") }
        switch c {
        case UInt8(ascii: "{"): try object(matched: matched, depth: depth)
        case UInt8(ascii: "["):
            i += 1
            skipSpace()
            if peek == UInt8(ascii: "]") { i += 1; return }
            while true {
                try value(matched: nil, depth: depth + 1)
                skipSpace()
                guard let d = peek else { throw fail("unterminated array") }
                i += 1
                if d == UInt8(ascii: "]") { return }
                guard d == UInt8(ascii: ",") else { i -= 1; throw fail("expected ',' or ']'") }
            }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw fail("unexpected character")
        }
    }

    private mutating func object(matched: Int?, depth: Int) throws {
        i += 1
        skipSpace()
        var members = 0
        defer { if depth == 0 { topMembers = members } }
        if peek == UInt8(ascii: "}") {
            if depth == 0 { topClose = i }
            i += 1
            return
        }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let keyRange = try string()
            skipSpace()
            guard peek == UInt8(ascii: ":") else { throw fail("expected ':'") }
            i += 1
            skipSpace()
            let valueStart = i
            var next: Int? = nil
            var isTarget = false
            if let m = matched, m < path.count, keyEquals(keyRange, path[m]) {
                if m + 1 == path.count { isTarget = true } else { next = m + 1 }
            }
            try value(matched: next, depth: depth + 1)
            members += 1
            if isTarget {
                found = bytes[valueStart] == UInt8(ascii: "\"") ? .string(valueStart..<i) : .notString
            }
            if depth == 0 && keyEquals(keyRange, "mtfix") { mtfix = valueStart..<i }
            skipSpace()
            guard let d = peek else { throw fail("unterminated object") }
            if d == UInt8(ascii: "}") {
                if depth == 0 { topClose = i }
                i += 1
                return
            }
            guard d == UInt8(ascii: ",") else { throw fail("expected ',' or '}'") }
            i += 1
        }
    }

    private func keyEquals(_ token: Range<Int>, _ key: String) -> Bool {
        let raw = bytes[(token.lowerBound + 1)..<(token.upperBound - 1)]
        if !raw.contains(92) { return raw.elementsEqual(key.utf8) }
        return Self.decodeString(raw) == key
    }

    /// Scans a string token and returns its span (quotes included).
    private mutating func string() throws -> Range<Int> {
        let start = i
        i += 1
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return start..<i
            }
            if b < 0x20 { throw fail("control character in a string") }
            if b == 92 {
                i += 1
                guard let e = peek else { break }
                switch e {
                case UInt8(ascii: "\""), 92, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 1
                case UInt8(ascii: "u"):
                    guard i + 4 < bytes.count, bytes[(i + 1)...(i + 4)].allSatisfy(Self.isHex) else { throw fail("bad \\u escape") }
                    i += 5
                default: throw fail("bad escape")
                }
                continue
            }
            i += 1
        }
        throw MalformedRecord(reason: "unterminated string", offset: start)
    }

    private mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, bytes[i..<(i + w.count)].elementsEqual(w) else { throw fail("unexpected word") }
        i += w.count
    }

    private mutating func number() throws {
        func digits() -> Int {
            let s = i
            while let c = peek, c >= 48 && c <= 57 { i += 1 }
            return i - s
        }
        if peek == UInt8(ascii: "-") { i += 1 }
        if peek == 48 { i += 1 } else if digits() == 0 { throw fail("bad number") }
        if peek == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { throw fail("bad number") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            i += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { throw fail("bad number") }
        }
    }

    static func isHex(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102)
    }

    private static func hexValue(_ s: ArraySlice<UInt8>) -> UInt32 {
        s.reduce(0) { acc, b in acc * 16 + UInt32(b <= 57 ? b - 48 : (b | 0x20) - 87) }
    }

    /// Decodes the inside of a validated string token; lone surrogates become U+FFFD.
    static func decodeString(_ raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(92) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var k = raw.startIndex
        func put(_ v: UInt32) {
            let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
            out += Array(String(Character(scalar)).utf8)
        }
        while k < raw.endIndex {
            let b = raw[k]
            guard b == 92 else {
                out.append(b)
                k += 1
                continue
            }
            let e = raw[k + 1]
            k += 2
            switch e {
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "u"):
                var v = hexValue(raw[k..<(k + 4)])
                k += 4
                if (0xD800..<0xDC00).contains(v), k + 5 < raw.endIndex, raw[k] == 92, raw[k + 1] == UInt8(ascii: "u") {
                    let lo = hexValue(raw[(k + 2)..<(k + 6)])
                    if (0xDC00..<0xE000).contains(lo) {
                        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                        k += 6
                    }
                }
                put(v)
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
