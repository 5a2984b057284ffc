import Foundation
import MTFix
import MTFixTestSupport
import Testing

/// An article with three hunks from three existing rules (html-entity twice, broken attribution once).
let threeHunkArticle = """
    Intro line.
    Fish &amp; chips.
    A
    B
    C
    D
    E
    F
    G
    “Fine,” he said. Added.
    H
    I
    J
    K
    L
    M
    N
    Rock &amp; roll &ndash; yes.

    """

/// Builds a review file for `text` with the bundled rules.
func reviewFile(_ text: String, path: String = "story.txt") throws -> ReviewSession.File {
    let checker = Checker(rules: try Toolkit.loadRules(), options: CheckOptions(language: "en"))
    let result = checker.run(text)
    return ReviewSession.File(path: path, original: text, diff: LabelledDiff(result, path: path))
}

/// Scripted answers and a captured transcript.
final class Script {
    var answers: [String]
    var transcript = ""
    init(_ answers: [String]) { self.answers = answers }
    func session(editor: ((String) -> String?)? = nil) -> ReviewSession {
        ReviewSession(
            input: { [self] in answers.isEmpty ? nil : answers.removeFirst() },
            output: { [self] in transcript += $0 }, editor: editor)
    }
}

@Suite("review: the hunk-by-hunk loop with scripted answers")
struct ReviewSessionTests {
    @Test func acceptFirstTwoRejectThird() throws {
        let file = try reviewFile(threeHunkArticle)
        #expect(file.diff.hunks.count == 3)
        let script = Script(["y", "y", "n"])
        let r = try script.session().review(file)
        #expect(r.accepted == 2 && r.rejected == 1 && !r.quit)
        let text = try #require(r.text)
        #expect(text.contains("Fish & chips.") && text.contains("he added.") && text.contains("Rock &amp; roll"))
        // The diff from the original is exactly the first two hunks of the proposal.
        let got = UnifiedDiffWriter().diff(old: threeHunkArticle, new: text, path: "story.txt")
        let want = file.diff.fileHeader + file.diff.hunks[0].body.joined() + file.diff.hunks[1].body.joined()
        #expect(stripHeaders(got) == stripHeaders(want))
        #expect(script.transcript.contains(" (broken-attribution): "))
        #expect(script.transcript.contains("(3/3) Apply this hunk [y,n,e,a,d,s,q,?]? "))
    }

    @Test func rejectAllLeavesNoText() throws {
        let r = try Script(["n", "n", "n"]).session().review(try reviewFile(threeHunkArticle))
        #expect(r.text == nil && r.rejected == 3)
    }

    @Test func helpThenUnknownAnswerAskAgain() throws {
        let script = Script(["?", "x", "y", "n", "n"])
        let r = try script.session().review(try reviewFile(threeHunkArticle))
        #expect(r.accepted == 1)
        #expect(script.transcript.components(separatedBy: "q - quit").count == 3)
        #expect(script.transcript.components(separatedBy: "(1/3) Apply").count == 4)
    }

    @Test func acceptAllOfThisRuleAppliesLaterHunksOfTheRule() throws {
        // Hunk 1 (html-entity): a; hunk 2 (broken attribution): n; hunk 3 (html-entity) is applied without asking.
        let script = Script(["a", "n"])
        let r = try script.session().review(try reviewFile(threeHunkArticle))
        #expect(r.accepted == 2 && r.rejected == 1)
        #expect(!script.transcript.contains("(3/3) Apply"))
        let text = try #require(r.text)
        #expect(text.contains("Rock & roll – yes.") && text.contains("he said. Added."))
    }

    @Test func leaveRestOfFileKeepsEarlierAnswers() throws {
        let r = try Script(["y", "d"]).session().review(try reviewFile(threeHunkArticle))
        #expect(r.accepted == 1 && r.rejected == 2 && !r.quit)
        #expect(r.text?.contains("he said. Added.") == true && r.text?.contains("Fish & chips.") == true)
    }

    /// `s` on a hunk whose changes are on adjacent lines says it cannot split it and asks again, never
    /// dropping the later hunks behind the user's back.
    @Test func splitKeyOnAnUnsplittableHunkAsksAgain() throws {
        let script = Script(["s", "y", "y", "y"])
        let r = try script.session().review(try reviewFile(threeHunkArticle))
        #expect(r.accepted == 3 && r.rejected == 0)
        #expect(script.transcript.contains(ReviewSession.noSplit))
        #expect(script.transcript.components(separatedBy: "(1/3) Apply").count == 3)
    }

    /// A hunk holding several repairs (two rules here) splits at the unchanged line between them; each
    /// part is accepted or refused alone, and what is applied is exactly the accepted part.
    @Test func splitAcceptsOneRepairOfAHunk() throws {
        let text = "Intro line.\nFish &amp; chips.\nPlain line.\n“Fine,” he said. Added.\nLast line.\n"
        let file = try reviewFile(text)
        #expect(file.diff.hunks.count == 1)
        #expect(file.diff.hunks[0].rules.count == 2)
        let script = Script(["s", "n", "y"])
        let r = try script.session().review(file)
        #expect(r.accepted == 1 && r.rejected == 1)
        #expect(r.text == "Intro line.\nFish &amp; chips.\nPlain line.\n“Fine,” he added.\nLast line.\n")
        #expect(script.transcript.contains("Split into 2 hunks.\n"))
        #expect(script.transcript.contains("@@ -1,3 +1,3 @@ html-entity\n"), "\(script.transcript)")
        #expect(script.transcript.contains("(1.2/1) Apply this part [y,n,e,a,d,q,?]? "))
        // The other way round, and both.
        #expect(try Script(["s", "y", "n"]).session().review(file).text == "Intro line.\nFish & chips.\nPlain line.\n“Fine,” he said. Added.\nLast line.\n")
        #expect(try Script(["s", "y", "y"]).session().review(file).text == (try Script(["y"]).session().review(file).text))
        #expect(try Script(["s", "n", "n"]).session().review(file).text == nil)
        // e edits one part's new text only.
        let edit = try Script(["s", "e", "Fish and chips.", "n"]).session().review(file)
        #expect(edit.text == "Intro line.\nFish and chips.\nPlain line.\n“Fine,” he said. Added.\nLast line.\n")
    }

    @Test func quitAppliesWhatWasAcceptedAndStops() throws {
        let r = try Script(["n", "y", "q"]).session().review(try reviewFile(threeHunkArticle))
        #expect(r.quit && r.accepted == 1)
        #expect(r.text?.contains("he added.") == true && r.text?.contains("Fish &amp; chips.") == true)
    }

    @Test func endOfInputQuits() throws {
        let r = try Script(["y"]).session().review(try reviewFile(threeHunkArticle))
        #expect(r.quit && r.accepted == 1)
    }

    @Test func editWithPromptLines() throws {
        // Hunk 2's new side has 7 lines; only the changed one is typed anew, the others are kept (empty answer).
        let script = Script(["n", "e", "", "", "", "“Fine,” he insisted.", "", "", "", "n"])
        let r = try script.session().review(try reviewFile(threeHunkArticle))
        let text = try #require(r.text)
        #expect(text.contains("\nG\n“Fine,” he insisted.\nH\n"))
        #expect(text.contains("Fish &amp; chips."))
    }

    @Test func editWithAnEditor() throws {
        var seen = ""
        let script = Script(["e", "n", "n"])
        let session = script.session { text in
            seen = text
            return text.replacingOccurrences(of: "Fish & chips.", with: "Fish and chips.")
        }
        let r = try session.review(try reviewFile(threeHunkArticle))
        #expect(seen == "Intro line.\nFish & chips.\nA\nB\nC\n")
        #expect(r.text?.hasPrefix("Intro line.\nFish and chips.\nA\n") == true)
    }

    @Test func cancelledEditAsksAgain() throws {
        let script = Script(["e", "y", "n", "n"])
        let r = try script.session { _ in nil }.review(try reviewFile(threeHunkArticle))
        #expect(script.transcript.contains("Edit cancelled."))
        #expect(r.accepted == 1)
    }

    @Test func lastLineWithoutNewlineSurvivesEditing() throws {
        let text = "A\nFish &amp; chips."
        let script = Script(["e"])
        let r = try script.session { $0.replacingOccurrences(of: "&", with: "and") }.review(try reviewFile(text))
        #expect(r.text == "A\nFish and chips.")
    }
}

/// Drops the `---`/`+++` lines and hunk headers (whose numbers shift once a hunk is left out).
func stripHeaders(_ diff: String) -> String {
    diff.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("@@") && !$0.hasPrefix("---") && !$0.hasPrefix("+++") }.joined(separator: "\n")
}
