import Foundation
import MTFixCore
import MTFixICU

/// Lint: a letter of another script inside a word (`Кaзахстан` with a Latin `a`, `Kоrea` with a
/// Cyrillic `о`). Format: the look-alike letter of the word's own script, when the word is clearly of
/// one script (at least `min_letters` letters of it, at most `max_foreign` of the other) and ICU's
/// confusable skeletons (UTS #39) say the two letters look the same. Words of one script, digits and
/// symbols (`5Ω`, `μm`, `iPhone`, `X5-Б`) are left alone.
public struct ConfusableDetector: Rule {
    public let descriptor: RuleDescriptor
    let minLetters: Int
    let maxForeign: Int
    let lookAlikes: LookAlikes

    public init(descriptor: RuleDescriptor, options: ConfigValue) throws {
        self.descriptor = descriptor
        minLetters = Int(options["min_letters"]?.number ?? 3)
        maxForeign = Int(options["max_foreign"]?.number ?? 2)
        lookAlikes = try LookAlikes.shared()
    }

    /// A word never crosses a line break.
    public var scope: RuleScope { .line }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        let u = document.utf16
        // A confusable needs both a Latin and a Cyrillic or Greek letter in its line (the census classes
        // are a little wider than the families: a line they let through may still have none).
        let census = UnicodeCensus.of(document)
        let latin = UnicodeCensus.Classes.latinLetters
        let other: UnicodeCensus.Classes = [.cyrillic, .greek]
        guard !census.all.isDisjoint(with: latin) && !census.all.isDisjoint(with: other) else { return [] }
        var out: [Finding] = []
        for (k, line) in document.lines.enumerated() where census.line(k, has: latin) && census.line(k, has: other) {
            words(u, line, &out)
        }
        return out
    }

    private func words(_ u: [UInt16], _ line: Range<Int>, _ out: inout [Finding]) {
        var i = line.lowerBound
        while i < line.upperBound {
            guard LookAlikes.family(u[i]) != .other else {
                i += 1
                continue
            }
            var end = i
            // Letters per family (Latin, Cyrillic, Greek): plain counters, this loop sees every letter.
            var counts = (0, 0, 0)
            var othersInWord = false
            while end < line.upperBound {
                let f = LookAlikes.family(u[end])
                if f == .other {
                    // A digit, another script's letter or a combining mark glued to the word: not a plain word.
                    let c = u[end]
                    if (c >= 0x30 && c <= 0x39) || c == 0x5F || (c >= 0x300 && c <= 0x36F) || (c > 0x7F && Unicode.Scalar(c)?.properties.isAlphabetic == true) {
                        othersInWord = true
                        end += 1
                        continue
                    }
                    break
                }
                switch f {
                case .latin: counts.0 += 1
                case .cyrillic: counts.1 += 1
                default: counts.2 += 1
                }
                end += 1
            }
            defer { i = end }
            let families = (counts.0 > 0 ? 1 : 0) + (counts.1 > 0 ? 1 : 0) + (counts.2 > 0 ? 1 : 0)
            guard families == 2 else { continue }
            let present = [(LookAlikes.Family.latin, counts.0), (.cyrillic, counts.1), (.greek, counts.2)].filter { $0.1 > 0 }
            guard present.count == 2, !othersInWord else { continue }
            let sorted = present.sorted { $0.1 > $1.1 }
            let (major, majorCount) = sorted[0]
            let minorCount = sorted[1].1
            guard majorCount >= minLetters, minorCount <= maxForeign, minorCount * 2 < majorCount else { continue }
            var edits: [Edit] = []
            var ok = true
            for k in i..<end where LookAlikes.family(u[k]) != major {
                guard let twin = lookAlikes.twin(of: u[k], in: major) else {
                    ok = false
                    break
                }
                edits.append(Edit(range: k..<(k + 1), replacement: String(Unicode.Scalar(twin)!)))
            }
            guard ok, !edits.isEmpty else { continue }
            out.append(
                Finding(
                    rule: descriptor.id, category: descriptor.category, severity: descriptor.severity,
                    safety: descriptor.safety, message: descriptor.message, range: i..<end, edits: edits,
                    evidence: ["script": major.rawValue]))
        }
    }
}

/// Letters of Latin, Cyrillic and Greek that ICU's confusable skeletons say look alike, computed once.
final class LookAlikes: @unchecked Sendable {
    enum Family: String { case latin = "Latn", cyrillic = "Cyrl", greek = "Grek", other = "Zyyy" }

    /// (letter, target family) → the target family's letter with the same skeleton.
    private var map: [Family: [UInt16: UInt16]] = [:]

    private static let lock = NSLock()
    nonisolated(unsafe) private static var instance: LookAlikes?

    static func shared() throws -> LookAlikes {
        lock.lock()
        defer { lock.unlock() }
        if let i = instance { return i }
        let made = try LookAlikes()
        instance = made
        return made
    }

    private init() throws {
        let spoof = try SpoofChecker()
        // Skeletons keyed by their UTF-16 units: ICU's skeletons are in NFD, where canonically equivalent
        // strings have the same units, so this groups letters as `String` keys did, without normalizing
        // every key to hash and compare it (most of the start-up cost of this table). Each letter's
        // skeleton is computed once, in the first pass.
        var letters: [(c: UInt16, family: Family, skeleton: [UInt16], upper: Bool)] = []
        var bySkeleton: [[UInt16]: [Family: UInt16]] = [:]
        let ranges: [ClosedRange<UInt16>] = [0x41...0x5A, 0x61...0x7A, 0xC0...0x17F, 0x370...0x3FF, 0x400...0x45F]
        for r in ranges {
            for c in r {
                let f = LookAlikes.family(c)
                guard f != .other, let s = Unicode.Scalar(c), s.properties.isAlphabetic else { continue }
                let sk = Array(spoof.skeleton(String(s)).utf16)
                letters.append((c, f, sk, s.properties.isUppercase))
                // The first (lowest) letter of a family wins: plain ASCII before accented look-alikes.
                if bySkeleton[sk]?[f] == nil { bySkeleton[sk, default: [:]][f] = c }
            }
        }
        for (c, f, sk, upper) in letters {
            for (target, twin) in bySkeleton[sk] ?? [:] where target != f {
                // Same case only: `К` and `k` share a skeleton but are not the same letter on screen.
                let su = Unicode.Scalar(twin)!.properties.isUppercase
                if su == upper { map[target, default: [:]][c] = twin }
            }
        }
    }

    func twin(of c: UInt16, in family: Family) -> UInt16? { map[family]?[c] }

    @inline(__always)
    static func family(_ c: UInt16) -> Family {
        if (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) { return .latin }
        if c >= 0x400 && c <= 0x4FF { return .cyrillic }
        if c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387 { return .greek }
        return .other
    }
}
