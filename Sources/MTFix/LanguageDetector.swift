import MTFixICU
import MTFixRules

/// How one language is recognised, read from `Rules/<lang>/language.yml`.
public struct LanguageProfile: Sendable {
    public let code: String
    public let name: String
    /// ISO 15924 codes (`Latn`, `Cyrl`, `Hani`, ...) the language is written in.
    public let scripts: Set<String>
    /// Scripts that identify the language by themselves (Japanese kana), with the share they need.
    public let distinctive: Set<String>
    public let minShare: Double
    public let functionWords: Set<String>
}

/// Guesses a document's language from the language profiles in `Rules/`: a distinctive script first
/// (kana → ja), then the dominant script (Han → zh, Cyrillic → ru), then, among several languages
/// sharing it (Latin), whose function words occur most.
public struct LanguageDetector: Sendable {
    public let profiles: [LanguageProfile]
    private let wordTable: WordTable

    /// The languages with a profile, sorted.
    public var languages: [String] { profiles.map(\.code).sorted() }

    /// Reads `<lang>/language.yml` from each tree; a later tree's profile replaces an earlier one.
    public init(trees: [RuleTree]) throws {
        var byCode: [String: LanguageProfile] = [:]
        var errors: [RuleFileError] = []
        for tree in trees {
            for rel in tree.files.keys.sorted() where rel.hasSuffix("/language.yml") && rel.split(separator: "/").count == 2 {
                let code = String(rel.split(separator: "/")[0])
                let file = "\(tree.display)/\(rel)"
                do {
                    guard let v = try tree.data("language", language: code) else { continue }
                    guard let scripts = v["scripts"]?.strings, !scripts.isEmpty else {
                        throw RuleFileError(file: file, line: 1, message: "a language profile needs 'scripts' (ISO 15924 codes)")
                    }
                    byCode[code] = LanguageProfile(
                        code: code, name: v["name"]?.string ?? code, scripts: Set(scripts),
                        distinctive: Set(v["distinctive"]?.strings ?? []), minShare: v["min_share"]?.number ?? 0.05,
                        functionWords: Set(v["function_words"]?.strings ?? []))
                } catch let e as RuleFileError {
                    errors.append(e)
                }
            }
        }
        if !errors.isEmpty { throw RuleLoadErrors(errors: errors) }
        profiles = byCode.values.sorted { $0.code < $1.code }
        wordTable = Self.wordTable(profiles)
    }

    /// The profiles that ship inside the tool.
    public static let bundled: LanguageDetector = (try? LanguageDetector(trees: [.bundled])) ?? LanguageDetector(profiles: [])

    init(profiles: [LanguageProfile]) {
        self.profiles = profiles
        wordTable = Self.wordTable(profiles)
    }

    /// Detects with the bundled profiles.
    public static func detect(_ text: String, default fallback: String = "en") -> String {
        bundled.detect(text, default: fallback)
    }

    public func detect(_ text: String, default fallback: String = "en") -> String {
        var text = text
        let stats = text.withUTF8 { Self.scan($0, table: wordTable, profiles: profiles.count) }
        let counts = stats.scripts
        // A distinctive script with enough share among the language's scripts decides at once.
        var best: (String, Double)? = nil
        for p in profiles where !p.distinctive.isEmpty {
            let own = p.scripts.union(p.distinctive)
            let mine = p.distinctive.reduce(0) { $0 + counts[$1, default: 0] }
            let all = own.reduce(0) { $0 + counts[$1, default: 0] }
            // The language's scripts must also hold more letters than any other script: one Japanese
            // word (`すし`) in an English article does not make it Japanese.
            let other = counts.filter { !own.contains($0.key) }.values.max() ?? 0
            guard mine > 0, all > 0, all > other else { continue }
            let share = Double(mine) / Double(all)
            if share >= p.minShare && share > (best?.1 ?? 0) { best = (p.code, share) }
        }
        if let best { return best.0 }
        guard let dominant = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key else {
            return fallback
        }
        let candidates = profiles.indices.filter { profiles[$0].distinctive.isEmpty && profiles[$0].scripts.contains(dominant) }
        if candidates.count <= 1 { return candidates.first.map { profiles[$0].code } ?? fallback }
        // Among languages sharing the script, the one whose function words occur most; ties go to the
        // alphabetically first code (profiles are sorted), so the result never depends on hashing.
        let top = candidates.map { stats.wordScores[$0] }.max() ?? 0
        if top == 0 {
            return candidates.contains { profiles[$0].code == fallback } ? fallback : profiles[candidates[0]].code
        }
        return profiles[candidates.first { stats.wordScores[$0] == top }!].code
    }

    /// Word hash → bit set of profiles (by index) listing the word as a function word.
    static func wordTable(_ profiles: [LanguageProfile]) -> WordTable {
        var table: [UInt64: UInt64] = [:]
        for (k, p) in profiles.enumerated() where k < 64 {
            for w in p.functionWords { table[hash(w), default: 0] |= 1 << UInt64(k) }
        }
        return WordTable(table)
    }

    struct Stats {
        var scripts: [String: Int] = [:]
        var wordScores: [Int]
    }

    /// One pass over the UTF-8 bytes: letters per script (ISO 15924 code) in the first 20,000 letters,
    /// and function-word hits per profile in the first 5,000 words. ASCII letters count as Latin without
    /// asking ICU and words are compared by a 64-bit hash of their folded code points, so no string is
    /// built: this runs on every document and must cost little per byte.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, table: WordTable, profiles: Int) -> Stats {
        var stats = Stats(wordScores: [Int](repeating: 0, count: profiles))
        var latin = 0
        var others = [Int](repeating: 0, count: 256)  // by UScriptCode (all below 256)
        let bmp = bmpScripts
        var letters = 0
        var words = 0
        var h = fnvBasis
        var inWord = false
        let n = bytes.count
        var i = 0
        func endWord() {
            if let mask = table[h] {
                for k in 0..<profiles where mask & (1 << UInt64(k)) != 0 { stats.wordScores[k] += 1 }
            }
            words += 1
            h = fnvBasis
            inWord = false
        }
        while i < n && (letters < 20_000 || words <= 5_000) {
            let b = UInt32(bytes[i])
            // ASCII, most of the bytes of most copy: a letter or a word end, nothing else to decide.
            if b < 0x80 {
                let lower = b | 0x20
                if lower >= 0x61 && lower <= 0x7A {
                    latin += 1
                    letters += 1
                    h = (h ^ UInt64(lower)) &* fnvPrime
                    inWord = true
                } else if inWord {
                    endWord()
                }
                i += 1
                continue
            }
            var v = b
            var len = 1
            if b >= 0xF0, i + 3 < n {
                v = (b & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12 | (UInt32(bytes[i + 2]) & 0x3F) << 6 | (UInt32(bytes[i + 3]) & 0x3F)
                len = 4
            } else if b >= 0xE0, i + 2 < n {
                v = (b & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | (UInt32(bytes[i + 2]) & 0x3F)
                len = 3
            } else if b >= 0xC0, i + 1 < n {
                v = (b & 0x1F) << 6 | (UInt32(bytes[i + 1]) & 0x3F)
                len = 2
            }
            i += len
            let script = v < 0x10000 ? Int(bmp[Int(v)]) : Int(Unicode.Scalar(v).map { Script.of($0).rawValue & 0xFF } ?? 0)
            // Common (0) and Inherited (1): digits, punctuation, symbols, combining marks.
            if script > 1 {
                others[script] += 1
                letters += 1
            }
            if isWordScalar(v) {
                h = (h ^ UInt64(fold(v))) &* fnvPrime
                inWord = true
            } else if inWord {
                endWord()
            }
        }
        if inWord { endWord() }
        others[Int(Script.latin.rawValue)] += latin
        for (raw, count) in others.enumerated() where count > 0 { stats.scripts[Script(rawValue: Int32(raw)).code] = count }
        return stats
    }

    /// UScriptCode of every BMP code point, built once: one ICU call per character was a tenth of `check`.
    static let bmpScripts: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 0x10000)
        for v in 0x80..<0x10000 {
            if let s = Unicode.Scalar(UInt32(v)) { t[v] = UInt8(truncatingIfNeeded: Script.of(s).rawValue) }
        }
        return t
    }()

    static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3

    static func hash(_ word: String) -> UInt64 {
        var h = fnvBasis
        for s in word.unicodeScalars { h = (h ^ UInt64(fold(s.value))) &* fnvPrime }
        return h
    }

    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 { v < 0x10000 ? UInt32(LiteralMatcher.fold(UInt16(v))) : v }

    /// Letters (and marks inside words), cheaply: ASCII letters, and anything outside ASCII and Latin-1
    /// punctuation, general punctuation and spaces, CJK punctuation and full-width forms.
    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v < 0xC0 { return v == 0xAA || v == 0xB5 || v == 0xBA }
        if v == 0xD7 || v == 0xF7 { return false }
        if v >= 0x2000 && v < 0x2070 { return false }
        if v >= 0x3000 && v < 0x3040 { return false }
        if v >= 0xFF00 && v < 0xFF10 { return false }
        return true
    }
}

/// An open-addressing table from word hash to profile bit set: a plain array probe per word instead of
/// a `Dictionary` (which rehashes the already-hashed key with SipHash).
struct WordTable: Sendable {
    private let keys: [UInt64]
    private let values: [UInt64]
    private let mask: Int

    init(_ entries: [UInt64: UInt64]) {
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        var keys = [UInt64](repeating: 0, count: size)
        var values = [UInt64](repeating: 0, count: size)
        for (k, v) in entries {
            var i = Int(truncatingIfNeeded: k >> 7) & (size - 1)
            while values[i] != 0 { i = (i + 1) & (size - 1) }
            keys[i] = k
            values[i] = v
        }
        self.keys = keys
        self.values = values
        mask = size - 1
    }

    subscript(key: UInt64) -> UInt64? {
        var i = Int(truncatingIfNeeded: key >> 7) & mask
        while values[i] != 0 {
            if keys[i] == key { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }
}
