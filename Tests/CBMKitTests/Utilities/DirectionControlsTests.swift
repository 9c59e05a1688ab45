import Foundation
import Testing
@testable import CBMKit

// Faults of issue 14 that the library fixes: reports linear in the number of agencies,
// direction controls shown in reports, short sheet rows, tiny weights, and an import that
// would pass the size limit.

@Suite("Reliability: direction controls are shown, not obeyed")
struct DirectionControlTests {
    static let controls = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C]
        .map { Unicode.Scalar($0)! }

    static func hasControl(_ text: String) -> Bool { text.unicodeScalars.contains { controls.contains($0) } }

    /// The quick check reads bytes: a control is found at the start, in the middle and at the
    /// very end of a text, and scalars that share its first bytes are left alone.
    @Test func controlsAreFoundWhereverTheyStand() {
        let neighbours = [0x2014, 0x2019, 0x200D, 0x2029, 0x202F, 0x2065, 0x206A, 0x061B, 0x061D, 0x0600, 0x2080].map { Unicode.Scalar($0)! }
        for scalar in Self.controls + neighbours {
            for text in ["\(scalar)", "\(scalar)abc", "abc\(scalar)", "ab\(scalar)c", "\u{2014}ab\(scalar)", "Кириллица\(scalar)"] {
                #expect((DirectionControls.shown(text) != text) == Self.controls.contains(scalar), "\(scalar.value) in \(text.debugDescription)")
            }
        }
    }

    @Test func everyControlGetsAVisibleMark() {
        for scalar in Self.controls {
            let text = "Order No. \(scalar)5202 fo 21"
            let shown = DirectionControls.shown(text)
            #expect(!Self.hasControl(shown))
            #expect(shown.contains("Order No. [U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(4) + "]5202 fo 21"), "\(shown)")
        }
        #expect(DirectionControls.shown("Таможня «№ 5» — ok 🚚") == "Таможня «№ 5» — ok 🚚")
        #expect(Markdown.escape("a\u{202E}(http://evil.example)") == "a\\[U+202E\\](http://evil.example)")
        #expect(DirectionControls.shown("مرکز گمرک") == "مرکز گمرک")
    }

    @Test func reportsAndTheTerminalShowTheMarks() throws {
        let text = fixture("mini-assessment.yaml", replacing: "MoU of 2024", with: "Order No. \u{202E}5202 fo 21")
            .replacingOccurrences(of: "Testland Customs", with: "Customs \u{202E}unclosed")
            .replacingOccurrences(of: "title: Testland self-assessment 2026", with: "title: \"Testland \u{2067}2026\"")
        let (assessment, diagnostics) = assessmentResult(text)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let card = Scorer.score(try #require(assessment), catalog: Fixtures.catalog)
        for format in ReportFormat.allCases {
            let report = try ReportRenderer.render(card, catalog: Fixtures.catalog, format: format)
            #expect(!Self.hasControl(report), "\(format)")
            // In Markdown the brackets are escaped (shown as they are; no link can follow).
            let mark = format == .md ? "\\[U+202E\\]" : "[U+202E]"
            #expect(report.contains("Order No. \(mark)5202 fo 21"), "\(format)")
            #expect(report.contains("Customs \(mark)unclosed"), "\(format)")
        }
        let summary = card.terminalSummary()
        #expect(!Self.hasControl(summary))
        #expect(summary.contains("Testland [U+2067]2026"))
        // The page header of printed pages (a CSS string) too.
        #expect(!ReportViewModel.cssString("Testland \u{202E}2026").contains("202e"))
        // JSON, for programs, keeps the text exactly.
        #expect(card.json.rendered().unicodeScalars.contains("\u{202E}"))
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
