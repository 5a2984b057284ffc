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

    @Test func anEmptyFormEndsEverywhere() {
        #expect(TitleFormIndex(Self.forms(["Mayor", ""])).everywhere)
    }
}
