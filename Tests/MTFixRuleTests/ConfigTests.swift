import Foundation
import MTFix
import MTFixTestSupport
import Testing

/// A temp folder holding `.mtfix.yml` (if given) and `sub/a.txt`.
func configFixture(_ config: String?, text: String = "Fish &amp; chips.\n") throws -> (dir: URL, file: URL) {
    let dir = try makeTempDir("mtfix-config")
    if let config { try Data(config.utf8).write(to: dir.appendingPathComponent(".mtfix.yml")) }
    let sub = dir.appendingPathComponent("sub")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    let file = sub.appendingPathComponent("a.txt")
    try Data(text.utf8).write(to: file)
    return (dir, file)
}

@Suite("Configuration: .mtfix.yml, --config, --select/--ignore")
struct ConfigTests {
    @Test func configIsFoundByWalkingUpFromTheInput() throws {
        let (_, file) = try configFixture("ignore: [html-entity]\n")
        let r = try mtfix(["check", file.path])
        #expect(r.stdout == "")
        #expect(r.status == 0)
        let without = try mtfix(["check", "--no-config", file.path])
        #expect(without.status == 1)
        #expect(without.stdout.contains("[html-entity]"))
    }

    /// Each input is read with the config nearest to it, not the first input's: a desk's folders can
    /// carry their own `.mtfix.yml`; a broken one anywhere stops the run before anything is written.
    @Test func eachInputUsesItsOwnConfig() throws {
        let (quiet, quietFile) = try configFixture("ignore: [html-entity]\n")
        let (_, plainFile) = try configFixture(nil)
        let (_, otherFile) = try configFixture("select: [html-entity]\n", text: "Fish &amp; chips.\n")
        let r = try mtfix(["check", plainFile.path, quietFile.path, otherFile.path])
        #expect(r.status == 1)
        #expect(!r.stdout.contains(quietFile.path))
        #expect(r.stdout.contains("\(plainFile.path):1:6:"))
        #expect(r.stdout.contains("\(otherFile.path):1:6:"))
        // The order of inputs does not matter.
        let reversed = try mtfix(["check", quietFile.path, plainFile.path])
        #expect(!reversed.stdout.contains(quietFile.path) && reversed.stdout.contains(plainFile.path))
        // --config still applies one file to all.
        let forced = try mtfix(["check", "--config", quiet.appendingPathComponent(".mtfix.yml").path, plainFile.path, quietFile.path])
        #expect(forced.stdout == "" && forced.status == 0)
        let (_, brokenFile) = try configFixture("ignroe: [html-entity]\n")
        let broken = try mtfix(["fix", plainFile.path, brokenFile.path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(".mtfix.yml:1:"))
        #expect(try String(contentsOf: plainFile, encoding: .utf8) == "Fish &amp; chips.\n")
    }

    @Test func stdinFindsTheConfigFromTheCurrentFolder() throws {
        let (dir, _) = try configFixture("ignore: html-entity\n")
        let r = try mtfix(["fix"], stdin: "Fish &amp; chips.\n", cwd: dir.appendingPathComponent("sub"))
        #expect(r.stdout == "Fish &amp; chips.\n")
        #expect(r.status == 0)
    }

    @Test func commandLineSelectAndIgnoreWinOverTheFile() throws {
        let (_, file) = try configFixture("ignore: [html-entity]\n", text: "Fish &amp; chips.\n“Fine,” he said. Added.\n")
        let fileOnly = try mtfix(["check", file.path])
        #expect(fileOnly.stdout.contains("[broken-attribution-en]"))
        #expect(!fileOnly.stdout.contains("[html-entity]"))
        let cliIgnore = try mtfix(["check", "--ignore", "broken-attribution-en", file.path])
        #expect(cliIgnore.stdout.contains("[html-entity]"))
        #expect(!cliIgnore.stdout.contains("[broken-attribution-en]"))
        let cliSelect = try mtfix(["check", "--select", "broken-attribution,html-entity", "--ignore", "html-entity", file.path])
        #expect(cliSelect.stdout.split(separator: "\n").count == 1)
        #expect(cliSelect.stdout.contains("[broken-attribution-en]"))
    }

    /// A desk's rule folder inside the tree it checks holds rules, not copy: a folder walk skips it (its
    /// `fixes` examples are damaged on purpose), with a note.
    @Test func ruleFoldersOfTheConfigAreNotCheckedAsCopy() throws {
        let (dir, file) = try configFixture("rules: [desk-rules]\n", text: "Fish &amp; chips.\n")
        let ruleDir = dir.appendingPathComponent("desk-rules/en/html-entity")
        try FileManager.default.createDirectory(at: ruleDir, withIntermediateDirectories: true)
        let rule = """
            id: desk-amp
            summary: An escaped ampersand in a headline is unescaped.
            category: html-entity
            safety: safe
            message: "escaped ampersand"
            kind: substitute
            table: {'Q&amp;A': 'Q&A'}
            fixes:
              - in: 'A Q&amp;A with the minister.'
                out: 'A Q&A with the minister.'
            keeps:
              - 'A Q&A with the minister.'

            """
        try Data(rule.utf8).write(to: ruleDir.appendingPathComponent("desk-amp.yml"))
        let r = try mtfix(["check", dir.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains(file.path))
        #expect(!r.stdout.contains("desk-amp.yml"))
        #expect(r.stderr.contains("desk-rules: skipped (a rule folder of the config)"))
    }

    @Test func commandLineSelectWinsOverTheFilesIgnore() throws {
        let (_, file) = try configFixture("ignore: [html-entity]\n")
        let r = try mtfix(["check", "--select", "html-entity", file.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("[html-entity]"))
    }

    @Test func selectByCategoryInTheFile() throws {
        let (_, file) = try configFixture("select:\n  - html-entity\n", text: "Fish &amp; chips.\n“Fine,” he said. Added.\n")
        let r = try mtfix(["check", file.path])
        #expect(r.stdout.split(separator: "\n").count == 1)
        #expect(r.stdout.contains("[html-entity]"))
    }

    @Test func explicitConfigFile() throws {
        let (dir, file) = try configFixture(nil)
        let cfg = dir.appendingPathComponent("desk.yml")
        try Data("ignore: [html-entity]\n".utf8).write(to: cfg)
        let r = try mtfix(["check", "--config", cfg.path, file.path])
        #expect(r.status == 0)
        let both = try mtfix(["check", "--config", cfg.path, "--no-config", file.path])
        #expect(both.status == 2)
    }

    @Test(arguments: [
        ("selct: [html-entity]\n", "1: unknown key 'selct' (did you mean 'select'?); known keys: select, ignore, language, safety, rules, names"),
        ("# desk settings\nignore:\n  - broken-attribution-en\n  - html-entiti\n", "4: unknown rule or category 'html-entiti' (did you mean 'html-entity'?)"),
        ("select: [broken-attribution-en]\nlanguage: english\n", "2: unknown language 'english'; use auto or one of: de, en, es, fr, ja, ru, zh"),
        ("safety: report\n", "1: safety must be 'safe' or 'review' (the highest level of edits to apply)"),
        ("names: missing.txt\n", "1: cannot read the names file 'missing.txt': no such file"),
        ("ignore: [a\n", "2: invalid YAML: did not find expected ',' or ']'"),
        ("- select\n", "1: a config file must be a mapping of keys to values"),
    ])
    func configErrorsPointAtFileAndLine(_ config: String, _ expected: String) throws {
        let (dir, file) = try configFixture(config)
        let r = try mtfix(["check", file.path])
        #expect(r.stderr == "mtfix: \(dir.path)/.mtfix.yml:\(expected)\n")
        #expect(r.status == 2)
        #expect(r.stdout == "")
    }

    @Test func unknownIDsOnTheCommandLine() throws {
        let r = try mtfix(["check", "--no-config", "--select", "html-entiti"], stdin: "x\n")
        #expect(r.stderr == "mtfix: unknown rule or category 'html-entiti' (did you mean 'html-entity'?)\n")
        #expect(r.status == 2)
        let lang = try mtfix(["check", "--no-config", "--lang", "dee"], stdin: "x\n")
        #expect(lang.stderr == "mtfix: unknown language 'dee' (did you mean 'de'?); use auto or one of: de, en, es, fr, ja, ru, zh\n")
        #expect(lang.status == 2)
    }

    @Test func languageFromTheFileSelectsTheRulePack() throws {
        let text = "“Fine,” he said. Added.\n"
        let (_, file) = try configFixture("language: de\n", text: text)
        #expect(try mtfix(["check", file.path]).status == 0)
        // --lang on the command line wins over the file.
        #expect(try mtfix(["check", "--lang", "en", file.path]).status == 1)
    }

    @Test func extraRuleFoldersAndSafetyFromTheFile() throws {
        let (dir, file) = try configFixture("rules: [desk-rules]\nsafety: review\n", text: "a foo\n")
        let rules = dir.appendingPathComponent("desk-rules/en/broken-attribution")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        let review = ruleText(id: "foo-bar").replacingOccurrences(of: "safety: safe", with: "safety: review")
        try Data(review.utf8).write(to: rules.appendingPathComponent("foo-bar.yml"))
        let r = try mtfix(["fix", "--lang", "en"], stdin: "a foo\n", cwd: file.deletingLastPathComponent())
        #expect(r.stdout == "a bar\n")
        // Without the file's safety level, review edits are not applied.
        let cfg2 = dir.appendingPathComponent("other.yml")
        try Data("rules: [desk-rules]\n".utf8).write(to: cfg2)
        let safe = try mtfix(["fix", "--lang", "en", "--config", cfg2.path], stdin: "a foo\n")
        #expect(safe.stdout == "a foo\n")
        #expect(try mtfix(["rules", "--config", cfg2.path]).stdout.contains("foo-bar "))
    }

    @Test func namesFileReachesTheRuleContext() throws {
        let (dir, _) = try configFixture("names: desk-names.txt\n")
        try Data("# canonical spellings\nKassym-Jomart Tokayev\n\n  Antony Blinken  \n".utf8)
            .write(to: dir.appendingPathComponent("desk-names.txt"))
        let url = dir.appendingPathComponent(".mtfix.yml")
        let config = try Configuration.read(url)
        let checker = try Configuration.makeChecker(config: config, configURL: url, settings: CommandLineSettings())
        #expect(checker.options.knownNames == ["Kassym-Jomart Tokayev", "Antony Blinken"])
        #expect(checker.engine.context.knownNames == ["Kassym-Jomart Tokayev", "Antony Blinken"])
    }
}
