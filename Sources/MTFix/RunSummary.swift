import MTFixCore

/// Totals of a run — documents, findings per category, edits, problems — merged across threads and
/// printed at the end of long runs.
public struct RunSummary: Sendable, Equatable {
    public var documents = 0
    public var changed = 0
    public var edits = 0
    public var findings: [String: Int] = [:]
    /// Inputs that could not be read or processed (files), or malformed records (JSON Lines).
    public var errors = 0
    /// JSON Lines records passed through because the field was missing or not a string.
    public var skipped = 0

    public init() {}

    /// Counts one processed document.
    public mutating func add(_ result: EngineResult) {
        documents += 1
        if result.changed { changed += 1 }
        edits += result.applied.count
        for f in result.findings { findings[f.category.rawValue, default: 0] += 1 }
    }

    public mutating func merge(_ other: RunSummary) {
        documents += other.documents
        changed += other.changed
        edits += other.edits
        errors += other.errors
        skipped += other.skipped
        for (k, v) in other.findings { findings[k, default: 0] += v }
    }

    public var totalFindings: Int { findings.values.reduce(0, +) }

    /// One line: `12 documents (3 changed), 17 edits applied, 20 findings (html-entity 5, …), 0 errors`;
    /// with `proposed` (check and diff, which write nothing), `(3 would change), 17 edits proposed`.
    public func line(unit: String = "document", proposed: Bool = false) -> String {
        func n(_ k: Int, _ word: String) -> String { "\(k) \(word)\(k == 1 ? "" : "s")" }
        let (would, done) = proposed ? ("would change", "proposed") : ("changed", "applied")
        var s = "\(n(documents, unit)) (\(changed) \(would)), \(n(edits, "edit")) \(done), \(n(totalFindings, "finding"))"
        if !findings.isEmpty {
            let parts = findings.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            s += " (" + parts.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        }
        if skipped > 0 { s += ", \(skipped) skipped" }
        return s + ", \(n(errors, "error"))"
    }
}
