import MTFixICU

/// Derives a literal that every match of an ICU pattern must contain, so the engine's prefilter can skip
/// the regex on documents without it. Conservative: when in doubt (alternation at the top, inline flags,
/// comments mode, case-insensitive matching) it derives nothing and the rule always runs.
public enum RequiredLiteral {
    /// The longest literal run at the top level of `pattern` (at least two UTF-16 units), or nil.
    public static func derive(_ pattern: String, options: ICURegex.Options) -> String? {
        if options.contains(.comments) || options.contains(.caseInsensitive) { return nil }
        var p = Parser(Array(pattern.unicodeScalars))
        guard let runs = p.sequence(depth: 0), p.i == p.s.count else { return nil }
        let best = runs.max { $0.utf16.count < $1.utf16.count }
        guard let best, best.utf16.count >= 2 else { return nil }
        return best
    }

    private struct Parser {
        let s: [Unicode.Scalar]
        var i = 0
        init(_ s: [Unicode.Scalar]) { self.s = s }

        /// Required runs of a sequence up to `)` or the end; nil when it cannot be analysed safely.
        mutating func sequence(depth: Int) -> [String]? {
            var runs: [String] = []
            var run = ""
            var lastAtomRuns: [String] = []  // required runs contributed by the previous atom (a group)
            var lastWasChar = false
            var alternation = false
            func flush() {
                if !run.isEmpty { runs.append(run) }
                run = ""
            }
            while i < s.count {
                let c = s[i]
                switch c {
                case ")":
                    if depth == 0 { return nil }
                    flush()
                    return alternation ? [] : runs
                case "|":
                    // Alternation: no single literal is required at this level (keep parsing the rest).
                    alternation = true
                    flush()
                    lastWasChar = false
                case "*", "?", "+", "{":
                    // A quantifier applies to the previous atom.
                    let optional = quantifierAllowsZero()
                    if lastWasChar, let last = run.unicodeScalars.last {
                        run.unicodeScalars.removeLast()
                        flush()
                        if !optional { run = String(last); flush() }
                    } else {
                        flush()
                        if optional { runs.removeLast(min(lastAtomRuns.count, runs.count)) }
                    }
                    lastWasChar = false
                    lastAtomRuns = []
                    continue
                case "(":
                    flush()
                    i += 1
                    var consumes = true
                    if i < s.count && s[i] == "?" {
                        i += 1
                        guard i < s.count else { return nil }
                        switch s[i] {
                        case ":", ">": i += 1
                        case "=", "!": consumes = false; i += 1
                        case "<":
                            if i + 1 < s.count && (s[i + 1] == "=" || s[i + 1] == "!") {
                                consumes = false
                                i += 2
                            } else {
                                while i < s.count && s[i] != ">" { i += 1 }
                                i += 1
                            }
                        default: return nil  // inline flags change how literals match
                        }
                    }
                    guard let inner = sequence(depth: depth + 1) else { return nil }
                    guard i < s.count, s[i] == ")" else { return nil }
                    i += 1
                    lastAtomRuns = consumes ? inner : []
                    runs += lastAtomRuns
                    lastWasChar = false
                    continue
                case "[":
                    flush()
                    guard skipClass() else { return nil }
                    lastWasChar = false
                    lastAtomRuns = []
                    continue
                case ".", "^", "$":
                    flush()
                    lastWasChar = false
                case "\\":
                    guard i + 1 < s.count else { return nil }
                    let e = s[i + 1]
                    if e == "Q" || e == "E" { return nil }
                    if e.properties.isAlphabetic || ("0"..."9").contains(e) {
                        // Classes, assertions, code points, back references: not a plain literal.
                        flush()
                        i += 2
                        skipEscapeTail(e)
                        lastWasChar = false
                        lastAtomRuns = []
                        continue
                    }
                    run.unicodeScalars.append(e)
                    i += 2
                    lastWasChar = true
                    lastAtomRuns = []
                    continue
                default:
                    run.unicodeScalars.append(c)
                    lastWasChar = true
                }
                lastAtomRuns = []
                i += 1
            }
            flush()
            return alternation ? [] : runs
        }

        /// Consumes a quantifier at `i`; whether it allows zero repetitions.
        mutating func quantifierAllowsZero() -> Bool {
            let c = s[i]
            i += 1
            var zero = c == "*" || c == "?"
            if c == "{" {
                var digits = ""
                while i < s.count && s[i] != "}" && s[i] != "," {
                    digits.unicodeScalars.append(s[i])
                    i += 1
                }
                while i < s.count && s[i] != "}" { i += 1 }
                i += 1
                zero = (Int(digits) ?? 0) == 0
            }
            // Lazy or possessive suffix.
            if i < s.count && (s[i] == "?" || s[i] == "+") { i += 1 }
            return zero
        }

        /// Skips the rest of an escape like `\u2019`, `\x{1F600}`, `\p{Lu}`, `\12`, `\cA`.
        mutating func skipEscapeTail(_ e: Unicode.Scalar) {
            func skip(_ n: Int, while ok: (Unicode.Scalar) -> Bool) {
                var k = 0
                while k < n && i < s.count && ok(s[i]) {
                    i += 1
                    k += 1
                }
            }
            let hex: (Unicode.Scalar) -> Bool = { $0.properties.isASCIIHexDigit }
            if i < s.count && s[i] == "{" {
                while i < s.count && s[i] != "}" { i += 1 }
                i += 1
                return
            }
            switch e {
            case "u": skip(4, while: hex)
            case "U": skip(8, while: hex)
            case "x": skip(2, while: hex)
            case "0": skip(3) { ("0"..."7").contains($0) }
            case "c": skip(1) { _ in true }
            case "1"..."9": skip(8) { ("0"..."9").contains($0) }
            default: break
            }
        }

        /// Skips a `[...]` set (nested sets and escapes included); false if unterminated.
        mutating func skipClass() -> Bool {
            var depth = 0
            while i < s.count {
                let c = s[i]
                if c == "\\" {
                    i += 2
                    continue
                }
                if c == "[" {
                    depth += 1
                } else if c == "]" {
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        return true
                    }
                }
                i += 1
            }
            return false
        }
    }
}
