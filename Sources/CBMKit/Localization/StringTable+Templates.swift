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
        // double-quoted attributes); apostrophes stay as typed.
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
            out = open ? result : out  // an unpaired mark is left as it is
        }
        return out
    }
}
