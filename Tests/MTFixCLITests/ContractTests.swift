import Foundation
import MTFixTestSupport
import Testing

/// Contract details a new user found broken once.
@Suite("CLI: contract details")
struct ContractTests {
    @Test func normalizationOnlyRepairIsWrittenAndDiffed() throws {
        // Canonically equivalent text compares equal with Swift's ==; the repair must still show.
        let decomposed = "Le gouvernement du Que\u{301}bec a annonce\u{301} mercredi.\n"
        let composed = "Le gouvernement du Québec a annoncé mercredi.\n"
        let dir = try makeTempDir()
        let f = dir.appendingPathComponent("nfc.txt")
        try Data(decomposed.utf8).write(to: f)
        let diff = try mtfix(["diff", "--lang", "fr", f.path])
        #expect(diff.status == 1)
        #expect(diff.stdout.contains("@@ -1 +1 @@"))
        let path = String(diff.stdout.split(separator: "\n")[0].dropFirst(6))
        let problem = try checkDiffApplies(diff.stdout, path: path, original: decomposed, expected: composed)
        #expect(problem == nil, "\(problem ?? "")")
        let fix = try mtfix(["fix", "--quiet", "--lang", "fr", f.path])
        #expect(fix.status == 1)
        #expect(Array(try Data(contentsOf: f)) == Array(composed.utf8))
    }

    @Test func reportOnlyFindingsHaveNullReplacement() throws {
        let text = "Shares rose, but all analysts expected the rally to last into the new year. not\n\nBut they don't say so.\n"
        let r = try mtfix(["check", "--lang", "en", "--format", "jsonl"], stdin: text)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.contains("\"replacement\":null"), "\(line)")
            #expect(line.contains("\"safety\":\"report\""))
        }
    }
}
