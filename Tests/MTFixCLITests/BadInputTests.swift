import Foundation
import MTFixTestSupport
import Testing

/// Bad input gets a clear one-line error naming the file, exit 2, and loses nothing.
@Suite("CLI: bad input")
struct BadInputTests {
    @Test func emptyFileIsClean() throws {
        let dir = try makeTempDir()
        let f = dir.appendingPathComponent("empty.txt")
        try Data().write(to: f)
        let r = try mtfix(["check", f.path])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty && r.stderr.isEmpty)
        let fix = try mtfix(["fix", f.path])
        #expect(fix.status == 0)
        #expect(try Data(contentsOf: f).isEmpty)
        #expect(try mtfix(["fix"], stdin: "").stdout == "")
    }

    @Test func nulBytesAreRefused() throws {
        let dir = try makeTempDir()
        let f = dir.appendingPathComponent("nul.txt")
        let bytes = Data("abc &amp;\u{0}def\n".utf8)
        try bytes.write(to: f)
        let r = try mtfix(["fix", f.path])
        #expect(r.status == 2)
        #expect(r.stderr == "mtfix: \(f.path): NUL byte at byte offset 9; not a text file\n")
        #expect(try Data(contentsOf: f) == bytes)
    }

    @Test func binaryFilesInADirectoryAreSkippedWithANote() throws {
        let dir = try makeTempDir()
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).write(to: dir.appendingPathComponent("image.png"))
        try Data("Fish &amp; chips\n".utf8).write(to: dir.appendingPathComponent("story.txt"))
        let r = try mtfix(["check", dir.path])
        #expect(r.status == 1)
        #expect(r.stderr == "mtfix: \(dir.path)/image.png: skipped (binary file)\n")
        #expect(r.stdout.hasPrefix("\(dir.path)/story.txt:1:6:"))
    }

    /// A folder walk: nested folders in sorted order, hidden entries and symbolic links skipped, and a file
    /// reached twice (through the folder and by name, or through a linked folder) processed once.
    @Test func folderWalkOrderAndSkips() throws {
        let dir = try makeTempDir()
        let fm = FileManager.default
        let damaged = Data("Fish &amp; chips\n".utf8)
        for sub in ["b", "a/z", ".hidden"] {
            try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for file in ["b/2.txt", "a/z/3.txt", "a/1.txt", ".hidden/4.txt", ".5.txt", "0.txt"] {
            try damaged.write(to: dir.appendingPathComponent(file))
        }
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("link.txt").path, withDestinationPath: "0.txt")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("c").path, withDestinationPath: "b")
        let r = try mtfix(["check", "--format", "jsonl", dir.path, dir.appendingPathComponent("a/1.txt").path])
        #expect(r.status == 1)
        #expect(r.stderr == "")
        let files = r.stdout.split(separator: "\n").map { line in
            String(line.split(separator: "\"").drop(while: { $0 != "path" }).dropFirst(2).first ?? "")
        }
        #expect(files == ["0.txt", "a/1.txt", "a/z/3.txt", "b/2.txt"].map { dir.path + "/" + $0 })
    }

    /// `fix` on a symbolic link repairs the file it points to and leaves the link a link.
    @Test func fixWritesThroughASymbolicLink() throws {
        let dir = try makeTempDir()
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("real"), withIntermediateDirectories: true)
        let target = dir.appendingPathComponent("real/story.txt")
        try Data("Fish &amp; chips\n".utf8).write(to: target)
        let link = dir.appendingPathComponent("link.txt")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: "real/story.txt")
        let r = try mtfix(["fix", "--quiet", link.path])
        #expect(r.status == 1)
        #expect(try String(contentsOf: target, encoding: .utf8) == "Fish & chips\n")
        #expect(try fm.destinationOfSymbolicLink(atPath: link.path) == "real/story.txt")
    }

    /// Output that cannot be written (a full disk) is an error, exit 2 with a message, not a silent loss.
    @Test func unwritableOutputIsAnError() throws {
        let dir = try makeTempDir()
        let f = dir.appendingPathComponent("story.txt")
        try Data("Fish &amp; chips\n".utf8).write(to: f)
        for command in ["check", "diff"] {
            let r = try runTool("sh", ["-c", "'\(TestPaths.binary.path)' \(command) '\(f.path)' > /dev/full"])
            #expect(r.status == 2, "\(command)")
            #expect(r.stderr == "mtfix: stdout: No space left on device; output incomplete\n", "\(command)")
        }
        let fix = try runTool("sh", ["-c", "'\(TestPaths.binary.path)' fix < '\(f.path)' > /dev/full"])
        #expect(fix.status == 2)
        // `-j4` is `-j 4`.
        #expect(try mtfix(["check", "-j4", f.path]).stdout == (try mtfix(["check", "-j", "4", f.path])).stdout)
    }

    /// Binary files are recognised when read (one open per file), in input order; a folder holding
    /// nothing else gets the empty folder's note after them, with or without workers.
    @Test func aFolderOfBinaryFilesGetsNotesInOrder() throws {
        let dir = try makeTempDir()
        for sub in ["a", "b"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try Data([0x00, 0x01]).write(to: dir.appendingPathComponent("a/x.bin"))
        // A NUL after the first 8 KiB is no binary file but a text file with a bad byte.
        try Data(Array(repeating: 0x61, count: 9_000) + [0x00]).write(to: dir.appendingPathComponent("a/y.txt"))
        try Data([0x78, 0x00]).write(to: dir.appendingPathComponent("b/z.bin"))
        try Data("Fish &amp; chips\n".utf8).write(to: dir.appendingPathComponent("c.txt"))
        let a = dir.appendingPathComponent("a").path
        let b = dir.appendingPathComponent("b").path
        for jobs in ["1", "3"] {
            let r = try mtfix(["check", "-j", jobs, a, b, dir.appendingPathComponent("c.txt").path])
            #expect(r.status == 2)
            #expect(r.stderr == """
                mtfix: \(a)/x.bin: skipped (binary file)
                mtfix: \(a)/y.txt: NUL byte at byte offset 9000; not a text file
                mtfix: \(b)/z.bin: skipped (binary file)
                mtfix: \(b): no text files in this folder

                """)
        }
        // Records are streams: binary files are dropped while walking, as before.
        let records = try mtfix(["check", "--jsonl", b])
        #expect(records.stderr == "mtfix: \(b)/z.bin: skipped (binary file)\nmtfix: \(b): no text files in this folder\n")
    }

    @Test func anEmptyFolderGetsANote() throws {
        let dir = try makeTempDir()
        let r = try mtfix(["check", dir.path])
        #expect(r.status == 0)
        #expect(r.stdout == "")
        #expect(r.stderr == "mtfix: \(dir.path): no text files in this folder\n")
    }

    @Test func aConfigThatIsAFolderOrMissingIsNamedAsSuch() throws {
        let dir = try makeTempDir()
        let folder = try mtfix(["check", "--config", dir.path], stdin: "x\n")
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("\(dir.path): is a directory, not a config file"))
        let missing = try mtfix(["check", "--config", dir.appendingPathComponent("nope.yml").path], stdin: "x\n")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.yml: no such config file"))
    }

    @Test func lossyDecodingIsOptIn() throws {
        let r = try runProcess(TestPaths.binary, ["fix", "--lossy"], stdin: Data([0x61, 0xFF, 0x62, 0x0A]))
        #expect(r.stdout == "a\u{FFFD}b\n")
        // The replacement is never silent.
        #expect(r.stderr == "mtfix: stdin: invalid UTF-8 from byte offset 1 replaced with U+FFFD (--lossy)\n")
        let clean = try runProcess(TestPaths.binary, ["check", "--lossy"], stdin: Data("ab\n".utf8))
        #expect(clean.stderr == "")
    }

    @Test func hugeSingleLine() throws {
        // 20 MB on one line, damage at the very end: found, repaired, nothing else changed.
        let chunk = String(repeating: "word ", count: 4_000_000)
        let input = chunk + "fish &amp; chips"
        let r = try mtfix(["fix"], stdin: input)
        #expect(r.status == 1)
        #expect(r.stdout.count == input.count - 4)
        #expect(r.stdout.hasSuffix("word fish & chips"))
        let check = try mtfix(["check", "--format", "jsonl"], stdin: input)
        #expect(check.stdout.contains("\"byte_offset\":20000005"))
    }

    @Test func readOnlyFileIsLeftUnchanged() throws {
        let dir = try makeTempDir()
        let f = dir.appendingPathComponent("ro.txt")
        try Data("Fish &amp; chips\n".utf8).write(to: f)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: f.path)
        let r = try mtfix(["fix", "--quiet", f.path])
        #expect(r.status == 2)
        #expect(r.stderr == "mtfix: \(f.path): file is read-only; left unchanged\n")
        #expect(try String(contentsOf: f, encoding: .utf8) == "Fish &amp; chips\n")
    }

    @Test func unreadableFileIsAnError() throws {
        let dir = try makeTempDir()
        let f = dir.appendingPathComponent("secret.txt")
        try Data("text\n".utf8).write(to: f)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: f.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        // Root reads everything: drop to an unprivileged user to see what a normal user sees.
        let r: ProcessResult
        if geteuid() == 0 {
            r = try runTool("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", TestPaths.binary.path, "check", f.path])
        } else {
            r = try mtfix(["check", f.path])
        }
        #expect(r.status == 2)
        #expect(r.stderr == "mtfix: \(f.path): permission denied (cannot read)\n")
    }

    @Test func thousandsOfFiles() throws {
        let dir = try makeTempDir()
        for i in 0..<3000 {
            let text = i % 500 == 0 ? "Item \(i) &amp; more\n" : "Item \(i) is clean.\n"
            try Data(text.utf8).write(to: dir.appendingPathComponent(String(format: "f%05d.txt", i)))
        }
        let r = try mtfix(["check", dir.path])
        #expect(r.status == 1)
        #expect(r.stdout.split(separator: "\n").count == 6)
        #expect(r.stdout.hasPrefix("\(dir.path)/f00000.txt:1:8:"))
    }

    @Test func aDirectoryOrMissingPathIsNamed() throws {
        let r = try mtfix(["fix", "/no/such/dir/story.txt"])
        #expect(r.status == 2)
        #expect(r.stderr == "mtfix: /no/such/dir/story.txt: no such file or directory\n")
    }
}
