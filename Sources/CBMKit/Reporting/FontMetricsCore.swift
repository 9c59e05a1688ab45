/// Text widths in the fonts the report's charts ask for (DejaVu Sans, regular and bold; see
/// `svg.chart text` in style.html.mustache), from the fonts' own advance widths, so that chart
/// labels are sized and wrapped by how wide they really print, not by counting characters.
/// Covers Latin, Greek, Cyrillic and common punctuation and symbols; any other character
/// counts as one em (wider than nearly every glyph), so a label is never measured too short.
/// Kerning is left out; the charts keep a few pixels of margin, and the "Reports in
/// Chromium" tests measure the printed result. A reader without DejaVu Sans gets Arial or
/// another sans-serif font, which is narrower, so the labels still fit.
public enum FontMetrics {
    struct Table: Sendable {
        var unitsPerEm: Double
        var ranges: [(start: UInt32, widths: [UInt16])]

        init(unitsPerEm: Double, ranges: [(start: UInt32, widths: [UInt16])]) {
            self.unitsPerEm = unitsPerEm
            self.ranges = ranges
        }

        /// The advance of one character in ems; nil when the font has none.
        func advance(_ scalar: Unicode.Scalar) -> Double? {
            let value = scalar.value
            for range in ranges where value >= range.start && value < range.start + UInt32(range.widths.count) {
                let width = range.widths[Int(value - range.start)]
                return width == 0 ? nil : Double(width) / unitsPerEm
            }
            return nil
        }
    }

    /// The width in pixels of `text` at `size` pixels.
    public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        let table = bold ? dejaVuSansBold : dejaVuSans
        var ems = 0.0
        for scalar in text.unicodeScalars {
            // Latin below U+0300 (but the soft hyphen) and Cyrillic letters have no combining
            // or invisible characters: the common case, without asking Unicode's tables.
            let plain = (scalar.value < 0x300 && scalar.value != 0xAD) || (0x400...0x482).contains(scalar.value)
            if !plain, scalar.properties.generalCategory == .nonspacingMark || scalar.properties.isDefaultIgnorableCodePoint { continue }
            ems += table.advance(scalar) ?? 1.0
        }
        return ems * size
    }

    /// `text` broken between words into at most `maxLines` lines no wider than `maxWidth`
    /// pixels. A word longer than a line is cut; when the text does not fit, the last line
    /// ends with "…" (the whole text is always in the chart's description and in a table).
    public static func lines(_ text: String, maxWidth: Double, size: Double, bold: Bool = false, maxLines: Int = 2) -> [String] {
        // No chart line holds more than a few hundred characters: a longer text is cut first,
        // so that measuring a hostile 100 000-character name stays quick.
        let limited = text.unicodeScalars.count > 2_000 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(2_000))) : text
        // Words: split at spaces by bytes when the text is ASCII (most labels), else at every
        // kind of white space.
        let words = limited.utf8.allSatisfy { $0 < 0x80 }
            ? limited.utf8.split(whereSeparator: { $0 == 0x20 || (0x09...0x0D).contains($0) }).map { String(Substring($0)) }
            : limited.split(whereSeparator: \.isWhitespace).map(String.init)
        var stack = Array(words.reversed())
        var lines: [String] = []
        while let first = stack.popLast() {
            if lines.count == max(1, maxLines) - 1 {
                let rest = ([first] + stack.reversed()).joined(separator: " ")
                lines.append(fit(rest, maxWidth: maxWidth, size: size, bold: bold, ellipsis: true))
                return lines
            }
            var line = first
            if width(line, size: size, bold: bold) > maxWidth {
                let head = fit(line, maxWidth: maxWidth, size: size, bold: bold, ellipsis: false)
                lines.append(head)
                let rest = String(line.dropFirst(head.count))
                if !rest.isEmpty { stack.append(rest) }
                continue
            }
            while let next = stack.last, width(line + " " + next, size: size, bold: bold) <= maxWidth {
                line += " " + next
                stack.removeLast()
            }
            lines.append(line)
        }
        return lines
    }

    /// The longest beginning of `text` that fits in `maxWidth`, with "…" when cut and asked for.
    static func fit(_ text: String, maxWidth: Double, size: Double, bold: Bool, ellipsis: Bool) -> String {
        if width(text, size: size, bold: bold) <= maxWidth { return text }
        let mark = ellipsis ? "…" : ""
        let room = maxWidth - width(mark, size: size, bold: bold)
        var kept = ""
        var used = 0.0
        for character in text {
            let advance = width(String(character), size: size, bold: bold)
            if used + advance > room { break }
            used += advance
            kept.append(character)
        }
        if kept.isEmpty && !ellipsis { kept = String(text.prefix(1)) }
        while kept.last == " " { kept.removeLast() }
        return kept + mark
    }
}
