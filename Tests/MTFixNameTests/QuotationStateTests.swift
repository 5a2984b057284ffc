@testable import MTFixDetectors
import Testing

/// `QuotationState` carries its scan from one asked point to the next; each answer must be what a scan
/// from the line start gives.
@Suite("Quotation state")
struct QuotationStateTests {
    @Test func carriedScanEqualsFreshScan() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["\"", "„", "“", "”", "«", "»", "「", "」", "『", "』", "(", " ", "a", "Wort", "1", ".", "’"]
        for _ in 0..<500 {
            let u = Array((0..<Int.random(in: 1...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                .joined().utf16)
            let lineStart = Int.random(in: 0..<u.count, using: &rng)
            var carried = QuotationState(lineStart: lineStart)
            // Mostly ascending points, now and then one going back (the scan starts again).
            var offset = lineStart
            for _ in 0..<12 {
                offset = Int.random(in: 0...3, using: &rng) == 0
                    ? Int.random(in: lineStart...u.count, using: &rng)
                    : min(u.count, offset + Int.random(in: 0...5, using: &rng))
                let fresh = QuotationState.isOpen(u, at: offset, lineStart: lineStart)
                #expect(carried.isOpen(u, at: offset) == fresh, "\(String(decoding: u, as: UTF16.self)) at \(offset)")
            }
        }
    }
}
