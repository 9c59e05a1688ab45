import Foundation

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

    private static func hasControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return false }
        let end = start + bytes.count
        // The lead bytes are found with memchr, many bytes at a time: a report is a few
        // hundred KB, nearly all of it other bytes.
        func each(_ lead: UInt8, _ found: (UnsafePointer<UInt8>) -> Bool) -> Bool {
            var from = start
            while from < end, let hit = memchr(from, Int32(lead), end - from) {
                let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                if found(at) { return true }
                from = at + 1
            }
            return false
        }
        if each(0xD8, { $0 + 1 < end && $0[1] == 0x9C }) { return true }
        return each(0xE2) { at in
            guard at + 2 < end else { return false }
            let second = at[1], third = at[2]
            if second == 0x80, third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third) { return true }
            return second == 0x81 && (0xA6...0xA9).contains(third)
        }
    }

    /// The text with every direction control replaced by its visible mark.
    public static func shown(_ text: String) -> String {
        // Fast path, by UTF-8 bytes: U+061C is D8 9C; U+200E/F are E2 80 8E/8F; U+202A–202E
        // are E2 80 AA–AE; U+2066–2069 are E2 81 A6–A9. Text without them is returned as it is.
        guard text.utf8.withContiguousStorageIfAvailable(Self.hasControl) ?? text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) { out.append(contentsOf: mark(scalar).unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}
