import MTFixCore
import MTFixRules

/// Detectors for sentence-level damage: attribution, fragments, captions, punctuation, duplicates,
/// untranslated runs.
enum NarrativeCatalog {
    static let factories: [String: DetectorFactory] = [
        "broken-attribution": { try BrokenAttributionDetector(descriptor: $0, options: $1) },
        "echo-fragment": { try EchoFragmentDetector(descriptor: $0, options: $1) },
        "stray-fragment": { try StrayFragmentDetector(descriptor: $0, options: $1) },
        "split-sentence": { try SplitSentenceDetector(descriptor: $0, options: $1) },
        "orphan-punctuation": { try OrphanPunctuationDetector(descriptor: $0, options: $1) },
        "duplicate-sentence": { try DuplicateSentenceDetector(descriptor: $0, options: $1) },
        "duplicate-paragraph": { try DuplicateParagraphDetector(descriptor: $0, options: $1) },
        "caption": { try CaptionDetector(descriptor: $0, options: $1) },
        "untranslated": { try UntranslatedDetector(descriptor: $0, options: $1) },
    ]
}
