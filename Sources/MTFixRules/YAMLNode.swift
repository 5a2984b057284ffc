import MTFixCore
import Yams

/// A rule-file or config error pointing at a file and line.
public struct RuleFileError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `path:line: message`, or `path: message` when the problem is the file as a whole (line 0).
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// Reads YAML into a tree that keeps line numbers, so errors can say where.
enum YAMLTree {
    static func parse(_ text: String, file: String) throws -> Node {
        guard let node = try parseDocument(text, file: file) else {
            throw RuleFileError(file: file, line: 1, message: "empty file")
        }
        return node
    }

    /// As `parse`, but a text with no node (only comments, or a bare `---`) is nil rather than an error.
    static func parseDocument(_ text: String, file: String) throws -> Node? {
        do {
            // The basic resolver: the default one compiles seven regular expressions on first use (about a
            // twentieth of every start), to resolve tags nothing here reads (see `Node.text`).
            return try Yams.compose(yaml: text, .basic)
        } catch let e as YamlError {
            throw RuleFileError(file: file, line: line(of: e), message: "invalid YAML: \(summary(of: e))")
        } catch let e as RuleFileError {
            throw e
        } catch {
            throw RuleFileError(file: file, line: 1, message: "invalid YAML: \(error)")
        }
    }

    private static func line(of e: YamlError) -> Int {
        switch e {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return 1
        }
    }

    private static func summary(of e: YamlError) -> String {
        switch e {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(e)"
        }
    }

    /// Converts a node to a `ConfigValue` (scalars stay strings unless plainly numeric or boolean).
    static func value(_ node: Node) -> ConfigValue {
        switch node {
        case .scalar(let s):
            if s.style == .plain {
                if let b = bool(s) { return .bool(b) }
                if let d = Double(s.string), !s.string.isEmpty, s.string.allSatisfy({ "0123456789.-+".contains($0) }) { return .number(d) }
                if s.string == "~" || s.string == "null" { return .null }
            }
            return .string(s.string)
        case .sequence(let seq): return .list(seq.map(value))
        case .mapping(let m): return .map(m.map { (key: $0.key.text ?? "", value: value($0.value)) })
        }
    }

    /// `Bool.construct(from:)` (`true`, `yes`, `on`, `false`, `no`, `off` in any case), which lowercases
    /// the text first, answered without lowercasing most scalars (the words of the rules' lists). The
    /// lowercase must be canonically equivalent to one of those ASCII words, so: text starting with an
    /// ASCII character lowercases to text starting with its ASCII lowercase, which must be the first letter
    /// of one of them; plain ASCII longer than five characters lowercases to something as long; and of the
    /// other characters only the Kelvin sign lowercases to ASCII letters (`k`; `YAMLScalarTests` checks this
    /// against the Unicode tables), so text starting with any other is none of them.
    static func bool(_ s: Node.Scalar) -> Bool? {
        let utf8 = s.string.utf8
        guard let first = utf8.first else { return Bool.construct(from: s) }
        if first < 0x80 {
            let c = first | 0x20
            if c != 0x74 && c != 0x79 && c != 0x6F && c != 0x66 && c != 0x6E { return nil }  // t y o f n
            if utf8.count > 5 && utf8.allSatisfy({ $0 < 0x80 }) { return nil }
        } else if !utf8.starts(with: [0xE2, 0x84, 0xAA]) {  // U+212A KELVIN SIGN
            return nil
        }
        return Bool.construct(from: s)
    }
}

extension Node {
    /// 1-based line of the node in its file.
    var line: Int { (mark?.line ?? 0) }

    /// The value of `key` in a mapping (nil: not a mapping, or no such key). Compares the keys' text:
    /// Yams' own subscript compares nodes, resolving both tags with regular expressions for every key it
    /// passes, which was most of the time spent loading the rules at start-up.
    func field(_ key: String) -> Node? {
        guard case .mapping(let m) = self else { return nil }
        return m.first { $0.key.text == key }?.value
    }

    /// The node's text as Yams' `string` gives it with the default resolver: a scalar's text, or for a
    /// mapping the text of the value of its first value key (`=`). The rules are parsed with the basic
    /// resolver (see `YAMLTree.parse`), under which `string` would no longer see an untagged `=` as one.
    var text: String? {
        if case .mapping(let m) = self {
            for (k, v) in m where k.isValueKey { return v.text }
        }
        return scalar?.string
    }

    /// Whether the default resolver tags this key as YAML's value key: tagged `!!value`, or a plain untagged
    /// `=` (its tag as written, never resolved here: `Tag.description` is the name before resolution).
    private var isValueKey: Bool {
        let written: String
        switch self {
        case .scalar(let s):
            if s.tag.description == Tag.Name.implicit.rawValue { return s.string == "=" }
            written = s.tag.description
        case .mapping(let m): written = m.tag.description
        case .sequence(let q): written = q.tag.description
        }
        return written == Tag.Name.value.rawValue
    }
}
