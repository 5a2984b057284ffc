import Foundation
import MTFix
import MTFixTestSupport
import Testing

/// Matches expected and actual findings of one article: what was found, missed, and found wrongly.
struct Match {
    var hits: [Expectation] = []
    var missed: [Expectation] = []
    var extra: [Expectation] = []

    init(expected: [Expectation], actual: [Expectation], perLine: Bool) {
        var pool = actual
        if perLine {
            // One entry per (line, category) however many findings.
            var seen = Set<String>()
            pool = pool.filter { seen.insert("\($0.line) \($0.category)").inserted }
        }
        for e in expected {
            if let k = pool.firstIndex(where: {
                $0.line == e.line && $0.category == e.category
                    && CorpusRun.safetyMatches(expected: e.safety, actual: $0.safety)
            }) {
                hits.append(e)
                pool.remove(at: k)
            } else {
                missed.append(e)
            }
        }
        extra = pool
    }
}

@Suite("Corpus")
struct CorpusTests {
    @Test("corpus is present") func present() {
        #expect(!CorpusArticle.all.isEmpty, "no articles under \(CorpusArticle.root.path)")
    }

    @Test("the list of unimplemented categories is current")
    func allowlistIsCurrent() {
        let implemented = Set(CorpusRun.rules.map(\.descriptor.category.rawValue))
        for c in CorpusRun.unimplemented.sorted() {
            #expect(!implemented.contains(c), "'\(c)' has bundled rules now: remove it from CorpusRun.unimplemented")
        }
    }

    @Test("article", arguments: CorpusArticle.all)
    func article(_ a: CorpusArticle) throws {
        let original = try a.text(a.input)
        let result = CorpusRun.checker.run(original)
        let actual = CorpusRun.actual(result)
        if a.isClean {
            #expect(actual.isEmpty, "findings in a clean control: \(actual) \(result.findings.map(\.rule))")
            #expect(result.fixed == original, "a clean control was changed")
            return
        }
        let expected = try a.expectations()
        let pending = CorpusRun.unimplemented
        let m = Match(expected: expected, actual: actual, perLine: a.perLine)
        let missed = m.missed.filter { !pending.contains($0.category) }
        let extra = m.extra.filter { !pending.contains($0.category) }
        #expect(missed.isEmpty, "expected but not found: \(missed)")
        #expect(extra.isEmpty, "found but not expected: \(extra)")
        let fixed = try a.text(a.fixed!)
        let waiting = Set(expected.filter { pending.contains($0.category) && $0.safety == "safe" }.map(\.line))
        if waiting.isEmpty {
            #expect(result.fixed == fixed, "output differs from \(a.name).fixed.txt")
        } else {
            // Repairs of pending categories are missing; every other line must already be right.
            let wrong = CorpusTests.unexplainedLines(mt: original, expected: fixed, actual: result.fixed, pending: waiting)
            #expect(wrong.isEmpty, "output differs from \(a.name).fixed.txt on .mt.txt lines \(wrong)")
        }
    }

    /// Lines of the damaged text (1-based) whose repair differs from the expected one, ignoring lines
    /// whose expected repair belongs to a pending category.
    static func unexplainedLines(mt: String, expected: String, actual: String, pending: Set<Int>) -> [Int] {
        let m = splitLines(mt)
        let f = splitLines(expected)
        let g = splitLines(actual)
        // Each expected line → the damaged lines it came from (a changed hunk maps to all its lines).
        var origin = [Set<Int>](repeating: [], count: f.count + 1)
        var hunkOld: Set<Int> = []
        var hunkNew: [Int] = []
        func close() {
            for n in hunkNew { origin[n] = hunkOld }
            if hunkNew.isEmpty, let last = hunkOld.max() { origin[f.count].formUnion([last]) }
            hunkOld = []
            hunkNew = []
        }
        for op in diffLines(m, f) {
            switch op {
            case .keep(let o, let n):
                close()
                origin[n] = [o + 1]
            case .delete(let o): hunkOld.insert(o + 1)
            case .insert(let n): hunkNew.append(n)
            }
        }
        close()
        // Lines of the expected text that the actual output gets wrong, mapped back to damaged lines.
        var wrong = Set<Int>()
        // An inserted line belongs to the expected line it replaces (just deleted) or precedes.
        var anchor = 0
        func mark(_ n: Int) { wrong.formUnion(origin[min(n, f.count)].isEmpty ? [0] : origin[min(n, f.count)]) }
        for op in diffLines(f, g) {
            switch op {
            case .keep(let o, _): anchor = o + 1
            case .delete(let o):
                mark(o)
                anchor = o
            case .insert: mark(anchor)
            }
        }
        return wrong.subtracting(pending).sorted()
    }

    @Test("precision and recall per category")
    func scores() throws {
        var tp: [String: Int] = [:]
        var fp: [String: Int] = [:]
        var fn: [String: Int] = [:]
        var seconds = 0.0
        var bytes = 0
        for a in CorpusArticle.all {
            let original = try a.text(a.input)
            let start = Date()
            let result = CorpusRun.checker.run(original)
            seconds += Date().timeIntervalSince(start)
            bytes += original.utf8.count
            let m = Match(expected: try a.expectations(), actual: CorpusRun.actual(result), perLine: a.perLine)
            for e in m.hits { tp[e.category, default: 0] += 1 }
            for e in m.missed { fn[e.category, default: 0] += 1 }
            for e in m.extra { fp[e.category, default: 0] += 1 }
        }
        var report = "category              TP  FP  FN  precision  recall\n"
        for c in Set(tp.keys).union(fp.keys).union(fn.keys).sorted() {
            let t = tp[c] ?? 0
            let p = fp[c] ?? 0
            let n = fn[c] ?? 0
            func pct(_ x: Int, _ y: Int) -> String { y == 0 ? "   -" : String(format: "%5.1f%%", 100 * Double(x) / Double(y)) }
            let note = CorpusRun.unimplemented.contains(c) ? "  (not implemented here)" : ""
            report += c.padding(toLength: 20, withPad: " ", startingAt: 0)
                + String(format: " %4d %3d %3d", t, p, n) + "    " + pct(t, t + p) + "    " + pct(t, t + n) + note + "\n"
        }
        report += String(format: "%d articles, %d bytes, %.3f s\n", CorpusArticle.all.count, bytes, seconds)
        print(report)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mtfix-corpus-scores.txt")
        try? Data(report.utf8).write(to: out)
    }
}
