import MTFixICU

/// Letters per script part way through `LanguageDetector.countScripts`, as its `settled` question sees
/// them.
struct ScriptCounts {
    /// Non-ASCII letters per ICU script number (ASCII letters are in `latin`).
    let others: UnsafeBufferPointer<Int>
    /// ASCII letters (Latin).
    let latin: Int
    /// The script numbers with letters (each once), perhaps with Latin among them whatever its count.
    let seen: UnsafeBufferPointer<Int>

    subscript(script: Int) -> Int { script == ScriptPlan.latin ? others[script] + latin : others[script] }
}

/// When the rest of a text can no longer change the language its script counts point to: a short
/// article's script is usually beyond doubt well before its end, and counting the rest was half of
/// `detect` on Cyrillic and Latin copy.
extension ScriptPlan {
    static let latin = Int(Script.latin.rawValue)

    /// The fewest UTF-8 bytes a letter of each script number takes: 1 for Latin (ASCII), 2 for a script
    /// with letters below U+0800, else 3 (a lower bound: it only has to be no more than the truth).
    static let minBytes: [Int] = {
        var out = [Int](repeating: 3, count: 256)
        let bmp = LanguageDetector.bmpScripts
        for v in 0x80..<0x800 { out[Int(bmp[v])] = 2 }
        out[latin] = 1
        return out
    }()

    /// Whether `decide` gives the same answer on `counts` as on the counts of the whole text, whatever
    /// the `remaining` bytes hold (function-word scores aside: they are counted over the whole text
    /// anyway). Each remaining byte adds at most one letter, a non-ASCII letter takes `minBytes` of
    /// them, and counts only grow; so the answer is settled when (1) the dominant script leads every
    /// other by more than that script could still gain, and (2) no distinctive script can reach its
    /// share: its language's scripts cannot outgrow the largest other script, or even all remaining
    /// letters being distinctive would leave the share below `minShare`.
    func isSettled(_ counts: ScriptCounts, remaining r: Int) -> Bool {
        // (1) The dominant script, ties to the code sorting first, as `decide` picks it.
        var dominant = -1
        var top = 0
        for s in counts.seen {
            let c = counts[s]
            if dominant < 0 || c > top || c == top && codes[s] < codes[dominant] {
                dominant = s
                top = c
            }
        }
        // A script without letters yet may gain r / 2 of them, Latin r.
        guard dominant >= 0, top > r / 2 else { return false }
        if dominant != Self.latin { guard top > counts[Self.latin] + r else { return false } }
        for s in counts.seen where s != dominant && s != Self.latin {
            guard top > counts[s] + r / 2 else { return false }
        }
        // (2) No distinctive script can make its language.
        for k in distinctiveProfiles {
            var all = 0
            var other = 0
            for s in counts.seen {
                if own[k][s] { all += counts[s] } else { other = max(other, counts[s]) }
            }
            if all + r / ownMinBytes[k] <= other { continue }
            var mine = 0
            for s in distinctive[k] { mine += counts[s] }
            let reach = r / distinctiveMinBytes[k]
            if mine + reach == 0 || Double(mine + reach) / Double(all + reach) < minShares[k] { continue }
            return false
        }
        return true
    }
}
