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

        let (assessment, catalog, _) = try Loader.assessment(at: file)
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

    @Test func locationsSortAsAPersonReadsThem() {
        let places = [SourceLocation(file: "b.yaml", line: 1, column: 1), SourceLocation(file: "a.yaml", line: 2, column: 1),
                      SourceLocation(file: "a.yaml", line: 1, column: 9), SourceLocation(file: "a.yaml", line: 1, column: 2)]
        #expect(places.sorted().map(\.description) == ["a.yaml:1:2", "a.yaml:1:9", "a.yaml:2:1", "b.yaml:1:1"])
    }
}
