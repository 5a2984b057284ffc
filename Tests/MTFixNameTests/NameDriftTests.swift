import MTFix
import Testing

/// `name-drift` on invented stories: the canonical spelling comes from evidence, look-alikes are left alone.
@Suite("Name drift")
struct NameDriftTests {
    @Test func fullNameMentionBeatsAMajorityOfVariants() {
        let story = """
            Harbour strike ends after talks

            Labour minister Oksana Dravetska met union leaders on Monday.

            Dlavetska said the deal was fair. Dlavetska also promised new inspections.

            Unions welcomed Dlavetska’s offer.

            """
        let r = Names.run(story, "en")
        #expect(r.fixed == story.replacingOccurrences(of: "Dlavetska", with: "Dravetska"))
        #expect(Names.summary(r) == ["5:name-drift:safe", "5:name-drift:safe", "7:name-drift:safe"])
        let f = r.findings[0]
        #expect(f.evidence["canonical"] == "Dravetska")
        #expect(f.evidence["members"] == "Dlavetska×3, Dravetska×1")
        #expect(f.evidence["reason"]?.contains("Oksana Dravetska") == true)
    }

    /// A spelling known only as a first name does not safely respell a lone variant: that is more likely
    /// someone else (`King Mohammed VI` in a story about `Mohamed Salah`).
    @Test func aFirstNameDoesNotRespellALoneVariant() {
        let story = """
            Salah scores twice in Rabat friendly

            Liverpool forward Mohamed Salah scored twice on Friday. Mohamed Salah was applauded by the crowd.

            King Mohammed VI attended the match with his son.

            """
        let r = Names.run(story, "en")
        #expect(r.fixed == story)
        #expect(Names.summary(r).allSatisfy { $0.hasSuffix(":review") })
    }

    @Test func aRollCallListIsWeakerThanProse() {
        let story = """
            From left: envoy Ana Pirez, minister Omar Saleh, mayor Ken Ito, envoy Rui Bekele, and Tomas Gribaldi.

            Envoy Rui Bekere signed the accord.

            Bekeleh spoke later. Bekere then left.

            """
        // `Bekere` has one full-name mention in prose, `Bekele` one in a list of five people.
        let r = Names.run(story, "en", only: ["name-drift-en"])
        #expect(r.fixed.contains("Envoy Rui Bekere signed"))
        #expect(r.fixed.contains("envoy Rui Bekere, and"))
    }

    @Test func majorityAloneNeedsAClearMargin() {
        let twoToOne = "Talks resume\n\nVelasko spoke.\n\nVelasco left.\n\nVelasco returned.\n"
        let r = Names.run(twoToOne, "en")
        #expect(Names.summary(r) == ["3:name-drift:review"])
        #expect(r.fixed == twoToOne)
        let r2 = Names.run(twoToOne, "en", level: .review)
        #expect(r2.fixed == "Talks resume\n\nVelasco spoke.\n\nVelasco left.\n\nVelasco returned.\n")
        let tie = "Talks resume\n\nVelasko spoke.\n\nVelasco left.\n"
        #expect(Names.run(tie, "en").findings.isEmpty)
    }

    @Test func theNamesFileComesFirst() {
        let story = "Envoy Lina Marcetti arrived.\n\nMarcetti met Marketti.\n"
        let r = Names.run(story, "en", only: ["name-drift-en"], knownNames: ["Lina Marketti"])
        #expect(r.fixed == "Envoy Lina Marketti arrived.\n\nMarketti met Marketti.\n")
        #expect(r.findings.first?.evidence["reason"] == "names file")
    }

    @Test func firstNameDriftIsReviewOnly() {
        let story = "Kasym Oralov spoke.\n\nKassym Oralov left. Kasym Oralov returned.\n"
        let r = Names.run(story, "en", only: ["name-drift-en"])
        #expect(r.fixed == story)
        #expect(r.findings.allSatisfy { $0.safety == .review })
        // A hyphenated double first name against the same name written apart: never a safe repair.
        let hyphen = "President Nursan-Tolgat Abenov spoke.\n\nNursan Tolgat Abenov left. President Abenov returned.\n"
        let h = Names.run(hyphen, "en")
        #expect(h.fixed == hyphen)
        #expect(h.findings.allSatisfy { $0.safety != .safe })
    }

    @Test(arguments: [
        "Iran and Iraq agreed. Iran hosts; Iraq visits. Iran wins.",
        "Kim Jong Un met officials. Kim Yo Jong spoke. Kim Jong Un left. Kim Yo Jong stayed.",
        "Austria and Australia met. Austria won. Slovakia and Slovenia drew.",
        "Jan Novak met Petr Nowak. Novak spoke. Nowak left. Novak returned.",
        "Rosa Parks spoke. Park Geun-hye met her. Park left. Parks stayed.",
        "Sweden voted. Swedes cheered. Sweden won.",
        "Maria Lopez met Mario Lopez. Maria left; Mario stayed. Maria returned.",
        "Hassan Rouhani met Saddam Hussein. Hussein spoke. Hassan listened.",
        "On Monday Kim Jong Un spoke. On Tuesday he left.",
    ])
    func lookAlikesStayUntouched(_ text: String) {
        let r = Names.run(text, "en")
        #expect(r.findings.isEmpty, "\(Names.summary(r))")
        #expect(r.fixed == text)
    }

    @Test func germanNounsAreNotNames() {
        let text = """
            Die Sitzung des Bundestages dauerte lange. Im Bundestag wurde gestritten.

            Die Meteorologen warnten. Meteorologin Anna Roth sagte, der Regen lasse nach.

            Das Jahr war schwer, die Jahre davor auch. Regeln gelten für die Regierung.

            """
        #expect(Names.run(text, "de").findings.isEmpty)
    }

    @Test func germanDriftIsRepaired() {
        let text = "Außenministerin Petra Kallweit reiste nach Oslo.\n\nKarrweit sprach dort. Karrweits Rede war kurz.\n"
        let r = Names.run(text, "de")
        #expect(r.fixed == "Außenministerin Petra Kallweit reiste nach Oslo.\n\nKallweit sprach dort. Kallweits Rede war kurz.\n")
    }

    @Test func russianCaseEndingsAreKept() {
        let text = """
            Министр Анна Беленькая прибыла в Тверь.

            Беренькая осмотрела завод. По словам Беренькой, план выполнен. С Беренькой согласились.

            """
        let r = Names.run(text, "ru")
        #expect(
            r.fixed == """
                Министр Анна Беленькая прибыла в Тверь.

                Беленькая осмотрела завод. По словам Беленькой, план выполнен. С Беленькой согласились.

                """)
        #expect(Names.run("Кубок Гагарина разыгран. Обладатель Кубка получил его. Кубок вручили.", "ru").findings.isEmpty)
    }

    @Test func frenchAndSpanishDrift() {
        let fr = "Le maire Hélène Bouvreuil a parlé.\n\nBouvleuil a remercié l’équipe de Bouvleuil.\n"
        #expect(Names.run(fr, "fr").fixed == "Le maire Hélène Bouvreuil a parlé.\n\nBouvreuil a remercié l’équipe de Bouvreuil.\n")
        let es = "El técnico Iñaki Etxeberri llegó.\n\nEtxeveri habló.\n"
        #expect(Names.run(es, "es").fixed == "El técnico Iñaki Etxeberri llegó.\n\nEtxeberri habló.\n")
    }

    @Test func japaneseAndChineseDrift() {
        let ja = "来日したエレナ・ヴォルコワ氏は会見した。\n\nボルコワ氏は約束した。ボルコワ氏は帰国した。\n"
        #expect(Names.run(ja, "ja").fixed == "来日したエレナ・ヴォルコワ氏は会見した。\n\nヴォルコワ氏は約束した。ヴォルコワ氏は帰国した。\n")
        let zh = "外长埃琳娜·沃尔科娃访问巴西。\n\n沃科娃表示满意。沃尔柯娃随后离开。\n"
        #expect(Names.run(zh, "zh").fixed == "外长埃琳娜·沃尔科娃访问巴西。\n\n沃尔科娃表示满意。沃尔科娃随后离开。\n")
        #expect(Names.run("伊朗和伊拉克举行会谈。奥地利对阵澳大利亚。", "zh").findings.isEmpty)
    }
}
