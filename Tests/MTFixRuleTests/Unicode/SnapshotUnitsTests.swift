import MTFix
import Testing

/// The snapshot's UTF-16 units are exactly the string's.
@Suite("Snapshot UTF-16")
struct SnapshotUnitsTests {
    @Test(arguments: ["", "plain", "café – 東京 😀 ❤\r\n", "\u{FEFF}𝔘𝔫𝔦 and ſ", "a\u{0301}\u{200D}b"])
    func sameAsStandardLibrary(_ text: String) {
        #expect(Document(text: text).utf16 == Array(text.utf16))
    }
}
