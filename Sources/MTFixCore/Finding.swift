/// One replacement of a UTF-16 range of the snapshot by new text (empty to delete, empty range to insert).
public struct Edit: Hashable, Sendable {
    public var range: Range<Int>
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A piece of damage found by a rule, located in one document snapshot, with the edits that repair it.
public struct Finding: Sendable {
    public var rule: String
    public var category: Category
    public var severity: Severity
    public var safety: Safety
    public var message: String
    /// UTF-16 range of the damaged text in the snapshot the rule saw.
    public var range: Range<Int>
    /// Applied together or not at all; empty for report-only findings.
    public var edits: [Edit]
    /// Why the rule decided so (e.g. a name cluster and its counts); shown in JSON.
    public var evidence: [String: String]

    public init(
        rule: String, category: Category, severity: Severity = .warning, safety: Safety, message: String,
        range: Range<Int>, edits: [Edit] = [], evidence: [String: String] = [:]
    ) {
        self.rule = rule
        self.category = category
        self.severity = severity
        self.safety = edits.isEmpty ? .report : safety
        self.message = message
        self.range = range
        self.edits = edits
        self.evidence = evidence
    }

    /// Convenience for the common one-edit finding whose range is the edit's range.
    public init(
        descriptor: RuleDescriptor, range: Range<Int>, replacement: String?, message: String? = nil,
        safety: Safety? = nil, evidence: [String: String] = [:]
    ) {
        self.init(
            rule: descriptor.id, category: descriptor.category, severity: descriptor.severity,
            safety: safety ?? descriptor.safety, message: message ?? descriptor.message, range: range,
            edits: replacement.map { [Edit(range: range, replacement: $0)] } ?? [], evidence: evidence)
    }

    /// The span the edits touch (or the finding's range when it has none).
    public var editSpan: Range<Int> {
        guard let first = edits.first else { return range }
        var lo = first.range.lowerBound
        var hi = first.range.upperBound
        for e in edits.dropFirst() {
            lo = min(lo, e.range.lowerBound)
            hi = max(hi, e.range.upperBound)
        }
        return lo..<hi
    }
}
