import MTFixCore
import MTFixRules

/// The encoding and Unicode detectors this module provides, by the name rule files use in `detector:`.
public enum UnicodeCatalog {
    public static let factories: [String: DetectorFactory] = [
        "html-entity": { HTMLEntityDetector(descriptor: $0, options: $1) },
        "mojibake": { try MojibakeDetector(descriptor: $0, options: $1) },
        "c1-control": { C1ControlDetector(descriptor: $0, options: $1) },
    ]
}
