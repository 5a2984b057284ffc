import MTFixCore

/// The stable JSON shape of a finding (documented in the README): what `check --format json` prints.
public struct FindingRecord: Codable, Sendable, Equatable {
    public var path: String
    public var line: Int
    public var column: Int
    public var end_line: Int
    public var end_column: Int
    public var byte_offset: Int
    public var byte_length: Int
    public var rule: String
    public var category: String
    public var severity: String
    public var safety: String
    public var message: String
    public var original: String
    public var replacement: String?
    public var evidence: [String: String]?

    public init(_ f: Finding, in document: Document, path: String) {
        let start = document.position(at: f.range.lowerBound)
        let end = document.position(at: f.range.upperBound)
        self.path = path
        line = start.line
        column = start.column
        end_line = end.line
        end_column = end.column
        byte_offset = start.byteOffset
        byte_length = end.byteOffset - start.byteOffset
        rule = f.rule
        category = f.category.rawValue
        severity = f.severity.rawValue
        safety = f.safety.rawValue
        message = f.message
        original = document.string(f.range)
        replacement = Self.replacement(of: f, in: document)
        evidence = f.evidence.isEmpty ? nil : f.evidence
    }

    /// What the finding's range becomes once its edits are applied (nil for report-only findings).
    static func replacement(of f: Finding, in document: Document) -> String? {
        guard !f.edits.isEmpty else { return nil }
        var out = ""
        var cursor = f.range.lowerBound
        for e in f.edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let lo = max(e.range.lowerBound, cursor)
            if lo > cursor { out += document.string(cursor..<lo) }
            out += e.replacement
            cursor = max(cursor, e.range.upperBound)
        }
        if cursor < f.range.upperBound { out += document.string(cursor..<f.range.upperBound) }
        return out
    }
}
