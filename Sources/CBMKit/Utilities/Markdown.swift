enum Markdown {
    /// Makes untrusted text safe and literal in Markdown, including inside table cells.
    ///
    /// Works on Unicode scalars, as Markdown and HTML parsers do: a `<` or `|` that Swift
    /// joins with the character before or after it into one Character (after U+0600, before a
    /// combining accent) must still be escaped. Control characters (`ControlCharacters`) are left
    /// out; a line break becomes `<br>`.
    static func escape(_ text: String) -> String {
        if isPlain(text) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let scalars = Array(text.unicodeScalars)
        let leadingDigits = scalars.prefix { $0.properties.numericType != nil }.count
        for (offset, scalar) in scalars.enumerated() {
            switch scalar {
            case "\r" where offset + 1 < scalars.count && scalars[offset + 1] == "\n": continue  // CRLF: one break, at the LF
            case "\n", "\r": out += "<br>"  // kept as an HTML break: a real one would end a table row or a list item
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "|": out += "\\|"
            case "\\", "`", "*", "_", "[", "]", "~", "$": out += "\\" + String(scalar)
            case "#", "-", "+", "=": out += offset == 0 ? "\\" + String(scalar) : String(scalar)
            case ".", ")":
                // "2026. " or "1) " at the start would turn the text into a numbered list.
                let next: Unicode.Scalar = offset + 1 < scalars.count ? scalars[offset + 1] : " "
                let listMarker = offset > 0 && offset == leadingDigits && next.properties.isWhitespace
                out += listMarker ? "\\" + String(scalar) : String(scalar)
            default:
                if ControlCharacters.isControl(scalar) { continue }
                if DirectionControls.isControl(scalar) {
                    // Shown, not obeyed; its brackets escaped, so that no link can follow.
                    out += "\\" + DirectionControls.mark(scalar).dropLast() + "\\]"
                    continue
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Markdown {
    /// True when `escape` would return the text unchanged (most texts): no byte it changes,
    /// and no digit, `#`, `-`, `+` or `=` at the start.
    static func isPlain(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || "#-+=".utf8.contains(first) { return false }
        var mayHoldDirectionControl = false
        let changed = changedBytes
        let plain = !text.utf8.contains { byte in
            if byte == 0xD8 || byte == 0xE2 { mayHoldDirectionControl = true }
            return changed.contains(byte)
        }
        return plain && !(mayHoldDirectionControl && text.unicodeScalars.contains(where: DirectionControls.isControl))
    }

    /// The bytes `escape` may change anywhere in a text: line breaks, the first bytes of
    /// control characters, and Markdown's marks.
    private static let changedBytes = ByteSet { byte in
        byte == 0x0A || byte == 0x0D || ControlCharacters.mayStart(byte) || "<>&|\\`*_[]~$".utf8.contains(byte)
    }
}
