import MTFixCore
import MTFixRules

/// Detectors for entity-level damage: name drift and title conflicts.
enum NameCatalog {
    static let factories: [String: DetectorFactory] = [
        "name-drift": { NameDriftDetector(descriptor: $0, options: $1) },
        "title-conflict": { TitleConflictDetector(descriptor: $0, options: $1) },
    ]
}
