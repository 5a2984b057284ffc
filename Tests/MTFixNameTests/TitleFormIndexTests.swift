import Testing

@testable import MTFixDetectors

/// The table of title forms by last unit lists exactly the forms ending with each unit, in order.
@Suite("Title form index")
struct TitleFormIndexTests {
    static func forms(_ texts: [String]) -> [TitleOptions.Form] {
        texts.map { TitleOptions.Form(office: $0, text: $0, units: TitleOptions.lower(Array($0.utf16))) }
            .sorted { $0.units.count > $1.units.count }
    }

    @Test func formsAreListedByTheirLastUnit() {
        let forms = Self.forms(["Prime Minister", "Minister", "President", "Vice President", "Mayor", "首相", "министра", "Gov."])
        let index = TitleFormIndex(forms)
        #expect(!index.everywhere)
        for u in Set(forms.map { $0.units.last! }).union([0x41, 0x7A, 0xFFFF, 0]) {
            let expected = forms.indices.filter { forms[$0].units.last == u }
            #expect(index.ending(with: u).map(Int.init) == expected, "unit \(u)")
        }
    }

    /// `mayEnd` is a filter: it may let a position through that ends no form, never the end of one (short
    /// forms, told by their last unit, included), whatever the units written before the form.
    @Test func noFormEndIsFilteredOut() {
        let texts = ["Prime Minister", "Minister", "Mayor", "首相", "大統領", "министра", "Gov.", "Dr", "pm", "S", "外相", "Ж"]
        let forms = Self.forms(texts)
        let index = TitleFormIndex(forms)
        var missed: [String] = []
        for f in forms {
            for before in [[], [0x20], [0x61, 0x20], [0x0413, 0x2D], [0x3000, 0x306E, 0x5B89]] as [[UInt16]] {
                let units = before + f.units
                if !index.mayEnd(tail: TitleFormIndex.tail(units, end: units.count), last: units.last!) { missed.append(f.text) }
            }
        }
        #expect(missed.isEmpty, "\(missed)")
    }

    @Test func anEmptyFormEndsEverywhere() {
        #expect(TitleFormIndex(Self.forms(["Mayor", ""])).everywhere)
    }
}
