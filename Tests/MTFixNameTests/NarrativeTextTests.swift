@testable import MTFixDetectors
import Testing

/// The narrative detectors' UTF-16 helpers against the standard library's answers.
@Suite("Narrative text helpers")
struct NarrativeTextTests {
    @Test(arguments: [
        "", "plain ASCII.", "Müller, Ærø — “quoted” ½", "Москва, 2024 г.", "東京都で会見。", "emoji 👍🏽 and ☃",
        "cafe\u{301} au lait",
    ])
    func stringMatchesDecoding(text: String) {
        let u = Array(text.utf16)
        for lo in 0...u.count {
            for hi in lo...u.count {
                #expect(NarrativeText.string(u, lo..<hi) == String(decoding: u[lo..<hi], as: UTF16.self))
            }
        }
    }

    @Test func loneSurrogatesAreRepairedLikeTheStandardLibrary() {
        let u: [UInt16] = [0x41, 0xD83D, 0x42, 0xDC4D, 0x43]
        #expect(NarrativeText.string(u, 0..<u.count) == String(decoding: u, as: UTF16.self))
    }

    /// Every position of every mark among every filler, from every start, across the four- and eight-unit
    /// blocks of a word-at-a-time scan: `find(u, from, to)` must return the mark's index (or `to`).
    /// With `endingAtMark`, a search that stops right before the mark must also return its end.
    static func expectFindsEvery(
        _ marks: [UInt16], among fillers: [UInt16], endingAtMark: Bool = false, _ find: ([UInt16], Int, Int) -> Int
    ) {
        for filler in fillers {
            for length in 0..<13 {
                let base = [UInt16](repeating: filler, count: length)
                #expect(find(base, 0, length) == length)
                for at in 0..<length {
                    for mark in marks {
                        var u = base
                        u[at] = mark
                        for from in 0...at { #expect(find(u, from, length) == at) }
                        if endingAtMark { #expect(find(u, 0, at) == at) }
                    }
                }
            }
        }
    }

    @Test func nextTerminatorFindsEveryTerminator() {
        NarrativeTextTests.expectFindsEvery(
            [0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F, 0xFF0E], among: [0x61, 0x20, 0x2019, 0x4E00, 0x2C, 0xFF0C, 0x2025, 0x2027],
            endingAtMark: true
        ) { NarrativeText.nextTerminator($0, from: $1, to: $2) }
    }

    @Test func terminatorIndexFindsWhatTheScanFinds() {
        NarrativeTextTests.expectFindsEvery(
            [0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F, 0xFF0E],
            among: [0x61, 0x20, 0x2019, 0x4E00, 0x2C, 0xFF0C, 0x2025, 0x2027, 0x2F, 0x3E, 0x3001, 0xFF00],
            endingAtMark: true
        ) { TerminatorIndex($0).next(from: $1, to: $2) }
        // Texts of every length around the eight-unit blocks, marks at every position.
        for n in 0..<24 {
            for at in 0..<max(n, 1) {
                for mark: UInt16 in [0x2E, 0x3F, 0x2026, 0xFF0E, 0x2F] {
                    var u = [UInt16](repeating: 0x4E00, count: n)
                    if at < n { u[at] = mark }
                    let index = TerminatorIndex(u)
                    #expect(index.offsets == u.indices.filter { NarrativeText.isTerminator(u[$0]) })
                    for from in 0...n { #expect(index.next(from: from, to: n) == NarrativeText.nextTerminator(u, from: from, to: n)) }
                }
            }
        }
    }

    @Test(arguments: [
        "", "Commitment to Neutrality", "it's a well-known co-op, 2024", "Москва — столица.", "東京都で会見。", "東京 Tokyo 大阪",
        "ab東", "\u{2FFF}\u{3000}x", "x👍y", "abc def ghi jkl mno pqr",
    ])
    func countsAgreeWithTheFullScans(text: String) {
        let u = Array(text.utf16)
        for lo in 0...u.count {
            for hi in lo...u.count {
                var cjk = 0
                var letters = 0
                for i in lo..<hi {
                    if NarrativeText.isCJK(u[i]) { cjk += 1 } else if NarrativeText.isLetter(u[i]) { letters += 1 }
                }
                #expect(NarrativeText.isMostlyCJK(u, lo..<hi) == (cjk > letters))
                let n = NarrativeText.words(u, lo..<hi).count
                for limit in 0..<5 { #expect(NarrativeText.wordCount(u, lo..<hi, limit: limit) == min(n, limit)) }
            }
        }
    }

    @Test func nextMarkFindsEveryCommaAndStop() {
        NarrativeTextTests.expectFindsEvery(
            [0x2C, 0x2E, 0x3001, 0x3002, 0xFF0C], among: [0x61, 0x20, 0x2F, 0x3000, 0x3003, 0xFF0D, 0x4E00, 0x2D]
        ) { OrphanPunctuationDetector.nextMark($0, from: $1, to: $2) }
    }

    /// Random text of the units the scans look for among others they must pass over, every start and end:
    /// both scans return what a plain loop over `isTerminator` (or `isComma`/`isStop`) returns.
    @Test func markScansAgreeWithPlainLoops() {
        let pool: [UInt16] = [
            0x2E, 0x21, 0x3F, 0x2C, 0x2026, 0x3001, 0x3002, 0xFF01, 0xFF0C, 0xFF0E, 0xFF1F, 0x61, 0x20, 0x41, 0x30, 0x2019,
            0x4E00, 0x3003, 0xFF0D, 0x2025, 0x2027, 0x2F, 0x3E, 0x0E2E, 0x2E2E, 0xFF2E, 0xD83D, 0xDC4D,
        ]
        var seed: UInt64 = 0x7E57
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<300 {
            let n = next() % 40
            // Mostly letters and spaces, so blocks of eight without a mark occur too.
            let u = (0..<n).map { _ in next() % 3 == 0 ? pool[next() % pool.count] : (next() % 2 == 0 ? 0x61 : 0x20) }
            for from in 0...n {
                for end in from...n {
                    let terminator = (from..<end).first { NarrativeText.isTerminator(u[$0]) } ?? end
                    let mark = (from..<end).first { OrphanPunctuationDetector.isComma(u[$0]) || OrphanPunctuationDetector.isStop(u[$0]) } ?? end
                    #expect(NarrativeText.nextTerminator(u, from: from, to: end) == terminator)
                    #expect(OrphanPunctuationDetector.nextMark(u, from: from, to: end) == mark)
                }
            }
        }
    }
}
