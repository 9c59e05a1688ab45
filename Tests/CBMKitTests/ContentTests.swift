import Foundation
import Testing
@testable import CBMKit

/// The bundled questionnaires are the product's substance: these rules keep future edits
/// from quietly making them incomplete.
@Suite("Bundled questionnaire content")
struct ContentTests {
    static let bundled = Catalog.bundled()

    @Test func bundledQuestionnairesLoadWithoutProblems() {
        #expect(Self.bundled.diagnostics.isEmpty, "\(Self.bundled.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(Set(Self.bundled.catalog.ids) == ["cbm-core", "wto-tfa", "rkc-general-annex", "harmonization-convention", "wco-safe"])
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
        let (assessment, catalog, _) = try Loader.assessment(at: Repository.path("examples/arventa-2027.yaml"))
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
