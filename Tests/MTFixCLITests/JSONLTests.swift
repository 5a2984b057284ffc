import Foundation
import MTFix
import MTFixTestSupport
import Testing

@Suite("JSON Lines: records edited in place")
struct JSONLTests {
    @Test func fieldRepairedOtherBytesKept() throws {
        let input = #"{"id":7, "text":"Fish &amp; chips.","score":1.50e3,"tags":["a","b"]}"# + "\n"
        let r = try mtfix(["fix", "--jsonl"], stdin: input)
        #expect(r.status == 1)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix(#"{"id":7, "text":"Fish & chips.","score":1.50e3,"tags":["a","b"],"mtfix":{"changed":true,"counts":{"html-entity":1},"edits":1,"findings":[{"#))
        #expect(r.stdout.hasSuffix("\"removed\":[]}}\n"))
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let meta = obj["mtfix"] as! [String: Any]
        let f = (meta["findings"] as! [[String: Any]])[0]
        #expect(f["rule"] as? String == "html-entity" && f["path"] as? String == "text" && f["byte_offset"] as? Int == 5)
    }

    @Test func nestedFieldAndEscapes() throws {
        let input = #"{"article":{"title":"x","body":"caf\u00e9 &amp; \"q\"\nnext"},"text":"&amp;"}"# + "\n"
        let r = try mtfix(["fix", "--jsonl", "--field", "article.body"], stdin: input)
        #expect(r.stdout.hasPrefix(#"{"article":{"title":"x","body":"café & \"q\"\nnext"},"text":"&amp;","mtfix":{"changed":true"#))
    }

    @Test func unchangedTextKeepsItsSpellingAndCheckNeverRewrites() throws {
        let input = #"{"text":"caf\u00e9 &amp; co"}"# + "\n"
        let check = try mtfix(["check", "--jsonl"], stdin: input)
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix(#"{"text":"caf\u00e9 &amp; co","mtfix":{"changed":true,"#))
        let clean = try mtfix(["fix", "--jsonl"], stdin: #"{"text":"caf\u00e9"}"# + "\n")
        #expect(clean.status == 0)
        #expect(clean.stdout == #"{"text":"caf\u00e9","mtfix":{"changed":false,"counts":{},"edits":0,"findings":[],"removed":[]}}"# + "\n")
    }

    @Test func existingMtfixMemberIsReplacedAndEmptyObjectWorks() throws {
        let r = try mtfix(["fix", "--jsonl", "--field", "body"], stdin: "{\"mtfix\":[1,2],\"body\":\"x\"}\n{}\n")
        #expect(r.stdout.hasPrefix(#"{"mtfix":{"changed":false,"counts":{},"edits":0,"findings":[],"removed":[]},"body":"x"}"# + "\n"))
        #expect(r.stdout.hasSuffix("\n{}\n"))
        #expect(r.stderr == "mtfix: stdin:2: no field 'body'; passed through unchanged\n")
    }

    @Test func malformedLineReportedAndPassedThrough() throws {
        let input = "{\"text\":\"a &amp; b\"}\n{\"text\": \"unterminated}\n\n{\"text\":\"ok\"}"
        let r = try mtfix(["fix", "--jsonl"], stdin: input)
        #expect(r.status == 2)
        #expect(r.stderr == "mtfix: stdin:2: malformed JSON (unterminated string at byte 10); passed through unchanged\n")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines[1] == "{\"text\": \"unterminated}")
        #expect(lines[2] == "")
        // The last line had no newline and still has none.
        #expect(lines[3].hasPrefix("{\"text\":\"ok\",\"mtfix\":") && !r.stdout.hasSuffix("\n"))
    }

    @Test func malformedLinesGoToTheRejectsFile() throws {
        let dir = try makeTempDir()
        let rejects = dir.appendingPathComponent("rejects.jsonl")
        let input = "{\"text\":\"a\"}\n[1,2]\n{\"text\":\"b\"} x\n{\"text\":\"c\"}\n"
        let r = try mtfix(["fix", "--jsonl", "--rejects", rejects.path, "-"], stdin: input)
        #expect(r.status == 2)
        #expect(r.stderr == """
            mtfix: stdin:2: malformed JSON (not a JSON object at byte 1); written to \(rejects.path)
            mtfix: stdin:3: malformed JSON (text after the JSON object at byte 14); written to \(rejects.path)

            """)
        #expect(try String(contentsOf: rejects, encoding: .utf8) == "[1,2]\n{\"text\":\"b\"} x\n")
        #expect(r.stdout.split(separator: "\n").count == 2)
    }

    @Test func recordScannerRefusesWhatJSONRefuses() {
        let bad = ["{", "{\"a\":}", "{\"a\":01}", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":tru}", "{\"a\":\"\u{01}\"}", "{\"a\":\"\\x\"}", "{'a':1}", "{\"a\":1}}"]
        for line in bad {
            #expect(throws: MalformedRecord.self, "\(line)") { try JSONRecord(Array(line.utf8), path: ["a"]) }
        }
        #expect(throws: MalformedRecord.self) { try JSONRecord([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], path: ["a"]) }
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: MalformedRecord.self) { try JSONRecord(Array("{\"a\":\(deep)}".utf8), path: ["a"]) }
        let good = #" { "a" : -0.5e+2 , "b":[true,false,null,{}], "t":"\ud83d\ude00 \/" } "#
        let rec = try? JSONRecord(Array(good.utf8), path: ["t"])
        #expect(rec?.fieldText() == "😀 /")
        #expect(rec.map { String(decoding: $0.edited(text: "x\n\"", metadata: Array("{}".utf8)), as: UTF8.self) }
            == #" { "a" : -0.5e+2 , "b":[true,false,null,{}], "t":"x\n\"" ,"mtfix":{}} "#)
    }

    @Test func encodeRoundTripsThroughFoundation() throws {
        let s = "tab\t nl\n cr\r quote\" back\\ bell\u{07} é 😀 \u{2028}"
        let encoded = JSONRecord.encode(s)
        let decoded = try JSONSerialization.jsonObject(with: Data(("[" + String(decoding: encoded, as: UTF8.self) + "]").utf8)) as! [String]
        #expect(decoded == [s])
    }
}

@Suite("Parallel runs: -j N gives the bytes of -j 1")
struct ParallelTests {
    @Test func jsonlSameOutputForEveryJobCount() throws {
        var input = ""
        for k in 0..<3000 {
            let text = k % 3 == 0 ? "Item \(k) &amp; more." : (k % 7 == 0 ? "“Fine,” he said. Added." : "Plain record \(k).")
            input += #"{"n":\#(k),"text":"\#(text.replacingOccurrences(of: "\"", with: "\\\""))"}"# + "\n"
            if k == 1500 { input += "not json\n" }
        }
        let one = try mtfix(["fix", "--jsonl", "-j", "1"], stdin: input)
        let three = try mtfix(["fix", "--jsonl", "-j", "3"], stdin: input)
        #expect(one.status == 2 && three.status == 2)
        #expect(one.stdout == three.stdout)
        #expect(one.stderr == three.stderr)
        #expect(one.stderr == "mtfix: stdin:1502: malformed JSON (not a JSON object at byte 1); passed through unchanged\n")
        let lines = one.stdout.split(separator: "\n")
        #expect(lines.count == 3001)
        #expect(lines[2999].hasPrefix(#"{"n":2998,"#))
    }

    @Test func filesSameOutputForEveryJobCount() throws {
        let dir = try makeTempDir()
        for k in 0..<12 {
            let body = k % 2 == 0 ? "Story \(k) &amp; co.\n“Yes,” he said. Added.\n" : "Clean story \(k).\n"
            try Data(body.utf8).write(to: dir.appendingPathComponent(String(format: "s%02d.txt", k)))
        }
        let one = try mtfix(["diff", "-j", "1", dir.path])
        let four = try mtfix(["diff", "-j", "4", dir.path])
        #expect(one.status == 1)
        #expect(one.stdout == four.stdout)
        let check1 = try mtfix(["check", "--format", "json", "-j", "1", dir.path])
        let check4 = try mtfix(["check", "--format", "json", "-j", "4", dir.path])
        #expect(check1.stdout == check4.stdout)
    }

    @Test func summaryOnRequestOnly() throws {
        let input = "Fish &amp; chips.\n"
        #expect(try mtfix(["fix"], stdin: input).stderr.isEmpty)
        let s = try mtfix(["fix", "--summary"], stdin: input)
        #expect(s.stderr == "mtfix: summary: 1 document (1 changed), 1 edit applied, 1 finding (html-entity 1), 0 errors\n")
        #expect(try mtfix(["fix", "--summary", "--quiet"], stdin: input).stderr.isEmpty)
        let j = try mtfix(["check", "--jsonl", "--summary"], stdin: "{\"text\":\"a &amp; b\"}\n{}\n")
        // check writes nothing: its edits are proposed, not applied.
        #expect(j.stderr.hasSuffix("mtfix: summary: 1 record (1 would change), 1 edit proposed, 1 finding (html-entity 1), 1 skipped, 0 errors\n"))
        let c = try mtfix(["check", "--summary"], stdin: input)
        #expect(c.stderr == "mtfix: summary: 1 document (1 would change), 1 edit proposed, 1 finding (html-entity 1), 0 errors\n")
    }

    @Test func badJobCountIsAUsageError() throws {
        let r = try mtfix(["fix", "-j", "0"], stdin: "x\n")
        #expect(r.status == 2)
    }
}

@Suite("JSON Lines: option checks")
struct JSONLOptionTests {
    @Test func formatAndRejectsNeedTheRightMode() throws {
        let a = try mtfix(["check", "--jsonl", "--format", "json"], stdin: "{}\n")
        #expect(a.status == 2 && a.stderr.contains("--format does not apply"))
        let b = try mtfix(["fix", "--rejects", "x.jsonl"], stdin: "x\n")
        #expect(b.status == 2 && b.stderr.contains("--rejects needs --jsonl"))
        let c = try mtfix(["fix", "--jsonl", "--field", "a..b"], stdin: "{}\n")
        #expect(c.status == 2 && c.stderr.contains("empty member name"))
    }
}

@Suite("JSON Lines: the example article as a record")
struct JSONLSeedTests {
    @Test func recordRepairEqualsFixAndKeepsRemovedCaptions() throws {
        guard let shared = TestPaths.shared else { return }
        let seed = try String(contentsOf: shared.appendingPathComponent("seeds/central-asia-visit.mt.txt"), encoding: .utf8)
        let fixed = try mtfix(["fix"], stdin: seed).stdout
        let text = String(decoding: JSONRecord.encode(seed), as: UTF8.self)
        let r = try mtfix(["fix", "--jsonl", "--field", "doc.body"], stdin: "{\"id\":\"x\",\"doc\":{\"body\":\(text)}}\n")
        #expect(r.status == 1)
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect((obj["doc"] as? [String: Any])?["body"] as? String == fixed)
        let meta = try #require(obj["mtfix"] as? [String: Any])
        let removed = try #require(meta["removed"] as? [String])
        // Both captions of the article are removed from the body, and kept here in full.
        #expect(removed.count >= 2)
        #expect(removed.contains { $0.contains("(AP Photo)") })
        #expect(removed.contains { $0.contains("via AP)") })
        #expect((meta["counts"] as? [String: Int])?["caption"] ?? 0 >= 2)
    }
}
