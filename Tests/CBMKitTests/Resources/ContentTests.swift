import Foundation
import Testing
@testable import CBMKit

/// The bundled questionnaires are the product's substance: these rules keep future edits
/// from quietly making them incomplete.
@Suite("Bundled questionnaire content")
struct ContentTests {
    static let bundled = Catalog.bundled()

    @Test func bundledQuestionnairesLoadWithoutProblems() throws {
        #expect(Self.bundled.diagnostics.isEmpty, "\(Self.bundled.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(Set(Self.bundled.catalog.ids) == ["cbm-core", "wto-tfa", "rkc-general-annex", "harmonization-convention", "wco-safe"])
        // The catalog reads a current file only when it is used; each is read whole here, and
        // holds the id and version its top gave the catalog.
        let shelf = try #require(Self.bundled.catalog.shelf)
        for item in shelf.items where item.isCurrent {
            let loaded = Loader.loadQuestionnaire(at: item.url, shownAs: item.file)
            #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description).joined(separator: "\n"))")
            #expect(loaded.value?.id == item.id && loaded.value?.version == item.version, "\(item.file)")
        }
    }

    @Test func everyRelatedLinkResolves() {
        for questionnaire in Self.bundled.catalog.questionnaires {
            let problems = Self.bundled.catalog.checkLinks(in: questionnaire)
            #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        }
    }

    static var core: MaturityQuestionnaire { bundled.catalog.questionnaire("cbm-core")!.maturity! }

    @Test func coreModelCoversTheTenDimensions() {
        let ids = Self.core.dimensions.map(\.id)
        #expect(ids == ["political-will", "organisation", "legal", "ict", "training", "communication",
                        "infrastructure", "sustainability", "procedures", "international"])
        #expect(Self.core.indicators.count >= 50)
        for dimension in Self.core.dimensions {
            #expect(dimension.indicators.count >= 4, "\(dimension.id) has \(dimension.indicators.count) indicators")
            #expect(dimension.summary != nil, "\(dimension.id) has no summary")
            for indicator in dimension.indicators {
                #expect(indicator.id.hasPrefix(dimension.id + "."), "\(indicator.id) is not named after its dimension")
            }
        }
    }

    @Test(arguments: ContentTests.core.indicators.map(\.id))
    func coreIndicatorIsComplete(id: String) throws {
        let indicator = try #require(Self.core.indicator(id))
        #expect(Set(indicator.levels.keys) == [1, 2, 3, 4, 5], "levels")
        #expect(Set(indicator.nextSteps.keys) == [2, 3, 4, 5], "next steps")
        #expect(!indicator.evidence.isEmpty, "evidence")
        #expect(!indicator.references.isEmpty, "references")
        #expect(!indicator.respondents.isEmpty, "respondents")
        #expect(indicator.guidance != nil, "guidance")
        #expect(indicator.question.text().hasSuffix("?"), "the question should be a question")
        #expect(indicator.scope != nil, "scope: national or cross-border")
        for (level, text) in indicator.levels {
            #expect(text.text().count >= 30, "level \(level) descriptor is too short to be observable")
        }
        // Five different descriptors: a copy-pasted level tells a mission nothing.
        #expect(Set(indicator.levels.values.map { $0.text() }).count == 5)
    }

    /// What needs a neighbour lives in the international dimension, and nowhere else, so that a
    /// country whose neighbour will not cooperate can still reach level 5 on every other indicator.
    @Test func crossBorderIndicatorsAreTheInternationalDimension() throws {
        let international = try #require(Self.core.dimensions.first { $0.id == "international" })
        for dimension in Self.core.dimensions {
            for indicator in dimension.indicators {
                let expected: IndicatorScope = dimension.id == "international" ? .crossBorder : .national
                #expect(indicator.scope == expected, "\(indicator.id) is \(indicator.scope?.rawValue ?? "without scope")")
            }
        }
        #expect(international.indicators.count >= 11)
        #expect(Self.core.indicators.filter { $0.scope == .national }.count >= 63)
    }

    /// A cross-border indicator tells the assessor what to do while a border is closed.
    @Test(arguments: ContentTests.core.indicators.filter { $0.scope == .crossBorder }.map(\.id))
    func crossBorderIndicatorSaysWhatToDoWhenTheBorderIsClosed(id: String) throws {
        let guidance = try #require(Self.core.indicator(id)?.guidance).text()
        #expect(guidance.contains("closed") && guidance.contains("na"), "\(id): the guidance should say how to answer when a border is closed")
    }

    /// The summary carries the scoring rules an assessor needs before choosing any level.
    @Test func coreSummaryExplainsHowToChooseALevel() throws {
        let summary = try #require(Self.core.summary).text()
        for phrase in ["cumulative", "highest level whose conditions are all met", "MAIN CROSSING POINTS", "cross-border", "na"] {
            #expect(summary.contains(phrase), "the cbm-core summary does not mention \(phrase)")
        }
    }

    /// Citations the 2026.1 review found wrong must not come back.
    @Test func coreCitesTheCorrectSources() throws {
        let alerts = try #require(Self.core.indicator("communication.alerts"))
        #expect(!alerts.references.contains { $0.source == "WTO TFA" && $0.ref?.hasPrefix("Art. 5.1") == true })
        #expect(alerts.references.contains { $0.source.contains("International Health Regulations") })
        let trs = try #require(Self.core.indicator("sustainability.time-release-study"))
        #expect(trs.references.contains { $0.ref?.contains("Version 4") == true })
        let sources = Set(Self.core.indicators.flatMap { $0.references.map(\.source) })
        #expect(!sources.contains("OSCE-UNECE Handbook"), "cite the Handbook by its full title")
        #expect(!sources.contains("WCO CBM key issues"), "the key issues come from the 2014 WCO/CAREC presentation")
        let notes = try #require(Self.core.notes).text()
        #expect(!notes.contains("so not cited"), "stale note: the Annex and Specific Annex articles are cited")
    }

    @Test(arguments: ["wto-tfa", "rkc-general-annex", "harmonization-convention", "wco-safe"])
    func complianceChecklistIsComplete(id: String) throws {
        let checklist = try #require(Self.bundled.catalog.questionnaire(id)?.compliance)
        #expect(checklist.instrument != nil)
        #expect(checklist.provisions.count >= 20)
        for provision in checklist.provisions {
            #expect(!provision.evidence.isEmpty, "\(id) \(provision.id) has no evidence")
            #expect(provision.references.contains { $0.ref != nil }, "\(id) \(provision.id) names no article, chapter or standard")
            #expect(!provision.related.isEmpty, "\(id) \(provision.id) is linked to no maturity indicator")
            #expect(provision.requirement.text().count >= 30, "\(id) \(provision.id) requirement is too short")
        }
    }

    @Test func tfaCoversEveryArticleOfSectionOne() throws {
        let tfa = try #require(Self.bundled.catalog.questionnaire("wto-tfa")?.compliance)
        let ids = Set(tfa.provisions.map(\.id))
        for id in ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "4.1", "5.1", "5.2", "5.3", "6.1", "6.2", "6.3",
                   "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "7.7", "7.8", "7.9", "8.1", "8.2", "9",
                   "10.1", "10.2", "10.3", "10.4", "10.5", "10.6", "10.7", "10.8", "10.9", "12.1", "23.2"] {
            #expect(ids.contains(id), "wto-tfa lacks \(id)")
        }
        #expect(tfa.provisions.contains { $0.id.hasPrefix("11.") })
        #expect(tfa.provisions.contains { $0.obligation == .bestEndeavour })
        #expect(tfa.provision("10.4")?.obligation == .bestEndeavour)
        #expect(tfa.provision("7.1")?.obligation == .binding)
    }

    // MARK: Checklists 2027.1 (issue 16)

    static func checklist(_ id: String, version: String? = nil) -> ComplianceQuestionnaire? {
        (version.map { bundled.catalog.questionnaire(id, version: $0) } ?? bundled.catalog.questionnaire(id))?.compliance
    }

    static func refs(_ provision: Provision?) -> [String] { provision?.references.compactMap(\.ref) ?? [] }

    @Test(arguments: ["wto-tfa", "rkc-general-annex", "harmonization-convention", "wco-safe"])
    func checklistIsVersion2027AndTheOldVersionIsKept(id: String) throws {
        #expect(try #require(Self.checklist(id)).version == "2027.1")
        #expect(Self.checklist(id, version: "2026.1") != nil, "\(id) 2026.1 must stay available for assessments that answered it")
    }

    @Test func tfaAuthorisedOperatorsFollowTheParagraphs() throws {
        let tfa = try #require(Self.checklist("wto-tfa"))
        let b = try #require(tfa.provision("7.7-b")), c = try #require(tfa.provision("7.7-c")), d = try #require(tfa.provision("7.7-d"))
        #expect(b.obligation == .bestEndeavour)
        #expect(Self.refs(b).contains("Art. 7.7.4") && !Self.refs(b).contains("Art. 7.7.5"))
        #expect(c.obligation == .binding && Self.refs(c).contains("Art. 7.7.5"))
        #expect(d.obligation == .binding && Self.refs(d).contains("Art. 7.7.6"))
        // The archived 2026.1 item is unchanged: the old merged, best-endeavour reading.
        let old = try #require(Self.checklist("wto-tfa", version: "2026.1")?.provision("7.7-b"))
        #expect(old.obligation == .bestEndeavour && Self.refs(old).contains("Art. 7.7.5"))
    }

    @Test func tfaPenaltiesAndAppealsCiteTheRightParagraphs() throws {
        let tfa = try #require(Self.checklist("wto-tfa"))
        let disclosure = Self.refs(tfa.provision("6.3-b"))
        #expect(disclosure.contains("Art. 6.3.6") && !disclosure.contains("Art. 6.3.5"))
        #expect(Self.refs(tfa.provision("6.3")).contains { $0.hasPrefix("Art. 6.3.5") })
        let appeal = try #require(tfa.provision("4.1")).requirement.text()
        #expect(appeal.contains("and/or"), "4.1.1: an administrative or a judicial route each satisfies the Agreement")
    }

    /// Items that are not obligations on the country are kept as guidance, and the bundled
    /// checklists score them outside every rate.
    @Test func nonObligationsAreGuidanceAndNotCounted() throws {
        let expected = ["rkc-general-annex": ["2-definitions"], "harmonization-convention": ["a7", "a9-eval"], "wto-tfa": [], "wco-safe": []]
        for (id, guidanceIDs) in expected {
            let checklist = try #require(Self.checklist(id))
            #expect(checklist.provisions.filter { $0.obligation == .guidance }.map(\.id) == guidanceIDs, "\(id)")
            // Every counted item answered full, every guidance item answered none: the rate stays 100%.
            let answers = QuestionnaireAnswers(questionnaireID: id, answers: checklist.provisions.map { provision in
                Answer(itemID: provision.id, responses: [Response(value: .status(provision.obligation == .guidance ? .none : .full))])
            })
            let score = Scorer.score(checklist, answers: answers)
            #expect(score.rate == 1, "\(id)")
            #expect(score.sections.allSatisfy { $0.rate == nil || $0.rate == 1 }, "\(id)")
            #expect(score.guidance.answered == guidanceIDs.count, "\(id)")
            #expect(score.summary.total == checklist.provisions.count - guidanceIDs.count, "\(id)")
            #expect(score.notFullyMet.isEmpty, "\(id)")
        }
    }

    @Test(arguments: ["3.1", "3.2", "3.39", "3.40", "3.41", "6.2", "10.3"])
    func newKyotoStandardIsComplete(id: String) throws {
        let rkc = try #require(Self.checklist("rkc-general-annex"))
        let provision = try #require(rkc.provision(id), "rkc-general-annex lacks Standard \(id)")
        #expect(provision.obligation == .binding)
        #expect(!provision.transitional, "\(id) is a Standard, not a Transitional Standard")
        #expect(Self.refs(provision).contains("Std \(id)"), "\(id) must cite its own Standard number")
        #expect(provision.guidance != nil)
        #expect(provision.evidence.count >= 2)
        #expect(!provision.related.isEmpty)
        let chapter = "ch-" + id.split(separator: ".")[0]
        #expect(rkc.sections.first { $0.provisions.contains { $0.id == id } }?.id == chapter, "\(id) belongs in \(chapter)")
    }

    @Test func kyotoStandardsAreInNumberOrder() throws {
        let rkc = try #require(Self.checklist("rkc-general-annex"))
        for section in rkc.sections {
            let numbers = section.provisions.compactMap { Double($0.id.split(separator: ".").last.map(String.init) ?? "") }
            #expect(numbers == numbers.sorted(), "\(section.id) is out of order")
        }
        let standard33 = try #require(rkc.provision("3.3")).requirement.text()
        #expect(standard33.contains("business") && standard33.contains("competence"))
    }

    @Test func handbookIsCitedByItsFullTitle() throws {
        let title = "Handbook of Best Practices at Border Crossings – A Trade and Transport Facilitation Perspective (OSCE/UNECE 2012)"
        var cited = 0
        for id in ["wto-tfa", "rkc-general-annex", "harmonization-convention", "wco-safe"] {
            for provision in try #require(Self.checklist(id)).provisions {
                for reference in provision.references where reference.source.localizedCaseInsensitiveContains("handbook") {
                    #expect(reference.source == title, "\(id) \(provision.id) cites `\(reference.source)`")
                    cited += 1
                }
            }
        }
        #expect(cited > 0)
    }

    @Test func rkcMarksTransitionalStandards() throws {
        let rkc = try #require(Self.bundled.catalog.questionnaire("rkc-general-annex")?.compliance)
        #expect(rkc.sections.count == 10)
        #expect(rkc.provision("6.9")?.transitional == true)
        #expect(rkc.provision("3.3")?.transitional == false)
    }

    /// The bundled 2027 example answers the current cbm-core completely, with Kestria's side of the
    /// border closed: the national index is whole, and the indicators that concern only the closed
    /// border are `na` with a note.
    @Test func arventa2027AnswersTheCurrentCoreWithAClosedBorder() throws {
        let loaded = try Loader.assessment(at: Repository.path("examples/arventa-2027.yaml"))
        let assessment = loaded.assessment
        let catalog = loaded.catalog
        let answers = try #require(assessment.answers(for: "cbm-core"))
        #expect(answers.version == Self.core.version)
        let answered = Set(answers.answers.map(\.itemID))
        for indicator in Self.core.indicators {
            #expect(answered.contains(indicator.id), "arventa-2027 does not answer \(indicator.id)")
        }
        let card = Scorer.score(assessment, catalog: catalog)
        let core = try #require(card.maturity.first { $0.questionnaire == "cbm-core" })
        let indicators = core.dimensions.flatMap(\.indicators)
        #expect(!indicators.contains { $0.status == .unanswered }, "every indicator should be answered or na")
        let notApplicable = indicators.filter { $0.status == .notApplicable }.map(\.id)
        #expect(notApplicable.contains("international.rail-border-crossings"))
        for id in notApplicable {
            let answer = try #require(answers.answers.first { $0.itemID == id })
            #expect(answer.note != nil, "\(id) is na without a note")
        }
        let national = try #require(core.nationalIndex)
        let crossBorder = try #require(core.crossBorderIndex)
        #expect(national > crossBorder, "the closed border should show in the cross-border index, not the national one")
    }
}
