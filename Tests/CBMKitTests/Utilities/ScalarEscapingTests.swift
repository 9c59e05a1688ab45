import Foundation
import Testing
@testable import CBMKit

/// The escaping holes the hostile-text corpus found: Swift joins a `<`, `|` or `"` with a
/// neighbouring character (after U+0600 ARABIC NUMBER SIGN, before a combining accent) into
/// one Character, and escaping that compared whole Characters let it through.
@Suite("Escaping works on Unicode scalars")
struct ScalarEscapingTests {
    @Test func markdown() {
        #expect(Markdown.escape("\u{600}<script>") == "\u{600}&lt;script&gt;")
        #expect(Markdown.escape("a |\u{301} b") == "a \\|\u{301} b")
        #expect(Markdown.escape("\u{600}[x](javascript:y)") == "\u{600}\\[x\\](javascript:y)")
        #expect(Markdown.escape("a\r\nb\rc") == "a<br>b<br>c")
        #expect(Markdown.escape("red\u{1B}[31m\u{9B}") == "red\\[31m")
        #expect(Markdown.escape("2026. Year") == "2026\\. Year")
        #expect(Markdown.escape("1.5 and 2. x") == "1.5 and 2. x")
    }

    @Test func html() {
        #expect(HTML.escape("\u{600}<img src=x>") == "\u{600}&lt;img src=x&gt;")
        #expect(HTML.escape("\"\u{301} onmouseover='x'") == "&quot;\u{301} onmouseover=&#39;x&#39;")
        #expect(HTML.escape("a\u{0}b\u{1B}c\nd") == "abc\nd")
    }

    @Test func reportsUseIt() throws {
        let (card, catalog) = ReportEscapingTests.card()
        var info = card
        info.assessment.country = "\u{600}<script>alert(1)</script>"
        let html = try ReportRenderer.render(info, catalog: catalog, format: .html)
        #expect(!html.unicodeScalars.split(separator: "<").contains { $0.starts(with: "script".unicodeScalars) })
        let markdown = try ReportRenderer.render(info, catalog: catalog, format: .md)
        #expect(markdown.contains("\u{600}&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!markdown.unicodeScalars.split(separator: "<").contains { $0.starts(with: "script".unicodeScalars) })
    }
}
