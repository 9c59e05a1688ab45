/// cbm's texts in one language, as templates read them: `t.report.title` is the text of the
/// key `report.title`, with `values` filled in and, for HTML, escaped and with `**bold**`
/// and `*italic*` marked up. A text is prepared only when a template uses it.
final class TemplateTexts {
    let strings: StringTable
    let html: Bool
    let values: [String: String]
    /// Every `a.` and `a.b.` in front of a key: what `t.a` and `t.a.b` may be followed by.
    private let prefixes: Set<String>

    init(strings: StringTable, html: Bool, values: [String: String] = [:]) {
        self.strings = strings
        self.html = html
        self.values = values
        var prefixes = Set<String>()
        for key in strings.entries.keys {
            var index = key.startIndex
            while let dot = key[index...].firstIndex(of: ".") {
                prefixes.insert(String(key[...dot]))
                index = key.index(after: dot)
            }
        }
        self.prefixes = prefixes
    }

    /// Texts already prepared: a report asks for the same ones in every indicator.
    private var prepared: [String: TemplateValue?] = [:]

    /// The value at `path` ("report.title"): a text, a group of texts, or nil.
    func value(_ path: String) -> TemplateValue? {
        if let known = prepared[path] { return known }
        let value: TemplateValue?
        if strings.entries[path] != nil {
            let text = strings.text(path, values)
            value = .string(html ? StringTable.htmlMarkup(text) : text)
        } else {
            let group = path + "."
            value = prefixes.contains(group) ? .texts(self, prefix: group) : nil
        }
        prepared[path] = value
        return value
    }
}
