import Foundation
import MTFix
import MTFixTestSupport
import Testing

/// ftfy's own mojibake test cases (`../shared/benchmarks/ftfy-cases.json`), run through the mojibake
/// rules alone. Skipped when `../shared` is absent.
@Suite("ftfy benchmark")
struct FTFYBenchmarkTests {
    struct Case: Decodable {
        let id: String
        let category: String
        let original: String
        let fixed: String
        let fixedEncoding: String?
        enum CodingKeys: String, CodingKey {
            case id, category, original, fixed
            case fixedEncoding = "fixed-encoding"
        }
        /// ftfy's `fixed` also uncurls quotes and the like; the encoding-only answer is what we aim at.
        var expected: String { fixedEncoding ?? fixed }
    }

    static func cases() throws -> [Case]? {
        guard let shared = TestPaths.shared else { return nil }
        let url = shared.appendingPathComponent("benchmarks/ftfy-cases.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try JSONDecoder().decode([Case].self, from: data)
    }

    /// Pass counts per set; the floors are what the rules achieve today (ftfy itself: 70/70, 30/30), so
    /// a regression fails the test. Negative cases must all come back exactly as ftfy expects.
    @Test func scores() throws {
        guard let cases = try FTFYBenchmarkTests.cases() else { return }
        let rules = UnicodeRules.only(.mojibake)
        var pass: [String: Int] = [:]
        var total: [String: Int] = [:]
        var failedNegatives: [String] = []
        for c in cases {
            let got = UnicodeRules.fix(c.original, rules: rules).fixed
            total[c.category, default: 0] += 1
            if got == c.expected { pass[c.category, default: 0] += 1 } else if c.category == "negative" { failedNegatives.append(c.id) }
        }
        for set in total.keys.sorted() { print("ftfy \(set): \(pass[set] ?? 0)/\(total[set]!)") }
        #expect((pass["in-the-wild"] ?? 0) >= 70)
        #expect((pass["synthetic"] ?? 0) >= 30)
        #expect(failedNegatives.isEmpty, "changed negative cases: \(failedNegatives)")
    }

    /// Text that is not mojibake (every negative case whose expected text equals its input) is not touched
    /// by any of the Unicode rules' mojibake category, byte for byte.
    @Test func negativesUntouched() throws {
        guard let cases = try FTFYBenchmarkTests.cases() else { return }
        for c in cases where c.category == "negative" && c.expected == c.original {
            let r = UnicodeRules.fix(c.original, rules: UnicodeRules.only(.mojibake))
            #expect(r.fixed == c.original, "\(c.id)")
            #expect(r.findings.isEmpty, "\(c.id)")
        }
    }
}
