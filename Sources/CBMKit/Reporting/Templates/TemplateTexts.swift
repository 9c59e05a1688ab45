/// cbm's texts in one language, as templates read them: `t.report.title` is the text of the
/// key `report.title`, with `values` filled in and, for HTML, escaped and with `**bold**`
/// and `*italic*` marked up. A text is prepared only when a template uses it.
final class TemplateTexts {
    let strings: StringTable
    let html: Bool
    let values: [String: String]

    init(strings: StringTable, html: Bool, values: [String: String] = [:]) {
        self.strings = strings
        self.html = html
        self.values = values
    }

    /// The values of dotted names below the root, by the whole name ("report.title").
    private var resolved: [String: TemplateValue?] = [:]

    /// The value of the dotted name `names` (`joined` with dots) below the root, as looking
    /// its names up one by one gives it, which is done once for each name: a report asks for
    /// the same ones in every indicator.
    func value(names: ArraySlice<String>, joined: String) -> TemplateValue? {
        if let known = resolved[joined] { return known }
        let value = TemplateLibrary.resolve(names, from: .texts(self, prefix: ""))
        resolved[joined] = value
        return value
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
            // A group (`t.report` in `t.report.title`) when some key begins with it: asked once
            // for each of the dozen groups the templates name, by bytes, instead of listing every
            // group of the 600 keys for each report.
            let group = path + "."
            let first = group.utf8.first
            value = strings.entries.keys.contains { $0.utf8.first == first && $0.utf8.starts(with: group.utf8) } ? .texts(self, prefix: group) : nil
        }
        prepared[path] = value
        return value
    }
}
