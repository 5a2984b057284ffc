@testable import MTFixDetectors
import MTFixICU
import Testing

/// The Han reading table gives exactly the letters ICU's transliterator gives, so name keys do not change.
@Suite("Han readings")
struct HanReadingsTests {
    let table = HanReadings.bundled

    /// The ASCII letters of a transliteration: all a name key reads of it.
    static func letters(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        bytes.filter { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
    }

    /// Every character the table covers, in code point order.
    var covered: [Unicode.Scalar] {
        (HanReadings.start..<HanReadings.end).compactMap { v in table.reading(v).map { _ in Unicode.Scalar(v)! } }
    }

    @Test func everyEntryIsWhatICUMakesOfTheCharacter() throws {
        let icu = try Transliterator("Any-Latin; Latin-ASCII")
        let chars = covered
        #expect(chars.count > 10_000)
        for c in chars {
            #expect(Array(icu.transliterate(String(c)).utf8) == table.reading(c.value), "\(c)")
        }
    }

    /// ICU's Han-Latin reads a character by its neighbours only in rules with a context, all of the form
    /// `{重}' '?庆 > chóng;`, which the table lists with the same reading; every other rule reads one
    /// character of a set.
    @Test func hanLatinReadsTableCharactersAloneOrByTheListedContext() throws {
        let icu = try Transliterator("Any-Latin; Latin-ASCII")
        let rules = try Transliterator("Han-Latin").rules
        var contextRules = 0
        var setRules = 0
        for line in rules.split(separator: "\n") where !line.hasPrefix("::") {
            if line.contains("{") {
                let s = Array(line.unicodeScalars)
                let shaped = s.count > 10 && s[0] == "{" && s[2] == "}" && String(String.UnicodeScalarView(s[3..<7])) == "' '?"
                    && String(String.UnicodeScalarView(s[8..<11])) == " > " && s.last == ";"
                #expect(shaped, "unexpected Han-Latin rule: \(line)")
                guard shaped else { continue }
                contextRules += 1
                let rule = try #require(table.context[s[1].value], "\(line)")
                #expect(rule.follower == s[7].value, "\(line)")
                #expect(Array(icu.transliterate(String(String.UnicodeScalarView(s[11..<(s.count - 1)]))).utf8) == rule.reading, "\(line)")
                continue
            }
            // `[set] > reading;` with no string (`{ab}`) or nested set in the set.
            let isSetRule = line.hasPrefix("[") && line.hasSuffix(";") && line.contains("] > ")
                && !line.dropFirst().prefix(while: { $0 != "]" }).contains(where: { "[{}".contains($0) })
            #expect(isSetRule, "unexpected Han-Latin rule: \(line)")
            setRules += 1
        }
        #expect(contextRules == table.context.count && contextRules > 0 && setRules > 300)
    }

    /// Random names of table characters, ASCII letters, spaces and hyphens: the table's letters are ICU's,
    /// and so are the name keys.
    @Test func namesGetICUsLettersAndKeys() throws {
        let icu = try Transliterator("Any-Latin; Latin-ASCII")
        // Characters read by context and their followers, often, so each context occurs with and without a space.
        let contexts = table.context.flatMap { [Unicode.Scalar($0.key)!, Unicode.Scalar($0.value.follower)!] }
        let han = covered + Array(repeating: contexts, count: 200).joined()
        let ascii = Array("AbZ qX-.'1  ".unicodeScalars)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let cache = NameKeyCache(folds: [])
        for _ in 0..<3_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<(1 + next(7)) { s.append(next(5) == 0 ? ascii[next(ascii.count)] : han[next(han.count)]) }
            let name = String(s)
            let expected = Array(icu.transliterate(name).utf8)
            let read = try #require(table.transliterate(name))
            #expect(Self.letters(read) == Self.letters(expected), "\(name)")
            #expect(cache.key(name) == NameKey(folded: NameKey.fold(ascii: expected)), "\(name)")
        }
    }

    @Test func charactersOutsideTheTableGoToICU() {
        #expect(table.transliterate("重庆").map(Self.letters) == Array("chongqing".utf8))
        #expect(table.transliterate("重 庆").map(Self.letters) == Array("chongqing".utf8))
        #expect(table.transliterate("重要").map(Self.letters) == Array("zhongyao".utf8))
        #expect(table.transliterate("谢尔盖·拉夫罗夫") == nil)  // the middle dot is not in the table
        #expect(table.transliterate("ラブロフ") == nil)
        #expect(table.transliterate("拉夫罗夫").map(Self.letters) == Array("lafuluofu".utf8))
    }
}
