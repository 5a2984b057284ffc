import MTFixCore
import MTFixRules

/// The encoding and Unicode detectors this module provides, by the name rule files use in `detector:`.
public enum UnicodeCatalog {
    public static let factories: [String: DetectorFactory] = [
        "html-entity": { HTMLEntityDetector(descriptor: $0, options: $1) },
        "mojibake": { try MojibakeDetector(descriptor: $0, options: $1) },
        "mojibake-cjk": { try MojibakeCJKDetector(descriptor: $0, options: $1) },
        "c1-control": { C1ControlDetector(descriptor: $0, options: $1) },
        "invisible-char": { InvisibleCharDetector(descriptor: $0, options: $1) },
        "bidi-control": { BidiControlDetector(descriptor: $0, options: $1) },
        "control-char": { ControlCharDetector(descriptor: $0, options: $1) },
        "line-break": { LineBreakDetector(descriptor: $0, options: $1) },
        "fullwidth-punct": { FullwidthPunctDetector(descriptor: $0, options: $1) },
        "spurious-space": { SpuriousSpaceDetector(descriptor: $0, options: $1) },
        "normalization": { NormalizationDetector(descriptor: $0, options: $1) },
        "confusable": { try ConfusableDetector(descriptor: $0, options: $1) },
    ]
}
