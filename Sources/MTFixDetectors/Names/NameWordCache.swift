import Foundation

/// What a name detector makes of one written word, remembered across documents by its UTF-16 units.
///
/// Whether a word can be a name (its case, an elided article, a possessive or case ending, the rule's
/// word lists) is a pure function of its units and the rule's options, but working it out builds a
/// `String` and compares whole `Character`s, which is slow; words repeat within and across documents,
/// so each spelling is analysed once per rule and later found again without building a string (the
/// cache is bounded). Words of a document's `NameWordList` are found by their number.
final class NameWordCache: @unchecked Sendable {
    /// One word's analysis (a class, so handing one out costs one retain, not one per field).
    final class Entry: Sendable {
        enum Kind: Sendable {
            /// Not a name and not vocabulary (digits first, all caps, listed in the rule's word lists).
            case skip
            /// Written in lowercase: vocabulary (`vocabulary` holds the units, an elided article removed).
            case lowercase
            /// A name mention.
            case candidate
        }
        let kind: Kind
        let vocabulary: [UInt16]
        /// The word without an elided article (`Italien` in `l’Italien`), and its length in units.
        let word: String
        let wordUnits: Int
        /// Without possessive or case ending.
        let stem: String
        let stemUnits: Int
        let stemIsWord: Bool
        let possessive: Bool
        /// The stem's name key, when the cache was given the rule's keys.
        let key: NameKey?

        init(
            kind: Kind, vocabulary: [UInt16] = [], word: String = "", wordUnits: Int = 0, stem: String = "",
            stemUnits: Int = 0, stemIsWord: Bool = false, possessive: Bool = false, key: NameKey? = nil
        ) {
            self.kind = kind
            self.vocabulary = vocabulary
            self.word = word
            self.wordUnits = wordUnits
            self.stem = stem
            self.stemUnits = stemUnits
            self.stemIsWord = stemIsWord
            self.possessive = possessive
            self.key = key
        }
    }

    static let capacity = 50_000
    private let lock = NSLock()
    /// Analyses of numbered words (`NameWordNumbers`), by number, and whether each is `.skip` (1), another
    /// kind (2) or not analysed yet (0): most words a document repeats are skipped, and testing a byte
    /// spares touching (retaining) their scattered entries.
    private var byNumber: [Unmanaged<Entry>?] = []
    private var skipByNumber: [UInt8] = []
    /// Every analysis in `byNumber`, kept alive for the cache's life (numbers are never reused).
    private var owned: [Entry] = []
    /// Words without a number (katakana and Han runs, words met after the numbers ran out), by their units,
    /// and their analyses in the table's order.
    private var table = UnitTable()
    private var stored: [Entry] = []
    /// Name keys of the rule, to give every candidate its stem's key (nil: keys are not wanted).
    private let keys: NameKeyCache?

    init(keys: NameKeyCache? = nil) {
        self.keys = keys
    }

    /// The hash of the units at `range` the table is keyed by.
    static func hash(_ u: [UInt16], _ range: Range<Int>) -> UInt64 { UnitTable.hash(u, range) }

    /// The analyses of a document's words (see `entries`).
    struct Found {
        /// By word of the list: its analysis, or nil. Not retained (handing out and dropping a reference to
        /// every word's analysis cost more than the rest of the look-up): numbered words' analyses live as
        /// long as the cache, the others as long as `kept`.
        let entries: [Unmanaged<Entry>?]
        let kept: [Entry]
    }

    /// The analyses of the words of `list` (of the text `u`), nil for a word in lowercase without an elided
    /// article (vocabulary, see `NameMentions.collectCased`) and for some skipped words. Numbered words are
    /// found by number, under one lock for the whole document.
    func entries(_ u: [UInt16], _ list: [NameWordList.Word], options: NameOptions) -> Found {
        var out = [Unmanaged<Entry>?](repeating: nil, count: list.count)
        var kept: [Entry] = []
        var missing: [Int] = []
        lock.lock()
        // Through buffers: the lists were checked for bounds, and `out` for uniqueness, at every word.
        u.withUnsafeBufferPointer { units in
            list.withUnsafeBufferPointer { list in
                out.withUnsafeMutableBufferPointer { out in
                    skipByNumber.withUnsafeBufferPointer { skipByNumber in
                        byNumber.withUnsafeBufferPointer { byNumber in
                            for k in list.indices {
                                let w = list[k]
                                if w.lowercaseLead && !options.mayElide(u, w.range) { continue }
                                let n = Int(w.number)
                                if n >= 0 {
                                    let known = n < skipByNumber.count ? skipByNumber[n] : 0
                                    if known == 2 { out[k] = byNumber[n] } else if known == 0 { missing.append(k) }
                                } else if let i = table.find(units, w.range, w.hash) {
                                    kept.append(stored[i])
                                    out[k] = Unmanaged.passUnretained(stored[i])
                                } else {
                                    missing.append(k)
                                }
                            }
                        }
                    }
                }
            }
        }
        lock.unlock()
        guard !missing.isEmpty else { return Found(entries: out, kept: kept) }
        let made = missing.map { NameWordCache.analyse(u, list[$0].range, options, keys) }
        kept.append(contentsOf: made)
        lock.lock()
        for (k, e) in zip(missing, made) {
            out[k] = Unmanaged.passUnretained(e)
            let w = list[k]
            let n = Int(w.number)
            if n >= 0 {
                if n >= byNumber.count {
                    byNumber.append(contentsOf: repeatElement(nil, count: n + 1 - byNumber.count))
                    skipByNumber.append(contentsOf: repeatElement(0, count: n + 1 - skipByNumber.count))
                }
                if byNumber[n] == nil {
                    owned.append(e)
                    byNumber[n] = Unmanaged.passUnretained(e)
                    skipByNumber[n] = e.kind == .skip ? 1 : 2
                }
            } else {
                store(e, u, w.range, w.hash)
            }
        }
        lock.unlock()
        return Found(entries: out, kept: kept)
    }

    /// Stores the analysis of an unnumbered word unless it is there already (the caller holds the lock).
    private func store(_ e: Entry, _ u: [UInt16], _ range: Range<Int>, _ h: UInt64) {
        u.withUnsafeBufferPointer { units in
            guard table.find(units, range, h) == nil else { return }
            if stored.count >= NameWordCache.capacity {
                stored.removeAll(keepingCapacity: true)
                table.removeAll()
            }
            table.insert(units, range, h)
            stored.append(e)
        }
    }

    private static func analyse(_ u: [UInt16], _ range: Range<Int>, _ options: NameOptions, _ keys: NameKeyCache?) -> Entry {
        if options.script != .cased {
            // A katakana or Han run is the name itself, unless the word lists exclude it.
            let stem = NameMentions.word(u, range)
            if options.isListed(stem) { return Entry(kind: .skip) }
            return Entry(
                kind: .candidate, word: stem, wordUnits: range.count, stem: stem, stemUnits: range.count, stemIsWord: true,
                key: keys?.key(stem))
        }
        let lead = u[range.lowerBound]
        var word: String
        if let ascii = NameMentions.asciiWord(u, range), !options.mayElide(u, range) {
            // Acronyms (`US`, `TASS`) are not transliterated names.
            guard lead >= 0x41 && lead <= 0x5A else { return Entry(kind: .skip) }
            guard u[(range.lowerBound + 1)..<range.upperBound].contains(where: { $0 >= 0x61 && $0 <= 0x7A }) else {
                return Entry(kind: .skip)
            }
            word = ascii
        } else {
            word = NameMentions.word(u, range)
            // `l’Italien`, `d’Esteban`: the elided article is not part of the name.
            if options.mayElide(u, range), let e = options.elisions.first(where: { word.lowercased().hasPrefix($0) && word.count > $0.count }) {
                word = String(word.dropFirst(e.count))
            }
            guard let first = word.unicodeScalars.first else { return Entry(kind: .skip) }
            if first.properties.isLowercase { return Entry(kind: .lowercase, vocabulary: Array(word.utf16)) }
            guard first.properties.isUppercase else { return Entry(kind: .skip) }
            guard word.unicodeScalars.dropFirst().contains(where: { $0.properties.isLowercase }) else { return Entry(kind: .skip) }
        }
        if options.contractions.contains(where: { word.hasSuffix($0) && word.count > $0.count }) { return Entry(kind: .skip) }
        var stem = word
        var possessive = false
        for p in options.possessives where stem.hasSuffix(p) && stem.count > p.count {
            stem.removeLast(p.count)
            possessive = true
            break
        }
        stem = options.stripCase(stem)
        if options.isListed(stem) || options.isListed(word) { return Entry(kind: .skip) }
        return Entry(
            kind: .candidate, word: word, wordUnits: word.utf16.count, stem: stem, stemUnits: stem.utf16.count,
            stemIsWord: stem == word, possessive: possessive, key: keys?.key(stem))
    }
}
