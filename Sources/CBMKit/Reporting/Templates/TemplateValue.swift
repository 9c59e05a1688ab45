/// What a template reads: the report's view model, turned into plain values once
/// (`TemplateValueEncoder`), so that every `{{name}}` is found without reflection.
enum TemplateValue {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([TemplateValue])
    case object(TemplateObject)
    /// A `nil` inside a list.
    case null
    /// cbm's own texts (`{{{t.report.title}}}`), looked up when a template asks for one.
    case texts(TemplateTexts, prefix: String)

    /// The value named `name` inside this one, or nil: only objects and texts have named values.
    func child(named name: String) -> TemplateValue? {
        switch self {
        case let .object(object): return object[name]
        case let .texts(texts, prefix): return texts.value(prefix + name)
        default: return nil
        }
    }
}

/// The fields of one view-model struct, in declaration order. Structs have a few dozen
/// fields at most, so a linear search by name is faster than hashing every name.
struct TemplateObject {
    var keys: [String] = []
    var values: [TemplateValue] = []

    subscript(name: String) -> TemplateValue? {
        get {
            guard let index = keys.firstIndex(of: name) else { return nil }
            return values[index]
        }
        set {
            if let index = keys.firstIndex(of: name) {
                if let newValue { values[index] = newValue } else { keys.remove(at: index); values.remove(at: index) }
            } else if let newValue {
                keys.append(name)
                values.append(newValue)
            }
        }
    }
}

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
