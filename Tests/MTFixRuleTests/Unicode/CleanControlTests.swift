import MTFix
import Testing

/// Clean text that looks like damage to a careless Unicode fixer must come back byte-identical, with no
/// finding, from every encoding/Unicode rule together.
@Suite("Unicode clean controls")
struct CleanControlTests {
    struct Control: CustomTestStringConvertible, Sendable {
        let name: String
        let language: String
        let text: String
        var testDescription: String { name }
    }

    static let controls: [Control] = [
        Control(name: "Japanese full-width digits and letters", language: "ja", text: "ＳＭＢＣは２６日、３．５％の利上げを発表した。（共同）\n"),
        Control(name: "Japanese with Latin words and spaces", language: "ja", text: "首相は Apple の CEO と会談した。価格は1,000円、3.5%増。\n"),
        Control(name: "Chinese with one deliberate space", language: "zh", text: "新华社北京6月12日电（记者 赵磊）出口量达到78.6万辆，同比增长28%。\n"),
        Control(name: "Korean word spacing", language: "ko", text: "대통령은 오늘 기자회견에서 새로운 정책을 발표했다.\n"),
        Control(name: "Persian ZWNJ", language: "fa", text: "می\u{200C}خواهم کتاب\u{200C}ها را بخوانم.\n"),
        Control(name: "Hindi ZWJ", language: "hi", text: "क्\u{200D}ष और हिन्दी भाषा\n"),
        Control(name: "Emoji ZWJ sequences", language: "en", text: "Family 👨\u{200D}👩\u{200D}👧 and 🏳\u{FE0F}\u{200D}🌈 flags, 👍🏽.\n"),
        Control(name: "Portuguese capitals", language: "pt", text: "SÃO PAULO — NÃO HÁ ACORDO, disse o ministro. C O N C L U S Ã O\n"),
        Control(name: "French capitals", language: "fr", text: "CHÂTEAU DE VERSAILLES : À PARIS, L’ÉTÉ DÉJÀ CHAUD… « Ça va », dit-il.\n"),
        Control(name: "German eszett and umlauts", language: "de", text: "Die Straße in Düsseldorf: „Größer“ ist nicht besser – sagt Jürgen Müller.\n"),
        Control(name: "Russian with prepositions and quotes", language: "ru", text: "В Москве в «СКА Арене» — матч ТВ. Г. Иванов, в 2020 г. ВІКІ\n"),
        Control(name: "Greek and math symbols", language: "en", text: "A 5Ω resistor, 3 μm wires, β-blockers, (-1/2)! = √π, 2012—∞, 4288×…\n"),
        Control(name: "Ampersands and HTML-like text", language: "en", text: "AT&T and Procter & Gamble; C++ & Rust; <p>Fish &amp; chips</p>\n"),
        Control(name: "CRLF file", language: "en", text: "Line one.\r\nLine two, café.\r\n"),
        Control(name: "BOM at start", language: "en", text: "\u{FEFF}A file with its byte-order mark.\n"),
        Control(name: "Spanish inverted marks", language: "es", text: "¡Hola! ¿QUÉ PASÓ? ESSE CARA AI QUEM É¿ AÑOS\n"),
        Control(name: "Mixed product codes", language: "en", text: "iPhone 15, iPad, ВАЗ-2107, X5-Б, NESTLÉ®, MARQUÉ…\n"),
    ]

    @Test(arguments: controls)
    func unchanged(_ c: Control) {
        let r = UnicodeRules.fix(c.text, language: c.language)
        #expect(Array(r.fixed.utf8) == Array(c.text.utf8))
        #expect(r.findings.isEmpty, "\(r.findings.map { "\($0.rule) \($0.range)" })")
    }

    @Test func crlfStaysCRLFWhileRepairing() {
        let r = UnicodeRules.fix("caf\u{00C3}\u{00A9} and de\u{200B}cision\r\nsecond line\r\n")
        #expect(r.fixed == "café and decision\r\nsecond line\r\n")
    }

    @Test func mixedDocumentIsRepairedPiecewise() {
        let text = "Clean: café, naïve, Straße.\nBroken: cafÃ© and â€œquotesâ€\u{9D}.\n"
        let r = UnicodeRules.fix(text)
        #expect(r.fixed == "Clean: café, naïve, Straße.\nBroken: café and “quotes”.\n")
    }

    @Test func bidiOverrideIsAnError() {
        let r = UnicodeRules.fix("grant \u{202E}txt.exe")
        let f = r.findings.first { $0.rule == "bidi-control" }
        #expect(f?.severity == .error)
        #expect(r.fixed == "grant txt.exe")
    }

    @Test func mixedLineEndingsAreReportedNotRewritten() {
        let text = "one\r\ntwo\r\nthree\nfour\r\n"
        let r = UnicodeRules.fix(text)
        #expect(r.fixed == text)
        let f = r.findings.filter { $0.rule == "line-break" }
        #expect(f.count == 1)
        #expect(f.first?.safety == .report)
    }

    @Test func lineSeparatorsAreReported() {
        let r = UnicodeRules.fix("one\u{2028}two\u{2029}three\rfour")
        #expect(r.findings.filter { $0.rule == "line-break" }.count == 3)
    }
}
