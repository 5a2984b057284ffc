import Foundation
import MTFixCore

/// Which runs a katakana or Han name scan collects, shared by the rules that collect the same ones.
///
/// `name-drift` and `title-conflict` of one language walk every unit of a document for the same runs
/// (katakana, or the same list of Han characters): one scan per kind of run serves both, found again on
/// the document by `key`.
final class NameRunScan: Sendable {
    /// For `han`: whether each UTF-16 unit is one of the characters (empty: katakana).
    let han: [Bool]
    let katakana: Bool
    /// Names this scan's runs on a document (`Document.memoized`).
    let key = MemoKey<NameRunList>()

    private init(katakana: Bool, han: [Bool]) {
        self.katakana = katakana
        self.han = han
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: [String: NameRunScan] = [:]

    /// The scan for `script` (nil for cased text), the same object for the same characters.
    static func shared(_ script: NameOptions.Script, han characters: Set<Character>, table: [Bool]) -> NameRunScan? {
        let name: String
        switch script {
        case .cased: return nil
        case .katakana: name = "katakana"
        case .han: name = "han:" + String(characters.sorted())
        }
        lock.lock()
        defer { lock.unlock() }
        if let s = made[name] { return s }
        let s = NameRunScan(katakana: script == .katakana, han: script == .han ? table : [])
        made[name] = s
        return s
    }

}

/// The runs of two units or more of a document a katakana or Han name scan analyses (as
/// `NameWordList.Word`s, numbered), found once per document for both name rules.
struct NameRunList: Sendable {
    let runs: [NameWordList.Word]

    /// The runs of `scan` in `doc` (made on first use).
    static func of(_ doc: Document, _ scan: NameRunScan) -> NameRunList { doc.memoized(scan.key) { NameRunList(doc, scan) } }

    private init(_ doc: Document, _ scan: NameRunScan) {
        let u = doc.utf16
        var out: [NameWordList.Word] = []
        // A run takes two units and a unit between runs: a sixteenth of the units is room for the runs of most
        // documents at once (grown from empty, the list was reallocated several times per document).
        out.reserveCapacity(u.count / 16 + 8)
        if scan.katakana {
            NameRunList.collect(u, doc.lines, into: &out, isPart: NameMentions.isKatakana)
        } else if !scan.han.isEmpty {
            scan.han.withUnsafeBufferPointer { han in NameRunList.collect(u, doc.lines, into: &out, isPart: { han[Int($0)] }) }
        }
        NameWordNumbers.shared.number(&out, in: u)
        runs = out
    }

    /// Appends the runs of units `isPart` takes in `u` (a unit test inlined into the walk over every unit).
    @inline(__always)
    private static func collect(
        _ u: [UInt16], _ lines: [Range<Int>], into out: inout [NameWordList.Word], isPart: (UInt16) -> Bool
    ) {
        var line = 0
        u.withUnsafeBufferPointer { u in
            var i = 0
            while i < u.count {
                guard isPart(u[i]), u[i] != 0x30FC else {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < u.count, isPart(u[j]) { j += 1 }
                if j - i >= 2 {
                    while line + 1 < lines.count && lines[line + 1].lowerBound <= i { line += 1 }
                    out.append(
                        NameWordList.Word(range: i..<j, line: line, hash: UnitTable.hash(u, i..<j), lowercaseLead: false))
                }
                i = j
            }
        }
    }
}
