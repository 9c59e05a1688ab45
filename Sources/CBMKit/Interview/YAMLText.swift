/// Pieces of YAML text written so that any string reads back exactly as it was: the
/// building blocks of `AssessmentWriter`.
///
/// Free text (titles, names, evidence, comments, notes) is always written in double quotes,
/// with every character that YAML could misread escaped. Ids and fixed words (levels,
/// statuses, dates) are written bare when that is safe, in quotes otherwise.
enum YAMLText {
    /// Words that YAML 1.1 tools read as true, false or nothing when written bare.
    private static let keywords: Set<String> = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
    ]

    /// An id or a fixed word: bare when it is made of letters, digits, `-`, `_` and `.` and
    /// starts with a letter (or, with `leadingDigit`, a digit: periods and dates), quoted otherwise.
    static func word(_ text: String, leadingDigit: Bool = false) -> String {
        isBareWord(text, leadingDigit: leadingDigit) ? text : quoted(text)
    }

    static func isBareWord(_ text: String, leadingDigit: Bool = false) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 200 else { return false }
        let isLetter = ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        let isDigit = ("0"..."9").contains(first)
        guard isLetter || (leadingDigit && isDigit) else { return false }
        guard !keywords.contains(text.lowercased()) else { return false }
        // A bare word that starts with a digit must not read as a number (1.5, 1e3, 0x10).
        if isDigit, text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" || $0 == "x" || $0 == "o" || $0 == "_" }) {
            return false
        }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }

    /// Text in double quotes on one line.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars { out += escaped(scalar) }
        return out + "\""
    }

    /// Text in double quotes that may continue over several lines: long text is broken at the
    /// space before a word that would pass `width`, and after each line break in the text. Reading it
    /// back gives exactly `text` (YAML turns a break at a space back into that space; a break
    /// after an escaped `\n` is escaped away).
    ///
    /// - Parameters:
    ///   - column: the column (0-based) where the opening quote is written.
    ///   - indent: the indentation of continuation lines.
    static func quoted(_ text: String, column: Int, indent: Int, width: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        let margin = String(repeating: " ", count: indent)
        var out = "\""
        var column = column + 1
        var previousWasSpace = false
        for index in scalars.indices {
            let scalar = scalars[index]
            let isLast = index == scalars.count - 1
            if scalar == " " {
                // Break at a single space (not the first or last character): the line break
                // reads back as this space. A space right after the break is escaped, since
                // YAML drops the spaces that start a continuation line.
                var next = index + 1
                while next < scalars.count, scalars[next] != " ", scalars[next] != "\n" { next += 1 }
                let word = next - index - 1
                if column + 1 + word > width, column > indent + 20, index > 0, !isLast, !previousWasSpace {
                    out += "\n" + margin
                    column = indent
                    if scalars[index + 1] == " " {
                        out += "\\"
                        column += 1
                    }
                } else {
                    out += " "
                    column += 1
                }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            let piece = escaped(scalar)
            out += piece
            column += piece.unicodeScalars.count
            if scalar == "\n", !isLast {
                // An escaped line break at the end of a line: the break itself is not part of
                // the text, and a space that starts the next line must be escaped.
                out += "\\\n" + margin
                column = indent
                if scalars[index + 1] == " " {
                    out += "\\"
                    column += 1
                }
            }
        }
        return out + "\""
    }

    /// One character as written inside double quotes.
    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        case "\0": return "\\0"
        case "\u{85}": return "\\N"
        case "\u{A0}": return "\\_"
        case "\u{2028}": return "\\L"
        case "\u{2029}": return "\\P"
        default:
            if needsEscape(scalar) { return "\\u" + hex(scalar.value, digits: 4) }
            return String(scalar)
        }
    }

    /// Characters that YAML does not allow as they are, or that would be invisible or
    /// confusing in a text editor: control characters (`ControlCharacters`; tab, line feed and
    /// carriage return have escapes of their own), the byte-order mark.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        ControlCharacters.isControl(scalar) || scalar.value < 0x20 || scalar.value == 0xFEFF
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// Text as comment lines (`# …`) at the given indentation, wrapped at `width`. Line breaks
    /// in the text start new comment lines, and characters that YAML reads as line breaks or
    /// refuses are replaced, so nothing in the text can end the comment.
    static func comment(_ text: String, indent: Int, width: Int, hanging: Int = 0) -> [String] {
        let margin = String(repeating: " ", count: indent) + "# "
        var lines: [String] = []
        for paragraph in commentSafe(text).split(separator: "\n", omittingEmptySubsequences: false) {
            let wrapped = wrap(String(paragraph), width: max(20, width - margin.count), hanging: hanging)
            lines += wrapped.map { ($0.isEmpty ? String(margin.dropLast()) : margin + $0) }
        }
        return lines
    }

    private static func commentSafe(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r": out += "\n"; previousWasCR = true; continue
            case "\n": if !previousWasCR { out += "\n" }
            case "\u{85}", "\u{2028}", "\u{2029}": out += "\n"
            case "\t": out += " "
            default: out.unicodeScalars.append(needsEscape(scalar) ? " " : scalar)
            }
            previousWasCR = false
        }
        return out
    }

    /// Words of one paragraph on lines of at most `width` characters (a longer word gets a
    /// line of its own). Lines after the first start with `hanging` spaces.
    static func wrap(_ text: String, width: Int, hanging: Int = 0) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard !words.isEmpty else { return [""] }
        let pad = String(repeating: " ", count: hanging)
        var lines: [String] = []
        var line = ""
        for word in words {
            if line.isEmpty {
                line = (lines.isEmpty ? "" : pad) + word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = pad + word
            }
        }
        lines.append(line)
        return lines
    }
}
