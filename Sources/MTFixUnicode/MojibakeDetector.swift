import MTFixCore
import MTFixICU

/// Lint: UTF-8 text that was decoded with a single-byte codec (`fÃ¼r`, `â€œ`, `РґРѕ`). Format: the
/// characters re-encoded with that codec and decoded as UTF-8, run by run, only where the result is
/// more plausible than what stands there now.
public struct MojibakeDetector: Rule {
    public let descriptor: RuleDescriptor
    let codecs: [CodecSetting]
    /// Evidence enough once another run of the same codec in the document was repaired.
    let supportedScore: Int
    /// Words that `à` is written together with (Portuguese `às`, `àquele`), whose space an `Ã ` absorbed.
    let spaceJoins: Set<String>
    /// For each code unit, one bit per codec in which it stands for a UTF-8 lead byte (C2–F4).
    let leadBits: [UInt32]
    /// For each code unit, one bit per codec in which it may stand for a continuation byte (80–BF, or a
    /// space, U+FFFD or `?` standing for a lost one). `leadBits[c] & followBits[next]` is the quick
    /// test: most non-ASCII characters of clean text fail it in one table look-up for every codec.
    let followBits: [UInt32]
    /// One byte per code unit: `isAnyLead` if it is a lead in some codec, `isAnyFollow` if a continuation
    /// in some codec. The scan over every character of a document tests these (64 KB, of which text
    /// touches a few lines; a byte tests in fewer instructions than a bit) and reads the two large
    /// tables only where both hold.
    let anyKind: [UInt8]
    static let isAnyLead: UInt8 = 1
    static let isAnyFollow: UInt8 = 2
    /// For each code unit, one bit per codec in which it is a lead byte that a space may follow (the
    /// codec's `space_for_a0`): a word-final `а` or `é` before a space is no sequence in most codecs.
    let spaceLeadBits: [UInt32]
    /// Census classes of every lead character: a line without one (ASCII, CJK) is not scanned.
    let leadClasses: UnicodeCensus.Classes
    /// Closing quotes cut short by a stripped control (`â€` before a space).
    let cutQuote: MojibakeCutQuote
    /// The census classes of the second character of each cut quote (`€` of `â€`): a line without one
    /// holds no cut quote (it is rare; the first, `â`, is in every line of accented Latin text).
    let cutClasses: UnicodeCensus.Classes

    /// One codec as configured in the rule file.
    struct CodecSetting {
        var table: SingleByteTable
        /// Evidence needed before a run is repaired on its own.
        var minScore: Int
        /// Continuation characters that make a sequence ambiguous (`Ã¥` reads as Latin-1 `å` or as a
        /// MacRoman mix-up): such a run is repaired only when the document shows the codec elsewhere.
        var ambiguous: [UInt16]
        var evidence: MojibakeEvidence
    }

    public init(descriptor: RuleDescriptor, options: ConfigValue) throws {
        self.descriptor = descriptor
        var codecs: [CodecSetting] = []
        for entry in options["codecs"]?.list ?? [] {
            let name = entry["name"]?.string ?? entry.string ?? ""
            let leads = entry["strong_leads"]?.string ?? ""
            let spaceLeads = Set((entry["space_for_a0"]?.strings ?? []).compactMap { UInt8($0, radix: 16) })
            codecs.append(
                CodecSetting(
                    table: try SingleByteTable(codec: name, spaceLeads: spaceLeads), minScore: Int(entry["min_score"]?.number ?? 2),
                    // A handful of characters each: arrays (searched in place) rather than sets (hashed per look-up).
                    ambiguous: Array(Set((entry["ambiguous"]?.string ?? "").utf16)).sorted(),
                    evidence: MojibakeEvidence(strongLeads: Array(Set(leads.utf16)).sorted())))
        }
        self.codecs = codecs
        cutQuote = MojibakeCutQuote(tables: codecs.map(\.table))
        cutClasses = cutQuote.forms.reduce([]) { $0.union(UnicodeCensus.classes(ofRange: $1.cut[1]...$1.cut[1])) }
        supportedScore = Int(options["supported_score"]?.number ?? 1)
        spaceJoins = Set(options["space_joins"]?.strings ?? [])
        guard codecs.count <= 32 else { throw MojibakeOptionError.tooManyCodecs(codecs.count) }
        var leads = [UInt32](repeating: 0, count: 0x10000)
        var follows = [UInt32](repeating: 0, count: 0x10000)
        // Through buffers: 65,536 units of every codec at every start, where checked array accesses
        // through the codec's table cost about 10M instructions.
        leads.withUnsafeMutableBufferPointer { leads in
            follows.withUnsafeMutableBufferPointer { follows in
                for (k, c) in codecs.enumerated() {
                    let bit = UInt32(1) << UInt32(k)
                    c.table.bytes.withUnsafeBufferPointer { bytes in
                        let raw = UnsafeRawPointer(bytes.baseAddress!)
                        var unit = 0x80
                        while unit < 0x10000 {
                            // Eight units at a time: most map to no byte (0) or to ASCII, neither a lead nor a follow.
                            if raw.loadUnaligned(fromByteOffset: unit, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                                for u in unit..<unit + 8 {
                                    let b = bytes[u]
                                    if b >= 0xC2 && b <= 0xF4 { leads[u] |= bit }
                                    if b >= 0x80 && b <= 0xBF { follows[u] |= bit }
                                }
                            }
                            unit += 8
                        }
                    }
                }
            }
        }
        for unit in [0x20, 0x3F, 0xFFFD] { follows[unit] = ~0 }
        var spaceLeads = [UInt32](repeating: 0, count: 0x10000)
        for (k, c) in codecs.enumerated() where !c.table.spaceLeads.isEmpty {
            for unit in 0x80..<0x10000 where leads[unit] & (UInt32(1) << UInt32(k)) != 0 && c.table.spaceLeads.contains(c.table.bytes[unit]) {
                spaceLeads[unit] |= UInt32(1) << UInt32(k)
            }
        }
        spaceLeadBits = spaceLeads
        leadBits = leads
        followBits = follows
        let kinds = [UInt8](unsafeUninitializedCapacity: 0x10000) { kinds, n in
            for unit in 0..<0x10000 {
                kinds[unit] = (leads[unit] != 0 ? Self.isAnyLead : 0) | (follows[unit] != 0 ? Self.isAnyFollow : 0)
            }
            n = 0x10000
        }
        anyKind = kinds
        leadClasses = UnicodeCensus.classes(ofAny: (UInt16(0x80)...UInt16(0xFFFF)).filter { leads[Int($0)] != 0 })
    }

    struct Candidate {
        var codec: Int
        var seqs: [MojibakeSequence]
        var score: Int
    }

    /// An accepted run: the text it stands for (every layer of it, see `peelLayers`).
    struct Repair {
        var range: Range<Int>
        var text: [UInt16]
        var codec: Int
        var score: Int
        var layers = 1
    }

    /// Plausible runs of one codec (or, with `order`, of the first codec in that order that has one).
    func scan(_ u: [UInt16], order: [Int], in range: Range<Int>? = nil) -> [Candidate] {
        scan(u, order: order, in: [range ?? 0..<u.count])
    }

    /// Plausible runs in each of `ranges` (ascending), as if each were scanned on its own: one call for
    /// all the stretches of a document, so its buffers are set up once rather than once per stretch.
    func scan(_ u: [UInt16], order: [Int], in ranges: [Range<Int>]) -> [Candidate] {
        var out: [Candidate] = []
        // On the stack: this runs for every document, and a heap array per stretch was a fifth of the scan.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: max(codecs.count, 1)) { blockedUntil in
            u.withUnsafeBufferPointer { p in
                for range in ranges {
                    blockedUntil.initialize(repeating: 0)
                    scan(p, u, order: order, in: range, blockedUntil: blockedUntil, into: &out)
                }
            }
        }
        return out
    }

    /// Plausible runs in one range, appended to `out`. `blockedUntil` holds, per codec, the end of the
    /// last run that failed as a whole: it is not retried from each of its later characters (that was
    /// quadratic on long lines of mojibake that end in one implausible character).
    private func scan(
        _ p: UnsafeBufferPointer<UInt16>, _ u: [UInt16], order: [Int], in range: Range<Int>,
        blockedUntil: UnsafeMutableBufferPointer<Int>, into out: inout [Candidate]
    ) {
        var i = range.lowerBound
        let n = range.upperBound
        leadBits.withUnsafeBufferPointer { leads in
            followBits.withUnsafeBufferPointer { follows in
                anyKind.withUnsafeBufferPointer { kinds in
                    while i < n {
                        // Quick test before building a run: a lead byte followed by a continuation byte
                        // (or a space, U+FFFD or `?` standing for one), for each codec at once.
                        var quick: UInt32 = 0
                        while i + 1 < n {
                            // ASCII is no lead: whole words of it are passed over at once.
                            if p[i] < 0x80 {
                                i = ASCIIWords.skip(p, from: i, to: n)
                                if i + 1 >= n { break }
                            }
                            // No ASCII unit is a lead.
                            let c = Int(p[i])
                            if kinds[c] & Self.isAnyLead != 0 {
                                let d = Int(p[i + 1])
                                if d == 0x20 {
                                    // Before a space only a lead the codec lets a space follow (see `decodeOne`).
                                    quick = spaceLeadBits[c]
                                    if quick != 0 { break }
                                } else if kinds[d] & Self.isAnyFollow != 0 {
                                    quick = leads[c] & follows[d]
                                    if quick != 0 { break }
                                }
                            }
                            i += 1
                        }
                        if quick == 0 { return }
                        var advanced = false
                        for k in order where i >= blockedUntil[k] && quick & (UInt32(1) << UInt32(k)) != 0 {
                            let setting = codecs[k]
                            let seqs = MojibakeScanner.cluster(at: i, in: u, table: setting.table)
                            if seqs.isEmpty { continue }
                            guard setting.evidence.plausible(seqs, in: u) else {
                                blockedUntil[k] = seqs[seqs.count - 1].range.upperBound
                                continue
                            }
                            out.append(Candidate(codec: k, seqs: seqs, score: setting.evidence.score(seqs, in: u)))
                            i = seqs[seqs.count - 1].range.upperBound
                            advanced = true
                            break
                        }
                        if !advanced { i += 1 }
                    }
                }
            }
        }
    }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        let u = document.utf16
        // Quick exit for text without a single possible lead character (ASCII, CJK, most clean text):
        // first by the shared census (every Unicode detector asks for it), then character by character.
        let census = UnicodeCensus.of(document)
        guard !census.all.isDisjoint(with: leadClasses), mayHoldLead(u) else { return [] }
        // Only stretches of lines that hold a lead character are scanned (a sequence never crosses a
        // line break); a paragraph read again for its codec is read whole, as before.
        var stretches: [Range<Int>] = []
        // At most every other line starts one (lines in a row join): room for all from the start, where
        // growing from empty took several allocations in every document of accented Latin.
        stretches.reserveCapacity((document.lines.count + 1) / 2)
        for (k, line) in document.lines.enumerated() where census.line(k, has: leadClasses) {
            if let last = stretches.last, k > 0, last.upperBound == document.lines[k - 1].upperBound {
                stretches[stretches.count - 1] = last.lowerBound..<line.upperBound
            } else {
                stretches.append(line)
            }
        }
        let candidates = self.candidates(u, paragraphs: document.paragraphRanges, scanning: stretches)
        var cut: [Repair] = []
        for (k, line) in document.lines.enumerated() where census.line(k, has: leadClasses) && census.line(k, has: cutClasses) {
            cut += cutQuote.repairs(u, line: line).map { Repair(range: $0.range, text: [0x201D], codec: $0.codec, score: 0) }
        }
        if candidates.isEmpty && cut.isEmpty { return [] }
        var repairs = accept(candidates, u, supported: supportedCodecs(candidates, u))
        let enclosed = enclosedWords(between: repairs, u)
        if !enclosed.isEmpty { repairs = (repairs + enclosed).sorted { $0.range.lowerBound < $1.range.lowerBound } }
        peelLayers(&repairs, u, lines: document.lines)
        if !cut.isEmpty {
            // A cut quote inside a run repaired on its own evidence is that run's business.
            cut.removeAll { c in repairs.contains { $0.range.overlaps(c.range) } }
            repairs = (repairs + cut).sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
        // Most findings share a codec and a score: their evidence is built once (a dictionary each was
        // a good part of the rule's time on long documents).
        var evidenceCache: [Int: [String: String]] = [:]
        return repairs.map { r in
            let key = (r.codec * 1024 + min(r.score, 1023)) * 16 + min(r.layers, 15)
            var evidence: [String: String]
            if let e = evidenceCache[key], r.score < 1023 {
                evidence = e
            } else {
                evidence = ["codec": codecs[r.codec].table.name, "score": String(r.score)]
                if r.layers > 1 { evidence["layers"] = String(r.layers) }
                evidenceCache[key] = evidence
            }
            return Finding(
                descriptor: descriptor, range: r.range, replacement: Document.string(of: r.text[...]),
                evidence: evidence)
        }
    }

    /// Whether some character of the text could be a lead byte in one of the codecs.
    func mayHoldLead(_ u: [UInt16]) -> Bool {
        u.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                i = ASCIIWords.skip(p, from: i, to: p.count)
                guard i < p.count else { return false }
                if p[i] >= 0x80 && leadBits[Int(p[i])] != 0 { return true }
                i += 1
            }
            return false
        }
    }

    /// Plausible runs of the text, each paragraph scanned with its most likely codec first.
    func candidates(_ u: [UInt16], paragraphs: [Range<Int>], scanning stretches: [Range<Int>]? = nil) -> [Candidate] {
        let all = Array(codecs.indices)
        let first = stretches.map { scan(u, order: all, in: $0) } ?? scan(u, order: all)
        if first.isEmpty { return [] }
        // Windows-1252 alone is the common case; a paragraph with runs of another codec may be claimed
        // by more than one, so it is scanned again with its own most likely codec first.
        var candidates: [Candidate] = []
        var k = 0
        for p in paragraphs {
            let start = k
            while k < first.count && first[k].seqs[0].range.lowerBound < p.upperBound + 1 { k += 1 }
            let mine = first[start..<k]
            if mine.contains(where: { $0.codec != 0 }) {
                candidates += rescanByParagraphCodec(u, p)
            } else {
                candidates += mine
            }
        }
        candidates += first[k...]
        return candidates
    }

    /// The codec the paragraph was most likely mangled with is tried first everywhere in it.
    private func rescanByParagraphCodec(_ u: [UInt16], _ range: Range<Int>) -> [Candidate] {
        var totals = [Int](repeating: 0, count: codecs.count)
        // A codec with no lead-and-continuation pair in the paragraph finds nothing there: not scanned.
        var present: UInt32 = 0
        if range.count > 1 {
            for i in range.lowerBound..<(range.upperBound - 1) where u[i] >= 0x80 {
                present |= leadBits[Int(u[i])] & followBits[Int(u[i + 1])]
            }
        }
        for k in codecs.indices where present & (UInt32(1) << UInt32(k)) != 0 {
            // Characters the codec only takes through the Latin-1 fallback count against it.
            totals[k] = scan(u, order: [k], in: range).reduce(0) { sum, c in
                var fallback = 0
                for i in c.seqs[0].range.lowerBound..<c.seqs[c.seqs.count - 1].range.upperBound
                where codecs[k].table.isFallback(u[i]) { fallback += 1 }
                return sum + c.score - 2 * fallback
            }
        }
        let order = codecs.indices.sorted { totals[$0] != totals[$1] ? totals[$0] > totals[$1] : $0 < $1 }
        return scan(u, order: order, in: range)
    }
}

/// A mojibake rule file that the detector cannot take.
enum MojibakeOptionError: Error, CustomStringConvertible {
    case tooManyCodecs(Int)

    var description: String {
        switch self {
        case .tooManyCodecs(let n): "mojibake: at most 32 codecs, got \(n)"
        }
    }
}
