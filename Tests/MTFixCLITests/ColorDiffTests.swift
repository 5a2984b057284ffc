import Foundation
import MTFix
import MTFixTestSupport
import Testing

@Suite("diff: colour and word-level highlights")
struct ColorDiffTests {
    let input = "Intro.\n“Fine,” he said. Added.\n"

    @Test func colorAlwaysPaintsWordsAndLabelsHunks() throws {
        let r = try mtfix(["diff", "--color", "always", "-"], stdin: input)
        #expect(r.status == 1)
        #expect(r.stdout.contains("\u{1B}[31m-“Fine,” he \u{1B}[7msaid. Added\u{1B}[27m.\u{1B}[0m\n"))
        #expect(r.stdout.contains("\u{1B}[32m+“Fine,” he \u{1B}[7madded\u{1B}[27m.\u{1B}[0m\n"))
        // One label line per rule: "# rule-id (category): reason" (the rule id is whatever rule file made it).
        let label = r.stdout.split(separator: "\n").first { $0.contains("# ") && $0.contains(" (broken-attribution): ") }
        #expect(label != nil, "\(r.stdout)")
    }

    @Test func pipedOutputIsAPlainPatch() throws {
        let r = try mtfix(["diff", "-"], stdin: input)
        #expect(!r.stdout.contains("\u{1B}"))
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 7)
        #expect(lines[0] == "--- a/stdin" && lines[1] == "+++ b/stdin")
        // The rule ids follow the hunk header, where git and patch allow free text.
        #expect(lines[2].hasPrefix("@@ -1,2 +1,2 @@ ") && lines[2].count > 16)
        #expect(Array(lines[3...]) == [" Intro.", "-“Fine,” he said. Added.", "+“Fine,” he added.", ""])
        let problem = try checkDiffApplies(r.stdout, path: "stdin", original: input, expected: "Intro.\n“Fine,” he added.\n")
        #expect(problem == nil, "\(problem ?? "")")
    }

    @Test func noColorAndNeverArePlain() throws {
        let plain = try mtfix(["diff", "-"], stdin: input).stdout
        #expect(try mtfix(["diff", "--color", "never", "-"], stdin: input).stdout == plain)
        #expect(try mtfix(["diff", "--color", "auto", "-"], stdin: input, env: ["NO_COLOR": "1"]).stdout == plain)
    }

    @Test func wordDiffFollowsICUWordsInCJK() {
        // 合意した,と → 合意した、と: only the comma changes, not the whole run of ideographs.
        let (old, new) = WordDiff.compare("両国は合意した,と発表した.", "両国は合意した、と発表した。")
        #expect(old.filter(\.changed).map(\.text) == [",", "."])
        #expect(new.filter(\.changed).map(\.text) == ["、", "。"])
        #expect(old.map(\.text).joined() == "両国は合意した,と発表した.")
        let (a, b) = WordDiff.compare("首相 は バイデン", "首相はバイデン")
        #expect(a.filter(\.changed).map(\.text) == [" ", " "])
        #expect(b.allSatisfy { !$0.changed })
    }

    @Test func wordDiffJoinsChangedWordsAcrossOneSpace() {
        let (old, new) = WordDiff.compare("he said it loudly", "he shouted it")
        #expect(old == [.init("he ", changed: false), .init("said", changed: true), .init(" it", changed: false), .init(" loudly", changed: true)])
        #expect(new == [.init("he ", changed: false), .init("shouted", changed: true), .init(" it", changed: false)])
        let (x, _) = WordDiff.compare("one two three four", "one 2 3 four")
        #expect(x.map(\.text) == ["one ", "two three", " four"])
    }
}
