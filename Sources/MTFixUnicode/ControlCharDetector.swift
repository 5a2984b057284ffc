import MTFixCore

/// Lint: C0 control characters other than tab, line feed and carriage return, DEL, and the C1 controls
/// that no Windows-1252 character explains (0x81, 0x8D, 0x8F, 0x90, 0x9D). Format: removed. Runs after
/// `c1-control` (mojibake comes first), which turns the other C1 controls into their characters.
public struct ControlCharDetector: Rule {
    public let descriptor: RuleDescriptor

    public init(descriptor: RuleDescriptor, options: ConfigValue) {
        self.descriptor = descriptor
    }

    public var scope: RuleScope { .line }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        // Tab, LF and CR are the only controls a line terminator holds, and they are never reported.
        UnicodeCensus.scan(document, having: [.c0, .c1]) { u, line, out in
            for i in line {
                let c = u[i]
                guard c < 0x20 || (c >= 0x7F && c <= 0x9F) else { continue }
                if c == 0x09 || c == 0x0A || c == 0x0D { continue }
                if c >= 0x80 && C1ControlDetector.windows1252[c] != nil { continue }
                // After a non-ASCII character a C1 control is most likely the last byte of a mojibake
                // sequence (`â€\u{9D}` is `”`): the mojibake rule repairs it, removing it would lose it.
                if c >= 0x80 && i > 0 && u[i - 1] >= 0x80 { continue }
                out.append(Finding(descriptor: descriptor, range: i..<(i + 1), replacement: "", evidence: ["char": InvisibleCharDetector.name(c)]))
            }
        }
    }
}
