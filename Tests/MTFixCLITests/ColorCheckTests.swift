import Foundation
import MTFixTestSupport
import Testing

@Suite("check: colour in text output")
struct ColorCheckTests {
    let input = "Fish &amp; chips.\n"
    let plainLine = "stdin:1:6: warning: HTML entity left in text [html-entity] (safe)\n"

    @Test func colorAlwaysPaintsPositionSeverityRuleAndSafety() throws {
        let r = try mtfix(["check", "--no-config", "--color", "always", "-"], stdin: input)
        #expect(r.status == 1)
        #expect(r.stdout.contains("\u{1B}[1mstdin:1:6:\u{1B}[0m "))
        #expect(r.stdout.contains("\u{1B}[33mwarning:\u{1B}[0m HTML entity left in text "))
        #expect(r.stdout.contains("\u{1B}[2m[html-entity]\u{1B}[0m \u{1B}[32m(safe)\u{1B}[0m\n"))
        // Without the escape codes it is the plain line, word for word.
        let stripped = r.stdout.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == plainLine)
    }

    @Test func pipedNeverAndNoColorArePlain() throws {
        #expect(try mtfix(["check", "--no-config", "-"], stdin: input).stdout == plainLine)
        #expect(try mtfix(["check", "--no-config", "--color", "never", "-"], stdin: input).stdout == plainLine)
        #expect(try mtfix(["check", "--no-config", "--color", "auto", "-"], stdin: input, env: ["NO_COLOR": "1"]).stdout == plainLine)
    }

    @Test func jsonIsNeverPainted() throws {
        let r = try mtfix(["check", "--no-config", "--color", "always", "--format", "jsonl", "-"], stdin: input)
        #expect(!r.stdout.contains("\u{1B}"))
    }
}
