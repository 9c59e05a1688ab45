import Foundation
import Testing
@testable import CBMKit

extension FuzzCase {
    /// The bundled questionnaires and the seed ones, without those whose path contains `file`.
    static func bundledWithSeeds(except file: String) -> Catalog {
        var catalog = bundled
        for (seed, questionnaire) in questionnaires.sorted(by: { $0.key < $1.key }) where !seed.contains(file) {
            _ = catalog.add(questionnaire, file: seed, bundled: false)
        }
        return catalog
    }
}

/// Hostile text in every free-text field of the questionnaires and the assessment (a user may
/// bring their own questionnaires, so their texts are untrusted too). Each report is rendered
/// twice: with the hostile texts, and with the same texts masked (every visible character
/// replaced by `x`, so that lengths and line wrapping are the same). The two must have the same
/// markup: the same HTML tags and the same number of `<`, `>`, `"` and `'`; the same Markdown
/// lines, each starting the same way and with the same unescaped `|`, `<`, `>`, `[`, `]`,
/// `` ` ``, `*`, `_` and `~`. Whatever the text, it can add nothing but text.
@Suite("Adversarial corpus: hostile text in every free-text field", .timeLimit(.minutes(2)))
struct HostileTextTests {
    static let payloads: [String] = [
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "</title></style></textarea></svg><svg onload=alert(1)>",
        "<!-- the rest is hidden",
        "]]><![CDATA[ <b>bold</b> &lt;escaped&gt; &amp; &#x3C;script&#x3E;",
        // Characters that join the next one into a single grapheme (Arabic number sign U+0600,
        // a combining accent, a zero-width joiner): a check character by character misses them.
        "\u{600}<script>alert(1)</script> \u{600}<img src=x onerror=alert(1)>",
        "x\"\u{301} onmouseover=alert(1) y='\u{301} <\u{200D}b>",
        "a | b |\u{301} c \u{600}| d",
        "\u{600}[click](javascript:alert(1)) \u{600}`code` \u{600}*bold* \u{600}_it_ \u{600}~strike~",
        "[click](javascript:alert(1)) ![img](http://evil.example/x.png) <http://evil.example>",
        "`code` ```fence``` *bold* **strong** _it_ ~~strike~~ $math$ \\(escaped\\)",
        "line one\n# heading\n\n- item\n1. item\n> quote\n    code\n---\n===\n| a | b |",
        "# heading at the start",
        "> quoted at the start",
        "1) numbered at the start",
        "2026. a year at the start",
        "- a list at the start",
        "    indented like code",
        "|pipe at the start",
        "```fence at the start",
        "{{title}} {{{radarSVG}}} {{> report.html}} {{#x}}section{{/x}}",
        "%s %n %@ %1$s \\ \\\\ ${x} $(rm -rf /)",
        "\u{202E}evil\u{202C} \u{200B}zero-width \u{FEFF}bom \u{2028}line\u{2029}paragraph",
        "👩‍👩‍👧 é é 𝒳 \u{FFFD}",
        String(repeating: "W", count: 2000),
    ]

    /// Every visible character replaced by `x`, white space kept.
    static func masked(_ text: String) -> String {
        String(text.map { $0.isWhitespace ? $0 : "x" })
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A copy of a file with `text(n)` in its n-th free-text field.
    static func withText(_ file: String, _ text: (Int) -> String, counter: inout Int) -> String {
        var yaml = Adversarial.text(file)
        for field in YAMLField.fields(of: yaml) where field.isFreeText && field.isScalar {
            counter += 1
            yaml = field.replacing(in: yaml, with: quoted(text(counter))).text
        }
        return yaml
    }

    struct Outputs {
        var html: [String] = []
        var markdown: [String] = []
        var json: String = ""
        var country: String = ""
    }

    /// Loads the three files with `text(n)` in every free-text field, and renders the mission
    /// report (alone and with a trend chapter) and the trend report in both formats.
    static func render(_ text: (Int) -> String) throws -> Outputs {
        var counter = 0
        var catalog = FuzzCase.bundledWithSeeds(except: "complete/")
        for file in ["complete/maturity.yaml", "complete/compliance.yaml"] {
            let data = Data(withText(file, text, counter: &counter).utf8)
            let outcome = loadAny(data, file: file, catalog: catalog)
            #expect(!outcome.diagnostics.hasErrors, "\(file): \(outcome.diagnostics.prefix(3))")
            _ = catalog.add(try #require(outcome.questionnaire), file: file, bundled: false)
        }
        let yaml = withText("complete/assessment.yaml", text, counter: &counter)
        var cards: [ScoreCard] = []
        for period in ["2026-H1", "2025"] {
            let data = Data(yaml.replacingOccurrences(of: "period: 2026-H1", with: "period: \(period)").utf8)
            let outcome = loadAny(data, file: "assessment.yaml", catalog: catalog)
            #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.prefix(3))")
            cards.append(Scorer.score(try #require(outcome.assessment), catalog: catalog))
        }
        let trend = try TrendBuilder.build(cards.enumerated().map { TrendBuilder.Input(card: $1, file: "\($0).yaml") }, catalog: catalog)
        var outputs = Outputs()
        for (format, _) in [(ReportFormat.html, 0), (.md, 1)] {
            let rendered = [try ReportRenderer.render(cards[0], catalog: catalog, format: format),
                            try ReportRenderer.render(cards[0], catalog: catalog, format: format, trend: trend),
                            try ReportRenderer.renderTrend(trend, format: format)]
            if format == .html { outputs.html = rendered } else { outputs.markdown = rendered }
        }
        outputs.json = cards[0].json.rendered()
        outputs.country = cards[0].assessment.country
        _ = cards[0].terminalSummary(topPriorities: 10)
        _ = trend.terminalSummary()
        _ = trend.json.rendered()
        return outputs
    }

    @Test func everyFieldIsReached() throws {
        let outputs = try Self.render { "marker\($0)end" }
        var counter = 0
        for file in WrongTypeTests.files { _ = Self.withText(file, { _ in "" }, counter: &counter) }
        #expect(counter >= 60)
        // The fields a report shows: at least the assessment's and the questionnaires' main texts.
        let shown = (1...counter).filter { n in outputs.html.contains { $0.contains("marker\(n)end") } }
        #expect(shown.count >= counter / 2, "only \(shown.count) of \(counter) texts appear in the HTML reports")
    }

    @Test(arguments: payloads.indices)
    func hostileTextIsInert(_ index: Int) throws {
        let payload = Self.payloads[index]
        let hostile = try Self.render { "\(payload) #\($0)" }
        let baseline = try Self.render { "\(Self.masked(payload)) #\($0)" }
        for (page, (evil, plain)) in zip(hostile.html, baseline.html).enumerated() {
            #expect(Self.tags(evil) == Self.tags(plain), "payload \(index), HTML page \(page): the tags differ")
            // Counted in bytes: a check by Character would miss `<` joined to the character before.
            // Chart labels are wrapped by their measured width, so a payload and its masked
            // form may take a different number of lines (<tspan>s); those are left out.
            let (evilText, plainText) = (Self.withoutLines(evil), Self.withoutLines(plain))
            for byte in Array("<>\"'".utf8) {
                #expect(evilText.utf8.filter { $0 == byte }.count == plainText.utf8.filter { $0 == byte }.count,
                        "payload \(index), HTML page \(page): a different number of \(UnicodeScalar(byte))")
            }
            #expect(evil.range(of: #"(href|src|action)\s*=\s*["']?\s*javascript:"#, options: [.regularExpression, .caseInsensitive]) == nil)
        }
        for (page, (evil, plain)) in zip(hostile.markdown, baseline.markdown).enumerated() {
            let evilLines = evil.components(separatedBy: "\n"), plainLines = baseline.markdown[page].components(separatedBy: "\n")
            #expect(evilLines.count == plainLines.count, "payload \(index), Markdown page \(page): \(evilLines.count) lines, not \(plainLines.count)")
            for (evilLine, plainLine) in zip(evilLines, plainLines) where Self.markdownShape(evilLine) != Self.markdownShape(plainLine) {
                Issue.record("payload \(index), Markdown page \(page): the line\n\(evilLine)\nis shaped unlike\n\(plainLine)")
                break
            }
            _ = plain
        }
        // The JSON is valid and gives the text back exactly.
        let object = try JSONSerialization.jsonObject(with: Data(hostile.json.utf8)) as? [String: Any]
        let assessment = object?["assessment"] as? [String: Any]
        #expect(assessment?["country"] as? String == hostile.country, "payload \(index): the JSON country is not the text loaded")
        #expect(hostile.country.hasSuffix(" #71"))
    }

    /// The names of the HTML tags, in order.
    static func tags(_ html: String) -> [Substring] {
        var names: [Substring] = []
        var rest = html.unicodeScalars[...]
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            let name = Substring(rest.prefix { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "/!-".unicodeScalars.contains($0) })
            // A chart label's lines: one <tspan></tspan> pair stands for any number of them.
            if name == "tspan" && names.count >= 2 && names[names.count - 2] == "tspan" && names.last == "/tspan" {
                names.removeLast(2)
            }
            names.append(name)
        }
        return names
    }

    /// The page without the line elements of chart labels that cbm writes.
    static func withoutLines(_ html: String) -> String {
        html.replacingOccurrences(of: #"<tspan x="[-0-9.]+" dy="[-0-9.]+"( class="value")?>|</tspan>"#, with: "", options: .regularExpression)
    }

    /// How a Markdown line starts (what block it makes) and its unescaped special characters.
    static func markdownShape(_ line: String) -> String {
        // By Unicode scalars, as Markdown reads it (not by Characters, which join some of them).
        let scalars = line.unicodeScalars
        let indent = scalars.prefix { $0 == " " }.count
        let body = scalars.dropFirst(indent)
        let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
        var start = "text"
        if indent >= 4 && !body.isEmpty { start = "code" }
        else if let first = body.first, "#>-+*=|~`".unicodeScalars.contains(first) { start = String(first) }
        else if let first = body.first, isDigit(first), let marker = body.drop(while: isDigit).first, marker == "." || marker == ")" { start = "number" }
        var specials = ""
        var escaped = false
        for scalar in line.unicodeScalars {
            if escaped { escaped = false; continue }
            if scalar == "\\" { escaped = true; continue }
            if "|<>[]`*_~".unicodeScalars.contains(scalar) { specials.unicodeScalars.append(scalar) }
        }
        return start + ":" + specials
    }
}
