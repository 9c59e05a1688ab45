import Foundation
import Testing
@testable import CBMKit

/// The functions that join loading and scoring (`Pipeline.swift`).
@Suite("Pipeline: load, then score")
struct PipelineTests {
    /// `cbm report --baseline` reads everything once, and gives the report it gave when it read
    /// the main file twice (once alone, once for the trend).
    @Test func reportWithBaselineIsTheSameAsLoadingTwice() throws {
        let file = Repository.path("examples/arventa-2026.yaml")
        let baseline = ["examples/arventa-2024.yaml", "examples/arventa-2025.yaml"].map(Repository.path)
        let once = try Loader.scoreCard(at: file, baseline: baseline)

        let loaded = try Loader.assessment(at: file)
        let assessment = loaded.assessment
        let catalog = loaded.catalog
        let card = Scorer.score(assessment, catalog: catalog)
        let trend = try Loader.trend(at: baseline + [file]).trend

        for format in ReportFormat.allCases {
            let expected = try ReportRenderer.render(card, catalog: catalog, format: format, trend: trend)
            let found = try ReportRenderer.render(once.card, catalog: once.catalog, format: format, trend: once.trend)
            #expect(found == expected, "\(format)")
        }
    }

    @Test func aBaselineWithAnErrorStopsWithEveryProblem() throws {
        let dir = TemporaryDirectory()
        let broken = dir.write("old.yaml", fixture("mini-assessment.yaml", replacing: "period: 2026", with: "period: 0000"))
        #expect(throws: LoadError.self) {
            try Loader.scoreCard(at: Repository.path("examples/arventa-2026.yaml"), baseline: [broken.path])
        }
    }

    /// `cbm report`, `trend` and `compare` count the untranslated texts of the questionnaires
    /// they used the same way: each version scored once, whatever the number of files.
    @Test func theQuestionnairesUsedAreCountedOnceByEveryResult() throws {
        let files = ["examples/arventa-2025.yaml", "examples/arventa-2026.yaml"].map(Repository.path)
        let single = try Loader.scoreCard(at: files[1]).translationGaps(language: "ru")
        let trend = try Loader.trend(at: files).translationGaps(language: "ru")
        // The comparison leaves out the earlier year of the same country, and its questionnaires.
        let compared = try Loader.comparison(at: files).translationGaps(language: "ru")
        let card = try Loader.scoreCard(at: files[1]).card
        let catalog = Catalog.load(adding: []).catalog
        let expected = TranslationGaps(questionnaires: card.maturity.map { ($0.questionnaire, $0.version) } + card.compliance.map { ($0.questionnaire, $0.version) },
                                       catalog: catalog, language: "ru")
        #expect(single.total > 0 && single.total == expected.total && single.missing == expected.missing)
        #expect(TranslationGaps(scoredIn: [card, card], catalog: catalog, language: "ru").total == single.total)
        #expect(compared.total == single.total)
        // The trend adds the questionnaire versions of the earlier year.
        #expect(trend.total >= single.total)
    }

    @Test func locationsSortAsAPersonReadsThem() {
        let places = [SourceLocation(file: "b.yaml", line: 1, column: 1), SourceLocation(file: "a.yaml", line: 2, column: 1),
                      SourceLocation(file: "a.yaml", line: 1, column: 9), SourceLocation(file: "a.yaml", line: 1, column: 2)]
        #expect(places.sorted().map(\.description) == ["a.yaml:1:2", "a.yaml:1:9", "a.yaml:2:1", "b.yaml:1:1"])
    }
}
