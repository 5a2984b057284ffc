/// A finding's message in a rule file's words with named slots (`„{title}“ widerspricht …`), split into
/// its pieces once when the rule loads: filled by concatenation, since searching and replacing each slot
/// in every message showed in the profile.
struct MessageTemplate: Sendable {
    private enum Piece: Sendable {
        case text(String)
        case slot(String)
    }
    private let pieces: [Piece]

    /// `template` with slots written `{name}`; a brace without a name closing it is text.
    init(_ template: String) {
        var pieces: [Piece] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            pieces.append(.slot(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        self.pieces = pieces
    }

    /// The message with each slot filled from `values` (a slot without a value stays as written).
    func fill(_ values: [String: String]) -> String {
        var out = ""
        for p in pieces {
            switch p {
            case .text(let t): out += t
            case .slot(let name): out += values[name] ?? "{\(name)}"
            }
        }
        return out
    }
}
