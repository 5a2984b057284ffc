import MTFixCore

/// The thresholds an untranslated run must pass, from the rule's `options:`, and the two scans that
/// find runs: in another script than the document's, and in its own script but another language.
struct UntranslatedEvidence: Sendable {
    /// Words a Latin or Cyrillic run needs when it ends like a sentence, and when it does not (a clause).
    let minWords: Int
    let minClauseWords: Int
    /// Function words of the run's language it must hold, in number and as a share of its words.
    let minFunctionWords: Int
    let minFunctionShare: Double
    /// The document's own function words in the run, at most this ratio to the run's language's ones
    /// (nearly absent: one beside five).
    let maxOwnRatio: Double
    /// Share of its words that start lowercase: titles, names and credit lines are capitalised.
    let minLowercaseShare: Double
    /// Han and kana, or Hangul, letters a CJK or Korean run needs when it ends like a sentence (twice
    /// as many without an ending).
    let minCJKLetters: Int
    let minHangulLetters: Int
    /// A quotation framed by the document's own language is the speaker's words, kept in the original;
    /// it is reported only from this many words (CJK: twice as many letters).
    let quotationWords: Int
    /// The runs together may make up at most this share of the document's letters (or words): more, and
    /// the document's language tag is what is wrong.
    let maxShare: Double
    /// Marks of another language (`markers:`, literals such as `the ` or `ü`): the rule runs only on a
    /// document holding one (the engine's prefilter), and reads only the lines holding one for another
    /// language in the document's own script. nil: every document and line.
    let markers: LiteralMatcher?
    let markerList: [String]

    init(_ options: ConfigValue) {
        markerList = options["markers"]?.strings ?? []
        markers = markerList.isEmpty ? nil : LiteralMatcher(markerList, ignoreCase: false)
        minWords = options.int("min_words", default: 8)
        minClauseWords = options.int("min_clause_words", default: 12)
        minFunctionWords = options.int("min_function_words", default: 3)
        minFunctionShare = options["min_function_share"]?.number ?? 0.2
        maxOwnRatio = options["max_own_ratio"]?.number ?? 0.2
        minLowercaseShare = options["min_lowercase_share"]?.number ?? 0.45
        minCJKLetters = options.int("min_cjk_letters", default: 12)
        minHangulLetters = options.int("min_hangul_letters", default: 10)
        quotationWords = options.int("quotation_words", default: 30)
        maxShare = options["max_share"]?.number ?? 0.5
    }

    /// What a scan reads: the document, the index of its language's profile and that language's scripts.
    struct Context {
        let document: Document
        let host: Int
        let hostGroups: ScriptGroups
        let languages: LanguageWords
    }

    /// A run to report: where, in which language (ISO 639 code), why; `weight` counts its letters or words.
    struct Run {
        let range: Range<Int>
        let language: String
        let evidence: [String: String]
        let weight: Int
    }

    /// The profiles other than the document's written in `code` (`Latn`) and told apart by words.
    func candidates(_ c: Context, writing code: String) -> [Int] {
        c.languages.profiles.indices.filter { k in
            k != c.host && c.languages.profiles[k].scripts.contains(code) && c.languages.profiles[k].distinctive.isEmpty
        }
    }

    /// Whether a tally is strong evidence of language `x` in a document in `host`.
    func convincing(_ t: WordTally, _ x: Int, host: Int, terminated: Bool) -> Bool {
        let hits = Int(t.hits[x])
        return t.words >= (terminated ? minWords : minClauseWords) && hits >= minFunctionWords
            && Double(hits) >= minFunctionShare * Double(t.words) && Double(t.hits[host]) <= maxOwnRatio * Double(hits)
            && Double(t.lowercase) >= minLowercaseShare * Double(t.words) && !t.looksLikeCode
    }

    func evidence(_ t: WordTally, _ x: Int, _ c: Context, script: String) -> [String: String] {
        [
            "language": c.languages.profiles[x].code, "script": script, "words": String(t.words),
            "function_words": String(t.hits[x]), "document_function_words": String(t.hits[c.host]),
        ]
    }

    /// Whether `run` is mostly inside quotation marks or brackets on a line whose text outside them is
    /// in the document's language (none of the run's function words `x`, or fewer than the document's;
    /// any text for a CJK run, `x` nil), or that holds nothing else: the document's language frames a
    /// quotation, or a gloss, in the original language. Only an attribution in the run's own language
    /// (`"…," she said.` in German copy) shows that the quotation was left untranslated.
    func framedQuotation(_ u: [UInt16], _ run: Range<Int>, line: Range<Int>, _ x: Int?, _ c: Context) -> Bool {
        let quoted = QuotedSpans.flags(u, line)
        var inside = 0
        var letters = 0
        for i in run where ScriptGroup.of(u[i]) != .none {
            letters += 1
            if quoted[i - line.lowerBound] { inside += 1 }
        }
        guard inside * 2 >= letters else { return false }
        var outside = 0
        for i in line where !quoted[i - line.lowerBound] && ScriptGroup.of(u[i]) != .none { outside += 1 }
        // A paragraph that is all quotation (a statement quoted under `He wrote:`) has no frame to tell
        // by; it is given the benefit of the doubt, like a framed one.
        guard outside >= 2 else { return true }
        guard let x else { return true }
        let frame = WordTally(u, line, c.languages, quoted: quoted, lineStart: line.lowerBound, inside: false)
        // Words both languages write (`in`, `a`) make a stray hit or two: the frame is the document's
        // language when its own function words outnumber the run's.
        return frame.hits[x] == 0 || frame.hits[x] < frame.hits[c.host]
    }
}
