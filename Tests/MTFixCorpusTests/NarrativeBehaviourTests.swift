import Foundation
import MTFix
import Testing

/// What the sentence-level detectors promise beyond their examples: nothing lost, nothing edited that
/// needs an editor, and clean look-alikes left alone with every bundled rule and language detection.
@Suite("Narrative detectors")
struct NarrativeBehaviourTests {
    static let checker = CorpusRun.checker

    @Test func captionFindingCarriesTheRemovedText() {
        let text = "The talks ended.\n\nTrade Talks Tokyo\nMinisters pose before their meeting in Tokyo, Japan, May 6, 2024. (AP Photo)\n\nThe next round is in June.\n"
        let r = Self.checker.run(text)
        let f = r.findings.first { $0.category == .caption }
        #expect(f?.evidence["removed"] == "Trade Talks Tokyo\nMinisters pose before their meeting in Tokyo, Japan, May 6, 2024. (AP Photo)\n\n")
        #expect(r.fixed == "The talks ended.\n\nThe next round is in June.\n")
        #expect(r.original.position(at: f!.range.lowerBound).line == 3)
    }

    @Test func strayFragmentsAreNeverEdited() {
        let text = "Officials said the ban had broad support among all member states in the region. not\n\nBut they don’t enforce it.\n"
        let r = Engine(rules: CorpusRun.rules, applyLevel: .review).run(text, language: "en")
        let stray = r.findings.filter { $0.category == .strayFragment }
        #expect(stray.count == 2)
        #expect(stray.allSatisfy { $0.edits.isEmpty && $0.safety == .report })
        #expect(r.fixed == text)
    }

    @Test func splitSentenceIsJoinedOnlyAtReviewLevel() {
        let text = "Plants line the highway.\n\nResidents say the factories have strained water supplies and polluted the groundwater in the\n\nsurrounding farmland.\n"
        #expect(Self.checker.run(text).fixed == text)
        let joined = Checker(rules: CorpusRun.rules, options: CheckOptions(applyLevel: .review)).run(text).fixed
        #expect(joined == "Plants line the highway.\n\nResidents say the factories have strained water supplies and polluted the groundwater in the surrounding farmland.\n")
    }

    /// Look-alikes of every narrative category in clean copy.
    static let cleanLookAlikes: [String] = [
        "WASHINGTON (AP) — The Senate passed the bill on Tuesday.\n\nThe Associated Press contributed to this report.\n",
        "“It is a priority,” he added. “We will not wait.”\n\nHe added that talks would resume.\n",
        "Added time was eight minutes.\n\nThe crowd chanted “Stop the war now. Stop the war now.” outside.\n",
        "Officials cited several reasons, e.g. rising costs and delays. The meeting ended at 5 p.m. local time.\n",
        "Commitment to Neutrality\n\nThe region has long been close to Moscow, officials said.\n",
        "From left to right on the bench sat three judges.\n\nA photograph shown in court was blurred.\n",
        "In a statement, the company said:\n\n“We will appeal.\n\n“We believe the court erred.”\n",
        "BERLIN (dpa) — Der Bundestag hat das Gesetz am Freitag beschlossen, sagte er.\n\n„Das ist gut“, fügte er hinzu.\n",
        "PARIS (AFP) - Le gouvernement a présenté son budget. Quelle surprise ! Il a dit : « non ».\n\n(Avec AFP)\n",
        "«Lo más urgente es el agua», agregó. Llegaron aprox. cien personas.\n",
        "МОСКВА, 3 мая. /ТАСС/. Завод выпустит 30 тыс. машин в год, — добавил он.\n",
        "【ワシントン共同】米政府は２日、新たな制裁を発表した。「計画は変えない」と付け加えた。\n\nＳＭＢＣは２６日、決算を発表した。\n",
        "新华社北京6月3日电 国务院新闻办公室3日举行发布会。“合作前景广阔。”他补充说。\n\n（完）\n",
        "Apple launched the new iPhone. iPhone sales rose.\n\nHe has Ph.D. level training.\n",
    ]

    @Test(arguments: cleanLookAlikes)
    func cleanLookAlikeIsUntouched(_ text: String) {
        let r = Self.checker.run(text)
        #expect(r.findings.isEmpty, "\(r.findings.map { "\($0.rule) \(r.original.string($0.range))" })")
        #expect(r.fixed == text)
    }
}
