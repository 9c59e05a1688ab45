import Foundation
import Testing
@testable import CBMKit

/// One field of a block-style YAML file (the files of `adversarial/complete/` write one value
/// per line): where its value is, and which lines belong to it.
struct YAMLField: CustomStringConvertible {
    /// 0-based index of the line that holds the key (or the list item).
    var line: Int
    /// The key, or nil for a list item without one (`- text`, or a whole `- key: …` item).
    var key: String?
    /// The keys of the mappings around it, outermost first.
    var path: [String]
    /// Where its value starts on the line (0-based, in characters), and how many lines after
    /// `line` belong to it (a nested block).
    var valueStart: Int
    var blockLines: Int
    var isScalar: Bool

    var parent: String? { path.last }
    var description: String { (path + [key ?? "-"]).joined(separator: ".") + " (line \(line + 1))" }

    /// Keys whose value is free text: any scalar is a valid value.
    static let textKeys: Set = ["title", "summary", "notes", "question", "guidance", "name", "requirement", "note", "comment",
                                "evidence", "prepared_by", "country", "source", "ref", "url", "body", "version", "en", "ru"]

    /// True when any scalar is a valid value here: text, and items of text lists.
    var isFreeText: Bool {
        if let key, Self.textKeys.contains(key) { return true }
        if let parent, ["levels", "next_steps"].contains(parent) { return key != nil }
        if key == nil, let parent, ["evidence", "references"].contains(parent) { return true }  // `- WTO TFA` is a reference
        return false
    }

    /// Every field of a block-style YAML text, including each list item as a whole.
    static func fields(of text: String) -> [YAMLField] {
        let lines = text.components(separatedBy: "\n")
        var fields: [YAMLField] = []
        var stack: [(column: Int, key: String)] = []
        func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        func blockLength(after index: Int, deeperThan column: Int) -> Int {
            var count = 0
            for next in lines[(index + 1)...] {
                let trimmed = next.drop { $0 == " " }
                if trimmed.isEmpty || trimmed.hasPrefix("#") { count += 1; continue }
                guard indentation(next) > column else { break }
                count += 1
            }
            // Trailing blank lines belong to what follows.
            var end = index + count
            while end > index, lines[end].allSatisfy({ $0 == " " }) { end -= 1; count -= 1 }
            return count
        }
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            var column = indentation(line)
            var rest = Substring(trimmed)
            if rest.hasPrefix("- ") {
                let dash = column
                stack.removeAll { $0.column >= dash + 1 }
                let path = stack.map(\.key)
                column += 2
                rest = rest.dropFirst(2)
                if rest.contains(": ") || rest.hasSuffix(":") {
                    // The whole item (a mapping) as one field.
                    fields.append(YAMLField(line: index, key: nil, path: path, valueStart: dash + 2,
                                            blockLines: blockLength(after: index, deeperThan: dash + 1), isScalar: false))
                } else {
                    fields.append(YAMLField(line: index, key: nil, path: path, valueStart: column, blockLines: 0, isScalar: true))
                    continue
                }
            }
            guard let colon = rest.range(of: ": ")?.lowerBound ?? (rest.hasSuffix(":") ? rest.index(before: rest.endIndex) : nil) else { continue }
            let key = String(rest[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            stack.removeAll { $0.column >= column }
            let path = stack.map(\.key)
            let valueStart = column + rest.distance(from: rest.startIndex, to: colon) + 2
            if rest.hasSuffix(":") {
                fields.append(YAMLField(line: index, key: key, path: path, valueStart: valueStart - 1,
                                        blockLines: blockLength(after: index, deeperThan: column), isScalar: false))
                stack.append((column, key))
            } else {
                fields.append(YAMLField(line: index, key: key, path: path, valueStart: valueStart, blockLines: 0, isScalar: true))
            }
        }
        return fields
    }

    /// The text with this field's value (and its nested lines) replaced by `value`, written
    /// after `key: ` or `- `. Returns the text and the 1-based line and column of the value.
    func replacing(in text: String, with value: String) -> (text: String, line: Int, column: Int) {
        var lines = text.components(separatedBy: "\n")
        let head = String(lines[line].prefix(valueStart))
        let separator = head.hasSuffix(":") ? " " : ""
        lines[line] = head + separator + value
        lines.removeSubrange((line + 1)..<(line + 1 + blockLines))
        return (lines.joined(separator: "\n"), line + 1, head.count + separator.count + 1)
    }
}

/// A wrong value in every field of both kinds of questionnaire and of an assessment: each
/// ends in an error on the line of the wrong value; nothing crashes, nothing is left unlocated.
@Suite("Adversarial corpus: a wrong type in every field", .timeLimit(.minutes(2)))
struct WrongTypeTests {
    static let files = ["complete/maturity.yaml", "complete/compliance.yaml", "complete/assessment.yaml"]

    /// Wrong for every field: a list inside a list, and a mapping with an unknown key.
    static let alwaysWrong = ["[x, [1]]", "{x: [1]}"]
    /// Wrong unless the field is free text.
    static let wrongUnlessText = ["\"✗ <not valid>\""]
    /// A number out of every range: wrong for levels, targets, weights, dates, statuses…
    static let hugeNumber = "-7.5e308"
    /// Wrong or not, these must end in a model or in located errors.
    static let anything = ["", "true", "0", "99999999999999999999999", ".nan", "'single'", "2026-02-30"]

    @Test func theCompleteFilesAreValidAndHaveManyFields() {
        var count = 0
        for file in Self.files {
            let data = Adversarial.data(file)
            let outcome = loadAny(data, file: file, catalog: Adversarial.catalog)
            #expect(outcome.loaded, "\(file): \(outcome.diagnostics)")
            #expect(outcome.diagnostics.isEmpty, "\(file): \(outcome.diagnostics)")
            count += YAMLField.fields(of: Adversarial.text(file)).count
        }
        #expect(count > 150)
    }

    @Test(arguments: files)
    func everyFieldWithAWrongValueGivesAnErrorOnItsLine(_ file: String) throws {
        let text = Adversarial.text(file)
        var catalog = Adversarial.catalog
        if file.hasSuffix("assessment.yaml") == false {
            // The file's own questionnaire is replaced by the damaged copy: start from a catalog without it.
            catalog = FuzzCase.bundledWithSeeds(except: file)
        }
        for field in YAMLField.fields(of: text) {
            var values = Self.alwaysWrong.map { ($0, true) } + Self.anything.map { ($0, false) }
            values += Self.wrongUnlessText.map { ($0, !field.isFreeText) }
            let numberIsValid = field.isFreeText || field.key == "id" || field.parent == "respondents"
            values.append((Self.hugeNumber, !numberIsValid))
            for (value, mustFail) in values {
                let (changed, line, column) = field.replacing(in: text, with: value)
                let data = Data(changed.utf8)
                let label = "\(file): \(field) = \(value)"
                let outcome = loadAny(data, file: file, catalog: catalog)
                expectLoadedOrLocated(outcome, data: data, file: file, label: label)
                if mustFail {
                    #expect(outcome.diagnostics.contains { $0.isError && $0.location.line == line },
                            "\(label): no error on line \(line) (value at column \(column)); got \(outcome.diagnostics.prefix(4))")
                }
                if outcome.loaded, let assessment = outcome.assessment {
                    try renderEverything(assessment, catalog: catalog)
                }
            }
        }
    }
}

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
        let trend = try Trend.build(cards.enumerated().map { Trend.Input(card: $1, file: "\($0).yaml") }, catalog: catalog)
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

@Suite("Numbers and escaping written fast, as before")
struct FastFormattingTests {
    /// `Format.oneDecimal` rounds by itself; it must write what C's "%.1f" writes.
    @Test func oneDecimalIsPrintf() {
        var generator = SplitMix64(seed: 7)
        var values: [Double] = [0, -0.0, 0.05, 0.15, 0.25, 0.35, -0.05, -0.15, 2.25, 2.35, 1e14 + 0.05, -1e14, 999.95, 0.04999999999999999]
        for _ in 0..<20_000 {
            let tenths = Double(Int.random(in: -100_000...100_000, using: &generator))
            values.append((tenths + 0.5) / 10)  // halves, as near as doubles get
            values.append((tenths + 0.5) / 10 + Double.random(in: -1e-12...1e-12, using: &generator))
            values.append(Double.random(in: -1000...1000, using: &generator))
            values.append(Double(bitPattern: generator.next() & 0x3FFF_FFFF_FFFF_FFFF) .truncatingRemainder(dividingBy: 1e6))
        }
        for value in values where value.isFinite {
            #expect(Format.oneDecimal(value) == Format.printfOneDecimal(value), "\(value)")
        }
    }

    @Test func htmlEscapeLeavesPlainTextAlone() {
        #expect(HTML.escape("Plain text — Кириллица 2026") == "Plain text — Кириллица 2026")
        #expect(HTML.escape("a\u{85}b\u{9F}c\u{A0}d") == "abc\u{A0}d")
        #expect(HTML.escape("<&>\"'") == "&lt;&amp;&gt;&quot;&#39;")
    }
}
