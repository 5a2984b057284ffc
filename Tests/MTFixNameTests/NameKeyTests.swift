@testable import MTFixDetectors
import Testing

/// The confusion-folded key: transliteration look-alikes meet, distinct names stay apart.
@Suite("Name keys")
struct NameKeyTests {
    let maker = NameKeyMaker(folds: [])

    func same(_ a: String, _ b: String) -> Bool { maker.key(a).matches(maker.key(b)) }

    @Test(arguments: [
        ("Kovalenko", "Kovarenko"), ("Wanderhoek", "Vanderhoek"), ("Ritsner", "Ritzner"), ("Petrossian", "Petrosian"),
        ("Aliyev", "Aliev"), ("Kouyate", "Kuyate"), ("Cho", "Jo"), ("Zhang", "Jang"), ("Weiming", "Weimin"),
        ("Mirabeau", "Milabeau"), ("Tsvetkova", "Zvetkova"),
    ])
    func confusionsMeet(_ pair: (String, String)) {
        #expect(same(pair.0, pair.1), "\(pair.0) / \(pair.1)")
    }

    @Test(arguments: [
        ("Iran", "Iraq"), ("Austria", "Australia"), ("Slovakia", "Slovenia"), ("Park", "Parks"), ("Sweden", "Swedes"),
        ("Maria", "Mario"), ("Hassan", "Hussein"), ("Jahr", "Jahre"), ("Un", "Yo"), ("Novak", "Nowicki"),
        ("Meteorologen", "Meteorologie"), ("Tileson", "Tillotson"),
    ])
    func distinctNamesStayApart(_ pair: (String, String)) {
        #expect(!same(pair.0, pair.1), "\(pair.0) / \(pair.1)")
    }

    @Test func cyrillicSpellingsAreTransliteratedFirst() {
        #expect(same("Соколовская", "Соколовськая"))
        #expect(!same("Москва", "Маска"))
        #expect(same("Хайбинь", "Хайбин"))
    }

    @Test func katakanaFoldsApplyBeforeTransliteration() {
        let ja = NameKeyMaker(folds: [("ヴェ", "ベ"), ("ティ", "チ"), ("ー", "")])
        #expect(ja.key("ヴェルナー").matches(ja.key("ベルナー")))
        #expect(ja.key("マルティネス").matches(ja.key("マルチネス")))
        #expect(!ja.key("イラン").matches(ja.key("イラク")))
    }
}
