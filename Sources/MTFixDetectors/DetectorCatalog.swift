import MTFixCore
import MTFixRules

/// The MT-damage detectors this module provides, by the name rule files use in `detector:`.
public enum DetectorCatalog {
    public static let factories: [String: DetectorFactory] = NarrativeCatalog.factories.merging(
        NameCatalog.factories, uniquingKeysWith: { a, _ in a })
}
