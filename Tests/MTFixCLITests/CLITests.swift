import Foundation
import MTFixTestSupport
import Testing

@Suite("CLI: the built binary")
struct CLITests {
    @Test func fixReadsStdinWritesStdout() throws {
        let r = try mtfix(["fix"], stdin: "Fish &amp; chips.\n")
        #expect(r.stdout == "Fish & chips.\n")
        #expect(r.status == 1)
        #expect(r.stderr.isEmpty)
    }

    /// No subcommand is a usage error: help on stderr, exit 2; `--help` is asked for: stdout, exit 0.
    @Test func noSubcommandIsAUsageError() throws {
        let bare = try mtfix([])
        #expect(bare.status == 2)
        #expect(bare.stdout.isEmpty)
        #expect(bare.stderr.hasPrefix("OVERVIEW: Find and repair machine-translation damage"))
        let help = try mtfix(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: Find and repair machine-translation damage"))
    }

    @Test func cleanTextExitsZero() throws {
        let r = try mtfix(["check"], stdin: "Nothing to see here.\n")
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
    }

    @Test func checkTextFormat() throws {
        let r = try mtfix(["check", "-"], stdin: "x\n“Fine,” he said. Added.\n")
        #expect(r.status == 1)
        #expect(
            r.stdout
                == "stdin:2:9: warning: speech verb detached from its attribution: 'said. Added.' → 'added.' [broken-attribution-en] (safe)\n"
        )
    }

    @Test func checkJSONHasTheContractFields() throws {
        let r = try mtfix(["check", "--format", "json"], stdin: "é &amp; x\n")
        #expect(r.status == 1)
        let arr = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        #expect(arr.count == 1)
        let f = arr[0]
        for key in ["path", "line", "column", "end_line", "end_column", "byte_offset", "byte_length", "rule", "category", "severity", "safety", "message", "original", "replacement"] {
            #expect(f[key] != nil, "missing \(key)")
        }
        #expect(f["column"] as? Int == 3)
        #expect(f["byte_offset"] as? Int == 3)
        #expect(f["byte_length"] as? Int == 5)
        #expect(f["replacement"] as? String == "&")
    }

    @Test func invalidUTF8IsRefusedAndFileUntouched() throws {
        let dir = try makeTempDir()
        let file = dir.appendingPathComponent("bad.txt")
        let bytes = Data([0x41, 0x26, 0x61, 0x6D, 0x70, 0x3B, 0x0A, 0xFF, 0x0A])
        try bytes.write(to: file)
        let r = try mtfix(["fix", file.path])
        #expect(r.status == 2)
        #expect(r.stderr == "mtfix: \(file.path): invalid UTF-8 at byte offset 7 (use --lossy to replace bad bytes with U+FFFD)\n")
        #expect(try Data(contentsOf: file) == bytes)
    }

    @Test func fixInPlaceKeepsPermissions() throws {
        let dir = try makeTempDir()
        let file = dir.appendingPathComponent("a.txt")
        try Data("Fish &amp; chips\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let r = try mtfix(["fix", "--quiet", file.path])
        #expect(r.status == 1)
        #expect(try String(contentsOf: file, encoding: .utf8) == "Fish & chips\n")
        let perms = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(perms == 0o640)
        let again = try mtfix(["fix", "--quiet", file.path])
        #expect(again.status == 0)
    }

    @Test func usageErrorsExitTwo() throws {
        let r = try mtfix(["check", "--format", "xml"])
        #expect(r.status == 2)
        let missing = try mtfix(["check", "/nonexistent/file.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "mtfix: /nonexistent/file.txt: no such file or directory\n")
    }

    @Test func diffOfSeedAppliesAndMatchesFix() throws {
        guard let shared = TestPaths.shared else { return }
        let seed = shared.appendingPathComponent("seeds/central-asia-visit.mt.txt")
        let original = try String(contentsOf: seed, encoding: .utf8)
        let diff = try mtfix(["diff", seed.path])
        #expect(diff.status == 1)
        #expect(diff.stdout.contains("+“We are participating in an integration process"))
        let fixed = try mtfix(["fix"], stdin: original)
        let path = String(diff.stdout.split(separator: "\n")[0].dropFirst(6))
        let problem = try checkDiffApplies(diff.stdout, path: path, original: original, expected: fixed.stdout)
        #expect(problem == nil, "\(problem ?? "")")
        // mtfix apply gives the same bytes as mtfix fix.
        let dir = try makeTempDir()
        let target = dir.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(original.utf8).write(to: target)
        let patchFile = dir.appendingPathComponent("seed.diff")
        try Data(diff.stdout.utf8).write(to: patchFile)
        let applied = try mtfix(["apply", "-d", dir.path, patchFile.path])
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(try String(contentsOf: target, encoding: .utf8) == fixed.stdout)
    }
}
