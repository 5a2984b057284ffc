/// Runs rules over a snapshot, resolves overlapping edits, applies them back to front, and repeats on
/// the repaired text until nothing changes (or the pass cap is reached).
public struct Engine: Sendable {
    public var rules: [any Rule]
    public var context: RuleContext
    /// Highest safety level whose edits are applied (`safe`, or `review` with `--unsafe-fixes`).
    public var applyLevel: Safety
    public var maxPasses: Int

    public init(rules: [any Rule], context: RuleContext = RuleContext(), applyLevel: Safety = .safe, maxPasses: Int = 6) {
        self.rules = rules
        self.context = context
        self.applyLevel = applyLevel
        self.maxPasses = maxPasses
    }

    /// Findings on one snapshot, in text order (no edits applied).
    public func findings(in document: Document) -> [Finding] {
        var out: [Finding] = []
        for rule in rules where rule.descriptor.applies(to: document.language) {
            out.append(contentsOf: rule.check(document, context: context))
        }
        out.sort(by: Engine.textOrder)
        return out
    }

    static func textOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
        if a.category != b.category { return a.category < b.category }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.range.upperBound < b.range.upperBound
    }

    /// Whether a finding's edits are applied at this engine's level.
    public func applies(_ f: Finding) -> Bool { !f.edits.isEmpty && f.safety <= applyLevel }

    /// Check and repair `text`; findings are reported in the coordinates of `text`.
    public func run(_ text: String, language: String) -> EngineResult {
        var current = Document(text: text, language: language)
        let original = current
        var reported: [Finding] = []
        var seen = Set<FindingKey>()
        var applied: [Finding] = []
        var conflicts: [Conflict] = []
        var map = OffsetMap()
        var passes = 0
        while passes < maxPasses {
            passes += 1
            let found = findings(in: current)
            let (chosen, lost) = Engine.resolve(found.filter(applies))
            // Report what is new in this pass, translated back to the original text.
            for f in found {
                let back = map.toOriginal(f, in: original)
                if seen.insert(FindingKey(rule: back.rule, range: back.range)).inserted { reported.append(back) }
            }
            if passes == 1 { conflicts = lost.map { Conflict(loser: $0.0.rule, winner: $0.1.rule, range: $0.0.editSpan) } }
            if chosen.isEmpty { break }
            let edits = chosen.flatMap(\.edits).sorted { $0.range.lowerBound < $1.range.lowerBound }
            let next = Engine.apply(edits, to: current.utf16)
            applied.append(contentsOf: chosen.map { map.toOriginal($0, in: original) })
            map.push(edits)
            let nextText = Engine.string(fromUTF16: next)
            if nextText == current.text { break }
            current = Document(text: nextText, language: language)
        }
        reported.sort(by: Engine.textOrder)
        return EngineResult(
            original: original, fixed: current.text, findings: reported, applied: applied, conflicts: conflicts,
            passes: passes)
    }

    /// Picks a non-overlapping subset of findings (each finding's edits are atomic). Earlier start wins,
    /// then taxonomy order, then rule id: deterministic. Returns the winners and each loser with its winner.
    public static func resolve(_ findings: [Finding]) -> ([Finding], [(Finding, Finding)]) {
        let sorted = findings.sorted { a, b in
            let sa = a.editSpan
            let sb = b.editSpan
            if sa.lowerBound != sb.lowerBound { return sa.lowerBound < sb.lowerBound }
            if a.category != b.category { return a.category < b.category }
            if a.rule != b.rule { return a.rule < b.rule }
            return sa.upperBound < sb.upperBound
        }
        var chosen: [Finding] = []
        var lost: [(Finding, Finding)] = []
        // Fast path: a finding that starts after every chosen span cannot overlap any of them (checking
        // each finding against all chosen ones was quadratic in the number of findings).
        var maxUpper = Int.min
        var maxLower = Int.min
        var maxSpan = 0
        for f in sorted {
            let span = f.editSpan
            if span.lowerBound >= maxUpper && span.lowerBound > maxLower {
                chosen.append(f)
                maxUpper = max(maxUpper, span.upperBound)
                maxLower = max(maxLower, span.lowerBound)
                maxSpan = max(maxSpan, span.count)
                continue
            }
            // Chosen spans start in ascending order, so only the ones starting within the longest chosen
            // span's length before this one can reach it; the earliest overlapping one is the winner.
            var winnerIndex: Int? = nil
            var k = chosen.count - 1
            while k >= 0 {
                let c = chosen[k]
                if c.editSpan.lowerBound + maxSpan < span.lowerBound { break }
                if c.edits.contains(where: { ce in f.edits.contains { Engine.overlaps(ce.range, $0.range) } }) { winnerIndex = k }
                k -= 1
            }
            if let w = winnerIndex {
                let winner = chosen[w]
                // An identical edit from another rule is a duplicate, not a conflict.
                if winner.edits == f.edits { continue }
                lost.append((f, winner))
            } else {
                chosen.append(f)
                maxUpper = max(maxUpper, span.upperBound)
                maxLower = max(maxLower, span.lowerBound)
                maxSpan = max(maxSpan, span.count)
            }
        }
        return (chosen, lost)
    }

    /// Ranges conflict when they share text, or when an insertion sits at the other's start or inside it.
    static func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        if a.lowerBound == b.lowerBound { return true }
        if a.isEmpty { return a.lowerBound > b.lowerBound && a.lowerBound < b.upperBound }
        if b.isEmpty { return b.lowerBound > a.lowerBound && b.lowerBound < a.upperBound }
        return a.lowerBound < b.upperBound && b.lowerBound < a.upperBound
    }

    /// The text of UTF-16 code units, transcoded in one pass (the standard library's generic decoder was
    /// the largest single cost of a pass on large inputs). Lone surrogates become U+FFFD, as they would
    /// with `String(decoding:as:)`.
    public static func string(fromUTF16 u: [UInt16]) -> String {
        var bytes = 0
        var i = 0
        let n = u.count
        while i < n {
            let c = u[i]
            if c < 0x80 { bytes += 1 } else if c < 0x800 { bytes += 2 } else if c & 0xFC00 == 0xD800, i + 1 < n, u[i + 1] & 0xFC00 == 0xDC00 {
                bytes += 4
                i += 1
            } else { bytes += 3 }
            i += 1
        }
        return String(unsafeUninitializedCapacity: bytes) { out in
            var o = 0
            var i = 0
            while i < n {
                var v = UInt32(u[i])
                if v & 0xFC00 == 0xD800, i + 1 < n, u[i + 1] & 0xFC00 == 0xDC00 {
                    v = 0x10000 + ((v - 0xD800) << 10) + (UInt32(u[i + 1]) - 0xDC00)
                    i += 1
                } else if v & 0xF800 == 0xD800 {
                    v = 0xFFFD
                }
                if v < 0x80 {
                    out[o] = UInt8(v)
                    o += 1
                } else if v < 0x800 {
                    out[o] = UInt8(0xC0 | (v >> 6))
                    out[o + 1] = UInt8(0x80 | (v & 0x3F))
                    o += 2
                } else if v < 0x10000 {
                    out[o] = UInt8(0xE0 | (v >> 12))
                    out[o + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    out[o + 2] = UInt8(0x80 | (v & 0x3F))
                    o += 3
                } else {
                    out[o] = UInt8(0xF0 | (v >> 18))
                    out[o + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    out[o + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    out[o + 3] = UInt8(0x80 | (v & 0x3F))
                    o += 4
                }
                i += 1
            }
            return o
        }
    }

    /// Applies sorted, non-overlapping edits in one front-to-back copy (replacing in place from the back
    /// moved the whole tail once per edit: quadratic on large inputs with many edits).
    public static func apply(_ edits: [Edit], to units: [UInt16]) -> [UInt16] {
        var out: [UInt16] = []
        out.reserveCapacity(units.count + 16)
        var cursor = 0
        for e in edits {
            let lo = max(e.range.lowerBound, cursor)
            out.append(contentsOf: units[cursor..<lo])
            out.append(contentsOf: e.replacement.utf16)
            cursor = max(cursor, e.range.upperBound)
        }
        out.append(contentsOf: units[cursor...])
        return out
    }
}

private struct FindingKey: Hashable {
    let rule: String
    let range: Range<Int>
}

/// An edit that lost to an overlapping one in the same pass.
public struct Conflict: Sendable {
    public let loser: String
    public let winner: String
    public let range: Range<Int>
}

/// What a run produced: every view (check, diff, fix, review, JSON) is made from this.
public struct EngineResult: Sendable {
    public let original: Document
    public let fixed: String
    /// All findings, in the coordinates of the original text.
    public let findings: [Finding]
    /// Findings whose edits went into `fixed` (original coordinates; edit ranges are approximate after pass 1).
    public let applied: [Finding]
    public let conflicts: [Conflict]
    public let passes: Int

    public var changed: Bool { fixed != original.text }
}

/// Maps offsets in text produced by successive passes of edits back to the original text.
struct OffsetMap {
    /// One pass's edits (sorted, non-overlapping) in the coordinates of the text that pass saw, with
    /// where each lands in the pass's output and the length change before it (for binary search).
    private struct Pass {
        var old: [Range<Int>] = []
        var newStart: [Int] = []
        var newLength: [Int] = []
        var deltaBefore: [Int] = []
    }
    private var passes: [Pass] = []

    mutating func push(_ edits: [Edit]) {
        var p = Pass()
        var delta = 0
        for e in edits {
            let n = e.replacement.utf16.count
            p.old.append(e.range)
            p.newStart.append(e.range.lowerBound + delta)
            p.newLength.append(n)
            p.deltaBefore.append(delta)
            delta += n - e.range.count
        }
        p.deltaBefore.append(delta)
        passes.append(p)
    }

    /// The original position of `offset` in the latest text; positions inside replaced text map to the
    /// start (or, with `upper`, the end) of the replaced original range.
    func toOriginal(_ offset: Int, upper: Bool) -> Int {
        var p = offset
        for pass in passes.reversed() {
            // The last edit starting at or before p.
            var lo = 0
            var hi = pass.newStart.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if pass.newStart[mid] <= p { lo = mid + 1 } else { hi = mid }
            }
            var k = lo - 1
            // Deletions that land at p map a start position to the first of them.
            if !upper { while k > 0 && pass.newStart[k - 1] == p && pass.newLength[k - 1] == 0 { k -= 1 } }
            if k < 0 {
                continue
            }
            let newStart = pass.newStart[k]
            let newEnd = newStart + pass.newLength[k]
            if p < newEnd || (p == newEnd && pass.newLength[k] == 0 && upper == false && p == newStart) {
                p = upper ? pass.old[k].upperBound : pass.old[k].lowerBound
            } else {
                p -= pass.deltaBefore[k + 1]
            }
        }
        return p
    }

    func toOriginal(_ f: Finding, in original: Document) -> Finding {
        if passes.isEmpty { return f }
        var g = f
        func map(_ r: Range<Int>) -> Range<Int> {
            let lo = min(toOriginal(r.lowerBound, upper: false), original.utf16.count)
            let hi = min(max(lo, toOriginal(r.upperBound, upper: true)), original.utf16.count)
            return lo..<hi
        }
        g.range = map(f.range)
        g.edits = f.edits.map { Edit(range: map($0.range), replacement: $0.replacement) }
        return g
    }
}
