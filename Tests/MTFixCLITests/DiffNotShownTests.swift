import Foundation
import MTFixTestSupport
import Testing

/// `diff` with findings it does not show (review-level without --unsafe-fixes, report-only): the exit
/// status stays 1 as for `check` (the contract: findings reported), and stderr says why the diff is empty.
@Suite("diff: findings the diff does not show")
struct DiffNotShownTests {
    let split = "Plants line the highway.\n\nResidents say the factories have polluted the groundwater in the\n\nsurrounding farmland.\n"
    let fragment = "Shares rose, but all analysts expected the rally to last into the new year. not\n\nBut they don't say so.\n"

    @Test func reviewOnlyFindingsAreNamedOnStderr() throws {
        let r = try mtfix(["diff", "--no-config", "-"], stdin: split)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "mtfix: 1 finding not in the diff: 1 needs review (--unsafe-fixes adds its edit); 'mtfix check' lists it\n")
        // With --unsafe-fixes the edit is in the diff and nothing is left to explain.
        let u = try mtfix(["diff", "--no-config", "--unsafe-fixes", "-"], stdin: split)
        #expect(u.status == 1 && u.stdout.contains("+Residents say") && u.stderr.isEmpty)
    }

    @Test func reportOnlyFindingsAreNamedOnStderr() throws {
        let r = try mtfix(["diff", "--no-config", "-"], stdin: fragment)
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr.contains("2 findings not in the diff: 2 report only"))
        #expect(try mtfix(["diff", "--no-config", "--unsafe-fixes", "-"], stdin: fragment).stderr.contains("2 report only"))
    }

    /// A review finding on text the diff removes anyway (a caption line without a full stop, which also
    /// looks like a sentence split across paragraphs) is settled by the diff: nothing to point at.
    @Test func findingsTheDiffSettlesAreNotCounted() throws {
        let text = "【大阪共同】知事は３日、記者会見した。\n\n記者団の取材に応じる知事＝３日午後、府庁\n\n会見は短かった。\n"
        let check = try mtfix(["check", "--no-config", "-"], stdin: text)
        #expect(check.stdout.contains("(review)") && check.stdout.contains("(safe)"), "\(check.stdout)")
        let r = try mtfix(["diff", "--no-config", "-"], stdin: text)
        #expect(r.status == 1 && r.stdout.contains("-記者団の取材に応じる知事"))
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }

    @Test func quietAndCleanInputSayNothing() throws {
        #expect(try mtfix(["diff", "--no-config", "--quiet", "-"], stdin: split).stderr.isEmpty)
        let clean = try mtfix(["diff", "--no-config", "-"], stdin: "Plants line the highway.\n")
        #expect(clean.status == 0 && clean.stdout.isEmpty && clean.stderr.isEmpty)
        // Safe fixes alone: the diff shows them all.
        #expect(try mtfix(["diff", "--no-config", "-"], stdin: "Fish &amp; chips.\n").stderr.isEmpty)
    }
}
