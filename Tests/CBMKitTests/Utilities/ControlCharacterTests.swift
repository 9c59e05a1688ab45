import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import CBMKit

/// One rule for control characters (`ControlCharacters`), kept by every output: every
/// control character fed through the HTML and Markdown reports, the SVG charts, the JSON and
/// the workbook leaves them well-formed.
@Suite("Control characters: one rule in every output")
struct ControlCharacterTests {
    /// Every control character, with tab, line feed and carriage return (which are text).
    static let controls: String = {
        var scalars = String.UnicodeScalarView()
        for value in Array(0x00...0x1F) + Array(0x7F...0x9F) + [0xFFFE, 0xFFFF] {
            scalars.append(Unicode.Scalar(UInt32(value))!)
        }
        return String(scalars)
    }()

    /// A text with every control character in it, between visible words.
    static func text(_ name: String) -> String { "\(name) <a>\(controls)&b\u{FFFE}c\u{85}d\u{7F}\r\n\"e\"" }

    /// Whether XML 1.0 allows the character in a document (its `Char` production).
    static func xmlAllows(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    @Test func theRuleCoversWhatXMLForbidsAndTheByteFormAgrees() {
        var checked = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
            let control = ControlCharacters.isControl(scalar)
            if !Self.xmlAllows(scalar) { #expect(control, "U+\(String(value, radix: 16)) is forbidden in XML") }
            let bytes = Array(String(scalar).utf8)
            if control { #expect(ControlCharacters.mayStart(bytes[0]), "U+\(String(value, radix: 16))") }
            // Alone, and followed by other bytes.
            #expect(ControlCharacters.length(at: 0, in: bytes) == (control ? bytes.count : 0), "U+\(String(value, radix: 16))")
            let followed = bytes + Array("\u{FFFF}x".utf8)
            #expect(ControlCharacters.length(at: 0, in: followed) == (control ? bytes.count : 0), "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked == 0x110000 - 0x800)
        #expect(ControlCharacters.isControl("\u{85}") && ControlCharacters.isControl("\u{7F}") && ControlCharacters.isControl("\u{FFFF}"))
        #expect(!ControlCharacters.isControl("\t") && !ControlCharacters.isControl("\n") && !ControlCharacters.isControl("\r"))
        #expect(!ControlCharacters.isControl("\u{A0}") && !ControlCharacters.isControl("\u{FFFD}") && !ControlCharacters.isControl("\u{FEFF}"))
    }

    @Test func everyEscaperLeavesThemOut() {
        let text = Self.text("x")
        for (name, escaped) in [("HTML", HTML.escape(text)), ("Markdown", Markdown.escape(text)), ("SVG", SVG.escape(text)),
                                ("XML", XMLText.escaped(text))] {
            #expect(!escaped.unicodeScalars.contains(where: ControlCharacters.isControl), "\(name): \(escaped.debugDescription)")
            #expect(escaped.contains("&amp;b"), "\(name)")
        }
        #expect(HTML.escape("a\u{FFFE}b\u{FFFF}c\u{FFFD}\u{FF21}") == "abc\u{FFFD}\u{FF21}")
        #expect(HTML.escape("\u{7F}\u{80}\u{9F}\u{A0}\t\r\n") == "\u{A0}\t\r\n")
        #expect(Markdown.escape("a\u{FFFF}b") == "ab")
        #expect(SVG.escape("a\u{85}\u{7F}\u{FFFE}b") == "ab")
        #expect(XMLText.escaped("a\u{85}\u{7F}b\r") == "ab&#13;")
    }

    /// A score card (and a second one of another country and period) with every control
    /// character in the names, notes, evidence and comments.
    static func cards() -> [ScoreCard] {
        ["2025", "2026"].map { period in
            let agencies = [Agency(id: "customs", name: text("Customs")), Agency(id: "guard", name: text("Guard"))]
            let answers = QuestionnaireAnswers(questionnaireID: "mini", answers: [
                Answer(itemID: "alpha.one", note: text("note"), responses: [
                    Response(agency: "customs", value: .level(.level(2)), evidence: text("evidence"), comment: text("comment")),
                    Response(agency: "guard", value: .level(.level(period == "2025" ? 3 : 4)), evidence: text("evidence"), comment: text("comment")),
                ]),
            ])
            let checklist = QuestionnaireAnswers(questionnaireID: "mini-checklist", answers: [
                Answer(itemID: "1.1", responses: [Response(value: .status(.partial), evidence: text("evidence"))]),
            ])
            let assessment = Assessment(title: text("Title"), country: text("Testland"), period: period, preparedBy: text("mission"),
                                        notes: text("notes"), agencies: agencies, questionnaires: [answers, checklist])
            return Scorer.score(assessment, catalog: Fixtures.catalog)
        }
    }

    /// Every `<svg>…</svg>` of a page.
    static func svgs(in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest[start.upperBound...].range(of: "</svg>") {
            found.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// Whether `XMLParser` reads the text as well-formed XML; the error when not.
    static func xmlError(_ text: String) -> String? {
        let parser = XMLParser(data: Data(text.utf8))
        return parser.parse() ? nil : "\(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber), column \(parser.columnNumber)"
    }

    @Test func reportsChartsAndJSONStayWellFormed() throws {
        let cards = Self.cards()
        let trend = try TrendBuilder.build(cards.enumerated().map { TrendBuilder.Input(card: $1, file: "\($0).yaml") }, catalog: Fixtures.catalog)
        var second = cards[1]
        second.assessment.country = Self.text("Otherland")
        let comparison = try ComparisonBuilder(catalog: Fixtures.catalog)
            .build([ComparisonBuilder.Input(card: cards[1], file: "a.yaml"), ComparisonBuilder.Input(card: second, file: "b.yaml")])
        var svgCount = 0
        for format in ReportFormat.allCases {
            let documents = [("report", try ReportRenderer.render(cards[1], catalog: Fixtures.catalog, format: format)),
                             ("report with progress", try ReportRenderer.render(cards[1], catalog: Fixtures.catalog, format: format, trend: trend)),
                             ("trend report", try ReportRenderer.renderTrend(trend, format: format)),
                             ("comparison report", try ReportRenderer.renderComparison(comparison, format: format))]
            for (name, document) in documents {
                #expect(document.contains("Testland &lt;a&gt;"), "\(format) \(name): the country is not shown")
                let found = document.unicodeScalars.filter(ControlCharacters.isControl).map { "U+" + String($0.value, radix: 16) }
                #expect(found.isEmpty, "\(format) \(name) holds control characters: \(found.prefix(8))")
                guard format == .html else { continue }
                for svg in Self.svgs(in: document) {
                    svgCount += 1
                    #expect(Self.xmlError(svg) == nil, "\(name): an SVG chart is not well-formed XML: \(Self.xmlError(svg) ?? "")\n\(svg.prefix(300))")
                }
            }
        }
        #expect(svgCount >= 4)
        // JSON: valid, and the text comes back exactly.
        for (name, json) in [("score card", cards[1].jsonText), ("trend", trend.jsonText), ("comparison", comparison.jsonText)] {
            #expect(!json.unicodeScalars.contains(where: ControlCharacters.isControl), "\(name)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(name)")
            #expect(!object.isEmpty)
            if name == "score card" {
                let assessment = object["assessment"] as? [String: Any]
                #expect(assessment?["country"] as? String == Self.text("Testland"))
            }
        }
    }

    /// The mini assessment with `evidence` and `comment` in every answer of the customs
    /// agency, and control characters in its title and agency name.
    static func assessment(evidence: String, comment: String) -> Assessment {
        var assessment = WorkbookFixture.mini
        assessment.header.title = text("Title")
        assessment.header.preparedBy = text("mission")
        assessment.header.agencies[0].name = text("Customs")
        for q in assessment.questionnaires.indices {
            for a in assessment.questionnaires[q].answers.indices {
                for r in assessment.questionnaires[q].answers[a].responses.indices
                where assessment.questionnaires[q].answers[a].responses[r].agency == "customs" {
                    assessment.questionnaires[q].answers[a].responses[r].evidence = evidence
                    assessment.questionnaires[q].answers[a].responses[r].comment = comment
                }
            }
        }
        return assessment
    }

    @Test func theWorkbookStaysWellFormedAndGivesTheTextsBack() throws {
        let assessment = Self.assessment(evidence: Self.text("evidence"), comment: Self.text("comment"))
        let data = try WorkbookFixture.export(assessment)
        let archive = try Archive(data: data, accessMode: .read)
        var parts = 0
        for entry in archive where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            let xml = String(decoding: bytes, as: UTF8.self)
            #expect(!xml.unicodeScalars.contains(where: ControlCharacters.isControl), "\(entry.path)")
            #expect(Self.xmlError(xml) == nil, "\(entry.path): \(Self.xmlError(xml) ?? "")")
            parts += 1
        }
        #expect(parts >= 5)
        // Read back: the cells' control characters arrive as they were written, and the import
        // refuses them (as it refuses them typed in a spreadsheet), cell by cell.
        let (_, diagnostics) = WorkbookFixture.merge(data, into: assessment)
        #expect(!diagnostics.isEmpty)
        for diagnostic in diagnostics {
            #expect(diagnostic.message.contains("invisible control character (code 0)"), "\(diagnostic)")
        }
        // Texts the import accepts come back exactly.
        let kept = "a\u{FFFE}b\r\nc\td\u{FFFF} _x0007_"
        let accepted = Self.assessment(evidence: kept, comment: kept + "!")
        let (merge, problems) = WorkbookFixture.merge(try WorkbookFixture.export(accepted), into: accepted)
        #expect(!problems.hasErrors, "\(problems)")
        let result = try #require(merge)
        #expect(!result.hasChanges)
        #expect(WorkbookFixture.response(result.merged, "mini", "alpha.one")?.evidence == kept)
    }
}
