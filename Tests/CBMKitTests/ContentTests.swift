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
        for (level, text) in indicator.levels {
            #expect(text.text().count >= 30, "level \(level) descriptor is too short to be observable")
        }
        // Five different descriptors: a copy-pasted level tells a mission nothing.
        #expect(Set(indicator.levels.values.map { $0.text() }).count == 5)
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
}
