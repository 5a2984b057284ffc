import Foundation
import MTFixCore

/// What a user asked for, independent of where the text comes from: which rules, which language, how safe.
public struct CheckOptions: Sendable {
    /// `nil` or `auto`: detect per document.
    public var language: String?
    public var applyLevel: Safety
    /// Rule ids or categories to run exclusively (empty: all).
    public var select: [String]
    /// Rule ids or categories to skip.
    public var ignore: [String]
    public var knownNames: [String]

    public init(language: String? = nil, applyLevel: Safety = .safe, select: [String] = [], ignore: [String] = [], knownNames: [String] = []) {
        self.language = language
        self.applyLevel = applyLevel
        self.select = select
        self.ignore = ignore
        self.knownNames = knownNames
    }
}

/// Checks and repairs texts with a fixed rule set; cheap to share across threads.
public struct Checker: Sendable {
    public let rules: [any Rule]
    public let options: CheckOptions
    public let detector: LanguageDetector
    /// The extra rule folders this checker loaded (a walk over the inputs skips them: rule files are
    /// not copy, and their `fixes` examples are damaged on purpose).
    public var ruleFolders: [URL] = []
    /// Built once: its prefilter index serves every document.
    public let engine: Engine

    public init(rules: [any Rule], options: CheckOptions, detector: LanguageDetector = .bundled) {
        self.options = options
        self.detector = detector
        self.rules = rules.filter { Checker.runs($0.descriptor, select: options.select, ignore: options.ignore) }
        engine = Engine(rules: self.rules, context: RuleContext(knownNames: options.knownNames), applyLevel: options.applyLevel)
    }

    /// Whether a rule runs under `select` and `ignore` (rule ids or categories; an empty `select` is all).
    public static func runs(_ d: RuleDescriptor, select: [String], ignore: [String]) -> Bool {
        let keys = [d.id, d.category.rawValue]
        if !select.isEmpty && !keys.contains(where: select.contains) { return false }
        return !keys.contains(where: ignore.contains)
    }

    /// The language `text` is checked as: the configured one, or detected.
    public func language(of text: String) -> String {
        guard let l = options.language, l != "auto" else { return detector.detect(text) }
        return l
    }

    /// Checks `text` and computes its repair.
    public func run(_ text: String) -> EngineResult {
        let detected: String = Profile.measure("(language detection)") { self.language(of: text) }
        return engine.run(text, language: detected)
    }
}
