import Foundation
import Testing
@testable import CBMKit

// Faults of issue 14 that the library fixes: reports linear in the number of agencies,
// direction controls shown in reports, short sheet rows, tiny weights, and an import that
// would pass the size limit.

@Suite("Reliability: reports with very many agencies")
struct ManyAgenciesReportTests {
    /// cbm-core answered by `count` agencies, agency k answering indicator k mod 63.
    static func card(agencies count: Int) -> (ScoreCard, Catalog) {
        let catalog = Fixtures.catalog
        let core = catalog.questionnaire("cbm-core")!
        let items = core.itemIDs
        let agencies = (0..<count).map { Agency(id: "agency-\($0)", name: "Agency \($0)") }
        let answers = items.enumerated().compactMap { index, item -> Answer? in
            let responses = stride(from: index, to: count, by: items.count).map { k in
                Response(agency: "agency-\(k)", value: .level(.level(1 + (k / items.count) % 5)), evidence: "Order \(k)")
            }
            return responses.isEmpty ? nil : Answer(itemID: item, responses: responses)
        }
        let assessment = Assessment(title: "Scaleland 2026", country: "Scaleland", period: "2026", agencies: agencies,
                                    questionnaires: [QuestionnaireAnswers(questionnaireID: "cbm-core", version: core.version, answers: answers)])
        return (Scorer.score(assessment, catalog: catalog), catalog)
    }

    @Test func aFewAgenciesHaveAColumnEach() throws {
        let (card, catalog) = Self.card(agencies: ReportViewModel.heatMapAgencyLimit)
        let model = ReportViewModel(card: card, catalog: catalog)
        let dimension = try #require(model.maturity.first?.dimensions.first)
        #expect(dimension.heatmapCaption.hasPrefix("Level given by each agency."))
        #expect(dimension.heatmapSVG.contains(">Agency 0<"))
        #expect(model.coverAgencies.count == ReportViewModel.heatMapAgencyLimit)
        #expect(model.moreAgencies == nil)
    }

    @Test func manyAgenciesAreCountedByLevelAndTheCoverNamesTheFirst() throws {
        let (card, catalog) = Self.card(agencies: 2_000)
        let model = ReportViewModel(card: card, catalog: catalog)
        let dimension = try #require(model.maturity.first?.dimensions.first)
        #expect(dimension.heatmapCaption.hasPrefix("Number of agencies giving each level: 2000 agencies answered, too many for a column each"))
        #expect(!dimension.heatmapSVG.contains(">Agency 0<"))
        for level in 1...5 { #expect(dimension.heatmapSVG.contains(">level \(level)</tspan>")) }
        #expect(dimension.heatmapSVG.contains("Cells: number of agencies giving level 1–5"))
        // Every answer is still listed, under its indicator.
        #expect(model.maturity[0].dimensions.flatMap(\.indicators).reduce(0) { $0 + $1.responses.count } == 2_000)
        #expect(model.coverAgencies.count == ReportViewModel.coverAgencyLimit)
        #expect(model.moreAgencies == "and 1980 more agencies (all are listed in the annex)")
        #expect(model.agencies.count == 2_000)

        let html = try ReportRenderer.render(card, catalog: catalog, format: .html)
        #expect(html.contains("Agency 19<br>and 1980 more agencies (all are listed in the annex)</dd>"))
        #expect(!html.contains("Agency 20<br>"))
        let markdown = try ReportRenderer.render(card, catalog: catalog, format: .md)
        #expect(markdown.contains("Agency 19; and 1980 more agencies (all are listed in the annex) |"))

        // In Russian, from the string table.
        let russian = ReportViewModel(card: card, catalog: catalog, language: "ru")
        let russianDimension = try #require(russian.maturity.first?.dimensions.first)
        #expect(russianDimension.heatmapCaption.hasPrefix("Число ведомств, указавших каждый уровень: ответили 2000 ведомств — слишком много"), "\(russianDimension.heatmapCaption)")
        #expect(russianDimension.heatmapSVG.contains(">уровень 3</tspan>"))
        #expect(russian.moreAgencies == "и еще 1980 ведомств (все перечислены в приложении)")
    }

    /// The report grows with the agencies, not with their square: 16 times the agencies
    /// take well under 16 × 16 times as long, and the size per agency stays the same.
    @Test func reportTimeAndSizeGrowLinearly() throws {
        func measure(_ count: Int) throws -> (time: Double, size: Int) {
            let (card, catalog) = Self.card(agencies: count)
            let start = Date()
            let html = try ReportRenderer.render(card, catalog: catalog, format: .html)
            return (Date().timeIntervalSince(start), html.utf8.count)
        }
        _ = try measure(100)  // warm-up: templates parsed
        let small = try measure(1_000), large = try measure(16_000)
        // Quadratic growth gives 256 times; linear 16 (allow for a busy machine).
        #expect(large.time / small.time < 64, "1,000 agencies: \(small.time) s; 16,000: \(large.time) s")
        let perAgency = (Double(large.size) - Double(small.size)) / 15_000
        #expect(perAgency < 1_000, "\(perAgency) bytes per agency")
    }
}
