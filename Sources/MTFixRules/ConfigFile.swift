import Foundation
import MTFixCore
import Yams

/// A parsed `.mtfix.yml`: which rules and categories to run, the language, the safety level to apply,
/// extra rule folders and a names file. Values keep their line so errors can point at them.
public struct ConfigFile: Sendable {
    /// A value and the line it was written on.
    public struct Located<T: Sendable>: Sendable {
        public let value: T
        public let line: Int
    }

    public static let keys = ["select", "ignore", "language", "safety", "rules", "names"]

    /// How the file is named in messages.
    public let file: String
    public var select: [Located<String>] = []
    public var ignore: [Located<String>] = []
    public var language: Located<String>?
    public var safety: Located<Safety>?
    public var rules: [Located<String>] = []
    public var names: Located<String>?

    public init(file: String) { self.file = file }

    public static func parse(_ text: String, file: String) throws -> ConfigFile {
        var config = ConfigFile(file: file)
        if text.allSatisfy(\.isWhitespace) { return config }
        // Only comments, or a bare `---`: no settings, all defaults, as for an empty file.
        guard let root = try YAMLTree.parseDocument(text, file: file) else { return config }
        if case .scalar = root, root.text?.isEmpty ?? true { return config }
        func fail(_ node: Node, _ message: String) -> RuleFileError {
            RuleFileError(file: file, line: node.line, message: message)
        }
        guard case .mapping(let m) = root else { throw fail(root, "a config file must be a mapping of keys to values") }
        func list(_ node: Node, _ key: String) throws -> [Located<String>] {
            switch node {
            case .scalar:
                guard let s = node.text else { throw fail(node, "'\(key)' must be text") }
                return s.split(separator: ",").map { Located(value: $0.trimmingCharacters(in: .whitespaces), line: node.line) }
            case .sequence(let items):
                return try items.map { n in
                    guard let s = n.text else { throw fail(n, "'\(key)' entries must be text") }
                    return Located(value: s, line: n.line)
                }
            default:
                throw fail(node, "'\(key)' must be a list")
            }
        }
        func scalar(_ node: Node, _ key: String) throws -> Located<String> {
            guard let s = node.text else { throw fail(node, "'\(key)' must be text") }
            return Located(value: s, line: node.line)
        }
        for (k, v) in m {
            let key = k.text ?? ""
            switch key {
            case "select": config.select = try list(v, key)
            case "ignore": config.ignore = try list(v, key)
            case "rules": config.rules = try list(v, key)
            case "language": config.language = try scalar(v, key)
            case "names": config.names = try scalar(v, key)
            case "safety":
                let s = try scalar(v, key)
                guard let level = Safety(rawValue: s.value), level != .report else {
                    throw fail(v, "safety must be 'safe' or 'review' (the highest level of edits to apply)")
                }
                config.safety = Located(value: level, line: s.line)
            default:
                let hint = Suggest.closest(key, in: keys).map { " (did you mean '\($0)'?)" } ?? ""
                throw fail(k, "unknown key '\(key)'\(hint); known keys: \(keys.joined(separator: ", "))")
            }
        }
        return config
    }
}
