import Foundation
import MTFix
import MTFixTestSupport
import Testing

/// The acceptance test of MISSION.md: the example article in `../shared/seeds`, repaired exactly as the
/// mission's table says. The article is read from there (skipped when absent), never copied here.
@Suite("Example article")
struct ExampleArticleTests {
    static let seed: URL? = TestPaths.shared?.appendingPathComponent("seeds/central-asia-visit.mt.txt")
    static var available: Bool { seed.map { FileManager.default.fileExists(atPath: $0.path) } ?? false }

    /// Whether the entity detectors (another branch) are part of this build.
    static var namesImplemented: Bool {
        CorpusRun.rules.contains { ["name-drift", "title-conflict"].contains($0.descriptor.category.rawValue) }
    }

    /// The repairs of MISSION.md's table. Captions are given by line numbers (the lines and one blank
    /// line beside them), the rest as the table's own string replacements on the lines it names.
    static func expected(_ text: String, names: Bool) -> String {
        var lines = text.components(separatedBy: "\n")
        func replace(_ line: Int, _ old: String, _ new: String) {
            precondition(lines[line - 1].contains(old), "line \(line) lacks \(old)")
            lines[line - 1] = lines[line - 1].replacingOccurrences(of: old, with: new)
        }
        if names {
            replace(13, "Prime Minister Brinken emphasized", "Blinken emphasized")
            for l in [17, 38, 57, 73] { replace(l, "Brinken", "Blinken") }
            replace(42, "Tireuberdi", "Tileberdi")
        }
        replace(15, "” emphasized commitment.", "”")
        replace(65, "priority,” he said. Added.", "priority,” he added.")
        // Caption blocks 25–26 and 52–53, each with the blank line after it; remove bottom-up.
        for block in [52...54, 25...27] {
            precondition(lines[block.upperBound - 1].isEmpty)
            lines.removeSubrange((block.lowerBound - 1)...(block.upperBound - 1))
        }
        return lines.joined(separator: "\n")
    }

    @Test(.enabled(if: available)) func fixMatchesTheMissionTable() throws {
        let text = String(decoding: try Data(contentsOf: Self.seed!), as: UTF8.self)
        let r = try mtfix(["fix"], stdin: text)
        #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
        if Self.namesImplemented {
            #expect(r.stdout == Self.expected(text, names: true))
        } else {
            // Strict for this branch's categories; the entity repairs arrive with the names branch.
            #expect(r.stdout == Self.expected(text, names: false))
            withKnownIssue("name-drift / title-conflict are not merged yet") {
                #expect(r.stdout == Self.expected(text, names: true))
            }
        }
    }

    @Test(.enabled(if: available)) func checkJSONReportsTheTableLines() throws {
        let r = try mtfix(["check", "--format", "json", Self.seed!.path])
        #expect(r.status == 1, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
        let found = json.map { ($0["line"] as? Int ?? 0, $0["category"] as? String ?? "", $0["safety"] as? String ?? "") }
        func has(_ line: Int, _ category: String, _ safeties: Set<String> = ["safe"]) -> Bool {
            found.contains { $0.0 == line && $0.1 == category && safeties.contains($0.2) }
        }
        #expect(has(15, "echo-fragment"))
        #expect(has(25, "caption"))
        #expect(has(52, "caption"))
        #expect(has(65, "broken-attribution"))
        #expect(has(32, "stray-fragment", ["review", "report"]))
        #expect(has(34, "stray-fragment", ["review", "report"]))
        // Headings and the closing credit are untouched.
        for line in [28, 55, 75] { #expect(!found.contains { $0.0 == line }, "finding on line \(line)") }
        // No edit on the stray fragments: they are for an editor.
        #expect(!found.contains { ($0.0 == 32 || $0.0 == 34) && $0.2 == "safe" })
        let nameChecks = {
            #expect(has(13, "title-conflict"))
            for line in [13, 17, 38, 42, 57, 73] { #expect(has(line, "name-drift")) }
        }
        if Self.namesImplemented { nameChecks() } else { withKnownIssue("names branch not merged") { nameChecks() } }
    }
}
