import Foundation
import Testing
@testable import CBMKit

@Suite("Mission report")
struct ReportTests {
    @Test func everySectionIsPresentInBothFormats() {
        for heading in ["Executive summary", "Method", "Findings: Coordinated Border Management", "Convention compliance",
                        "Gap analysis and roadmap", "Annexes", "Annex A — All answers", "Annex B — Items not answered",
                        "Annex C — Agencies", "Annex D — References", "Top priorities", "Provisions not yet fully met"] {
            #expect(Example.html.contains(heading), "HTML lacks \(heading)")
            #expect(Example.markdown.contains(heading), "Markdown lacks \(heading)")
        }
        #expect(Example.html.contains("Republic of Arventa"))
        #expect(Example.markdown.hasPrefix("# Republic of Arventa"))
    }

    @Test func bothFormatsShowTheScoreCardNumbers() throws {
        let card = Example.loaded.card
        let maturity = try #require(card.maturity.first)
        let index = NumberFormatting.score(maturity.index)
        #expect(Example.html.contains("<b>\(index)</b>"))
        #expect(Example.markdown.contains("**Overall index: \(index) of 5"))
        for (n, dimension) in maturity.dimensions.enumerated() {
            let number = "3.\(n + 1)"
            let score = NumberFormatting.score(dimension.score)
            let htmlRow = "\(number) \(dimension.title)</a>"
            let range = try #require(Example.html.range(of: htmlRow), "HTML lacks the row of \(dimension.id)")
            #expect(Example.html[range.upperBound...].prefix(200).contains("<td class=\"num\">\(score)</td>"))
            let markdownRow = "| \(Markdown.escape(number)) \(Markdown.escape(dimension.title))"
            let mdRange = try #require(Example.markdown.range(of: markdownRow), "Markdown lacks the row of \(dimension.id)")
            let line = Example.markdown[mdRange.upperBound...].prefix { $0 != "\n" }
            #expect(line.contains("| \(Markdown.escape(score)) |"), "\(line)")
        }
        for compliance in card.compliance {
            #expect(Example.html.contains(NumberFormatting.percent(compliance.rate)))
            #expect(Example.markdown.contains(NumberFormatting.percent(compliance.rate)))
        }
        // Every priority is in the roadmap of both.
        for priority in card.priorities {
            #expect(Example.html.contains(htmlEscaped(priority.indicatorTitle)))
            #expect(Example.markdown.contains("(\(Markdown.escape(priority.indicator)))"))
        }
    }

    @Test func divergenceIsShown() throws {
        let divergent = Example.loaded.card.maturity[0].indicators.filter(\.divergent)
        #expect(!divergent.isEmpty)
        for indicator in divergent {
            #expect(Example.markdown.contains("(\(Markdown.escape(indicator.id))) ≠ agencies differ by \(indicator.divergence!) levels"))
        }
    }

    @Test func htmlIsSelfContainedAndScriptFree() {
        let html = Example.html
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
        #expect(html.contains("script-src 'none'"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("href=\"http"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url(http"))
        #expect(html.contains("<svg"))
        #expect(html.contains("role=\"img\""))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("class=\"chapter\""))
    }

    @Test func reportsAreDeterministic() throws {
        let again = try ReportRenderer.render(Example.loaded.card, catalog: Example.loaded.catalog, format: .html)
        #expect(again == Example.html)
    }
}
