import MTFixCore
import Testing

@testable import MTFixDetectors

/// `NameOptions.joins` answers ASCII units from a mask: it must say for every unit what the set of joiner
/// characters says (canonical equivalents such as `;` for the Greek question mark included).
@Suite("Name joiners")
struct NameJoinerTests {
    static func options(_ joiners: [String]?) -> NameOptions {
        var pairs: [(key: String, value: ConfigValue)] = [(key: "script", value: .string("cased"))]
        if let joiners { pairs.append((key: "joiners", value: .list(joiners.map { .string($0) }))) }
        return NameOptions(.map(pairs))
    }

    /// What linking chains asked before: a space, or the unit as a character among the joiners.
    static func plain(_ o: NameOptions, _ u: UInt16) -> Bool {
        u == 0x20 || o.joiners.contains(Character(Unicode.Scalar(u) ?? " "))
    }

    @Test(arguments: [nil, ["-"], ["-", "・", "·"], ["\u{37E}", "/", "@", "\u{7F}", "\u{1FEF}"], [" "], []] as [[String]?])
    func everyUnitAsTheSetSays(joiners: [String]?) {
        let o = NameJoinerTests.options(joiners)
        var differ: [UInt16] = []
        for u in 0...UInt16.max where o.joins(u) != NameJoinerTests.plain(o, u) { differ.append(u) }
        #expect(differ.isEmpty, "\(differ.prefix(5))")
    }

    /// A joiner the set holds only as a canonical equivalent of an ASCII unit (`;`, written as the Greek
    /// question mark) joins at that unit too, though no joiner's own scalar is that unit.
    @Test func canonicalEquivalentsJoin() {
        let o = NameJoinerTests.options(["\u{37E}"])
        #expect(!o.joiners.contains { $0.unicodeScalars.first?.value == 0x3B })
        #expect(NameJoinerTests.plain(o, 0x3B))
        #expect(o.joins(0x3B))
    }
}
