import Foundation
import MTFix
import Testing

/// Time of each narrative detector on one snapshot, to show cost is linear in document length.
/// Runs only when `MTFIX_BENCH_FILE` names a text file (use a release build: `swift test -c release`).
@Suite("Detector cost")
struct DetectorCostTests {
    static let file = ProcessInfo.processInfo.environment["MTFIX_BENCH_FILE"]
    static let narrative: Set<Category> = [
        .brokenAttribution, .echoFragment, .strayFragment, .splitSentence, .orphanPunctuation, .duplicateSentence,
        .caption,
    ]

    @Test(.enabled(if: file != nil)) func costPerDetector() throws {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: Self.file!)), as: UTF8.self)
        let lang = LanguageDetector.detect(text)
        var t0 = Date()
        let doc = Document(text: text, language: lang)
        _ = doc.words
        var report = String(format: "%@: %d bytes, document %.1f ms\n", Self.file!, text.utf8.count, Date().timeIntervalSince(t0) * 1000)
        var total = 0.0
        for rule in CorpusRun.rules where Self.narrative.contains(rule.descriptor.category) && rule.descriptor.applies(to: lang) {
            t0 = Date()
            let n = rule.check(doc, context: RuleContext()).count
            let ms = Date().timeIntervalSince(t0) * 1000
            total += ms
            report += String(format: "  %-24@ %8.1f ms  %5d findings\n", rule.descriptor.id, ms, n)
        }
        report += String(format: "  narrative detectors total %.1f ms\n", total)
        print(report)
    }
}
