/// A before/after example carried by a rule; every example becomes a test case.
public struct RuleExample: Sendable, Hashable {
    public var input: String
    /// The expected repaired text for a `fixes` example; nil for `keeps` (output must equal input).
    public var output: String?
    /// Where the example is written (rule file and line), for test names and failures.
    public var location: SourceLocation
    /// The document language to test the example in (nil: the rule's first language, else detected).
    public var language: String?

    public init(input: String, output: String?, location: SourceLocation, language: String? = nil) {
        self.input = input
        self.output = output
        self.location = location
        self.language = language
    }
}

/// A file and line, for pointing people at rule files and examples.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    public var description: String { "\(file):\(line)" }
}

/// What a rule is: identity, category, safety, message and the examples that test it.
public struct RuleDescriptor: Sendable {
    public var id: String
    public var category: Category
    public var severity: Severity
    public var safety: Safety
    public var summary: String
    public var message: String
    /// Language codes the rule applies to; empty means every language.
    public var languages: [String]
    public var fixes: [RuleExample]
    public var keeps: [RuleExample]
    /// Examples the rule is known to get wrong; the harness checks they still fail (so a fix is noticed).
    public var knownFailures: [RuleExample]
    public var location: SourceLocation?
    /// Texts in which the rule must report a finding without changing anything (report-only rules).
    public var reports: [RuleExample]
    /// Example-harness perturbations this rule opts out of (`prefix`, `crlf`), with the reason in its file.
    public var skippedPerturbations: [String] = []

    public init(
        id: String, category: Category, severity: Severity = .warning, safety: Safety, summary: String,
        message: String, languages: [String] = [], fixes: [RuleExample] = [], keeps: [RuleExample] = [],
        knownFailures: [RuleExample] = [], location: SourceLocation? = nil, reports: [RuleExample] = []
    ) {
        self.reports = reports
        self.id = id
        self.category = category
        self.severity = severity
        self.safety = safety
        self.summary = summary
        self.message = message
        self.languages = languages
        self.fixes = fixes
        self.keeps = keeps
        self.knownFailures = knownFailures
        self.location = location
    }

    public func applies(to language: String) -> Bool { languages.isEmpty || languages.contains(language) }
}

/// Anything that finds damage in a snapshot: a declarative rule or a Swift detector.
public protocol Rule: Sendable {
    var descriptor: RuleDescriptor { get }
    /// Findings on one immutable snapshot; must not depend on state outside `document` and `context`.
    func check(_ document: Document, context: RuleContext) -> [Finding]
    /// Literals one of which must occur for `check` to find anything (nil: always run the rule).
    var requiredLiterals: RequiredLiterals? { get }
    /// How much text around a finding the rule reads; lets the engine re-check only what edits touched.
    var scope: RuleScope { get }
    /// True for a rule that judges the text as it was given and never edits it (a report about the
    /// copy, such as a run left untranslated): the engine runs it on the first snapshot only, not again
    /// after each pass of repairs.
    var checksOriginalOnly: Bool { get }
}

extension Rule {
    public var requiredLiterals: RequiredLiterals? { nil }
    public var scope: RuleScope { .document }
    public var checksOriginalOnly: Bool { false }
}

/// The largest unit of text a rule's findings depend on. A rule declares `.line` only when its findings
/// in a line are the same whatever the other lines say (and `.paragraph` likewise for a blank-line
/// separated block): after a pass of edits the engine then re-runs it on the touched lines (or
/// paragraphs) alone instead of the whole document. When in doubt, `.document` (the default).
public enum RuleScope: Int, Sendable, Comparable {
    case line, paragraph, document

    public static func < (a: RuleScope, b: RuleScope) -> Bool { a.rawValue < b.rawValue }
}

/// What every rule may consult besides the text: document-level facts and desk configuration.
public struct RuleContext: Sendable {
    /// Canonical spellings a desk already knows (from the config's names file).
    public var knownNames: [String]

    public init(knownNames: [String] = []) {
        self.knownNames = knownNames
    }
}
