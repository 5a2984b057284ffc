import MTFixCore
import MTFixRules

/// Lint: the same sentence twice back to back on one line, as an MT loop leaves it (`X. X.`).
/// Format: keep it once.
///
/// Only sentences long enough to be prose count (short legitimate repeats like `Go. Go.` or a
/// chanted `No! No!` stay), and the scan finds sentence starts itself so abbreviations inside the
/// sentence (`1 min 05 sec.`) cannot hide the repeat. A repeat that starts with a lowercase letter
/// starts mid-sentence (after a quotation's own full stop: `"…great." she said. She turned …`), so it
/// is not one sentence looping but two halves that happen to match: only offered for review.
struct DuplicateSentenceDetector: Rule {
    let descriptor: RuleDescriptor
    /// Reads one line at a time (sentences never cross a line).
    var scope: RuleScope { .line }
    let prose: ProseLength
    /// How many sentence starts ahead a repeat may begin (a repeated group of sentences).
    let lookahead = 3
    /// Words that announce a repeat (`twice`, `zweimal`, `２度`): in the sentence before the pair, they
    /// say the text repeats on purpose (`The crowd chanted the line twice. X. X.`).
    let announcements: [[UInt16]]
    /// Bit `u & 63` set when some announcement starts with a unit `u` of that value: most units of the
    /// sentence are passed over with one test instead of one per announcement.
    let announcementStarts: UInt64

    init(descriptor: RuleDescriptor, options: ConfigValue) throws {
        self.descriptor = descriptor
        prose = ProseLength(options, minWords: 4, minChars: 20, minCJKChars: 8)
        announcements = (options["announcements"]?.strings ?? []).map { Array($0.utf16) }.filter { !$0.isEmpty }
        announcementStarts = announcements.reduce(0) { $0 | 1 << ($1[0] & 63) }
    }

    func check(_ document: Document, context: RuleContext) -> [Finding] {
        let u = document.utf16
        var out: [Finding] = []
        // One buffer for every line, of which the first `count` entries are the line's (a fresh array
        // per line, or emptying one, cost an allocation or a generic call per line).
        // Reused for every line; room for the starts of a long paragraph from the first, where growing
        // from empty took several allocations in every document.
        var starts: [Int] = []
        starts.reserveCapacity(32)
        let terminators = TerminatorIndex.of(document)
        for line in document.lines {
            let count = sentenceStarts(u, line, terminators, into: &starts)
            // A repeat needs a second sentence on the line.
            guard count > 1 else { continue }
            var skipUntil = line.lowerBound
            for a in 0..<count where starts[a] >= skipUntil {
                let s0 = starts[a]
                for b in (a + 1)..<min(count, a + 1 + lookahead) {
                    let s1 = starts[b]
                    let first = NarrativeText.trimmed(u, s0..<s1)
                    let n = first.count
                    guard s1 + n <= line.upperBound, n > 0, u[first.lowerBound] == u[s1], u[first] == u[s1..<(s1 + n)]
                    else { continue }
                    guard
                        s1 + n == line.upperBound || NarrativeText.isSpace(u[s1 + n]) || NarrativeText.isCJK(u[s1 + n])
                    else { continue }
                    // A repeat inside a quotation is the speaker's (a chant, an emphasis), not MT's.
                    guard prose.admits(u, first), !NarrativeText.insideQuotation(u, at: s0, lineStart: line.lowerBound)
                    else { continue }
                    if a > 0 && announces(u, starts[a - 1]..<s0) { continue }
                    let midSentence = NarrativeText.isLower(u[first.lowerBound])
                    out.append(
                        Finding(
                            descriptor: descriptor, range: first.upperBound..<(s1 + n), replacement: "",
                            message: midSentence ? "\(descriptor.message), starting mid-sentence" : nil,
                            safety: midSentence ? .review : nil,
                            evidence: ["sentence": NarrativeText.string(u, first)]))
                    skipUntil = s1 + n
                    break
                }
            }
        }
        return out
    }

    /// Offsets where a sentence may start: the line start and after each terminator (with its closing
    /// quotes and spaces). Over-generating is harmless: a repeat must match character for character.
    /// Written to the front of `out` (grown when needed); returns how many.
    func sentenceStarts(_ u: [UInt16], _ line: Range<Int>, _ terminators: TerminatorIndex, into out: inout [Int]) -> Int
    {
        var count = 0
        func add(_ start: Int) {
            if count < out.count { out[count] = start } else { out.append(start) }
            count += 1
        }
        add(line.lowerBound)
        var i = line.lowerBound
        while i < line.upperBound {
            i = terminators.next(from: i, to: line.upperBound)
            if i < line.upperBound {
                var j = i + 1
                while j < line.upperBound
                    && (NarrativeText.isClosingQuote(u[j]) || NarrativeText.isClosingBracket(u[j]))
                {
                    j += 1
                }
                let cjkStop = u[i] >= 0x3000
                var k = j
                while k < line.upperBound && NarrativeText.isSpace(u[k]) { k += 1 }
                if k < line.upperBound && (k > j || cjkStop) { add(k) }
                i = k
            }
        }
        return count
    }

    /// Whether `range` (the sentence before a repeat) holds a word announcing it; Latin words must stand
    /// alone (`twice`, not `twicer`), CJK ones need not.
    func announces(_ u: [UInt16], _ range: Range<Int>) -> Bool {
        for i in range where announcementStarts & 1 << (u[i] & 63) != 0 {
            for w in announcements where u[i] == w[0] && i + w.count <= range.upperBound {
                let end = i + w.count
                guard u[i..<end].elementsEqual(w) else { continue }
                let cjk = NarrativeText.isCJK(w[0])
                let before = i == range.lowerBound || !NarrativeText.isLetter(u[i - 1])
                let after = end == range.upperBound || !NarrativeText.isLetter(u[end])
                if cjk || (before && after) { return true }
            }
        }
        return false
    }
}
