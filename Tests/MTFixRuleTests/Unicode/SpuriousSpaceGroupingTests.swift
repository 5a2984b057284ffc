import MTFix
import Testing

/// A line spaced by machine translation is one finding (every gap removed together), not one per space.
@Suite("spurious-space grouping")
struct SpuriousSpaceGroupingTests {
    @Test func oneFindingPerSpacedLine() {
        let text = "首相 は 大統領 と 会談 し 、 合意 し た 。\n\n外相 は 声明 を 出し た 。\n"
        let r = UnicodeRules.fix(text, rules: UnicodeRules.only(.spuriousSpace), language: "ja")
        #expect(r.fixed == "首相は大統領と会談し、合意した。\n\n外相は声明を出した。\n")
        #expect(r.findings.count == 2)
        let first = r.findings.min { $0.range.lowerBound < $1.range.lowerBound }
        // The finding spans the spaced words, so JSON's `original`/`replacement` read as a phrase.
        #expect(first.map { FindingRecord($0, in: r.original, path: "t").original } == "首相 は 大統領 と 会談 し 、 合意 し た 。")
        #expect(first.map { FindingRecord($0, in: r.original, path: "t").replacement } == "首相は大統領と会談し、合意した。")
    }
}
