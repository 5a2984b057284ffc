import MTFixCore

/// Lint: bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which can
/// make text display in a different order than it is stored ("Trojan Source"). Format: removed, and
/// reported as an error so nobody misses it.
public struct BidiControlDetector: Rule {
    public let descriptor: RuleDescriptor

    public init(descriptor: RuleDescriptor, options: ConfigValue) {
        self.descriptor = descriptor
    }

    public var scope: RuleScope { .line }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        UnicodeCensus.scan(document, having: .bidi) { u, line, out in
            for i in line {
                let c = u[i]
                guard (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) else { continue }
                out.append(Finding(descriptor: descriptor, range: i..<(i + 1), replacement: "", evidence: ["char": InvisibleCharDetector.name(c)]))
            }
        }
    }
}
