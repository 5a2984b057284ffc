/// Runs rules over a snapshot, resolves overlapping edits, applies them back to front, and repeats on
/// the repaired text until nothing changes (or the pass cap is reached).
public struct Engine: Sendable {
    public var rules: [any Rule] {
        didSet { index = RuleIndex(rules) }
    }
    public var context: RuleContext
    /// Highest safety level whose edits are applied (`safe`, or `review` with `--unsafe-fixes`).
    public var applyLevel: Safety
    public var maxPasses: Int
    /// Skip rules whose required literals do not occur (one multi-literal scan per snapshot).
    public var usesPrefilter = true
    /// After the first pass, re-run line- and paragraph-scope rules only on the text edits touched.
    public var usesExcerpts = true
    private var index: RuleIndex

    public init(rules: [any Rule], context: RuleContext = RuleContext(), applyLevel: Safety = .safe, maxPasses: Int = 6) {
        self.rules = rules
        self.context = context
        self.applyLevel = applyLevel
        self.maxPasses = maxPasses
        index = RuleIndex(rules)
    }

    /// Findings on one snapshot, in text order (no edits applied). `afterEdits`: the snapshot is a later
    /// pass's, so rules that check only the original text are left out.
    public func findings(in document: Document, afterEdits: Bool = false) -> [Finding] {
        var out: [Finding] = []
        // Most documents get a few findings from several rules: one buffer instead of regrowth by each.
        out.reserveCapacity(32)
        let gate = usesPrefilter ? Profile.measure("(prefilter)") { index.runnable(in: document.utf16, language: document.language) } : nil
        let active = afterEdits ? index.activeAfterEdits(in: document.language) : index.active(in: document.language)
        for i in active {
            if let gate, !gate[i] { continue }
            let rule = rules[i]
            out.append(contentsOf: Profile.measure(index.ids[i]) { rule.check(document, context: context) })
        }
        out.sort(by: Engine.textOrder)
        return out
    }

    /// The findings `findings(in:)` would give on `document` that can differ from the previous pass's,
    /// when only the `touched` ranges changed since: document-scope rules run on the whole text,
    /// line- and paragraph-scope rules only on the lines (paragraphs) the edits reached. A finding that
    /// would leave its excerpt sends its rule back to the whole document.
    func findings(in document: Document, touched: [Range<Int>]) -> [Finding] {
        var out: [Finding] = []
        out.reserveCapacity(32)
        // The active rules are walked once per scope rather than filtered into new lists (each grown
        // rule by rule, on every document of the pass).
        let active = index.activeAfterEdits(in: document.language)
        var fallback: [Int] = []
        for scope in Engine.localScopes {
            if !active.contains(where: { index.scopes[$0] == scope }) { continue }
            let excerpt = Profile.measure("(excerpts)") { Excerpt(of: document, touched: touched, scope: scope) }
            let gate = usesPrefilter ? Profile.measure("(prefilter)") { index.runnable(in: excerpt.document.utf16, language: document.language) } : nil
            for i in active where index.scopes[i] == scope {
                if let gate, !gate[i] { continue }
                let rule = rules[i]
                let found = Profile.measure(index.ids[i]) { rule.check(excerpt.document, context: context) }
                let mapped = found.compactMap(excerpt.toSource)
                if mapped.count == found.count { out.append(contentsOf: mapped) } else { fallback.append(i) }
            }
        }
        // The document-scope rules, then those whose findings left their excerpt.
        func isRest(_ i: Int) -> Bool { index.scopes[i] == .document }
        if !fallback.isEmpty || active.contains(where: isRest) {
            // Document-scope rules are seldom gated (no bundled one is): the whole text is scanned for
            // literals only when a rule left to run can be skipped by them.
            let gated = usesPrefilter && (active.contains { isRest($0) && index.gated[$0] } || fallback.contains { index.gated[$0] })
            let gate = gated ? Profile.measure("(prefilter)") { index.runnable(in: document.utf16, language: document.language) } : nil
            for i in active where isRest(i) {
                if let gate, !gate[i] { continue }
                let rule = rules[i]
                out.append(contentsOf: Profile.measure(index.ids[i]) { rule.check(document, context: context) })
            }
            for i in fallback {
                if let gate, !gate[i] { continue }
                let rule = rules[i]
                out.append(contentsOf: Profile.measure(index.ids[i]) { rule.check(document, context: context) })
            }
        }
        out.sort(by: Engine.textOrder)
        return out
    }

    /// Where `reported` (in text order) holds a finding of the same rule and range as `f`: among those
    /// starting where `f` starts, found by binary search.
    static func repeated(_ f: Finding, in reported: ArraySlice<Finding>) -> Int? {
        var lo = reported.startIndex
        var hi = reported.endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if reported[mid].range.lowerBound < f.range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        while lo < reported.endIndex && reported[lo].range.lowerBound == f.range.lowerBound {
            if reported[lo].range == f.range && reported[lo].rule == f.rule { return lo }
            lo += 1
        }
        return nil
    }

    /// The scopes a later pass runs on excerpts.
    private static let localScopes: [RuleScope] = [.line, .paragraph]

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
        Profile.measure("(engine: all passes)") { runPasses(text, language: language) }
    }

    private func runPasses(_ text: String, language: String) -> EngineResult {
        var current = Document(text: text, language: language)
        let original = current
        var reported: [Finding] = []
        // How many of `reported` the first pass gave (in text order: later passes look a finding up there
        // by binary search), and the keys of those later passes added (hashing every finding of a second
        // pass, most of them the first pass's again, showed in profiles).
        var firstPass = 0
        var later = Set<FindingKey>()
        var applied: [Finding] = []
        var conflicts: [Conflict] = []
        var map = OffsetMap()
        var passes = 0
        // Where the last pass's edits landed, in `current`'s offsets (nil before the first pass).
        var touched: [Range<Int>]? = nil
        while passes < maxPasses {
            passes += 1
            let found = Profile.measure("(engine: rules, pass \(passes))") {
                guard usesExcerpts, let touched else { return findings(in: current, afterEdits: touched != nil) }
                return findings(in: current, touched: touched)
            }
            // The rules of this pass are done with the snapshot before it.
            current.releaseOrigin()
            var applicable: [Finding] = []
            applicable.reserveCapacity(found.count)
            for f in found where applies(f) { applicable.append(f) }
            let (chosen, lost) = Engine.resolve(applicable)
            // Text that a chosen mojibake repair decodes again is not what the reader sees: another rule's
            // finding there (a "name" spelled `РµР`) is not reported; the next pass sees the decoded text.
            let garbled = chosen.filter { $0.category == .mojibake }.flatMap(\.edits).map(\.range)
                .sorted { $0.lowerBound < $1.lowerBound }
            // Report what is new in this pass, translated back to the original text.
            // (A finding whose edits were applied is always reported.)
            let chosenKeys = garbled.isEmpty ? [] : Set(chosen.map { FindingKey(rule: $0.rule, range: $0.range) })
            for f in found
            where f.category == .mojibake || !Engine.touches(f, garbled) || chosenKeys.contains(FindingKey(rule: f.rule, range: f.range)) {
                let back = map.toOriginal(f, in: original)
                if passes == 1 {
                    if reported.isEmpty { reported.reserveCapacity(found.count) }
                    // The first pass's findings come in text order: a repeated one (same rule and range)
                    // is among the reported ones starting where it starts, the last few.
                    if Engine.repeated(back, in: reported[...]) == nil { reported.append(back) }
                } else if let i = Engine.repeated(back, in: reported[..<firstPass]) {
                    // The first pass offered it for review; the edits before made this pass sure of it
                    // (`Prime Minister Brinken` once the name is `Blinken`) and it was applied: report it as
                    // applied, once.
                    if back.safety != reported[i].safety && applies(f) && !applies(reported[i])
                        && chosen.contains(where: { $0.rule == f.rule && $0.range == f.range })
                    {
                        reported[i] = back
                    }
                } else if later.insert(FindingKey(rule: back.rule, range: back.range)).inserted {
                    reported.append(back)
                }
            }
            if passes == 1 { firstPass = reported.count }
            if passes == 1 { conflicts = lost.map { Conflict(loser: $0.0.rule, winner: $0.1.rule, range: $0.0.editSpan) } }
            if Profile.enabled { for f in chosen { Profile.count("edits applied in pass \(passes): \(f.rule)") } }
            if chosen.isEmpty { break }
            var edits: [Edit] = []
            edits.reserveCapacity(chosen.reduce(0) { $0 + $1.edits.count })
            for f in chosen { edits.append(contentsOf: f.edits) }
            edits.sort { $0.range.lowerBound < $1.range.lowerBound }
            let next = Engine.apply(edits, to: current.utf16)
            applied.reserveCapacity(applied.count + chosen.count)
            for f in chosen { applied.append(map.toOriginal(f, in: original)) }
            let landing = Engine.landing(of: edits)
            map.push(edits, landing: landing)
            if Transcode.same(next, current.utf16) { break }
            let previous = current
            current = Profile.measure("(engine: new snapshots)") {
                Document.applying(edits, landing: landing, to: previous, giving: next)
            }
            touched = landing
        }
        reported.sort(by: Engine.textOrder)
        return EngineResult(
            original: original, final: current, findings: reported, applied: applied, conflicts: conflicts,
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

    /// Whether a finding's range or one of its edits overlaps one of `ranges` (the edit ranges of chosen
    /// findings, sorted: they do not overlap, so their ends are sorted too and a binary search finds the
    /// few that can reach a range; testing every one was quadratic in a long document's repairs).
    static func touches(_ f: Finding, _ ranges: [Range<Int>]) -> Bool {
        guard !ranges.isEmpty else { return false }
        func near(_ x: Range<Int>) -> ArraySlice<Range<Int>> {
            var lo = 0
            var hi = ranges.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if ranges[mid].upperBound < x.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            var end = lo
            while end < ranges.count && ranges[end].lowerBound <= x.upperBound { end += 1 }
            return ranges[lo..<end]
        }
        if near(f.range).contains(where: { f.range.lowerBound < $0.upperBound && $0.lowerBound < f.range.upperBound }) { return true }
        return f.edits.contains { e in near(e.range).contains { overlaps(e.range, $0) } }
    }

    /// Ranges conflict when they share text, or when an insertion sits at the other's start or inside it.
    static func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        if a.lowerBound == b.lowerBound { return true }
        if a.isEmpty { return a.lowerBound > b.lowerBound && a.lowerBound < b.upperBound }
        if b.isEmpty { return b.lowerBound > a.lowerBound && b.lowerBound < a.upperBound }
        return a.lowerBound < b.upperBound && b.lowerBound < a.upperBound
    }

    /// Where sorted, non-overlapping edits land in the text they produce.
    static func landing(of edits: [Edit]) -> [Range<Int>] {
        var delta = 0
        // (`utf16.count` of a non-ASCII replacement walks its UTF-8: counted here once per edit, and
        // `OffsetMap.push` takes the lengths from these ranges.)
        return edits.map { e in
            let n = e.replacement.utf16.count
            let start = e.range.lowerBound + delta
            delta += n - e.range.count
            return start..<(start + n)
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

/// A finding's identity across passes. Hashed on the range alone: hashing the rule id's string for
/// each of a long document's findings in every pass showed up in profiles; equality still compares it.
private struct FindingKey: Hashable {
    let rule: String
    let range: Range<Int>

    func hash(into h: inout Hasher) {
        h.combine(range.lowerBound)
        h.combine(range.upperBound)
    }
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
    /// The last snapshot; its text is made only when asked (`check` never asks).
    let final: Document
    /// The repaired text.
    public var fixed: String { final.text }
    /// All findings, in the coordinates of the original text.
    public let findings: [Finding]
    /// Findings whose edits went into `fixed` (original coordinates; edit ranges are approximate after pass 1).
    public let applied: [Finding]
    public let conflicts: [Conflict]
    public let passes: Int

    public var changed: Bool { final !== original && final.utf16 != original.utf16 }
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

    /// Records a pass's edits (sorted, non-overlapping) and where they land (`Engine.landing(of:)`).
    mutating func push(_ edits: [Edit], landing: [Range<Int>]) {
        var p = Pass()
        p.old.reserveCapacity(edits.count)
        p.newStart.reserveCapacity(edits.count)
        p.newLength.reserveCapacity(edits.count)
        p.deltaBefore.reserveCapacity(edits.count + 1)
        var delta = 0
        for (k, e) in edits.enumerated() {
            let n = landing[k].count
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
            if upper && p == newStart && pass.newLength[k] > 0 {
                // A range that ends where a replacement begins ends before it (`Prime Minister ` before
                // the name an earlier pass respelled), not after the text it replaced.
                p = pass.old[k].lowerBound
            } else if p < newEnd || (p == newEnd && pass.newLength[k] == 0 && upper == false && p == newStart) {
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
