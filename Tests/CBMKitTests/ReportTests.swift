import Foundation
import Testing
@testable import CBMKit

func htmlEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        .replacingOccurrences(of: "'", with: "&#39;")
}

enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// The Arventa example, loaded once.
enum Example {
    static let loaded: (card: ScoreCard, catalog: Catalog) = {
        let (assessment, catalog, _) = try! Loader.assessment(at: Repository.path("examples/arventa-2026.yaml"))
        return (Scorer.score(assessment, catalog: catalog), catalog)
    }()
    static let html = try! ReportRenderer.render(loaded.card, catalog: loaded.catalog, format: .html)
    static let markdown = try! ReportRenderer.render(loaded.card, catalog: loaded.catalog, format: .md)
}

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
        let index = Format.score(maturity.index)
        #expect(Example.html.contains("<b>\(index)</b>"))
        #expect(Example.markdown.contains("**Overall index: \(index) of 5"))
        for (n, dimension) in maturity.dimensions.enumerated() {
            let number = "3.\(n + 1)"
            let score = Format.score(dimension.score)
            let htmlRow = "\(number) \(dimension.title)</a>"
            let range = try #require(Example.html.range(of: htmlRow), "HTML lacks the row of \(dimension.id)")
            #expect(Example.html[range.upperBound...].prefix(200).contains("<td class=\"num\">\(score)</td>"))
            let markdownRow = "| \(Markdown.escape(number)) \(Markdown.escape(dimension.title))"
            let mdRange = try #require(Example.markdown.range(of: markdownRow), "Markdown lacks the row of \(dimension.id)")
            let line = Example.markdown[mdRange.upperBound...].prefix { $0 != "\n" }
            #expect(line.contains("| \(Markdown.escape(score)) |"), "\(line)")
        }
        for compliance in card.compliance {
            #expect(Example.html.contains(Format.percent(compliance.rate)))
            #expect(Example.markdown.contains(Format.percent(compliance.rate)))
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

@Suite("Writing output files")
struct OutputFileTests {
    @Test func refusesToOverwriteWithoutForce() throws {
        let dir = TemporaryDirectory()
        let path = dir.url.appendingPathComponent("report.html").path
        try OutputFile.write("first", to: path, overwrite: false)
        #expect(throws: OutputFile.Exists.self) { try OutputFile.write("second", to: path, overwrite: false) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
        try OutputFile.write("third", to: path, overwrite: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "third")
        // No temporary files are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["report.html"])
    }

    @Test func missingFolderIsExplained() {
        #expect(throws: ReportError.self) { try OutputFile.write("x", to: "/nonexistent-folder/r.html", overwrite: false) }
    }
}
