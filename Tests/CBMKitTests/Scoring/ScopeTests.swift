import Foundation
import Testing
@testable import CBMKit

/// A questionnaire with two dimensions, each holding national and cross-border indicators.
private let scopedYAML = """
id: scoped
kind: maturity
version: "1.0"
title: Scoped questionnaire
dimensions:
  - id: home
    title: Home
    weight: 2
    indicators:
      - {id: home.a, title: A, question: A?, weight: 1, scope: national, levels: {1: a, 2: b, 3: c, 4: d, 5: e}}
      - {id: home.b, title: B, question: B?, weight: 3, scope: national, levels: {1: a, 2: b, 3: c, 4: d, 5: e}}
      - {id: home.c, title: C, question: C?, weight: 1, scope: cross-border, levels: {1: a, 2: b, 3: c, 4: d, 5: e}}
  - id: away
    title: Away
    weight: 1
    indicators:
      - {id: away.a, title: A, question: A?, scope: cross-border, levels: {1: a, 2: b, 3: c, 4: d, 5: e}}
      - {id: away.b, title: B, question: B?, scope: cross-border, levels: {1: a, 2: b, 3: c, 4: d, 5: e}}
      - {id: away.c, title: C, question: C?, scope: national, levels: {1: a, 2: b, 3: c, 4: d, 5: e}}
"""

private func scopedQuestionnaire(_ yaml: String = scopedYAML) throws -> (MaturityQuestionnaire?, [Diagnostic]) {
    let read = YAMLReader.read(Data(yaml.utf8), file: "q.yaml")
    let document = try #require(read.value)
    let decoded = Loader.decodeQuestionnaire(document, diagnostics: read.diagnostics)
    return (decoded.value?.maturity, decoded.diagnostics)
}

/// The group's agreed answers: a level 1–5, or 0 for `na`.
private func consensus(_ levels: [String: Int]) -> QuestionnaireAnswers {
    let answers = levels.sorted { $0.key < $1.key }.map { id, level in
        Answer(itemID: id, consensus: AnswerValue.level(level == 0 ? MaturityLevel.notApplicable : MaturityLevel.level(level)))
    }
    return QuestionnaireAnswers(questionnaireID: "scoped", answers: answers)
}

@Suite("Scope: national and cross-border indicators")
struct ScopeTests {
    @Test func subIndexesAreComputedLikeTheIndex() throws {
        let questionnaire = try #require(try scopedQuestionnaire().0)
        let scopes: [IndicatorScope?] = questionnaire.indicators.map(\.scope)
        let expected: [IndicatorScope?] = [.national, .national, .crossBorder, .crossBorder, .crossBorder, .national]
        #expect(scopes == expected)
        let answers = consensus(["home.a": 4, "home.b": 2, "home.c": 1,
                                 "away.a": 3, "away.b": 0, "away.c": 5])
        let score = Scorer.score(questionnaire, answers: answers)
        // National: home (4×1 + 2×3) ÷ 4 = 2.5 (weight 2); away 5 (weight 1) → (2.5×2 + 5) ÷ 3 = 10/3.
        let national = try #require(score.nationalIndex)
        #expect(abs(national - 10.0 / 3) < 1e-12)
        // Cross-border: home 1 (weight 2); away 3 (the `na` takes no part) → (1×2 + 3) ÷ 3 = 5/3.
        let crossBorder = try #require(score.crossBorderIndex)
        #expect(abs(crossBorder - 5.0 / 3) < 1e-12)
        // The overall index is unchanged by scope: home (4 + 6 + 1) ÷ 5 = 2.2; away (3 + 5) ÷ 2 = 4.
        let index = try #require(score.index)
        let expectedIndex: Double = (2.2 * 2 + 4) / 3
        #expect(abs(index - expectedIndex) < 1e-12)
        #expect(score.indicators.first { $0.id == "home.c" }?.scope == .crossBorder)
    }

    @Test func aClosedBorderLeavesTheNationalIndexWhole() throws {
        let questionnaire = try #require(try scopedQuestionnaire().0)
        let answers = consensus(["home.a": 3, "home.b": 3, "away.c": 3,
                                 "home.c": 0, "away.a": 0, "away.b": 0])
        let score = Scorer.score(questionnaire, answers: answers)
        #expect(score.nationalIndex == 3)
        #expect(score.crossBorderIndex == nil)
    }

    @Test func questionnairesWithoutScopeHaveNoSubIndexes() throws {
        let unscoped = scopedYAML.replacingOccurrences(of: ", scope: national", with: "")
            .replacingOccurrences(of: ", scope: cross-border", with: "")
        let (questionnaire, diagnostics) = try scopedQuestionnaire(unscoped)
        #expect(diagnostics.isEmpty)
        let score = Scorer.score(try #require(questionnaire), answers: consensus(["home.a": 3]))
        #expect(score.index == 3)
        #expect(score.nationalIndex == nil && score.crossBorderIndex == nil)
    }

    @Test func aWrongScopeIsALocatedError() throws {
        let yaml = scopedYAML.replacingOccurrences(of: "id: away.a, title: A, question: A?, scope: cross-border",
                                                   with: "id: away.a, title: A, question: A?, scope: crossborder")
        let (_, diagnostics) = try scopedQuestionnaire(yaml)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.location.line == 17)
        #expect(error.message.contains("`scope` of indicator `away.a`"))
        #expect(error.message.contains("`national`") && error.message.contains("`cross-border`"))
        #expect(error.message.contains("crossborder"))
    }

    @Test func aMissingScopeBesideDeclaredOnesIsWarned() throws {
        let yaml = scopedYAML.replacingOccurrences(of: "id: away.b, title: B, question: B?, scope: cross-border,",
                                                   with: "id: away.b, title: B, question: B?,")
        let (questionnaire, diagnostics) = try scopedQuestionnaire(yaml)
        #expect(questionnaire != nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.message.contains("`away.b` has no `scope`") == true)
    }

    @Test func jsonCarriesBothSubIndexesAndEachIndicatorsScope() throws {
        let questionnaire = try #require(try scopedQuestionnaire().0)
        let score = Scorer.score(questionnaire, answers: consensus(["home.a": 4, "away.a": 2]))
        let json = score.json.rendered()
        #expect(json.contains("\"national_index\": 4"))
        #expect(json.contains("\"cross_border_index\": 2"))
        #expect(json.contains("\"scope\": \"cross-border\""))
    }
}

@Suite("Scope: the reports show both sub-indexes")
struct ScopeReportTests {
    @Test(arguments: ["en", "ru"])
    func reportsOfA2027AssessmentShowBothSubIndexes(language: String) throws {
        let loaded = try Loader.assessment(at: Repository.path("examples/arventa-2027.yaml"))
        let assessment = loaded.assessment
        let catalog = loaded.catalog
        let card = Scorer.score(assessment, catalog: catalog, language: language)
        let core = try #require(card.maturity.first { $0.questionnaire == "cbm-core" })
        let strings = try StringTable.forLanguage(language)
        let national = strings.score(try #require(core.nationalIndex))
        let crossBorder = strings.score(try #require(core.crossBorderIndex))
        #expect(national != crossBorder)  // the example's closed border keeps them apart
        let markdown = try ReportRenderer.render(card, catalog: catalog, format: .md, language: language)
        #expect(markdown.contains(strings.text("report.summary.sub_index_line", ["national": national, "cross_border": crossBorder])))
        let html = try ReportRenderer.render(card, catalog: catalog, format: .html, language: language)
        #expect(html.contains("<div><b>\(national)</b><span>\(strings["report.summary.national_label"])</span></div>"))
        #expect(html.contains("<div><b>\(crossBorder)</b><span>\(strings["report.summary.cross_border_label"])</span></div>"))
    }

    @Test func reportsOfVersionsWithoutScopeShowNoSubIndexes() throws {
        let loaded = try Loader.assessment(at: Repository.path("examples/arventa-2026.yaml"))
        let assessment = loaded.assessment
        let catalog = loaded.catalog
        let card = Scorer.score(assessment, catalog: catalog)
        let markdown = try ReportRenderer.render(card, catalog: catalog, format: .md)
        #expect(!markdown.contains("National index"))
    }
}
