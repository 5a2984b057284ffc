import MTFixCore
import MTFixRules

/// Lint: a run left in another language than the document's (an English sentence in Japanese copy, a
/// German paragraph in an English article). Report only: nothing is edited.
///
/// Two kinds of run. A run in another script (Latin in Japanese, Chinese or Russian text; Han, kana,
/// Hangul or Cyrillic in Latin text) is easy to see, but names, titles, acronyms and credits look the
/// same; a run in the document's own script (English in German) shows only in its words. Both are held
/// to strong evidence (`UntranslatedEvidence`): enough words, the other language's function words (from
/// `Rules/<lang>/language.yml`, as the language detector reads them) present and the document's
/// absent, mostly lowercase words (a title or a list of names is capitalised), no URL, not a quotation
/// framed by the document's own language, and the runs together a minority of the document.
struct UntranslatedDetector: Rule {
    let descriptor: RuleDescriptor
    let thresholds: UntranslatedEvidence
    /// Language code → its name in the document's language, for messages.
    let names: [String: String]
    let languages: LanguageWords
    /// A run left untranslated is a fact about the copy as given: repairs elsewhere cannot create one, so
    /// the rule is not run again after them.
    var checksOriginalOnly: Bool { true }

    init(descriptor: RuleDescriptor, options: ConfigValue, languages: LanguageWords = .bundled) throws {
        self.descriptor = descriptor
        self.languages = languages
        thresholds = UntranslatedEvidence(options)
        var names: [String: String] = [:]
        for (k, v) in options["names"]?.pairs ?? [] { names[k] = v.string }
        self.names = names
    }

    /// The engine runs the rule only on documents holding one of its markers.
    var requiredLiterals: RequiredLiterals? { thresholds.markerList.isEmpty ? nil : RequiredLiterals(thresholds.markerList) }

    func check(_ document: Document, context: RuleContext) -> [Finding] {
        // Report only, from the text as given (`checksOriginalOnly`: the engine leaves the rule out of its
        // later passes; a repaired snapshot, which knows the lines it inherited, is refused here as well).
        // A repair rarely makes a run appear (mojibake over a whole sentence would), and a second look at
        // every repaired document cost more than the rule.
        guard document.lineInheritance == nil, let host = languages.index(of: document.language) else { return [] }
        let profile = languages.profiles[host]
        var hostGroups = ScriptGroups(profile.scripts.union(profile.distinctive).compactMap(ScriptGroup.init(code:)))
        guard !hostGroups.isEmpty else { return [] }
        // Japanese copy writes katakana and hiragana with its kanji; Chinese copy quotes no kana runs worth naming.
        if hostGroups.contains(.han) {
            hostGroups.insert(.hiragana)
            hostGroups.insert(.katakana)
        }
        let evidence = UntranslatedEvidence.Context(document: document, host: host, hostGroups: hostGroups, languages: languages)
        var runs = thresholds.scriptRuns(evidence)
        if let sameScript = thresholds.sameScriptRuns(evidence) { runs += sameScript }
        return runs.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { run in
            let name = names[run.language] ?? run.language
            var message = descriptor.message.replacingOccurrences(of: "{language}", with: name)
            if message == descriptor.message { message += " (\(name))" }
            return Finding(descriptor: descriptor, range: run.range, replacement: nil, message: message, evidence: run.evidence)
        }
    }
}
