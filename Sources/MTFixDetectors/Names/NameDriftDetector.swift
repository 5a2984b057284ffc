import MTFixCore
import MTFixICU

/// Lint: one name spelled several ways in a document (`Kovalenko`/`Kovarenko`). Format: the canonical spelling.
public struct NameDriftDetector: Rule {
    public let descriptor: RuleDescriptor
    let options: NameOptions
    /// `options` for the per-document clustering (a reference, not a copy).
    let sharedOptions: SharedNameOptions
    /// Name keys and place keys, shared by every document this rule checks.
    let keyCache: NameKeyCache
    /// Word-list analysis of capitalized words, shared by every document this rule checks.
    let wordCache: NameWordCache
    /// What a variant's own context says about it being a person.
    let evidence: NamePersonEvidence
    /// The finding's message in the rule's language (`message_template:`, slots `{variant}`,
    /// `{canonical}`, `{reason}`), and each kind of reason's words (`reasons:`, slots `{text}`, `{line}`,
    /// `{count}`, `{total}`); English when the rule file gives none.
    let messageTemplate: MessageTemplate
    let reasonTemplates: [String: MessageTemplate]

    public init(descriptor: RuleDescriptor, options: ConfigValue) {
        self.descriptor = descriptor
        self.options = NameOptions(options)
        sharedOptions = SharedNameOptions(self.options)
        keyCache = NameKeyCache(folds: self.options.keyFolds)
        wordCache = NameWordCache(keys: keyCache)
        evidence = NamePersonEvidence(options, titleWords: self.options.titleWords, places: self.options.places)
        messageTemplate = MessageTemplate(
            options["message_template"]?.string ?? "“{variant}” is spelled “{canonical}” elsewhere ({reason})")
        var reasons: [String: MessageTemplate] = [:]
        for (kind, words) in options["reasons"]?.pairs ?? [] {
            if let words = words.string { reasons[kind] = MessageTemplate(words) }
        }
        reasonTemplates = reasons
    }

    public func check(_ document: Document, context: RuleContext) -> [Finding] {
        let mentions = NameMentions(document, options: options, words: wordCache)
        // Mentions read their analyses through `mentions` (see `NameMention.analysis`): alive to the end.
        defer { withExtendedLifetime(mentions) {} }
        guard mentions.mentions.count > 1 || !context.knownNames.isEmpty else { return [] }
        let keys = NameKeyMaker(shared: keyCache)
        let clustering = NameClustering(shared: sharedOptions, keys: keys)
        // Most documents have no two spellings that could be one name: then there is no evidence to gather.
        var keep: [Bool]? = nil
        if context.knownNames.isEmpty {
            guard let k = clustering.clusterable(mentions) else { return [] }
            keep = k
        }
        let clusters = clustering.clusters(document, mentions, knownNames: context.knownNames, keep: keep)
        var out: [Finding] = []
        let cased = options.script == .cased
        for cluster in clusters {
            // The names the canonical spelling is known with (`Salah` for `Mohamed`): a variant with a full
            // name of its own that is not among them (`Mohammed bin Salman`) is someone else.
            var canonicalPartners: Set<String>? = nil
            func partners() -> Set<String> {
                if let p = canonicalPartners { return p }
                var p: Set<String> = []
                for mem in cluster.members where mem.stem == cluster.canonical {
                    for k in mem.mentions {
                        for j in mentions.chains[mentions.mentions[k].chain].members where j != k { p.insert(mentions.mentions[j].stem) }
                        if let n = self.evidence.particleName(document, after: mentions.mentions[k].range.upperBound) { p.insert(n) }
                    }
                }
                canonicalPartners = p
                return p
            }
            let evidence = [
                "members": cluster.summary, "canonical": cluster.canonical, "reason": cluster.reason,
            ]
            // Why the canonical spelling was chosen, in the rule's language (English evidence above).
            var clusterReason: String? = nil
            func reason() -> String {
                if let r = clusterReason { return r }
                let r = reasonTemplates[cluster.reasonKind]?.fill(cluster.reasonDetails) ?? cluster.reason
                clusterReason = r
                return r
            }
            for member in cluster.members where member.stem != cluster.canonical {
                guard NameDriftDetector.sameScript(member.stem, cluster.canonical) else { continue }
                // The message is the same for every mention of the spelling: made once, when first needed.
                var memberMessage: String? = nil
                func message(_ variant: String) -> String {
                    if let m = memberMessage { return m }
                    let m = messageTemplate.fill(["variant": variant, "canonical": cluster.canonical, "reason": reason()])
                    memberMessage = m
                    return m
                }
                for k in member.mentions {
                    let mention = mentions.mentions[k]
                    let chain = mentions.chains[mention.chain].members
                    // A first or middle name (`Kasym` in `Kasym Oralov`) is left for review; where every noun is
                    // capitalized the next word is usually a noun (`Kallweits Rede`), so position says nothing.
                    let inner = chain.count > 1 && chain.last != k && options.script == .cased && !options.capitalizedNouns
                    // A short spelling written once, at a sentence start, may be no name at all (`Carnie
                    // workers`, `Moody’s said`): capitals there say nothing. (A long one, `Tireuberdi`, is a name.)
                    let loneAtStart = member.mentions.count == 1 && options.script == .cased
                        && member.stem.count <= NameDriftDetector.shortWordLength
                        && NameDriftDetector.startsSentence(document.utf16, at: mention.range.lowerBound)
                    // Or right after a title (`Senator Krane` beside `General Dan Crane`): another holder of a
                    // similar name, as likely as a slip.
                    let loneTitled = member.mentions.count == 1 && options.script == .cased
                        && member.stem.count <= NameDriftDetector.shortWordLength
                        && NameDriftDetector.followsTitle(document.utf16, at: mention.range.lowerBound, options.titleWords)
                    var safety: Safety = inner || loneAtStart || loneTitled ? .review : cluster.safety
                    // A look-alike of a person's name is repaired safely only where it is not used like a place
                    // or a thing (`held in Houston`, `The Star`, `バスで`).
                    switch self.evidence.verdict(
                        document, mention.stemRange.lowerBound..<mention.range.upperBound, partnered: chain.count > 1, cased: cased)
                    {
                    case .otherPerson(let name): if !partners().contains(name) { continue }
                    case .thing, .described: safety = .review
                    case .unknown where self.evidence.requirePerson: safety = .review
                    default: break
                    }
                    out.append(
                        Finding(
                            rule: descriptor.id, category: descriptor.category, severity: descriptor.severity,
                            safety: safety,
                            message: message(member.stem),
                            range: mention.stemRange,
                            edits: [Edit(range: mention.stemRange, replacement: cluster.canonical)], evidence: evidence))
                }
            }
        }
        return out
    }

    /// Longest spelling that, alone at a sentence start, may well be a common word or another name.
    static let shortWordLength = 6

    /// Whether `offset` starts a sentence as far as its neighbours tell: only spaces and opening quotes or
    /// brackets between it and the line start or a terminator (an abbreviation's full stop counts too,
    /// which errs on the side of review).
    static func startsSentence(_ u: [UInt16], at offset: Int) -> Bool {
        var k = offset
        while k > 0 {
            let c = u[k - 1]
            if c == 0x0A { return true }
            if NarrativeText.isSpace(c) || c == 0x22 || c == 0x27 || c == 0x201C || c == 0x2018 || c == 0xAB || c == 0x28 || c == 0x201E {
                k -= 1
                continue
            }
            return NarrativeText.isTerminator(c) || c == 0x3A
        }
        return true
    }

    /// Whether the word right before `offset` (one space between, a final full stop dropped) is a title word.
    static func followsTitle(_ u: [UInt16], at offset: Int, _ titles: Set<String>) -> Bool {
        guard offset >= 2, u[offset - 1] == 0x20 else { return false }
        var e = offset - 1
        if u[e - 1] == 0x2E { e -= 1 }
        var s = e
        while s > 0 && UnitProperties.isAlphabetic(u[s - 1]) { s -= 1 }
        return s < e && titles.contains(String(decoding: u[s..<e], as: UTF16.self))
    }

    /// A names-file spelling in another script (`Kovalenko` for `Коваленко`) is not a repair.
    static func sameScript(_ a: String, _ b: String) -> Bool {
        guard let x = a.unicodeScalars.first, let y = b.unicodeScalars.first else { return false }
        return Script.of(x) == Script.of(y)
    }
}
