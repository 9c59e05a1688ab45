import Foundation
import Testing
@testable import CBMKit

@Suite("Numbers and escaping written fast, as before")
struct FastFormattingTests {
    /// `NumberFormatting.oneDecimal` rounds by itself; it must write what C's "%.1f" writes.
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
            #expect(NumberFormatting.oneDecimal(value) == NumberFormatting.printfOneDecimal(value), "\(value)")
        }
    }

    @Test func htmlEscapeLeavesPlainTextAlone() {
        #expect(HTML.escape("Plain text — Кириллица 2026") == "Plain text — Кириллица 2026")
        #expect(HTML.escape("a\u{85}b\u{9F}c\u{A0}d") == "abc\u{A0}d")
        #expect(HTML.escape("<&>\"'") == "&lt;&amp;&gt;&quot;&#39;")
    }

    /// The scalars `FontMetrics` measures and splits without Unicode's tables are what it
    /// takes them for: visible, not combining, each a character of its own.
    @Test func plainScalarsAreWhatUnicodeSays() {
        let plain = (0...0x3000).compactMap { Unicode.Scalar(UInt32($0)) }.filter { FontMetrics.isPlain($0.value) }
        #expect(plain.count > 2_000)
        for scalar in plain {
            #expect(scalar.properties.generalCategory != .nonspacingMark && !scalar.properties.isDefaultIgnorableCodePoint, "\(scalar.value)")
            #expect(FontMetrics.isPlainWhitespace(scalar.value) == scalar.properties.isWhitespace, "\(scalar.value)")
            var text = "a"
            text.unicodeScalars.append(contentsOf: [scalar, "a", scalar, scalar])
            #expect(text.count == 5, "\(scalar.value)")
        }
    }

    /// `FontMetrics.lines` carries a line's width on word by word and splits plain texts by
    /// their scalars: the lines must be those of measuring each candidate line whole and
    /// splitting by characters.
    @Test func chartLinesAreThoseOfMeasuringWholeLines() {
        var generator = SplitMix64(seed: 11)
        let words = ["Customs", "border", "—", "agency", "Государственная", "инспекция", "e\u{301}te", "x", "Ministry’s", "«ИКТ»",
                     "a\u{A0}b", "\r\n", "\t", "…", "supercalifragilisticexpialidocious", "Ωμέγα", "ü", "\u{200B}", "漢字", "1.5"]
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...14, using: &generator)
            let text = (0..<count).map { _ in words.randomElement(using: &generator)! }
                .joined(separator: [" ", " ", "  ", "\n"].randomElement(using: &generator)!)
            let maxWidth = Double.random(in: 20...320, using: &generator)
            let bold = Bool.random(using: &generator), maxLines = Int.random(in: 1...4, using: &generator)
            #expect(FontMetrics.lines(text, maxWidth: maxWidth, size: 12, bold: bold, maxLines: maxLines)
                    == Self.referenceLines(text, maxWidth: maxWidth, size: 12, bold: bold, maxLines: maxLines), "\(text) \(maxWidth)")
        }
    }

    /// A label that fits on one line as it is comes back without being split into words
    /// (`FontMetrics.fitsAsItIs`): the same lines as splitting it, for every title and
    /// provision of the bundled questionnaires in both languages, at the charts' widths.
    @Test func aLabelThatFitsIsReturnedAsSplittingWouldGiveIt() throws {
        var labels: [String] = []
        for questionnaire in Catalog.bundled().catalog.questionnaires {
            for language in ["en", "ru"] {
                labels += questionnaire.maturity?.indicators.map { $0.title.text(in: language) } ?? []
                labels += questionnaire.maturity?.dimensions.map { $0.title.text(in: language) } ?? []
                labels += questionnaire.compliance?.sections.map { $0.title.text(in: language) } ?? []
                labels += questionnaire.compliance?.provisions.map { "\($0.id) \($0.title.text(in: language))" } ?? []
            }
        }
        labels += ["", " ", "a  b", " leading", "trailing ", "tab\there", "line\nbreak", "no\u{A0}break", "e\u{301}"]
        #expect(labels.count > 500)
        var shortcuts = 0
        for label in labels {
            for (maxWidth, maxLines) in [(300.0, 2), (300.0, 3), (150.0, 2), (420.0, 4), (80.0, 1)] {
                for bold in [false, true] {
                    let lines = FontMetrics.lines(label, maxWidth: maxWidth, size: 12, bold: bold, maxLines: maxLines)
                    #expect(lines == FontMetrics.wrapped(label, maxWidth: maxWidth, size: 12, bold: bold, maxLines: maxLines), "\(label) \(maxWidth)")
                    if FontMetrics.fitsAsItIs(label, maxWidth: maxWidth, size: 12, bold: bold) { shortcuts += 1 }
                }
            }
        }
        #expect(shortcuts > 1_000)  // the shortcut is taken, and gives the same lines
    }

    /// `FontMetrics.lines` as it was written first: every candidate line measured whole.
    static func referenceLines(_ text: String, maxWidth: Double, size: Double, bold: Bool, maxLines: Int) -> [String] {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var stack = Array(words.reversed())
        var lines: [String] = []
        while let first = stack.popLast() {
            if lines.count == max(1, maxLines) - 1 {
                let rest = ([first] + stack.reversed()).joined(separator: " ")
                lines.append(FontMetrics.fit(rest, maxWidth: maxWidth, size: size, bold: bold, ellipsis: true))
                return lines
            }
            var line = first
            if FontMetrics.width(line, size: size, bold: bold) > maxWidth {
                let head = FontMetrics.fit(line, maxWidth: maxWidth, size: size, bold: bold, ellipsis: false)
                lines.append(head)
                let rest = String(line.dropFirst(head.count))
                if !rest.isEmpty { stack.append(rest) }
                continue
            }
            while let next = stack.last, FontMetrics.width(line + " " + next, size: size, bold: bold) <= maxWidth {
                line += " " + next
                stack.removeLast()
            }
            lines.append(line)
        }
        return lines
    }

    /// `StringTable.htmlMarkup` works on bytes: it must give what Foundation's replacing and
    /// splitting gave, for every text of every language cbm has and for made-up ones.
    @Test func htmlMarkupIsWhatFoundationGave() throws {
        var texts: [String] = []
        for language in StringTable.installedLanguages {
            let table = try StringTable.forLanguage(language.code)
            texts += table.keys.map { table.text($0) }
        }
        #expect(texts.count > 1_000)
        var generator = SplitMix64(seed: 5)
        let pieces = ["*", "**", "***", "a", " ", "&", "<", ">", "\"", "'", "Ж", "—", "x*y", "&amp;"]
        for _ in 0..<3_000 {
            texts.append((0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect(StringTable.htmlMarkup(text) == Self.referenceMarkup(text), "\(text.debugDescription)")
        }
    }

    /// `htmlMarkup` as it was written first, with Foundation.
    static func referenceMarkup(_ text: String) -> String {
        var out = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        for (mark, tag) in [("**", "strong"), ("*", "em")] {
            var parts = out.components(separatedBy: mark)
            guard parts.count >= 3 else { continue }
            var result = parts.removeFirst()
            var open = true
            for part in parts {
                result += (open ? "<\(tag)>" : "</\(tag)>") + part
                open.toggle()
            }
            out = open ? result : out
        }
        return out
    }

    /// Chart text is escaped by `HTML.escape` now: it must give what the chart's own escaper,
    /// scalar by scalar, gave.
    @Test func chartTextIsEscapedAsBefore() {
        var generator = SplitMix64(seed: 3)
        let pieces = ["<", ">", "&", "\"", "'", "a", " ", "Ж", "—", "\u{0}", "\u{1F}", "\t", "\n", "\r", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}",
                      "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "e\u{301}", "<\u{301}", "\u{600}\"", "\u{1F600}", "\u{EF}"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(SVG.escape(text) == Self.referenceChartEscape(text), "\(text.debugDescription)")
        }
    }

    /// `SVG.escape` as it was written first.
    static func referenceChartEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if ControlCharacters.isControl(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `StringTable.fill` writes bytes into one buffer: it must give what joining the text's
    /// pieces gave, known and unknown names, stray braces and all.
    @Test func placeholdersAreFilledAsBefore() {
        var generator = SplitMix64(seed: 9)
        let values = ["count": "3", "name": "Таможня {x}", "a_1": "", "title": "A & B"]
        let pieces = ["{", "}", "{count}", "{name}", "{a_1}", "{unknown}", "{title", "{ count}", "{status: partial}", "x", " ", "Ж", "—", "{{count}}", "e\u{301}"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(StringTable.fill(text, values) == Self.referenceFill(text, values), "\(text.debugDescription)")
        }
    }

    /// `StringTable.fill` as it was written first, by pieces of the text.
    static func referenceFill(_ text: String, _ values: [String: String]) -> String {
        func isNameByte(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "_") || (byte < 0x80 && Character(Unicode.Scalar(byte)).isASCII && (Character(Unicode.Scalar(byte)).isLetter || Character(Unicode.Scalar(byte)).isNumber)) }
        var out = ""
        let utf8 = text.utf8
        var rest = utf8.startIndex
        var search = rest
        while let open = utf8[search...].firstIndex(of: UInt8(ascii: "{")) {
            let afterOpen = utf8.index(after: open)
            let nameEnd = utf8[afterOpen...].firstIndex { !isNameByte($0) } ?? utf8.endIndex
            if nameEnd > afterOpen, nameEnd < utf8.endIndex, utf8[nameEnd] == UInt8(ascii: "}") {
                let name = String(text[afterOpen..<nameEnd])
                out += text[rest..<open] + (values[name] ?? "{\(name)}")
                rest = utf8.index(after: nameEnd)
                search = rest
            } else {
                search = afterOpen
            }
        }
        return out + text[rest...]
    }
}
