/// The damage taxonomy of MISSION.md; the raw values are public interface (JSON, config, CLI).
public enum Category: String, CaseIterable, Codable, Sendable, Comparable {
    case nameDrift = "name-drift"
    case titleConflict = "title-conflict"
    case strayFragment = "stray-fragment"
    case echoFragment = "echo-fragment"
    case brokenAttribution = "broken-attribution"
    case caption = "caption"
    case orphanPunctuation = "orphan-punctuation"
    case duplicateSentence = "duplicate-sentence"
    case splitSentence = "split-sentence"
    case mojibake = "mojibake"
    case htmlEntity = "html-entity"
    case invisibleChar = "invisible-char"
    case fullwidthPunct = "fullwidth-punct"
    case spuriousSpace = "spurious-space"
    case normalization = "normalization"
    case confusable = "confusable"
    case untranslated = "untranslated"

    /// Position in the taxonomy: encoding repairs come first, so that later rules see clean characters.
    public var order: Int {
        switch self {
        case .mojibake: 0
        case .htmlEntity: 1
        case .invisibleChar: 2
        case .normalization: 3
        case .confusable: 4
        case .fullwidthPunct: 5
        case .spuriousSpace: 6
        case .caption: 7
        case .duplicateSentence: 8
        case .brokenAttribution: 9
        case .echoFragment: 10
        case .orphanPunctuation: 11
        case .titleConflict: 12
        case .nameDrift: 13
        case .strayFragment: 14
        case .splitSentence: 15
        case .untranslated: 16
        }
    }

    public static func < (a: Category, b: Category) -> Bool { a.order < b.order }
}

/// How far a finding's edit may be trusted: `fix`/`diff` apply `safe` edits, `--unsafe-fixes` adds `review`.
public enum Safety: String, CaseIterable, Codable, Sendable, Comparable {
    case safe, review, report

    var rank: Int {
        switch self {
        case .safe: 0
        case .review: 1
        case .report: 2
        }
    }

    public static func < (a: Safety, b: Safety) -> Bool { a.rank < b.rank }
}

/// How loudly a finding is reported.
public enum Severity: String, CaseIterable, Codable, Sendable {
    case error, warning, info
}
