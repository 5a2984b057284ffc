import MTFixCore
import MTFixICU

/// Lint: characters that take no room on screen but break search, hyphenation and matching: zero-width
/// space, word joiner, soft hyphen, a byte-order mark after the start, and ZWJ/ZWNJ where no script
/// around them uses joiners. Format: removed. A BOM at offset 0 is the file's own and stays; ZWJ/ZWNJ
/// stay next to emoji and in scripts that need them (Arabic, Persian, Indic, ...).
public struct InvisibleCharDetector: Rule {
    public let descriptor: RuleDescriptor
    /// Always removed wherever they stand (except a BOM at offset 0).
    let removable: Set<UInt16>
    /// Removed only between letters of scripts that do not use joiners.
    let joiners: Set<UInt16>
    /// Scripts whose letters make ZWJ/ZWNJ intentional.
    let joiningScripts: Set<String>
    /// Scripts written without spaces that mark word boundaries with U+200B (Thai, Khmer, ...).
    let zwspScripts: Set<String>
    /// Every removable or joiner unit, as a flat table: the scan tests each character once, without hashing.
    let candidate: [Bool]
    /// The census classes of those units.
    let classes: UnicodeCensus.Classes

    public init(descriptor: RuleDescriptor, options: ConfigValue) {
        self.descriptor = descriptor
        removable = Set((options["remove"]?.strings ?? []).compactMap { UInt16($0, radix: 16) })
        joiners = Set((options["joiners"]?.strings ?? []).compactMap { UInt16($0, radix: 16) })
        joiningScripts = Set(options["joining_scripts"]?.strings ?? [])
        zwspScripts = Set(options["zwsp_scripts"]?.strings ?? [])
        var table = [Bool](repeating: false, count: 0x10000)
        for c in removable.union(joiners) { table[Int(c)] = true }
        candidate = table
        classes = UnicodeCensus.classes(ofAny: removable.union(joiners))
    }

    /// Runs of removable characters and a joiner's neighbours stay in their line. A BOM stays only at
    /// offset 0, and an engine excerpt starts at offset 0 only when it holds the text's first line.
    public var scope: RuleScope { .line }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        // Runs of removable characters and a joiner's neighbours never reach past a line break.
        UnicodeCensus.scan(document, having: classes, scan)
    }

    private func scan(_ u: [UInt16], _ line: Range<Int>, _ out: inout [Finding]) {
        var i = line.lowerBound
        while i < line.upperBound {
            let c = u[i]
            guard c >= 0x80, candidate[Int(c)] else {
                i += 1
                continue
            }
            if removable.contains(c) && !(c == 0xFEFF && i == 0) && !(c == 0x200B && zwspIsWordBreak(u, at: i)) {
                var end = i + 1
                while end < u.count && removable.contains(u[end]) && u[end] != 0xFEFF { end += 1 }
                out.append(Finding(descriptor: descriptor, range: i..<end, replacement: "", evidence: ["char": InvisibleCharDetector.name(c)]))
                i = end
                continue
            }
            if joiners.contains(c) && !joinerIsWanted(u, at: i) {
                out.append(Finding(descriptor: descriptor, range: i..<(i + 1), replacement: "", evidence: ["char": InvisibleCharDetector.name(c)]))
            }
            i += 1
        }
    }

    /// ZWJ/ZWNJ is intentional next to emoji or a letter of a joining script, and when it is not between
    /// two letters at all (we cannot tell what it is for).
    func joinerIsWanted(_ u: [UInt16], at i: Int) -> Bool {
        guard i > 0, i + 1 < u.count else { return true }
        let before = InvisibleCharDetector.scalar(endingAt: i, in: u)
        let after = InvisibleCharDetector.scalar(startingAt: i + 1, in: u)
        guard let before, let after else { return true }
        for s in [before, after] {
            if s.properties.isEmoji && s.value > 0xFF { return true }
            if s.properties.isEmojiModifier || (0xFE00...0xFE0F).contains(s.value) { return true }
            if joiningScripts.contains(Script.of(s).code) { return true }
        }
        return !(before.properties.isAlphabetic && after.properties.isAlphabetic)
    }

    /// In Thai or Khmer a zero-width space is the word separator, not damage.
    func zwspIsWordBreak(_ u: [UInt16], at i: Int) -> Bool {
        guard !zwspScripts.isEmpty else { return false }
        if i > 0, let s = InvisibleCharDetector.scalar(endingAt: i, in: u), zwspScripts.contains(Script.of(s).code) { return true }
        if i + 1 < u.count, let s = InvisibleCharDetector.scalar(startingAt: i + 1, in: u), zwspScripts.contains(Script.of(s).code) { return true }
        return false
    }

    static func scalar(endingAt i: Int, in u: [UInt16]) -> Unicode.Scalar? {
        let c = u[i - 1]
        if c & 0xFC00 == 0xDC00, i >= 2, u[i - 2] & 0xFC00 == 0xD800 {
            return Unicode.Scalar(0x10000 + ((UInt32(u[i - 2]) - 0xD800) << 10) + (UInt32(c) - 0xDC00))
        }
        return Unicode.Scalar(c)
    }

    static func scalar(startingAt i: Int, in u: [UInt16]) -> Unicode.Scalar? {
        let c = u[i]
        if c & 0xFC00 == 0xD800, i + 1 < u.count, u[i + 1] & 0xFC00 == 0xDC00 {
            return Unicode.Scalar(0x10000 + ((UInt32(c) - 0xD800) << 10) + (UInt32(u[i + 1]) - 0xDC00))
        }
        return Unicode.Scalar(c)
    }

    static func name(_ c: UInt16) -> String { "U+" + String(c, radix: 16, uppercase: true).leftPadded(to: 4) }
}

extension String {
    func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
