/// The last characters a caption credit pattern can match, read off the end of its regular expression.
///
/// Credits are matched at the end of every line; a line whose last visible character cannot end any
/// credit (most prose ends in a full stop) needs no regular-expression run.
enum CreditEnding {
    /// Units that can end a match of `pattern`, or nil when its end is not one of the forms understood
    /// here: an escaped punctuation mark (`\)`), a plain literal (`）`, `で`), or a non-capturing group of
    /// plain literal alternatives (`(?:dpa|AP)`). Nil means "anything": the caller must run the pattern.
    static func finalUnits(of pattern: String) -> Set<UInt16>? {
        let cs = Array(pattern.unicodeScalars)
        guard let last = cs.last, isPlainTopLevel(cs) else { return nil }
        if last == ")" && !isEscaped(cs, at: cs.count - 1) {
            guard let open = openingParen(cs, closing: cs.count - 1) else { return nil }
            let inner = cs[(open + 1)..<(cs.count - 1)]
            guard inner.starts(with: ["?", ":"]) else { return nil }
            var units: Set<UInt16> = []
            for alternative in inner.dropFirst(2).split(separator: "|", omittingEmptySubsequences: false) {
                guard let c = alternative.last, alternative.allSatisfy({ !isMeta($0) }), let u = unit(c) else { return nil }
                units.insert(u)
            }
            return units.contains(where: isTrailingSpace) ? nil : units
        }
        if cs.count >= 2 && cs[cs.count - 2] == "\\" && !isEscaped(cs, at: cs.count - 2) {
            // `\)`: an escaped ASCII punctuation mark stands for itself; `\s`, `\b`, `\d`... do not.
            guard last.isASCII, !last.properties.isAlphabetic, !("0"..."9").contains(last) else { return nil }
            return unit(last).map { [$0] }
        }
        guard !isMeta(last), !isEscaped(cs, at: cs.count - 1), let u = unit(last), !isTrailingSpace(u) else { return nil }
        return [u]
    }

    /// No alternation at the top level and no flag or look-around groups (`(?i)`, `(?=`), which would
    /// change what the end of the pattern means.
    static func isPlainTopLevel(_ cs: [Unicode.Scalar]) -> Bool {
        var depth = 0
        var inClass = false
        var i = 0
        while i < cs.count {
            let c = cs[i]
            if c == "\\" {
                // `\Q...\E` quotes metacharacters; not worth understanding here.
                if i + 1 < cs.count && cs[i + 1] == "Q" { return false }
                i += 2
                continue
            }
            if inClass {
                // A nested class (`[[a-z]&&[^q]]`) is not worth understanding either.
                if c == "[" { return false }
                if c == "]" { inClass = false }
            } else if c == "[" {
                inClass = true
            } else if c == "(" {
                if i + 1 < cs.count && cs[i + 1] == "?" && !(i + 2 < cs.count && cs[i + 2] == ":") { return false }
                depth += 1
            } else if c == ")" {
                depth -= 1
            } else if c == "|" && depth == 0 {
                return false
            }
            i += 1
        }
        return depth == 0 && !inClass
    }

    /// The `(` matching the `)` at `closing`, skipping escapes and bracketed classes.
    static func openingParen(_ cs: [Unicode.Scalar], closing: Int) -> Int? {
        var stack: [Int] = []
        var inClass = false
        var i = 0
        while i < closing {
            let c = cs[i]
            if c == "\\" {
                i += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
            } else if c == "[" {
                inClass = true
            } else if c == "(" {
                stack.append(i)
            } else if c == ")" {
                _ = stack.popLast()
            }
            i += 1
        }
        return i == closing && !inClass ? stack.last : nil
    }

    /// Whether the character at `i` follows an odd run of backslashes.
    static func isEscaped(_ cs: [Unicode.Scalar], at i: Int) -> Bool {
        var k = i - 1
        var n = 0
        while k >= 0 && cs[k] == "\\" {
            n += 1
            k -= 1
        }
        return n % 2 == 1
    }

    /// Whether a unit may stand between a credit's end and the end of the line for `\s*$`: white space
    /// or a line terminator (a superset of what ICU lets through there, which keeps the test safe).
    /// Listed rather than looked up: it runs on the last character of every line, mostly `。` in CJK copy.
    static func isTrailingSpace(_ u: UInt16) -> Bool {
        if u < 0x80 { return u == 0x20 || (u >= 0x09 && u <= 0x0D) }
        if u < 0x1680 { return u == 0x85 || u == 0xA0 }
        return u == 0x1680 || u == 0x180E || (u >= 0x2000 && u <= 0x200A) || u == 0x2028 || u == 0x2029 || u == 0x202F
            || u == 0x205F || u == 0x3000
    }

    static func isMeta(_ c: Unicode.Scalar) -> Bool { "\\^$.|?*+()[]{}".unicodeScalars.contains(c) }

    /// The scalar as one UTF-16 unit (nil outside the BMP, which the line-end check does not handle).
    static func unit(_ c: Unicode.Scalar) -> UInt16? { c.value < 0x10000 ? UInt16(c.value) : nil }
}
