import MTFixCore
import MTFixTestSupport
import Testing

@Suite("Unified diff")
struct DiffTests {
    static let cases: [(String, String, String)] = [
        ("middle line", "a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nD\ne\nf\ng\nh\n"),
        ("no final newline, last line changed", "a\nb\nc", "a\nb\nC"),
        ("no final newline, early change", "a\nb\nc\nd\ne\nf", "A\nb\nc\nd\ne\nf"),
        ("newline added at end", "a\nb", "a\nb\n"),
        ("lines removed", "one\n\ntwo\nthree\n\nfour\n", "one\n\nfour\n"),
        ("CRLF kept", "a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n"),
        ("two hunks", (1...20).map { "l\($0)" }.joined(separator: "\n") + "\n",
         (1...20).map { $0 == 2 || $0 == 18 ? "X\($0)" : "l\($0)" }.joined(separator: "\n") + "\n"),
        ("all removed", "a\nb\n", ""),
        ("from empty", "", "a\n"),
        ("multibyte", "Grüße\n首相 は\n", "Grüße\n首相は\n"),
    ]

    @Test(arguments: cases.indices)
    func diffAppliesWithGitAndPatch(_ i: Int) throws {
        let (name, old, new) = Self.cases[i]
        let diff = UnifiedDiffWriter().diff(old: old, new: new, path: "dir/file.txt")
        #expect(diff.hasPrefix("--- a/dir/file.txt\n+++ b/dir/file.txt\n"), "\(name)")
        let problem = try checkDiffApplies(diff, path: "dir/file.txt", original: old, expected: new)
        #expect(problem == nil, "\(name): \(problem ?? "")")
        // Our own applier agrees.
        let patches = try Patch.parse(diff)
        #expect(try Patch.apply(patches[0], to: old, path: "dir/file.txt") == new, "\(name)")
    }

    /// File names git would quote (a tab, a quote, a backslash) are quoted the same way, so `git apply`
    /// and GNU patch find the file; our own parser reads them back. Names with spaces end with a tab.
    @Test(arguments: ["dir/tab\tname.txt", "dir/say \"hi\".txt", "dir/back\\slash.txt", "dir/two words.txt"])
    func unusualFileNames(_ path: String) throws {
        let diff = UnifiedDiffWriter().diff(old: "a\nb\n", new: "a\nB\n", path: path)
        let problem = try checkDiffApplies(diff, path: path, original: "a\nb\n", expected: "a\nB\n")
        #expect(problem == nil, "\(problem ?? "")")
        let patches = try Patch.parse(diff)
        #expect(patches.count == 1)
        #expect(try Patch.apply(patches[0], to: "a\nb\n", path: path) == "a\nB\n")
    }

    @Test func equalTextsGiveNoDiff() {
        #expect(UnifiedDiffWriter().diff(old: "a\n", new: "a\n", path: "x").isEmpty)
    }

    @Test func hunkHeadersFollowGNUConventions() {
        let diff = UnifiedDiffWriter().diff(old: "a\n", new: "", path: "x")
        #expect(diff.contains("@@ -1 +0,0 @@"))
    }

    @Test func applierRefusesStaleHunkAndNamesIt() throws {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5", with: "LINE 5")
        let diff = UnifiedDiffWriter().diff(old: old, new: new, path: "f.txt")
        let changed = old.replacingOccurrences(of: "line 4", with: "edited 4")
        let patch = try Patch.parse(diff)[0]
        #expect(throws: PatchError.self) { try Patch.apply(patch, to: changed, path: "f.txt") }
        do {
            _ = try Patch.apply(patch, to: changed, path: "f.txt")
        } catch let e as PatchError {
            #expect(e.message.contains("f.txt: hunk #1"))
        }
    }

    @Test func applierToleratesDeletedHunksAndShiftedText() throws {
        let old = (1...30).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 3\n", with: "LINE 3\n").replacingOccurrences(of: "line 25", with: "LINE 25")
        let full = UnifiedDiffWriter().diff(old: old, new: new, path: "f.txt")
        // Delete the first hunk by hand, as a reviewer would.
        var lines = full.components(separatedBy: "\n")
        let headers = lines.indices.filter { lines[$0].hasPrefix("@@") }
        #expect(headers.count == 2)
        lines.removeSubrange(headers[0]..<headers[1])
        let diff = lines.joined(separator: "\n")
        let patch = try Patch.parse(diff)[0]
        #expect(patch.hunks.count == 1)
        let shifted = "extra\n" + old
        let out = try Patch.apply(patch, to: shifted, path: "f.txt")
        #expect(out == "extra\n" + old.replacingOccurrences(of: "line 25", with: "LINE 25"))
    }
}
