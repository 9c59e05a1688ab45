import Foundation

// MARK: - Texts for the report templates

/// Templates read cbm's texts by key (`{{{t.report.method.scores}}}`, see `TemplateTexts`).
/// For HTML each text is escaped and its `**bold**` and `*italic*` become `<strong>` and
/// `<em>`; for Markdown the text is given as written (Markdown reads the same marks).
/// Templates insert them unescaped (`{{{…}}}`): the texts come with cbm, not from the user.
extension StringTable {
    /// "**divergent** (≠)" → "<strong>divergent</strong> (≠)", after escaping.
    static func htmlMarkup(_ text: String) -> String {
        // Most texts have nothing to escape or mark up: they are returned as they are.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "*") }) else { return text }
        // cbm's own texts: `&`, `<`, `>` and `"` escaped (enough for element text and
        // double-quoted attributes); apostrophes stay as typed. Every mark is one ASCII byte,
        // so the text is worked on as UTF-8 bytes, in one pass for the escapes and one for
        // each kind of emphasis (Foundation's searches took 40,000 instructions a text).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "\""): bytes += "&quot;".utf8
            default: bytes.append(byte)
            }
        }
        bytes = pairUp(bytes, mark: 2, tag: "strong")
        bytes = pairUp(bytes, mark: 1, tag: "em")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `bytes` with its marks (`count` stars: `**` or `*`, found from the left, never
    /// overlapping) made into `<tag>` and `</tag>` in turn; left as they are when there are
    /// fewer than two marks or an odd number (an unpaired mark is not markup).
    private static func pairUp(_ bytes: [UInt8], mark count: Int, tag: String) -> [UInt8] {
        let star = UInt8(ascii: "*")
        var marks: [Int] = []
        var index = 0
        while index + count <= bytes.count {
            if bytes[index] == star, count == 1 || bytes[index + 1] == star {
                marks.append(index)
                index += count
            } else {
                index += 1
            }
        }
        guard marks.count >= 2, marks.count % 2 == 0 else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + marks.count / 2 * (2 * tag.utf8.count + 5))
        var from = 0
        for (n, at) in marks.enumerated() {
            out += bytes[from..<at]
            out += (n % 2 == 0 ? "<\(tag)>" : "</\(tag)>").utf8
            from = at + count
        }
        out += bytes[from...]
        return out
    }
}
