import MTFixCore

/// What `mtfix rules explain ID` prints: a rule's summary, message, metadata, file and examples.
public struct RuleExplanation {
    public let descriptor: RuleDescriptor

    public init(_ descriptor: RuleDescriptor) { self.descriptor = descriptor }

    public var text: String {
        let d = descriptor
        var out = "\(d.id): \(d.summary)\n\n"
        out += "  message:    \(d.message)\n"
        out += "  category:   \(d.category.rawValue)\n"
        out += "  safety:     \(d.safety.rawValue)\n"
        out += "  severity:   \(d.severity.rawValue)\n"
        out += "  languages:  \(d.languages.isEmpty ? "all" : d.languages.joined(separator: ", "))\n"
        // A bundled rule's file is compiled into mtfix; its path is where it lives in mtfix's sources,
        // not a file the user has.
        if let file = d.location?.file, !(file.hasPrefix("Rules/") && RuleTree.bundled.files[String(file.dropFirst(6))] != nil) {
            out += "  file:       \(file)\n"
        } else {
            out += "  built-in:   \(d.location?.file ?? "a detector in mtfix's code") (compiled into mtfix)\n"
        }
        let sections: [(String, [RuleExample])] = [
            ("Fixes", d.fixes), ("Reports", d.reports), ("Keeps", d.keeps), ("Known failures", d.knownFailures),
        ]
        for (title, examples) in sections where !examples.isEmpty {
            out += "\n\(title):\n"
            for ex in examples {
                out += "  line \(ex.location.line):\n"
                out += "    in:  \(Self.quote(ex.input))\n"
                if let o = ex.output { out += "    out: \(Self.quote(o))\n" }
            }
        }
        return out
    }

    /// Examples on one line each: newlines and tabs shown as escapes.
    static func quote(_ s: String) -> String {
        var q = ""
        for c in s.unicodeScalars {
            if let e = CEscape.escape(c) { q += e } else { q.unicodeScalars.append(c) }
        }
        return q
    }
}
