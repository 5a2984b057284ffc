import Foundation
import MTFixTestSupport
import Testing

/// What a new-user tester found broken in the command line: diffs of paths outside the current folder,
/// a stdin document lost on a bad byte, temporary files left by an interrupted fix, a comment-only
/// config, notes under --quiet, file names that are not UTF-8.
@Suite("CLI: the tester's report")
struct TesterReportTests {
    static let damaged = "Fish &amp; chips\n"
    static let repaired = "Fish & chips\n"

    /// `desk/../incoming/x` is written `incoming/x`; `../incoming/x` from `desk` is written relative to
    /// the folder holding the inputs, named on stderr, and applies there with git apply and patch -p1.
    @Test func diffPathsAreNormalisedAndApplicable() throws {
        let dir = try makeTempDir()
        let fm = FileManager.default
        for sub in ["desk", "incoming"] {
            try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try Data(Self.damaged.utf8).write(to: dir.appendingPathComponent("incoming/story.txt"))
        let inner = try mtfix(["diff", "desk/../incoming/story.txt"], cwd: dir)
        #expect(inner.status == 1)
        #expect(inner.stdout.hasPrefix("--- a/incoming/story.txt\n+++ b/incoming/story.txt\n"))
        #expect(inner.stderr == "")
        #expect(try checkDiffApplies(inner.stdout, path: "incoming/story.txt", original: Self.damaged, expected: Self.repaired) == nil)

        let desk = dir.appendingPathComponent("desk")
        let outside = try mtfix(["diff", "../incoming/story.txt"], cwd: desk)
        #expect(outside.status == 1)
        #expect(outside.stdout.hasPrefix("--- a/story.txt\n+++ b/story.txt\n"))
        let base = dir.appendingPathComponent("incoming").standardizedFileURL.resolvingSymlinksInPath().path
        #expect(outside.stderr.contains("diff paths are relative to "), "\(outside.stderr)")
        #expect(outside.stderr.hasSuffix("incoming && git apply, or patch -p1)\n"), "\(outside.stderr)")
        // Applied from the folder the note names, with the real tools.
        for tool in [["git", "apply"], ["patch", "-p1", "--quiet", "--dry-run"]] {
            if tool[0] == "git" { try runTool("git", ["init", "-q", "."], cwd: URL(fileURLWithPath: base)) }
            let r = try runTool(tool[0], Array(tool.dropFirst()) + (tool[0] == "git" ? ["--check", "-"] : []), stdin: outside.stdout, cwd: URL(fileURLWithPath: base))
            #expect(r.status == 0, "\(tool): \(r.stderr)\(r.stdout)")
        }
        // Two inputs in different folders outside: paths from their common folder.
        try Data(Self.damaged.utf8).write(to: dir.appendingPathComponent("desk/other.txt"))
        let two = try mtfix(["diff", "../incoming/story.txt", "other.txt"], cwd: desk)
        let headers = two.stdout.split(separator: "\n").filter { $0.hasPrefix("--- ") }
        #expect(headers == ["--- a/incoming/story.txt", "--- a/desk/other.txt"])
        // A --quiet run drops the note, not the diff.
        #expect(try mtfix(["diff", "-q", "../incoming/story.txt"], cwd: desk).stderr == "")
    }

    /// `--stdin-filename` names standard input in diff headers and findings.
    @Test func stdinFilenameNamesTheDiff() throws {
        let r = try mtfix(["diff", "--no-config", "--stdin-filename", "desk/a.txt"], stdin: Self.damaged)
        #expect(r.stdout.hasPrefix("--- a/desk/a.txt\n+++ b/desk/a.txt\n"))
        let c = try mtfix(["check", "--no-config", "--stdin-filename", "desk/a.txt"], stdin: Self.damaged)
        #expect(c.stdout.hasPrefix("desk/a.txt:1:6: "))
    }

    /// `fix < in > out` with a bad byte passes the document through, exit 2, the error names stdin.
    @Test func fixPassesUndecodableStdinThrough() throws {
        let dir = try makeTempDir()
        let f = dir.appendingPathComponent("bad.txt")
        var bytes = Data(Self.damaged.utf8)
        bytes.append(contentsOf: [0x63, 0x61, 0x66, 0xE9, 0x0A])
        try bytes.write(to: f)
        let r = try runTool("sh", ["-c", "'\(TestPaths.binary.path)' fix < '\(f.path)' > '\(f.path).out'"])
        #expect(r.status == 2)
        #expect(r.stderr == "mtfix: stdin: invalid UTF-8 at byte offset 20 (use --lossy to replace bad bytes with U+FFFD); passed through unchanged\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: f.path + ".out")) == bytes)
        // check writes no text, so nothing passes through.
        let check = try runTool("sh", ["-c", "'\(TestPaths.binary.path)' check < '\(f.path)'"])
        #expect(check.status == 2 && check.stdout == "")
    }

    /// SIGINT or SIGTERM while a file is being replaced removes the temporary file and leaves the
    /// original as it was; the process still ends by the signal.
    @Test(arguments: [SIGINT, SIGTERM])
    func interruptedFixLeavesNoTemporaryFile(signal: Int32) throws {
        let dir = try makeTempDir()
        let f = dir.appendingPathComponent("story.txt")
        try Data(Self.damaged.utf8).write(to: f)
        let pid = try Self.spawnWithDefaultSignals(TestPaths.binary.path, ["fix", "-q", f.path], env: ["MTFIX_TEST_WRITE_PAUSE_MS": "5000"])
        func temporaries() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".mtfix-") }
        }
        let start = Date()
        while try temporaries().isEmpty && Date().timeIntervalSince(start) < 30 { usleep(10_000) }
        #expect(try temporaries().count == 1)
        kill(pid, signal)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        // Ended by the signal (WIFSIGNALED, WTERMSIG), as without the clean-up.
        #expect(status & 0x7f == signal)
        #expect(try temporaries().isEmpty)
        #expect(try String(contentsOf: f, encoding: .utf8) == Self.damaged)
    }

    /// A config holding only comments, or only `---`, means all defaults, as an empty one does.
    @Test func commentOnlyConfigIsDefaults() throws {
        let dir = try makeTempDir()
        try Data(Self.damaged.utf8).write(to: dir.appendingPathComponent("story.txt"))
        for config in ["# desk settings\n# select: [caption]\n", "---\n", "--- # nothing yet\n"] {
            try Data(config.utf8).write(to: dir.appendingPathComponent(".mtfix.yml"))
            let r = try mtfix(["check", "story.txt"], cwd: dir)
            #expect(r.status == 1, "\(config)")
            #expect(r.stderr == "", "\(config)")
            #expect(r.stdout.hasPrefix("story.txt:1:6: "), "\(config)")
        }
    }

    /// `-q`: nothing on stderr but errors (no skipped-binary or --lossy notes).
    @Test func quietDropsNotes() throws {
        let dir = try makeTempDir()
        try Data([0x89, 0x50, 0x00, 0x01]).write(to: dir.appendingPathComponent("photo.jpg"))
        try Data("Clean text here.\n".utf8).write(to: dir.appendingPathComponent("a.txt"))
        let r = try mtfix(["check", "-q", dir.path])
        #expect(r.status == 0 && r.stderr == "")
        let latin1 = dir.appendingPathComponent("latin1.txt")
        try Data([0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: latin1)
        let lossy = try mtfix(["check", "-q", "--lossy", latin1.path])
        #expect(lossy.stderr == "")
        #expect(try mtfix(["check", "--lossy", latin1.path]).stderr.contains("replaced with U+FFFD"))
    }

    /// A file name that is not UTF-8 is named as such (bytes escaped), as an argument and in a walk.
    @Test func nonUTF8FileNamesAreNamed() throws {
        let dir = try makeTempDir()
        let bin = TestPaths.binary.path
        try runTool("sh", ["-c", "printf 'A &amp; B\\n' > \"$(printf 'caf\\351').txt\"; printf 'A &amp; B\\n' > ok.txt"], cwd: dir)
        let arg = try runTool("sh", ["-c", "'\(bin)' check \"$(printf 'caf\\351').txt\""], cwd: dir)
        #expect(arg.status == 2)
        #expect(arg.stderr == "mtfix: caf\\xE9.txt: file name is not valid UTF-8; mtfix cannot open it (rename it, e.g. with convmv)\n")
        let walk = try mtfix(["check", "."], cwd: dir)
        #expect(walk.status == 2)
        #expect(walk.stderr == "mtfix: caf\\xE9.txt: file name is not valid UTF-8; mtfix cannot open it (rename it, e.g. with convmv)\n")
        #expect(walk.stdout.hasPrefix("ok.txt:1:3: "))
        // A folder holding only such a file gets the error, not "no text files in this folder".
        try runTool("sh", ["-c", "mkdir only && mv \"$(printf 'caf\\351').txt\" only/"], cwd: dir)
        let only = try mtfix(["check", "only"], cwd: dir)
        #expect(only.stderr == "mtfix: only/caf\\xE9.txt: file name is not valid UTF-8; mtfix cannot open it (rename it, e.g. with convmv)\n")
    }

    /// The smaller items: -j bounds, a pipe given to fix, stdin counted in fix's line, names-file
    /// reasons, every --select typo, a mistyped subcommand, help examples.
    @Test func minorItems() throws {
        let dir = try makeTempDir()
        let f = dir.appendingPathComponent("amp.txt")
        try Data(Self.damaged.utf8).write(to: f)
        let negative = try mtfix(["check", "-j", "-1", f.path])
        #expect(negative.status == 2)
        #expect(negative.stderr == "mtfix: -j needs a positive number of jobs (got -1) (see 'mtfix --help')\n")
        let huge = try mtfix(["check", "-j", "100000", f.path])
        #expect(huge.status == 2 && huge.stderr.contains("-j 100000 is more than mtfix runs at once; use at most "))
        #expect(try mtfix(["check", "-j", "2", f.path]).status == 1)

        let pipe = try runTool("bash", ["-c", "'\(TestPaths.binary.path)' fix <(cat '\(f.path)')"])
        #expect(pipe.status == 2)
        #expect(pipe.stderr.contains(": a pipe; fix cannot replace it in place"), "\(pipe.stderr)")

        let both = try runTool("sh", ["-c", "'\(TestPaths.binary.path)' fix '\(f.path)' - < '\(f.path)' > /dev/null"])
        #expect(both.stderr == "mtfix: 2 repairs applied in 1 file and stdin; 0 findings left for review\n")

        let latin1 = dir.appendingPathComponent("names.txt")
        try Data([0x4B, 0x69, 0x6D, 0x0A, 0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: latin1)
        #expect(try mtfix(["check", "--names", latin1.path, f.path]).stderr == "mtfix: \(latin1.path): cannot read the names file: line 2: not valid UTF-8\n")
        #expect(try mtfix(["check", "--names", dir.path, f.path]).stderr == "mtfix: \(dir.path): cannot read the names file: is a directory\n")

        let typos = try mtfix(["check", "--select", "mojibak,capton", f.path])
        #expect(typos.stderr == """
            mtfix: unknown rule or category 'mojibak' (did you mean 'mojibake'?)
            mtfix: unknown rule or category 'capton' (did you mean 'caption'?)

            """)

        let chek = try mtfix(["chek", f.path])
        #expect(chek.status == 2)
        #expect(chek.stderr == "mtfix: unknown command 'chek' (did you mean 'check'?) (see 'mtfix --help')\n")

        for command in ["check", "diff", "fix"] {
            #expect(try mtfix([command, "--help"]).stdout.contains("EXAMPLES"), "\(command)")
        }
        let review = try mtfix(["review", "--help"]).stdout
        #expect(!review.contains("None or '-' reads stdin"))
        #expect(review.contains("s split the hunk"))
    }

    /// Starts `path` with SIGINT and SIGTERM unblocked and at their default action, as a shell starts a
    /// command (the test runner's threads block signals, and Foundation's Process passes that on).
    static func spawnWithDefaultSignals(_ path: String, _ args: [String], env extra: [String: String]) throws -> pid_t {
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attr, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in extra { environment[k] = v }
        let argv = ([path] + args).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, nil, &attr, argv, envp)
        if rc != 0 { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
        return pid
    }
}
