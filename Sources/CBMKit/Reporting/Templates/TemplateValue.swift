/// What a template reads: the report's view model, turned into plain values once
/// (`TemplateValueConvertible`), so that every `{{name}}` is found without reflection.
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
/// fields at most, so a linear search by name is faster than hashing every name. The fields
/// are one array of pairs, so that a copy of an object (each lookup makes one) retains one
/// buffer, not two.
struct TemplateObject {
    var fields: [(key: String, value: TemplateValue)] = []

    init(keys: [String] = [], values: [TemplateValue] = []) {
        fields = Array(zip(keys, values))
    }

    /// An object for `capacity` fields, filled by `with(_:_:)`.
    init(capacity: Int) {
        fields.reserveCapacity(capacity)
    }

    /// The object with the field `key` added: a view model lists its fields in declaration
    /// order, `TemplateObject(capacity: 2).with("id", id).with("title", title).value`. Each
    /// value is converted once, straight into the object.
    consuming func with(_ key: String, _ value: some TemplateValueConvertible) -> TemplateObject {
        fields.append((key, value.templateValue))
        return self
    }

    /// The object with the field `key` added, unless it is `nil`: a field left out, so that a
    /// template looks the name up in the values around this one, as Mustache does with a
    /// missing field.
    consuming func with(_ key: String, _ value: (some TemplateValueConvertible)?) -> TemplateObject {
        if let value { fields.append((key, value.templateValue)) }
        return self
    }

    /// The object as a template value.
    var value: TemplateValue { .object(self) }

    subscript(name: String) -> TemplateValue? {
        get {
            // Lengths first: a length is at hand, comparing two long texts is not.
            let length = name.utf8.count
            for field in fields where field.key.utf8.count == length && field.key == name { return field.value }
            return nil
        }
        set {
            if let index = fields.firstIndex(where: { $0.key == name }) {
                if let newValue { fields[index].value = newValue } else { fields.remove(at: index) }
            } else if let newValue {
                fields.append((name, newValue))
            }
        }
    }
}

/// A view model, or a field of one, as a template reads it. Each view model writes out its
/// fields by name (`ViewModels+TemplateValue.swift`): about ten times faster than encoding it
/// through `Encodable`, whose generic containers and type look-ups cost more than a report's
/// charts. The tests check every field of every example's view models against the field
/// names reflection sees (`Tests/…/Templates/`).
protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}

extension String: TemplateValueConvertible {
    var templateValue: TemplateValue { .string(self) }
}

extension Bool: TemplateValueConvertible {
    var templateValue: TemplateValue { .bool(self) }
}

extension Int: TemplateValueConvertible {
    var templateValue: TemplateValue { .int(self) }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    var templateValue: TemplateValue { .list(map(\.templateValue)) }
}
