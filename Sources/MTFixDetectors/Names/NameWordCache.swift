import Foundation

/// What a name detector makes of one written word, remembered across documents by its UTF-16 units.
///
/// Whether a word can be a name (its case, an elided article, a possessive or case ending, the rule's
/// word lists) is a pure function of its units and the rule's options, but working it out builds a
/// `String` and compares whole `Character`s, which is slow; words repeat within and across documents,
/// so each spelling is analysed once per rule and later found again without building a string (the
/// cache is bounded).
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
    /// An open-addressing table (linear probing): each slot packs the upper half of a word's hash with
    /// its index in `stored` plus one (0: empty), so a probe reads one array and compares units only when
    /// the hashes agree. Faster than a `Dictionary` keyed by the units, whose probes compare whole keys.
    private var table = [UInt64](repeating: 0, count: 1024)
    /// Where each word's units are in `pool`, and its analysis.
    private var stored: [(start: Int32, count: Int32, entry: Entry)] = []
    /// The units of every stored word, one after another.
    private var pool: [UInt16] = []
    /// Name keys of the rule, to give every candidate its stem's key (nil: keys are not wanted).
    private let keys: NameKeyCache?

    init(keys: NameKeyCache? = nil) {
        self.keys = keys
    }

    /// The hash of the units at `range` the table is keyed by.
    static func hash(_ u: [UInt16], _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range { h = (h ^ UInt64(u[i])) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }

    /// The analysis of the word at `range` of `u` (an ICU letter word, or a katakana or Han run); `hash`
    /// is `NameWordCache.hash(u, range)` when the caller knows it already.
    func entry(_ u: [UInt16], _ range: Range<Int>, hash: UInt64? = nil, options: NameOptions) -> Entry {
        let h = hash ?? NameWordCache.hash(u, range)
        lock.lock()
        if let hit = find(u, range, h) {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let e = NameWordCache.analyse(u, range, options, keys)
        lock.lock()
        if find(u, range, h) == nil { insert(u, range, h, e) }
        lock.unlock()
        return e
    }

    private func find(_ u: [UInt16], _ range: Range<Int>, _ h: UInt64) -> Entry? {
        let tag = h >> 32
        let n = range.count
        return table.withUnsafeBufferPointer { t in
            let mask = t.count - 1
            var i = Int(truncatingIfNeeded: h) & mask
            while t[i] != 0 {
                if t[i] >> 32 == tag {
                    let s = stored[Int(t[i] & 0xFFFF_FFFF) - 1]
                    if Int(s.count) == n
                        && pool.withUnsafeBufferPointer({ p in
                            u.withUnsafeBufferPointer { w in
                                memcmp(p.baseAddress! + Int(s.start), w.baseAddress! + range.lowerBound, n * 2) == 0
                            }
                        })
                    {
                        return s.entry
                    }
                }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    private func insert(_ u: [UInt16], _ range: Range<Int>, _ h: UInt64, _ e: Entry) {
        if stored.count >= NameWordCache.capacity {
            stored.removeAll(keepingCapacity: true)
            pool.removeAll(keepingCapacity: true)
            for i in table.indices { table[i] = 0 }
        }
        if (stored.count + 1) * 2 > table.count { grow() }
        stored.append((Int32(pool.count), Int32(range.count), e))
        pool.append(contentsOf: u[range])
        place((h >> 32) << 32 | UInt64(stored.count), hash: h)
    }

    private func place(_ slot: UInt64, hash h: UInt64) {
        let mask = table.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while table[i] != 0 { i = (i + 1) & mask }
        table[i] = slot
    }

    /// Doubles the table; the slots' low hash bits are gone, so each word's hash is computed again.
    private func grow() {
        table = [UInt64](repeating: 0, count: table.count * 2)
        for (k, s) in stored.enumerated() {
            let h = NameWordCache.hash(pool, Int(s.start)..<Int(s.start + s.count))
            place((h >> 32) << 32 | UInt64(k + 1), hash: h)
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
