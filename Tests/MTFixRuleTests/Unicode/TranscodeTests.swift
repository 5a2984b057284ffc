import MTFix
import Testing

/// The engine's one-pass UTF-16 → String transcoder agrees with the standard library, lone surrogates included.
@Suite("UTF-16 transcoding")
struct TranscodeTests {
    @Test(arguments: [
        [UInt16](), Array("plain ASCII".utf16), Array("café – 東京 😀 ❤".utf16), [0x61, 0xD800, 0x62], [0xDC00], [0xD83D],
        [0xD83D, 0xDE00, 0xDE00], Array("\u{FEFF}x\r\n".utf16),
    ])
    func matchesStandardLibrary(_ units: [UInt16]) {
        #expect(Engine.string(fromUTF16: units) == String(decoding: units, as: UTF16.self))
        #expect(Array(Engine.string(fromUTF16: units).utf8) == Array(String(decoding: units, as: UTF16.self).utf8))
    }
}

/// The snapshot's UTF-16 units are exactly the string's.
@Suite("Snapshot UTF-16")
struct SnapshotUnitsTests {
    @Test(arguments: ["", "plain", "café – 東京 😀 ❤\r\n", "\u{FEFF}𝔘𝔫𝔦 and ſ", "a\u{0301}\u{200D}b"])
    func sameAsStandardLibrary(_ text: String) {
        #expect(Document(text: text).utf16 == Array(text.utf16))
    }
}
