import Foundation
import Testing
@testable import CBMKit

/// The faults a ministry reader found in the reports (issue 15), each pinned by a test.
@Suite("Reports a ministry can publish")
struct ReportFaultsTests {
    @Test func aShownScoreNeverContradictsItsLevel() {
        #expect(NumberFormatting.score(2.96) == "2.96")
        #expect(NumberFormatting.score(2.999) == "2.99")
        #expect(NumberFormatting.score(2.94) == "2.9")
        #expect(NumberFormatting.score(2.95) == "2.95")
        #expect(NumberFormatting.score(3.0) == "3.0")
        #expect(NumberFormatting.score(2.25) == "2.3")
        #expect(NumberFormatting.amount(0.96) == "1.0")
        var rng = SplitMix64(seed: 15)
        for _ in 0..<20_000 {
            let value = 1 + Double(rng.next() % 4_000_000) / 1_000_000
            let shown = NumberFormatting.score(value)
            #expect(Double(shown)!.rounded(.down) == value.rounded(.down), "\(value) shown as \(shown)")
            #expect(abs(Double(shown)! - value) < 0.051, "\(value) shown as \(shown)")
        }
    }

    @Test func indexAndLevelAgreeInEveryBundledReport() throws {
        let html = Example.html
        // "Overall index 2.6 of 5 — level 2 Initial"
        let pattern = try NSRegularExpression(pattern: #"index (?:of )?([0-9.]+) (?:of|out of) 5[^0-9]*level ([1-5])"#)
        let matches = pattern.matches(in: html, range: NSRange(html.startIndex..., in: html))
        #expect(!matches.isEmpty)
        for match in matches {
            let index = Double(html[Range(match.range(at: 1), in: html)!])!
            let level = Int(html[Range(match.range(at: 2), in: html)!])!
            #expect(Int(index.rounded(.down)) == level)
        }
    }

    @Test func workingGroupColumnShowsTheAgreedLevel() throws {
        // political-will.strategy: agencies 3, 3, 2, 2; the working group agreed 3.
        let html = Example.html
        #expect(html.contains("National CBM strategy and action plan: State Customs Committee 3, State Border Service 3, Veterinary and Food Safety Inspectorate 2, Plant Protection Service 2, Sanitary-Epidemiological Service no answer, Ministry of Transport and Roads no answer, Working group 3"))
        #expect(html.contains("in the last column the level the working group agreed"))
    }

    @Test func provisionsAndIndicatorsAreShownBesideEachOther() throws {
        let html = Example.html, markdown = Example.markdown
        // Beside the single-window indicator: the TFA single-window provisions and their status.
        let start = try #require(html.range(of: "id=\"ind-cbm-core-ict.single-window\""))
        let block = html[start.lowerBound...].prefix(6000)
        #expect(block.contains("Related convention provisions"))
        #expect(block.contains("10.4 Single window (partly implemented)"))
        #expect(markdown.contains("Related convention provisions:"))
        // Beside a provision not yet met: the indicator it is related to, with its level, linked.
        #expect(html.contains("href=\"#ind-cbm-core-ict.single-window\">ict.single-window, level "))
    }

    @Test func equalPrioritiesShareARoadmapPhase() {
        #expect(ReportViewModel.phaseEnds([5, 4, 3, 2, 1, 1, 1, 0.5]) == (7, 8))
        #expect(ReportViewModel.phaseEnds([5, 4, 3, 2, 1, 0.9]) == (5, 6))
        #expect(ReportViewModel.phaseEnds([1, 1, 1, 1, 1, 1, 1]) == (7, 7))
        #expect(ReportViewModel.phaseEnds([]) == (0, 0))
        let sixteen = Array(repeating: 2.0, count: 5) + Array(repeating: 1.0, count: 9) + [0.5, 0.5, 0.5]
        #expect(ReportViewModel.phaseEnds(sixteen) == (5, 17))
    }

    @Test func noBestEndeavourBarForAChecklistWithoutBestEndeavourProvisions() {
        // The Revised Kyoto Convention's General Annex has standards only.
        #expect(!Example.html.contains("obl-rkc-general-annex"))
        #expect(Example.html.contains("obl-wto-tfa"))
        #expect(!Example.html.contains("(0 answered)"))
        // Its caption goes with it: one caption per chart drawn.
        let charts = Example.html.components(separatedBy: "<title id=\"obl-").count - 1
        #expect(charts == 3)
        #expect(Example.html.components(separatedBy: "Binding provisions (solid)").count - 1 == charts)
    }

    @Test func trendWording() throws {
        let latest = try Loader.assessment(at: Repository.path("examples/arventa-2026.yaml"))
        let card = Scorer.score(latest.assessment, catalog: latest.catalog)
        // One assessment: no change and no progress, said so.
        let single = TrendViewModel(try TrendBuilder.build([TrendBuilder.Input(card: card, file: "a.yaml")], catalog: latest.catalog))
        #expect(single.maturity[0].dimensions.allSatisfy { $0.progress == NumberFormatting.missing && $0.change == NumberFormatting.missing })
        #expect(single.summaryParagraphs[0].contains("Only one assessment"))
        // The same scores twice: "stayed at", never "(0.0)".
        var earlier = card
        earlier.assessment.period = "2025"
        let same = TrendViewModel(try TrendBuilder.build([TrendBuilder.Input(card: earlier, file: "a.yaml"), TrendBuilder.Input(card: card, file: "b.yaml")], catalog: latest.catalog))
        let text = same.summaryParagraphs.joined(separator: " ")
        #expect(text.contains("stayed at 2.6"))
        #expect(!text.contains("(0.0)"))
        #expect(text.contains("No dimension improved."))
        #expect(text.contains("No dimension has reached its target yet."))
        #expect(text.contains("unchanged at 70.2%"))
    }

    @Test func trendSentencesCountNaturally() throws {
        let files = ["2024", "2025", "2026"].map { Repository.path("examples/arventa-\($0).yaml") }
        let trend = try Loader.trend(at: files).trend
        let model = TrendViewModel(trend)
        let text = model.summaryParagraphs.joined(separator: " ")
        #expect(text.contains("10 of 10 dimensions improved") || text.contains(" of 10 dimensions improved"))
        #expect(!text.contains("dimension of 10"))
        #expect(!text.contains("0 of 10 dimensions have"))
        // A negative progress or change uses a true minus sign, like every other negative number.
        for row in model.maturity.flatMap({ $0.dimensions + $0.indicators }) {
            #expect(!row.progress.hasPrefix("-") && !row.change.hasPrefix("-"), "\(row.id): \(row.progress) \(row.change)")
        }
        // The text output lists the renamed indicator, as JSON, HTML and Markdown do.
        #expect(trend.terminalSummary().contains("renamed: ict.paperless"))
        #expect(try ReportRenderer.renderTrend(trend, format: .md).contains("ict.paperless"))
    }

    @Test func indicatorNotAnsweredInTheLatestYearShowsNoChange() {
        let series = TrendBuilder.series([2, 3, nil], periods: ["2024", "2025", "2026"], target: 4)
        let row = TrendViewModel.row(TrendItem(id: "x", title: "X", dimension: nil, series: series), periods: ["2024", "2025", "2026"], percent: false)
        #expect(row.change == NumberFormatting.missing)
        #expect(row.progress == NumberFormatting.missing)
        let falling = TrendBuilder.series([3, 2], periods: ["2025", "2026"], target: 4)
        let fallingRow = TrendViewModel.row(TrendItem(id: "y", title: "Y", dimension: nil, series: falling), periods: ["2025", "2026"], percent: false)
        #expect(fallingRow.change == "−1.0")
        #expect(fallingRow.progress == "−100%")
    }

    @Test func lineBreaksInCommentsAreKept() throws {
        let answers = QuestionnaireAnswers(questionnaireID: "mini", answers: [
            Answer(itemID: "alpha.one", responses: [Response(agency: "c", value: .level(.level(2)), evidence: "first\nsecond", comment: "one\ntwo")]),
        ])
        let assessment = Assessment(title: "T", country: "Testland", period: "2026", agencies: [Agency(id: "c", name: "Customs")], questionnaires: [answers])
        let card = Scorer.score(assessment, catalog: Fixtures.catalog)
        let html = try ReportRenderer.render(card, catalog: Fixtures.catalog, format: .html)
        let markdown = try ReportRenderer.render(card, catalog: Fixtures.catalog, format: .md)
        #expect(html.contains("<td class=\"evidence\">one\ntwo</td>"))
        #expect(markdown.contains("first<br>second"))
        #expect(markdown.contains("one<br>two"))
    }

    @Test func coverIsOnlyPageHighInPrint() throws {
        let html = Example.html
        let screen = try #require(html.range(of: ".cover {"))
        #expect(!html[screen.lowerBound...].prefix(200).contains("min-height"))
        #expect(html.contains("  .cover { min-height: 250mm;"))
    }
}
