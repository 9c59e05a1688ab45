import Foundation

// MARK: - Texts for the report templates

extension StringTable {
    /// Every text of the table as nested dictionaries for the Mustache templates, which name
    /// them by key: `{{{t.report.method.scores}}}`. For HTML each text is escaped and its
    /// `**bold**` and `*italic*` become `<strong>` and `<em>`; for Markdown the text is given
    /// as written (Markdown reads the same marks). Templates insert them unescaped (`{{{…}}}`):
    /// the texts come with cbm, not from the user.
    /// `values` fill placeholders that are the same for the whole document (`{threshold}`).
    func templateTexts(html: Bool, values: [String: String] = [:]) -> [String: Any] {
        var root: [String: Any] = [:]
        for key in keys {
            let value = html ? Self.htmlMarkup(text(key, values)) : text(key, values)
            Self.insert(value, at: key.split(separator: ".").map(String.init), into: &root)
        }
        return root
    }

    private static func insert(_ value: String, at path: [String], into dictionary: inout [String: Any]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            dictionary[first] = value
            return
        }
        var child = dictionary[first] as? [String: Any] ?? [:]
        insert(value, at: Array(path.dropFirst()), into: &child)
        dictionary[first] = child
    }

    /// "**divergent** (≠)" → "<strong>divergent</strong> (≠)", after escaping.
    static func htmlMarkup(_ text: String) -> String {
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
