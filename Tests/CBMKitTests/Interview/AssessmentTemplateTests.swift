import Foundation
import Testing
@testable import CBMKit

@Suite("cbm init templates")
struct TemplateTests {
    @Test func templateOfEveryBundledQuestionnaireIsValidAndUnanswered() throws {
        let catalog = Catalog.bundled().catalog
        let template = AssessmentTemplate(
            country: "Республика Арвента", period: "2026-H1", questionnaireIDs: catalog.ids,
            agencies: [Agency(id: "customs", name: "Государственный таможенный комитет"), Agency(id: "border-guard", name: "Border \"Guard\": HQ")])
        let text = try template.yaml(catalog: catalog, fileName: "arventa.yaml")
        let (assessment, diagnostics) = Interview.reread(text, catalog: catalog)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let a = try #require(assessment)
        #expect(a.header.country == "Республика Арвента")
        #expect(a.header.title == "Республика Арвента CBM assessment 2026-H1")
        #expect(a.header.agencies.map(\.name) == ["Государственный таможенный комитет", "Border \"Guard\": HQ"])
        for questionnaire in catalog.questionnaires {
            let answers = try #require(a.answers(for: questionnaire.id))
            #expect(answers.version == questionnaire.version)
            #expect(answers.answers.map(\.itemID) == questionnaire.itemIDs)
            #expect(answers.answers.allSatisfy { $0.responses.count == 1 && SheetMerge.isPlaceholder($0.responses[0]) })
        }
        let card = Scorer.score(a, catalog: catalog)
        #expect(card.maturity.count == catalog.questionnaires.filter { $0.kind == .maturity }.count)
        for maturity in card.maturity {
            #expect(maturity.index == nil)
            #expect(maturity.indicators.allSatisfy { $0.status == .unanswered })
        }
        for compliance in card.compliance {
            #expect(compliance.rate == nil)
            #expect(compliance.provisions.allSatisfy { $0.status == .unanswered })
        }
        #expect(card.priorities.isEmpty)
    }

    @Test func templateShowsQuestionsAndLevelsAsComments() throws {
        let catalog = Fixtures.catalog
        let text = try AssessmentTemplate(country: "Testland", period: "2026", questionnaireIDs: ["mini", "mini-checklist"])
            .yaml(catalog: catalog)
        #expect(text.contains("      # Question: Is there one?\n"))
        #expect(text.contains("      # 3 Defined: defined\n"))
        #expect(text.contains("      alpha.one: {level: unknown}\n"))
        #expect(text.contains("      # Requirement: Publish the rules.\n"))
        #expect(text.contains("      \"1.1\": {status: unknown}\n"))
        #expect(AssessmentWriter.guideLanguage(in: text) == "en")
    }

    @Test func hostileQuestionnaireTextStaysInsideComments() throws {
        var catalog = Fixtures.catalog
        let evil = "Line\u{2028}injected: 1\n  - {agency: x}\r\nnext\u{85}x: y\u{0}"
        let indicator = Indicator(id: "evil.one", title: LocalizedText(evil), question: LocalizedText(evil),
                                  levels: Dictionary(uniqueKeysWithValues: (1...5).map { ($0, LocalizedText(evil)) }),
                                  evidence: [LocalizedText(evil)])
        let questionnaire = MaturityQuestionnaire(id: "evil", version: "1", title: LocalizedText(evil), scale: ScaleLevel.standard,
                                                  dimensions: [Dimension(id: "evil", title: LocalizedText(evil), indicators: [indicator])])
        #expect(catalog.add(.maturity(questionnaire), file: "evil.yaml", bundled: false) == nil)
        let text = try AssessmentTemplate(country: "X", period: "2026", questionnaireIDs: ["evil"]).yaml(catalog: catalog)
        let (assessment, diagnostics) = Interview.reread(text, catalog: catalog)
        #expect(diagnostics.isEmpty, "\(diagnostics)\n\(text)")
        #expect(assessment?.questionnaires.first?.answers.map(\.itemID) == ["evil.one"])
    }

    @Test func everyProblemWithTheRequestIsReported() {
        let template = AssessmentTemplate(country: " ", period: "2026 H1", questionnaireIDs: ["cbm-cor", "cbm-core", "cbm-core"],
                                          agencies: [Agency(id: "customs", name: "A"), Agency(id: "customs", name: "B")])
        #expect(throws: UsageError.self) { try template.assessment(catalog: Fixtures.catalog) }
        do {
            _ = try template.assessment(catalog: Fixtures.catalog)
        } catch {
            let text = error.description
            #expect(text.contains("`--country`: expected the name of the country assessed, found nothing"))
            #expect(text.contains("`--period`: expected a year such as 2026, or 2026-H1, 2026-Q3 or 2026-05, found `2026 H1`"))
            #expect(text.contains("`--questionnaire cbm-cor`: there is no questionnaire with this id; did you mean `cbm-core`?"))
            #expect(text.contains("`--questionnaire cbm-core` is given twice"))
            #expect(text.contains("`--agency customs=…` is given twice"))
            #expect(error.problems.count == 5)
        }
        let none = AssessmentTemplate(country: "X", period: "2026", questionnaireIDs: [])
        #expect(throws: UsageError.self) { try none.assessment(catalog: Fixtures.catalog) }
    }

    @Test func agencyOptions() throws {
        let agency = try AssessmentTemplate.agency(parsing: "border-guard = Государственная пограничная служба")
        #expect(agency == Agency(id: "border-guard", name: "Государственная пограничная служба"))
        #expect(throws: UsageError.self) { try AssessmentTemplate.agency(parsing: "customs") }
        #expect(throws: UsageError.self) { try AssessmentTemplate.agency(parsing: "Customs=State Customs") }
        #expect(throws: UsageError.self) { try AssessmentTemplate.agency(parsing: "customs=") }
    }

    @Test func defaultFileName() {
        #expect(AssessmentTemplate(country: "Republic of Arventa", period: "2026", questionnaireIDs: []).defaultFileName() == "republic-of-arventa-2026.yaml")
        #expect(AssessmentTemplate(country: "Арвента", period: "2026-H1", questionnaireIDs: []).defaultFileName() == "assessment-2026-H1.yaml")
    }
}
