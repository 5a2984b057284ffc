/// A YAML/JSON-like value with the line it came from: how rule files hand options to Swift detectors
/// without the detectors depending on a YAML library.
public indirect enum ConfigValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([ConfigValue])
    case map([(key: String, value: ConfigValue)])
    case null

    public static func == (a: ConfigValue, b: ConfigValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.list(let x), .list(let y)): x == y
        case (.map(let x), .map(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.null, .null): true
        default: false
        }
    }

    public subscript(key: String) -> ConfigValue? {
        if case .map(let pairs) = self { return pairs.first { $0.key == key }?.value }
        return nil
    }

    public var string: String? {
        switch self {
        case .string(let s): s
        case .number(let d): d == d.rounded() ? String(Int(d)) : String(d)
        case .bool(let b): String(b)
        default: nil
        }
    }

    public var number: Double? {
        switch self {
        case .number(let d): d
        case .string(let s): Double(s)
        default: nil
        }
    }

    public var bool: Bool? {
        switch self {
        case .bool(let b): b
        case .string(let s): ["true", "yes", "on"].contains(s.lowercased()) ? true : (["false", "no", "off"].contains(s.lowercased()) ? false : nil)
        default: nil
        }
    }

    public var list: [ConfigValue]? {
        if case .list(let l) = self { return l }
        return nil
    }

    /// A list of strings (a single string counts as a one-element list).
    public var strings: [String]? {
        switch self {
        case .list(let l): l.compactMap(\.string)
        case .string(let s): [s]
        default: nil
        }
    }

    public var pairs: [(key: String, value: ConfigValue)]? {
        if case .map(let p) = self { return p }
        return nil
    }
}
