import Foundation

/// The report model as dictionaries and arrays, read by reflection once. Mustache looks up
/// every `{{name}}` in a struct by reflecting all of its fields (and those of every struct
/// around it, until it finds the name), which took half the time of a report; a dictionary
/// answers at once. Nil fields are left out, as Mustache treats them as missing anyway.
enum MustacheModel {
    static func value(of value: Any) -> Any? {
        switch value {
        case is String, is Bool, is Int, is Double, is Substring: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional?:
            return mirror.children.first.flatMap { Self.value(of: $0.value) }
        case .struct?:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let field = Self.value(of: child.value) { fields[label] = field }
            }
            return fields
        case .collection?:
            guard let array = value as? [Any] else { return value }
            return array.map { Self.value(of: $0) ?? NSNull() }
        default:
            return value
        }
    }
}
