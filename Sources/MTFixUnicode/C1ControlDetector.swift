import MTFixCore

/// Lint: a C1 control character (U+0080–U+009F) standing alone, where a Windows-1252 byte was read as
/// Latin-1 (`parlé\u{85}` for `parlé…`). Format: the Windows-1252 character; bytes that Windows-1252
/// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay, as nothing says what they meant.
public struct C1ControlDetector: Rule {
    public let descriptor: RuleDescriptor

    public init(descriptor: RuleDescriptor, options: ConfigValue) {
        self.descriptor = descriptor
    }

    public var scope: RuleScope { .line }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        UnicodeCensus.scan(document, having: .c1) { u, line, out in
            for i in line where u[i] >= 0x80 && u[i] <= 0x9F {
                guard let mapped = C1ControlDetector.windows1252[u[i]] else { continue }
                // After CJK text it is what is left of UTF-8 read as a double-byte codec (`荳\u{80}`), not a
                // Windows-1252 byte: rewriting it would lose the byte for good.
                if i > line.lowerBound && CodecProfile.isCJK(u[i - 1]) { continue }
                out.append(Finding(descriptor: descriptor, range: i..<(i + 1), replacement: String(Unicode.Scalar(mapped)!)))
            }
        }
    }

    static let windows1252: [UInt16: UInt16] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]
}
