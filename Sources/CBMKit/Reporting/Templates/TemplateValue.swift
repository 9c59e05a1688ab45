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
            // Lengths first: a length is at hand, comparing two long texts is not.
            let length = name.utf8.count
            guard let index = keys.firstIndex(where: { $0.utf8.count == length && $0 == name }) else { return nil }
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
