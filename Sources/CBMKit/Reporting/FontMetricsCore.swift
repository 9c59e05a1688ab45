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
        /// The advance of every scalar from U+0000 to the end of the last range, in font
        /// units, 0 where the font has none: one look-up by index for each character measured,
        /// instead of a search of the ranges.
        private var widths: [UInt16]

        init(unitsPerEm: Double, ranges: [(start: UInt32, widths: [UInt16])]) {
            self.unitsPerEm = unitsPerEm
            var widths = [UInt16](repeating: 0, count: Int(ranges.map { $0.start + UInt32($0.widths.count) }.max() ?? 0))
            // The first range that holds a scalar gives its width: later ranges are written first.
            for range in ranges.reversed() {
                widths.replaceSubrange(Int(range.start)..<Int(range.start) + range.widths.count, with: range.widths)
            }
            self.widths = widths
        }

        /// The advance of one character in ems; nil when the font has none.
        func advance(_ scalar: Unicode.Scalar) -> Double? {
            let value = Int(scalar.value)
            guard value < widths.count else { return nil }
            let width = widths[value]
            return width == 0 ? nil : Double(width) / unitsPerEm
        }
    }

    /// The width in pixels of `text` at `size` pixels.
    public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        ems(of: text, after: 0, in: bold ? dejaVuSansBold : dejaVuSans) * size
    }

    /// `start` plus the advances of `text`'s characters, in ems, added one at a time from the
    /// left: a line measured word by word (`start` the line so far) comes to exactly the sum
    /// that measuring the whole line gives, bit for bit.
    static func ems(of text: String, after start: Double, in table: Table) -> Double {
        var ems = start
        for scalar in text.unicodeScalars {
            if !isPlain(scalar.value), scalar.properties.generalCategory == .nonspacingMark || scalar.properties.isDefaultIgnorableCodePoint { continue }
            ems += table.advance(scalar) ?? 1.0
        }
        return ems
    }

    /// Scalars that are neither combining nor invisible, and never join their neighbours into
    /// one character (but CR LF): Latin below U+0300 without the soft hyphen, Greek and
    /// Cyrillic letters, the dashes, quotes and marks of General Punctuation, currency signs,
    /// letter-like symbols (№), arrows, mathematical operators (≠) and geometric shapes. Chart
    /// labels and keys are nearly all made of these; they are measured and split into words
    /// without asking Unicode's tables (`FastFormattingTests` checks each of them against those tables).
    static func isPlain(_ value: UInt32) -> Bool {
        if value < 0x300 { return value != 0xAD }
        if value < 0x2000 { return (0x370...0x482).contains(value) }
        return (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value) || (0x20A0...0x20C0).contains(value)
            || (0x2100...0x214F).contains(value) || (0x2190...0x23FF).contains(value) || (0x25A0...0x26FF).contains(value)
    }

    /// White space among plain scalars (`isPlain`), as `Unicode.Scalar.Properties.isWhitespace` says.
    static func isPlainWhitespace(_ value: UInt32) -> Bool {
        value == 0x20 || (0x09...0x0D).contains(value) || value == 0x85 || value == 0xA0
    }

    /// `text` broken between words into at most `maxLines` lines no wider than `maxWidth`
    /// pixels. A word longer than a line is cut; when the text does not fit, the last line
    /// ends with "…" (the whole text is always in the chart's description and in a table).
    public static func lines(_ text: String, maxWidth: Double, size: Double, bold: Bool = false, maxLines: Int = 2) -> [String] {
        if fitsAsItIs(text, maxWidth: maxWidth, size: size, bold: bold) { return [text] }
        return wrapped(text, maxWidth: maxWidth, size: size, bold: bold, maxLines: maxLines)
    }

    /// `lines(_:maxWidth:size:bold:maxLines:)` without its shortcut for a text that fits as it
    /// is (the tests hold the two to the same result).
    static func wrapped(_ text: String, maxWidth: Double, size: Double, bold: Bool, maxLines: Int) -> [String] {
        // No chart line holds more than a few hundred characters: a longer text is cut first,
        // so that measuring a hostile 100 000-character name stays quick.
        let limited = text.unicodeScalars.count > 2_000 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(2_000))) : text
        // Words: split at white space. When every scalar is plain (`isPlain`), each is a
        // character of its own (CR LF aside, white space either way), so splitting the scalars
        // gives the words that splitting the characters gives, without Unicode's tables.
        let words = limited.unicodeScalars.allSatisfy { isPlain($0.value) }
            ? limited.unicodeScalars.split(whereSeparator: { isPlainWhitespace($0.value) }).map { String(Substring($0)) }
            : limited.split(whereSeparator: \.isWhitespace).map(String.init)
        let table = bold ? dejaVuSansBold : dejaVuSans
        let space = ems(of: " ", after: 0, in: table)
        var stack = Array(words.reversed())
        var lines: [String] = []
        while let first = stack.popLast() {
            if lines.count == max(1, maxLines) - 1 {
                let rest = ([first] + stack.reversed()).joined(separator: " ")
                lines.append(fit(rest, maxWidth: maxWidth, size: size, bold: bold, ellipsis: true))
                return lines
            }
            var line = first
            // The line's width is carried on word by word (`ems(of:after:in:)`), not measured
            // again from its start for every word it might take.
            var lineEms = ems(of: line, after: 0, in: table)
            if lineEms * size > maxWidth {
                let head = fit(line, maxWidth: maxWidth, size: size, bold: bold, ellipsis: false)
                lines.append(head)
                let rest = String(line.dropFirst(head.count))
                if !rest.isEmpty { stack.append(rest) }
                continue
            }
            while let next = stack.last {
                let joined = ems(of: next, after: lineEms + space, in: table)
                guard joined * size <= maxWidth else { break }
                line += " " + next
                lineEms = joined
                stack.removeLast()
            }
            lines.append(line)
        }
        return lines
    }

    /// Whether `text` is one line as it is: plain scalars (`isPlain`) whose only white space
    /// is single spaces between words, no wider than `maxWidth`. `lines` would give it back
    /// unchanged (its words joined by single spaces are the text, and measuring a line word by
    /// word gives the sum measuring the whole gives), so it is returned without splitting it.
    static func fitsAsItIs(_ text: String, maxWidth: Double, size: Double, bold: Bool) -> Bool {
        var previousIsSpace = true  // no space at the start
        var count = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            count += 1
            guard count <= 2_000, isPlain(value) else { return false }
            if isPlainWhitespace(value) {
                guard value == 0x20, !previousIsSpace else { return false }
                previousIsSpace = true
            } else {
                previousIsSpace = false
            }
        }
        return count > 0 && !previousIsSpace && width(text, size: size, bold: bold) <= maxWidth
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
