import Foundation
import Testing

@testable import MTFixCore

/// `UTF8Check.decode` validates on its own (eight ASCII bytes at a time, then sequence by sequence):
/// it must accept exactly what the standard library accepts and name the first bad byte.
@Suite("UTF-8 validation agrees with the standard library")
struct UTF8CheckTests {
    /// Bytes to build inputs from: ASCII, every kind of lead byte, continuations, and the edges of
    /// overlong forms, surrogates and the top of Unicode.
    static let pieces: [[UInt8]] = [
        [0x61], [0x20], [0x0A], [0x00], [0x7F], Array("Grüße ".utf8), Array("Москва".utf8), Array("東京の".utf8),
        Array("😀".utf8), Array("abcdefghijk".utf8), [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xC2, 0x80],
        [0xDF, 0xBF], [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
        [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x98],
        // Runs of two-byte characters (checked four at a time) broken by an overlong or cut sequence.
        Array("дд".utf8), Array("жжж".utf8), Array("ддд".utf8) + [0xC1, 0x81], Array("дд".utf8) + [0xD0, 0x41],
    ]

    /// The first offset where a byte does not start a well-formed sequence, byte by byte.
    static func reference(_ b: [UInt8]) -> Int {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var lo: UInt8 = 0x80
            var hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return i
            }
            for k in 1...need {
                guard i + k < b.count else { return i }
                let x = b[i + k]
                if k == 1 { if x < lo || x > hi { return i } } else if x < 0x80 || x > 0xBF { return i }
            }
            i += need + 1
        }
        return b.count
    }

    @Test func randomInputsMatchTheStandardLibrary() {
        var state: UInt64 = 17
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            // Mostly valid pieces, so that a bad one sits at any distance from the start.
            for _ in 0..<(next() % 30) {
                let k = next() % 4 == 0 ? next() % Self.pieces.count : next() % 10
                bytes += Self.pieces[k]
            }
            let expected = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
            switch bytes.withUnsafeBytes({ UTF8Check.decode($0) }) {
            case .success(let s):
                #expect(expected.map { $0.isIdentical(to: s) } == true, "\(bytes)")
                #expect(s.utf8.count == bytes.count)
            case .failure(let bad):
                #expect(expected == nil, "\(bytes)")
                #expect(bad.offset == Self.reference(bytes), "\(bytes)")
            }
        }
    }
}
