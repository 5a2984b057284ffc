import Foundation
import Testing
import Yams

@testable import MTFixRules

/// Rule files are parsed with Yams' basic resolver and booleans are screened before Yams lowercases them:
/// both must read every file exactly as Yams' defaults did.
@Suite("YAML scalars")
struct YAMLScalarTests {
    /// The words and near-misses `Bool.construct` is asked about, in several cases and scripts.
    static let samples = [
        "true", "True", "TRUE", "tRuE", "yes", "Yes", "YES", "on", "On", "ON", "false", "False", "FALSE",
        "no", "No", "NO", "off", "Off", "OFF", "t", "y", "n", "f", "o", "tru", "yess", "nope", "often",
        "offline", "none", "null", "~", "", "1", "0", "-", "Yes.", "on-", "\u{212A}", "\u{212A}no",
        "n\u{212A}", "ＹＥＳ", "İ", "ı", "да", "нет", "はい", "ſ", "o\u{308}n", "ön", "ÖFF", "Österreich",
        "Sen.", "Gov.", "de", "la", "the", "Minister", "Prime Minister", "yes sir", "ON\u{301}",
    ]

    @Test func booleansReadAsBoolConstructReadsThem() {
        for text in Self.samples {
            let scalar = Node.Scalar(text, Tag(.implicit, .basic), .plain)
            #expect(YAMLTree.bool(scalar) == Bool.construct(from: scalar), "\(text.debugDescription)")
        }
    }

    /// `YAMLTree.bool` skips text starting with any non-ASCII character but the Kelvin sign: no other
    /// lowercases to text canonically equivalent to ASCII letters.
    @Test func onlyTheKelvinSignLowercasesToASCIILetters() {
        var found: [UInt32] = []
        for v in UInt32(0x80)..<0x110000 {
            guard let s = Unicode.Scalar(v) else { continue }
            let nfd = String(s).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
            if nfd.allSatisfy({ $0.isASCII }) && nfd.contains(where: { $0.properties.isAlphabetic }) { found.append(v) }
        }
        #expect(found == [0x212A])
    }

    /// A mapping read as text gives the value of its `=` key, as Yams' `string` does with the default
    /// resolver; a quoted or tagged `=` is no such key.
    @Test func valueKeysAsWithTheDefaultResolver() throws {
        let docs = [
            "a: {=: x, b: y}", "a: {b: y, =: x}", "a: {'=': x}", "a: {!!str =: x}", "a: {!!value v: x}",
            "a: {= : {=: deep}}", "a: plain", "a: [1, 2]", "a: {b: c}", "a: {\"=\": x}", "a: {==: x}",
        ]
        for doc in docs {
            let basic = try #require(try Yams.compose(yaml: doc, .basic)?.field("a"))
            let standard = try #require(try Yams.compose(yaml: doc)?.field("a"))
            #expect(basic.text == standard.string, "\(doc)")
        }
    }
}
