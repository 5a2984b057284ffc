import MTFixICU
import MTFixRules

/// Guesses a document's language from the language profiles in `Rules/`: a distinctive script first
/// (kana → ja), then the dominant script (Han → zh, Cyrillic → ru), then, among several languages
/// sharing it (Latin), whose function words occur most.
public struct LanguageDetector: Sendable {
    public let profiles: [LanguageProfile]
    private let wordTable: WordTable
    let plan: ScriptPlan

    /// The languages with a profile, sorted.
    public var languages: [String] { profiles.map(\.code).sorted() }

    /// Reads `<lang>/language.yml` from each tree; a later tree's profile replaces an earlier one.
    public init(trees: [RuleTree]) throws {
        profiles = try LanguageProfile.read(trees)
        wordTable = Self.wordTable(profiles)
        plan = ScriptPlan(profiles)
    }

    /// The profiles that ship inside the tool.
    public static let bundled: LanguageDetector = (try? LanguageDetector(trees: [.bundled])) ?? LanguageDetector(profiles: [])

    init(profiles: [LanguageProfile]) {
        self.profiles = profiles
        wordTable = Self.wordTable(profiles)
        plan = ScriptPlan(profiles)
    }

    /// Detects with the bundled profiles.
    public static func detect(_ text: String, default fallback: String = "en") -> String {
        bundled.detect(text, default: fallback)
    }

    public func detect(_ text: String, default fallback: String = "en") -> String {
        var text = text
        return text.withUTF8 { bytes in
            // Below the letter limit every byte is read whatever the words are, so the scripts are
            // counted alone and the function words hashed (a second pass) only when the answer comes
            // down to them: a dominant script several profiles share (Latin). Cyrillic, Han or kana
            // copy never pays for the hashing.
            if bytes.count < Self.letterLimit {
                // The counts and the scripts seen on the stack (see `countScripts(_:into:seen:settled:)`).
                return withUnsafeTemporaryAllocation(of: Int.self, capacity: 256 + 257) { buffer in
                    let counts = UnsafeMutableBufferPointer(rebasing: buffer[0..<256])
                    counts.initialize(repeating: 0)
                    let seen = UnsafeMutableBufferPointer(rebasing: buffer[256...])
                    let k = Self.countScripts(bytes, into: counts, seen: seen, settled: plan.isSettled)
                    return decide(UnsafeBufferPointer(counts), scripts: UnsafeBufferPointer(rebasing: seen[0..<k]), fallback: fallback) {
                        Self.scoreWords(bytes, table: wordTable, profiles: profiles.count)
                    }
                }
            }
            let stats = Self.scan(bytes, table: wordTable, profiles: profiles.count)
            return decide(stats.scripts, fallback: fallback) { stats.wordScores }
        }
    }

    /// The language for letter counts by ICU script number (256 slots); `wordScores` (function-word hits
    /// per profile) is asked only when several profiles share the dominant script.
    func decide(_ counts: [Int], fallback: String, wordScores: () -> [Int]) -> String {
        counts.withUnsafeBufferPointer { c in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { scripts in
                var k = 0
                for s in c.indices where c[s] > 0 {
                    scripts[k] = s
                    k += 1
                }
                return decide(c, scripts: UnsafeBufferPointer(rebasing: scripts[0..<k]), fallback: fallback, wordScores: wordScores)
            }
        }
    }

    /// `decide` with the script numbers that may have letters (each once; those with none are passed
    /// over): the answer does not depend on their order.
    func decide(
        _ counts: UnsafeBufferPointer<Int>, scripts: UnsafeBufferPointer<Int>, fallback: String, wordScores: () -> [Int]
    ) -> String {
        // The scripts that occur: most texts have two or three of the 256 (room for eight at once, where
        // a filter grew the array from empty on every document).
        var present: [Int] = []
        present.reserveCapacity(8)
        for s in scripts where counts[s] > 0 { present.append(s) }
        // A distinctive script with enough share among the language's scripts decides at once.
        var best: (Int, Double)? = nil
        for k in plan.distinctiveProfiles {
            let own = plan.own[k]
            var mine = 0
            for s in plan.distinctive[k] { mine += counts[s] }
            var all = 0
            var other = 0
            for s in present {
                if own[s] { all += counts[s] } else { other = max(other, counts[s]) }
            }
            // The language's scripts must also hold more letters than any other script: one Japanese
            // word (`すし`) in an English article does not make it Japanese.
            guard mine > 0, all > 0, all > other else { continue }
            let share = Double(mine) / Double(all)
            if share >= profiles[k].minShare && share > (best?.1 ?? 0) { best = (k, share) }
        }
        if let best { return profiles[best.0].code }
        // The most frequent script; of two as frequent, the one whose ISO code sorts first.
        var dominant = -1
        for s in present {
            if dominant < 0 || counts[s] > counts[dominant] || counts[s] == counts[dominant] && plan.codes[s] < plan.codes[dominant] {
                dominant = s
            }
        }
        guard dominant >= 0 else { return fallback }
        var candidates: [Int] = []
        candidates.reserveCapacity(profiles.count)
        for k in profiles.indices where profiles[k].distinctive.isEmpty && plan.writes[k][dominant] { candidates.append(k) }
        if candidates.count <= 1 { return candidates.first.map { profiles[$0].code } ?? fallback }
        // Among languages sharing the script, the one whose function words occur most; ties go to the
        // alphabetically first code (profiles are sorted), so the result never depends on hashing.
        let scores = wordScores()
        let top = candidates.lazy.map { scores[$0] }.max() ?? 0
        if top == 0 {
            return candidates.contains { profiles[$0].code == fallback } ? fallback : profiles[candidates[0]].code
        }
        return profiles[candidates.first { scores[$0] == top }!].code
    }

    /// Word hash → bit set of profiles (by index) listing the word as a function word.
    static func wordTable(_ profiles: [LanguageProfile]) -> WordTable {
        var table: [UInt64: UInt64] = [:]
        for (k, p) in profiles.enumerated() where k < 64 {
            for w in p.functionWords { table[hash(w), default: 0] |= 1 << UInt64(k) }
        }
        return WordTable(table)
    }
}

/// The profiles' scripts as ICU script numbers, resolved once: deciding then needs no string per
/// document. Script numbers stay below 256 (`LanguageDetector.scan` counts them in a 256-slot array).
struct ScriptPlan: Sendable {
    /// ISO 15924 code of each script number.
    let codes: [String]
    /// Indices of the profiles with a distinctive script.
    let distinctiveProfiles: [Int]
    /// Per profile: the numbers of its distinctive scripts.
    let distinctive: [[Int]]
    /// Per profile and script number: whether the script is one of its scripts or distinctive ones.
    let own: [[Bool]]
    /// Per profile and script number: whether the language is written in the script.
    let writes: [[Bool]]
    /// Per profile: its `minShare`, and the fewest bytes a letter of its scripts (with the distinctive
    /// ones) and of its distinctive scripts takes (`minBytes`; 3 when it has none).
    let minShares: [Double]
    let ownMinBytes: [Int]
    let distinctiveMinBytes: [Int]

    init(_ profiles: [LanguageProfile]) {
        let codes = (0..<256).map { Script(rawValue: Int32($0)).code }
        func flags(_ names: Set<String>) -> [Bool] { codes.map { names.contains($0) } }
        self.codes = codes
        distinctiveProfiles = profiles.indices.filter { !profiles[$0].distinctive.isEmpty }
        distinctive = profiles.map { p in codes.indices.filter { p.distinctive.contains(codes[$0]) } }
        own = profiles.map { flags($0.scripts.union($0.distinctive)) }
        writes = profiles.map { flags($0.scripts) }
        minShares = profiles.map(\.minShare)
        let own = self.own
        ownMinBytes = own.map { flags in flags.indices.filter { flags[$0] }.map { Self.minBytes[$0] }.min() ?? 3 }
        distinctiveMinBytes = distinctive.map { scripts in scripts.map { Self.minBytes[$0] }.min() ?? 3 }
    }
}
