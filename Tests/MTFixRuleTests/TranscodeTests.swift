@testable import MTFixCore
import Testing

/// The engine's fast UTF-8 ⇄ UTF-16 loops agree with the standard library.
@Suite("Transcoding")
struct TranscodeTests {
    @Test(arguments: ["", "a", "plain ASCII\r\n", "é ü ß – “quote” €", "首相は２６日", "😀 emoji 👍🏽 flags 🇰🇿", "\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"])
    func roundTrips(_ s: String) {
        #expect(Transcode.utf16(s) == Array(s.utf16))
        #expect(Transcode.string(Array(s.utf16)) == s)
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() {
        let units: [UInt16] = [0x61, 0xD83D, 0x62, 0xDE00, 0xD83D]
        #expect(Transcode.string(units) == String(decoding: units, as: UTF16.self))
    }
}
