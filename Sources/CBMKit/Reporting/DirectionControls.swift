/// Unicode direction controls in user text are shown, not obeyed, in everything cbm writes
/// for people to read (HTML and Markdown reports, the terminal).
///
/// A right-to-left override (U+202E) makes "Order No. \u{202E}5202 fo 21" look like
/// "Order No. 12 of 2025", and an unclosed one reverses the rest of every line its text is
/// joined into. Isolating the text (`<bdi>`) would stop the second but not the first, so
/// each control is replaced by a visible mark such as `[U+202E]`: the reader sees that the
/// text holds one, and where. The files themselves (YAML, CSV sheets, JSON output) keep the
/// text exactly as it was written. Error messages show these characters as `\u{202E}`.
public enum DirectionControls {
    /// Embeddings and overrides (U+202A–202E), isolates (U+2066–2069), the left-to-right and
    /// right-to-left marks (U+200E, U+200F) and the Arabic letter mark (U+061C).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    /// The mark shown for a control: `[U+202E]`.
    public static func mark(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "[U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
    }

    /// The text with every direction control replaced by its visible mark.
    public static func shown(_ text: String) -> String {
        // Fast path, by UTF-8 bytes: the controls start with D8 (U+061C) or E2 80/E2 81.
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0xD8 || $0 == 0xE2 }) else { return text }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) { out.append(contentsOf: mark(scalar).unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}
