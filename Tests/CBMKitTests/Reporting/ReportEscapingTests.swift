import Foundation
import Testing
@testable import CBMKit

@Suite("Untrusted text in reports")
struct ReportEscapingTests {
    static let hostile = [
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "a | b | c",
        "`rm -rf` and ``code``",
        "line one\nline two\n\n- not a list",
        "[click](javascript:alert(1))",
        "<style>body{display:none}</style>",
    ]

    static func card() -> (ScoreCard, Catalog) {
        let evil = hostile.joined(separator: " ")
        let agencies = [Agency(id: "customs", name: "Customs \"><img src=x onerror=alert(1)>"),
                        Agency(id: "guard", name: "Guard | <b>bold</b>")]
        let answers = QuestionnaireAnswers(questionnaireID: "mini", answers: [
            Answer(itemID: "alpha.one", note: evil, responses: [
                Response(agency: "customs", value: .level(.level(2)), evidence: evil, comment: hostile[4]),
                Response(agency: "guard", value: .level(.level(4)), evidence: hostile[2], comment: hostile[3]),
            ]),
        ])
        let checklist = QuestionnaireAnswers(questionnaireID: "mini-checklist", answers: [
            Answer(itemID: "1.1", responses: [Response(value: .status(.partial), evidence: evil)]),
        ])
        let assessment = Assessment(title: "Report </title><script>x</script>", country: "Testland <i>", period: "2026",
                                    preparedBy: hostile[1], notes: evil, agencies: agencies, questionnaires: [answers, checklist])
        return (Scorer.score(assessment, catalog: Fixtures.catalog), Fixtures.catalog)
    }

    @Test func htmlKeepsHostileTextInert() throws {
        let (card, catalog) = Self.card()
        let html = try ReportRenderer.render(card, catalog: catalog, format: .html)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<style>body"))
        #expect(!html.contains("<i>"))
        #expect(!html.contains("<b>bold"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("Customs &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        // The running header in the CSS cannot close its string or the style sheet.
        let header = try #require(html.components(separatedBy: "@top-left { content: ").dropFirst().first?.prefix { $0 != ";" })
        #expect(!header.contains("<"))
        #expect(header.filter { $0 == "\"" }.count == 2)
        // The heat-map's SVG carries the agency name escaped too.
        #expect(html.contains("Customs &quot;&gt;&lt;img"))
    }

    @Test func markdownKeepsHostileTextInertAndTablesWhole() throws {
        let (card, catalog) = Self.card()
        let markdown = try ReportRenderer.render(card, catalog: catalog, format: .md)
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("<style"))
        #expect(markdown.contains("&lt;script&gt;"))
        #expect(!markdown.contains("[click]("))
        #expect(markdown.contains("\\[click\\](javascript:alert(1))"))
        // Every table row has the same number of unescaped cell separators as its header.
        var expected: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { expected = nil; continue }
            let cells = unescapedPipes(line)
            if let expected { #expect(cells == expected, "row broken: \(line)") } else { expected = cells }
        }
        // Evidence with a line break stays in its row, the break kept as an HTML break.
        #expect(markdown.contains("| line one<br>line two<br><br>- not a list |"))
    }

    func unescapedPipes(_ line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "|" { count += 1 }
        }
        return count
    }

    @Test func markdownEscapeRules() {
        #expect(Markdown.escape("a|b") == "a\\|b")
        #expect(Markdown.escape("<b>") == "&lt;b&gt;")
        #expect(Markdown.escape("x\ny") == "x<br>y")
        #expect(Markdown.escape("x\r\ny") == "x<br>y")
        #expect(Markdown.escape("# title") == "\\# title")
        #expect(Markdown.escape("2026. Year") == "2026\\. Year")
        #expect(Markdown.escape("2.5") == "2.5")
        #expect(Markdown.escape("a_b*c`d") == "a\\_b\\*c\\`d")
    }
}
