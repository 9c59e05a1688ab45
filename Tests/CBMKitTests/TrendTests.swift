import Foundation
import Testing
@testable import CBMKit

/// A score card of the `mini` questionnaire for one period, with one level per indicator.
private func card(
    _ period: String, country: String = "Testland", levels: [String: Int], version: String? = nil,
    targets: [Target] = [], catalog: Catalog = Fixtures.catalog, rate: ComplianceStatus? = nil
) -> Trend.Input {
    var answers = [QuestionnaireAnswers(
        questionnaireID: "mini", version: version, targets: targets,
        answers: levels.sorted { $0.key < $1.key }.map { Answer(itemID: $0.key, responses: [Response(value: .level(.level($0.value)))]) })]
    if let rate {
        answers.append(QuestionnaireAnswers(questionnaireID: "mini-checklist", answers: [
            Answer(itemID: "1.1", responses: [Response(value: .status(rate))]),
        ]))
    }
    let assessment = Assessment(title: "Testland \(period)", country: country, period: period, questionnaires: answers)
    return Trend.Input(card: Scorer.score(assessment, catalog: catalog), file: "\(country)-\(period).yaml")
}

@Suite("Year-over-year trend")
struct TrendTests {
    @Test func assessmentsAreOrderedByPeriod() throws {
        let trend = try Trend.build([card("2026", levels: ["alpha.one": 3]), card("2024", levels: ["alpha.one": 1]),
                                     card("2025-H2", levels: ["alpha.one": 2]), card("2025-H1", levels: ["alpha.one": 2])],
                                    catalog: Fixtures.catalog)
        #expect(trend.periods == ["2024", "2025-H1", "2025-H2", "2026"])
        #expect(trend.maturity[0].indicators.first { $0.id == "alpha.one" }?.series.values == [1, 2, 2, 3])
    }

    @Test func periodOrder() {
        #expect(PeriodOrder.precedes("2025", "2025-H1"))
        #expect(PeriodOrder.precedes("2025-Q2", "2025-H2"))
        #expect(PeriodOrder.precedes("2025-03", "2025-Q2"))
        #expect(PeriodOrder.precedes("2024-12", "2025"))
    }

    @Test func deltasAndRegressions() throws {
        let trend = try Trend.build([card("2024", levels: ["alpha.one": 2]), card("2025", levels: ["alpha.one": 4]),
                                     card("2026", levels: ["alpha.one": 3])], catalog: Fixtures.catalog)
        let series = try #require(trend.maturity[0].indicators.first { $0.id == "alpha.one" }?.series)
        #expect(series.values == [2, 4, 3])
        #expect(series.deltas == [nil, 2, -1])
        #expect(series.regressions == ["2026"])
        #expect(series.change == 1)
        // A drop of exactly 0.5 counts as a regression; 0.4 does not.
        #expect(Trend.series([3, 2.5], periods: ["a", "b"]).regressions == ["b"])
        #expect(Trend.series([3, 2.6], periods: ["a", "b"]).regressions.isEmpty)
        // The dimension score follows: alpha is the weighted mean of alpha.one (weight 1) only.
        #expect(trend.maturity[0].dimensions.first { $0.id == "alpha" }?.series.regressions == ["2026"])
    }

    @Test func progressToTarget() {
        #expect(Trend.series([2, 3], periods: ["a", "b"], target: 4).progress == 0.5)
        #expect(Trend.series([2, 4.5], periods: ["a", "b"], target: 4).progress == 1.25)      // exceeded
        #expect(Trend.series([3, 2], periods: ["a", "b"], target: 4).progress == -1)          // went backwards
        let met = Trend.series([4, 4.5], periods: ["a", "b"], target: 4)                     // target met at baseline
        #expect(met.progress == nil)
        #expect(met.targetMetAtBaseline)
        let below = Trend.series([4, 3], periods: ["a", "b"], target: 3)                      // target below baseline
        #expect(below.progress == nil)
        #expect(below.targetMetAtBaseline)
        #expect(Trend.series([nil, 2, 3], periods: ["a", "b", "c"], target: 4).progress == 0.5) // first value present
        #expect(Trend.series([2], periods: ["a"], target: 4).progress == 0)
    }

    @Test func targetComesFromTheLatestAssessment() throws {
        let trend = try Trend.build([card("2024", levels: ["alpha.one": 2]),
                                     card("2025", levels: ["alpha.one": 3], targets: [Target(id: "alpha.one", level: 5)])],
                                    catalog: Fixtures.catalog)
        let series = try #require(trend.maturity[0].indicators.first { $0.id == "alpha.one" }?.series)
        #expect(series.target == 5)
        #expect(series.progress == 1.0 / 3.0)
    }

    @Test func mixedCountriesAreRefused() {
        #expect {
            try Trend.build([card("2024", country: "Testland", levels: [:]), card("2025", country: "Otherland", levels: [:])],
                            catalog: Fixtures.catalog)
        } throws: { error in
            let text = "\(error)"
            return text.contains("different countries") && text.contains("Otherland-2025.yaml: Otherland")
        }
    }

    @Test func samePeriodTwiceIsRefused() {
        #expect(throws: TrendError.self) {
            try Trend.build([card("2024", levels: [:]), card("2024", levels: [:])], catalog: Fixtures.catalog)
        }
    }

    @Test func versionChangesAreListedAndMissingItemsStayEmpty() throws {
        var catalog = Fixtures.catalog
        let older = Fixtures.text("mini-maturity.yaml")
            .replacingOccurrences(of: "version: \"1.0\"", with: "version: \"0.9\"")
            .replacingOccurrences(of: "title: Two\n", with: "title: Two (old)\n")
            .replacingOccurrences(of: "      - id: beta.one", with: "      - id: beta.old")
        let loadedRoot = YAMLReader.read(Data(older.utf8), file: "old.yaml")
        let root = loadedRoot.value, _ = loadedRoot.diagnostics
        let questionnaire = try #require(Loader.decodeQuestionnaire(root!, diagnostics: []).value)
        _ = catalog.add(questionnaire, file: "old.yaml", bundled: false)

        let trend = try Trend.build([
            card("2024", levels: ["alpha.one": 2, "beta.old": 2], version: "0.9", catalog: catalog),
            card("2025", levels: ["alpha.one": 3, "beta.one": 3], version: "1.0", catalog: catalog),
        ], catalog: catalog)
        let change = try #require(trend.changes.first)
        #expect(change.fromVersion == "0.9")
        #expect(change.toVersion == "1.0")
        #expect(change.period == "2025")
        #expect(change.added.map(\.id) == ["beta.one"])
        #expect(change.removed.map(\.id) == ["beta.old"])
        #expect(change.renamed.map(\.id) == ["alpha.two"])
        #expect(change.renamed.first?.oldTitle == "Two (old)")
        let indicators = trend.maturity[0].indicators
        #expect(indicators.first { $0.id == "beta.one" }?.series.values == [nil, 3])
        #expect(indicators.first { $0.id == "beta.old" }?.series.values == [2, nil])
        #expect(trend.maturity[0].versions == ["0.9", "1.0"])
    }

    @Test func complianceRatesOverTime() throws {
        let trend = try Trend.build([card("2024", levels: [:], rate: .pilot), card("2025", levels: [:], rate: .full)], catalog: Fixtures.catalog)
        let rates = try #require(trend.compliance.first?.rates)
        #expect(rates.values == [1.0 / 3.0, 1.0])
        #expect(rates.regressions.isEmpty)
    }

    @Test func jsonHasNullsWhereNothingIsKnown() throws {
        let trend = try Trend.build([card("2024", levels: ["alpha.one": 2]), card("2025", levels: ["alpha.one": 3])], catalog: Fixtures.catalog)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(trend.json.rendered().utf8)) as? [String: Any])
        #expect(object["country"] as? String == "Testland")
        #expect(object["periods"] as? [String] == ["2024", "2025"])
        let maturity = try #require((object["maturity"] as? [[String: Any]])?.first)
        let dimension = try #require((maturity["dimensions"] as? [[String: Any]])?.first)
        #expect(dimension["scores"] as? [Double] == [2, 3])
        let deltas = try #require(dimension["deltas"] as? [Any])
        #expect(deltas.first is NSNull)
        #expect(dimension["regressions"] as? [String] == [])
        let beta = try #require((maturity["dimensions"] as? [[String: Any]])?.last)
        #expect((beta["scores"] as? [Any])?.allSatisfy { $0 is NSNull } == true)
    }

    @Test func trendReportsRenderInBothFormats() throws {
        let trend = try Trend.build([card("2024", levels: ["alpha.one": 4]), card("2025", levels: ["alpha.one": 2])], catalog: Fixtures.catalog)
        let html = try ReportRenderer.renderTrend(trend, format: .html)
        let markdown = try ReportRenderer.renderTrend(trend, format: .md)
        #expect(html.contains("reform progress 2024–2025"))
        #expect(html.contains("▼ regression"))
        #expect(markdown.contains("▼ regression"))
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("<svg"))
        #expect(markdown.contains("| Alpha ▼ regression | 4.0 | 2.0 | −2.0 | 4 | target met at start |"))
    }
}
