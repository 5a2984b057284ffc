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
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw RuleFileError(file: file, line: 1, message: "empty file")
            }
            return node
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
                if let b = Bool.construct(from: s) { return .bool(b) }
                if let d = Double(s.string), !s.string.isEmpty, s.string.allSatisfy({ "0123456789.-+".contains($0) }) { return .number(d) }
                if s.string == "~" || s.string == "null" { return .null }
            }
            return .string(s.string)
        case .sequence(let seq): return .list(seq.map(value))
        case .mapping(let m): return .map(m.map { (key: $0.key.string ?? "", value: value($0.value)) })
        }
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
        return m.first { $0.key.string == key }?.value
    }
}
