import MTFixCore

/// One written occurrence of a name-like word: a capitalized word, a katakana run, or a run of the Han
/// characters transliterated names use.
struct NameMention: Sendable {
    /// The whole written token (`Kovalenko’s`, `Коваленко`).
    let range: Range<Int>
    /// The name itself, without possessive or case ending: what a repair replaces.
    private(set) var stemRange: Range<Int>
    let line: Int
    /// Index into `NameMentions.chains`.
    var chain = -1
    /// Whether a possessive ending follows: the chain of name parts ends here.
    var possessive = false
    /// The word's analysis, which gives the stem and its key; or, for a stem set after the scan (a hyphened
    /// syllable joined, an inflection split off), an analysis of its own that holds that stem and no key.
    /// Held as one reference: copying the stem and the key's two arrays into every mention was four. Not
    /// retained (retaining and releasing it for every mention showed in profiles, and a mention holding
    /// nothing counted is copied and destroyed without any work): `NameMentions` keeps the cache that owns
    /// the numbered words' analyses, and the others, alive. So a mention is read only while the
    /// `NameMentions` it came from lives (`withExtendedLifetime` past its last use).
    private var analysis: Unmanaged<NameWordCache.Entry>

    init(range: Range<Int>, stemRange: Range<Int>, line: Int, possessive: Bool = false, analysis: Unmanaged<NameWordCache.Entry>) {
        self.range = range
        self.stemRange = stemRange
        self.line = line
        self.possessive = possessive
        self.analysis = analysis
    }

    var stem: String { analysis._withUnsafeGuaranteedRef { $0.stem } }

    /// The stem's name key, when the scan already knew it.
    var key: NameKey? { analysis._withUnsafeGuaranteedRef { $0.key } }

    /// Whether the known key's skeleton is empty, and its hash (nil: no key known), read without copying the key.
    var knownSkeleton: (isEmpty: Bool, hash: Int)? {
        analysis._withUnsafeGuaranteedRef { a in
            guard let hash = a.key?.skeletonHash, let isEmpty = a.key?.skeleton.isEmpty else { return nil }
            return (isEmpty, hash)
        }
    }

    /// Whether `other` has the same stem (told at once when both have the same analysis).
    func hasSameStem(as other: NameMention) -> Bool {
        analysis.toOpaque() == other.analysis.toOpaque() || stem == other.stem
    }

    /// Gives the mention the stem of `own` (an analysis made for it, kept alive by the caller), written at `range`.
    fileprivate mutating func restem(_ own: Unmanaged<NameWordCache.Entry>, at range: Range<Int>) {
        analysis = own
        stemRange = range
    }
}

/// Name parts written next to each other (`Irina Kovalenko`, `イリーナ・コワレンコ`): a full-name mention.
struct NameChain: Sendable {
    /// Indices into `NameMentions.mentions`: a chain's parts are consecutive mentions, so a range (no
    /// array to allocate for every mention). Subscripts take mention indices, not positions.
    var members: Range<Int>
    let line: Int
}

/// Every name mention of a document, grouped into chains, plus the lowercase vocabulary of the text.
struct NameMentions: Sendable {
    var mentions: [NameMention] = []
    var chains: [NameChain] = []
    /// Words written in lowercase that are not their ICU word's units (an elided article removed). The
    /// others are only looked at when a document has names to cluster, so `writtenLowercase` finds them
    /// again in the document's words then.
    private(set) var lowercaseOther: [[UInt16]] = []
    /// The document scanned (whose words `writtenLowercase` reads).
    let doc: Document
    /// The cache the mentions' analyses came from (which keeps the numbered words' ones alive), and the
    /// analyses it does not keep (see `NameMention.analysis`).
    private let cache: NameWordCache
    private var kept: [NameWordCache.Entry] = []

    /// The first non-blank line (the headline).
    var headline: Int?
    private let vocabulary: Bool

    /// `words` remembers the word-list analysis of capitalized words across documents (one per rule).
    /// `vocabulary: false` skips recording lowercase words (for callers that never ask `writtenLowercase`).
    /// `options` is borrowed: an initializer takes its arguments owned, so every document's scan copied the
    /// rule's options (retaining and releasing each of their arrays and sets) only to read them.
    init(_ doc: Document, options: borrowing NameOptions, words: NameWordCache = NameWordCache(), vocabulary: Bool = true) {
        self.vocabulary = vocabulary
        self.doc = doc
        cache = words
        headline = doc.lines.firstIndex { r in r.contains { !Document.isSpaceUnit(doc.utf16[$0]) } }
        if let scan = options.runScan {
            collectRuns(doc, options, words, scan)
        } else {
            collectCased(doc, options, words)
        }
        linkChains(doc, options)
    }

    /// An analysis of its own for a stem set after the scan (no key known), kept alive with the mentions.
    private mutating func ownAnalysis(_ stem: String) -> Unmanaged<NameWordCache.Entry> {
        let e = NameWordCache.Entry(kind: .candidate, stem: stem)
        kept.append(e)
        return Unmanaged.passUnretained(e)
    }

    /// Gives mention `k` the stem `stem`, written at `range` (its key is not known).
    mutating func restem(_ k: Int, _ stem: String, at range: Range<Int>) {
        mentions[k].restem(ownAnalysis(stem), at: range)
    }

    private mutating func collectCased(_ doc: Document, _ options: NameOptions, _ words: NameWordCache) {
        let u = doc.utf16
        let list = NameWordList.of(doc).words
        // A word in lowercase is vocabulary (see `lowercaseOther`), unless an elided article comes first: no entry.
        let found = words.entries(u, list, options: options)
        var kept = found.kept
        var lowercase: [[UInt16]] = []
        let vocabulary = self.vocabulary
        // Written straight into room for every word (appending checked the room for every mention).
        let collected = [NameMention](unsafeUninitializedCapacity: list.count) { m, count in
            var n = 0
            list.withUnsafeBufferPointer { list in
                found.entries.withUnsafeBufferPointer { entries in
                    for (w, entry) in zip(list, entries) {
                        guard let ref = entry else { continue }
                        // The analysis is read without taking a reference to it (the cache keeps it alive):
                        // retaining and releasing it for every candidate showed in profiles.
                        let e = ref._withUnsafeGuaranteedRef { e in
                            (kind: e.kind, wordUnits: e.wordUnits, stemUnits: e.stemUnits, stemIsWord: e.stemIsWord, possessive: e.possessive)
                        }
                        switch e.kind {
                        case .skip: continue
                        case .lowercase:
                            if vocabulary { lowercase.append(ref._withUnsafeGuaranteedRef { $0.vocabulary }) }
                            continue
                        case .candidate: break
                        }
                        let range = (w.range.upperBound - e.wordUnits)..<w.range.upperBound
                        // `Lee Jae-myung`: a short lowercase syllable hyphened onto a later name part belongs to it, or
                        // `Jae` alone would stand for both `Jae-myung` and `Jae-yong` (two people).
                        if e.stemIsWord, range.upperBound + 2 < u.count, u[range.upperBound] == 0x2D, range.lowerBound > 0,
                            u[range.lowerBound - 1] == 0x20, n > 0, m[n - 1].range.upperBound == range.lowerBound - 1,
                            !m[n - 1].possessive, let k = NameMentions.syllableEnd(u, after: range.upperBound)
                        {
                            let joined = range.lowerBound..<k
                            var mention = NameMention(
                                range: joined, stemRange: joined, line: w.line,
                                possessive: k < u.count && (u[k] == 0x27 || u[k] == 0x2019), analysis: ref)
                            // An analysis of its own (see `ownAnalysis`), kept alive with the mentions.
                            let own = NameWordCache.Entry(kind: .candidate, stem: doc.string(joined))
                            kept.append(own)
                            mention.restem(Unmanaged.passUnretained(own), at: joined)
                            (m.baseAddress! + n).initialize(to: mention)
                        } else {
                            (m.baseAddress! + n).initialize(
                                to: NameMention(
                                    range: range, stemRange: range.lowerBound..<(range.lowerBound + e.stemUnits), line: w.line,
                                    possessive: e.possessive, analysis: ref))
                        }
                        n += 1
                    }
                }
            }
            count = n
        }
        mentions = collected
        self.kept = kept
        lowercaseOther = lowercase
        if !options.inflectionSuffixes.isEmpty { splitInflections(u, options) }
    }

    /// The end of a syllable of 2 to 6 ASCII lowercase letters hyphened on at `hyphen`, or nil.
    private static func syllableEnd(_ u: [UInt16], after hyphen: Int) -> Int? {
        var k = hyphen + 1
        while k < u.count, u[k] >= 0x61, u[k] <= 0x7A { k += 1 }
        let syllable = k - hyphen - 1
        guard syllable >= 2, syllable <= 6, k == u.count || !(Unicode.Scalar(u[k])?.properties.isAlphabetic ?? false) else {
            return nil
        }
        return k
    }

    /// Katakana or Han runs; a joiner (`・`, `·`) splits one run into the parts of one name.
    private mutating func collectRuns(_ doc: Document, _ options: NameOptions, _ words: NameWordCache, _ scan: NameRunScan) {
        let runs = NameRunList.of(doc, scan).runs
        let found = words.entries(doc.utf16, runs, options: options)
        // As in `collectCased`: room for every run at once costs less than growing the list append by append.
        mentions.reserveCapacity(runs.count)
        for (r, entry) in zip(runs, found.entries) {
            guard let ref = entry, ref._withUnsafeGuaranteedRef({ $0.kind == .candidate }) else { continue }
            mentions.append(NameMention(range: r.range, stemRange: r.range, line: r.line, analysis: ref))
        }
        kept = found.kept
    }

    static func isKatakana(_ u: UInt16) -> Bool { (u >= 0x30A1 && u <= 0x30FA) || u == 0x30FC }

    /// Consecutive mentions separated by exactly one space or joiner form one chain.
    private mutating func linkChains(_ doc: Document, _ options: NameOptions) {
        // Written through buffers: appending chains and updating the last one checked the arrays'
        // uniqueness at every step. A document has at most a chain per mention.
        chains = [NameChain](unsafeUninitializedCapacity: mentions.count) { chains, count in
            var n = 0
            // The last gap unit beyond ASCII and whether it joins (a document writes one joiner, `・`, often).
            var lastUnit: UInt16 = 0x20
            var lastJoins = true
            doc.utf16.withUnsafeBufferPointer { u in
                mentions.withUnsafeMutableBufferPointer { m in
                    for k in m.indices {
                        if k > 0 && !m[k - 1].possessive && m[k].range.lowerBound - m[k - 1].range.upperBound == 1 {
                            let g = u[m[k - 1].range.upperBound]
                            if g >= 0x80 && g != lastUnit {
                                lastUnit = g
                                lastJoins = options.joins(g)
                            }
                            if g >= 0x80 ? lastJoins : options.joins(g) {
                                // The mention before is the last of the last chain.
                                m[k].chain = n - 1
                                chains[n - 1].members = chains[n - 1].members.lowerBound..<(k + 1)
                                continue
                            }
                        }
                        m[k].chain = n
                        (chains.baseAddress! + n).initialize(to: NameChain(members: k..<(k + 1), line: m[k].line))
                        n += 1
                    }
                }
            }
            count = n
        }
    }
}

extension Document {
    /// White space (ASCII, no-break and ideographic spaces).
    static func isSpaceUnit(_ u: UInt16) -> Bool {
        u == 0x20 || u == 0x09 || u == 0x0D || u == 0x0A || u == 0xA0 || u == 0x3000 || (u >= 0x2000 && u <= 0x200A)
    }
}
