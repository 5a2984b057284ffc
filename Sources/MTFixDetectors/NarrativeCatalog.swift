import MTFixCore
import MTFixRules

/// Detectors for sentence-level damage: attribution, fragments, captions, punctuation, duplicates.
enum NarrativeCatalog {
    static let factories: [String: DetectorFactory] = [:]
}
