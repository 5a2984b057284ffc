import Foundation
import MTFixTestSupport
import Testing

/// A rule folder with one file `en/<category>/<stem>.yml`, for malformed-rule tests.
func ruleDir(_ text: String, stem: String = "r", category: String = "broken-attribution", lang: String = "en") throws -> URL {
    let dir = try makeTempDir("mtfix-rules")
    let folder = dir.appendingPathComponent("\(lang)/\(category)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: folder.appendingPathComponent("\(stem).yml"))
    return dir
}

/// A valid pattern rule (`foo` → `bar`) whose lines can be edited to break it.
func ruleText(id: String = "r") -> String {
    """
    id: \(id)
    summary: Replaces foo.
    category: broken-attribution
    languages: [en]
    safety: safe
    message: foo is wrong
    kind: pattern
    pattern: 'foo'
    replacement: 'bar'
    fixes:
      - in: 'a foo'
        out: 'a bar'
    keeps:
      - 'a baz'

    """
}

@Suite("CLI: malformed rule files exit 2 with path:line: message")
struct RuleErrorCLITests {
    /// Runs `mtfix fix --rules DIR` on a small text; returns (stderr, status).
    func run(_ dir: URL) throws -> (String, Int32) {
        let r = try mtfix(["fix", "--no-config", "--rules", dir.path], stdin: "x foo\n")
        return (r.stderr, r.status)
    }

    @Test func aValidRuleFolderWorks() throws {
        let dir = try ruleDir(ruleText())
        let r = try mtfix(["fix", "--no-config", "--rules", dir.path], stdin: "x foo\n")
        #expect(r.stdout == "x bar\n")
        #expect(r.status == 1)
        #expect(r.stderr.isEmpty)
    }

    @Test(arguments: [
        // (what to replace, by what, expected line and message)
        ("summary: Replaces foo.", "summary: [unclosed", "3: invalid YAML: did not find expected ',' or ']'"),
        ("kind: pattern", "kind: regex", "7: unknown kind 'regex'; one of: pattern, substitute, forbid, detector"),
        ("pattern: 'foo'", "pattern: 'fo(o'", "8: invalid pattern (U_REGEX_MISMATCHED_PAREN) at offset 4"),
        ("category: broken-attribution", "category: broken-atribution", "3: unknown category 'broken-atribution' (did you mean 'broken-attribution'?)"),
        ("keeps:\n  - 'a baz'", "", "1: a rule needs at least one 'keeps' example"),
        ("fixes:\n  - in: 'a foo'\n    out: 'a bar'", "", "1: a rule needs at least one 'fixes' example"),
        ("message: foo is wrong", "mesage: foo is wrong", "6: unknown key 'mesage' (did you mean 'message'?)"),
        ("replacement: 'bar'", "replacement: '$2'", "8: replacement uses $2 but the pattern has 0 groups"),
        ("safety: safe", "safety: sure", "5: safety must be safe, review or report"),
        ("    out: 'a bar'", "    result: 'a bar'", "12: unknown example key 'result' (in, out, lang)"),
        ("languages: [en]", "languages: [en]\nlanguages: [de]", "5: duplicate key 'languages'"),
        // Errors about a field point at its line, not the file's first.
        ("category: broken-attribution", "category: caption", "3: category 'caption' does not match its folder 'broken-attribution'"),
        ("languages: [en]", "languages: [de]", "4: rule in 'en/' does not list 'en' in its languages"),
    ])
    func malformedRule(_ find: String, _ replace: String, _ expected: String) throws {
        let text = ruleText()
        #expect(text.contains(find))
        let dir = try ruleDir(text.replacingOccurrences(of: find, with: replace))
        let (stderr, status) = try run(dir)
        #expect(stderr == "mtfix: \(dir.path)/en/broken-attribution/r.yml:\(expected)\n")
        #expect(status == 2)
    }

    @Test func idMustEqualFileStem() throws {
        let dir = try ruleDir(ruleText(id: "other"))
        let (stderr, status) = try run(dir)
        #expect(stderr == "mtfix: \(dir.path)/en/broken-attribution/r.yml:1: id 'other' must equal the file name 'r'\n")
        #expect(status == 2)
    }

    @Test func folderMustBeACategory() throws {
        let dir = try ruleDir(ruleText(), category: "attribution")
        let (stderr, status) = try run(dir)
        #expect(stderr == "mtfix: \(dir.path)/en/attribution/r.yml:1: folder 'attribution' is not a category\n")
        #expect(status == 2)
    }

    @Test func folderMustBeALanguage() throws {
        let dir = try ruleDir(ruleText(), lang: "English")
        let (stderr, status) = try run(dir)
        #expect(stderr == "mtfix: \(dir.path)/English/broken-attribution/r.yml:1: folder 'English' is not a language code or 'common'\n")
        #expect(status == 2)
    }

    @Test func strayFilesAreNotSkippedSilently() throws {
        let dir = try ruleDir(ruleText())
        try Data(ruleText().utf8).write(to: dir.appendingPathComponent("r.yml"))
        try Data(ruleText().utf8).write(to: dir.appendingPathComponent("en/broken-attribution/x.yaml"))
        let (stderr, status) = try run(dir)
        #expect(stderr == """
            mtfix: \(dir.path)/en/broken-attribution/x.yaml:1: rule and data files end in '.yml'

            """)
        #expect(status == 2)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("en/broken-attribution/x.yaml"))
        let (stderr2, _) = try run(dir)
        #expect(stderr2.hasPrefix("mtfix: \(dir.path)/r.yml:1: not a rule location"))
    }

    @Test func everyBrokenFileIsReportedNotJustTheFirst() throws {
        let dir = try ruleDir(ruleText().replacingOccurrences(of: "kind: pattern", with: "kind: regex"))
        let second = dir.appendingPathComponent("en/broken-attribution/s.yml")
        try Data(ruleText(id: "s").replacingOccurrences(of: "pattern: 'foo'", with: "pattern: '['").utf8).write(to: second)
        let (stderr, status) = try run(dir)
        let lines = stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("mtfix: \(dir.path)/en/broken-attribution/") })
        #expect(status == 2)
    }

    @Test func duplicateIDsAcrossLanguageFoldersAreReported() throws {
        let dir = try ruleDir(ruleText())
        let de = dir.appendingPathComponent("common/broken-attribution")
        try FileManager.default.createDirectory(at: de, withIntermediateDirectories: true)
        try Data(ruleText().replacingOccurrences(of: "languages: [en]\n", with: "").utf8).write(to: de.appendingPathComponent("r.yml"))
        let (stderr, status) = try run(dir)
        #expect(stderr.contains("duplicate rule id 'r'"))
        #expect(status == 2)
    }

    @Test func aMissingRuleFolderIsAnError() throws {
        let r = try mtfix(["check", "--no-config", "--rules", "/nonexistent/rules"], stdin: "x\n")
        #expect(r.stderr == "mtfix: /nonexistent/rules: rule folder not found\n")
        #expect(r.status == 2)
    }

    @Test func aSameIDRuleOverridesTheBundledOne() throws {
        let text = ruleText(id: "html-entity").replacingOccurrences(of: "category: broken-attribution", with: "category: html-entity")
            .replacingOccurrences(of: "languages: [en]\n", with: "")
        let dir = try ruleDir(text, stem: "html-entity", category: "html-entity", lang: "common")
        let r = try mtfix(["fix", "--no-config", "--rules", dir.path], stdin: "foo &amp; x\n")
        #expect(r.stdout == "bar &amp; x\n")
    }
}
