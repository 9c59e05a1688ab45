/// A JSON value with ordered keys, written by hand so that the output is stable (same
/// key order every run) and `null` is written where a value is unknown.
indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
    func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    static func number(_ value: Double?) -> JSONValue { value.map { .double($0) } ?? .null }
    static func number(_ value: Int?) -> JSONValue { value.map { .int($0) } ?? .null }
    static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// Pretty-printed with two-space indentation and a final newline.
    func rendered() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out += "\n"
        return out
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(value): out += value ? "true" : "false"
        case let .int(value): out += String(value)
        case let .double(value):
            if !value.isFinite {
                out += "null"
            } else if value == value.rounded(), abs(value) < 1e15 {
                out += String(Int(value))
            } else {
                out += String(value)  // shortest text that reads back as the same number
            }
        case let .string(value): Self.quote(value, into: &out)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += Self.indentation(indent + 1)
                item.write(to: &out, indent: indent + 1)
                out += index < items.count - 1 ? ",\n" : "\n"
            }
            out += Self.indentation(indent)
            out += "]"
        case let .object(pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in pairs.enumerated() {
                out += Self.indentation(indent + 1)
                Self.quote(key, into: &out)
                out += ": "
                value.write(to: &out, indent: indent + 1)
                out += index < pairs.count - 1 ? ",\n" : "\n"
            }
            out += Self.indentation(indent)
            out += "}"
        }
    }

    private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }

    static func indentation(_ depth: Int) -> String {
        depth < indents.count ? indents[depth] : String(repeating: "  ", count: depth)
    }

    /// Bytes that may need an escape: ASCII ones, the first byte of U+2028/U+2029 (E2) and of
    /// control characters.
    private static let mayNeedEscape = ByteSet { byte in
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == 0xE2 || ControlCharacters.mayStart(byte)
    }

    /// `text` as a JSON string, appended to `out`.
    static func quote(_ text: String, into out: inout String) {
        // Most texts need no escape: copy them whole (a comparison of 57 countries writes 12 MB).
        if !mayNeedEscape.containsAny(of: text) {
            out += "\""
            out += text
            out += "\""
            return
        }
        out += Self.escaped(text)
    }

    private static func escaped(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"  // safe to embed in HTML
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default:
                // Control characters (`ControlCharacters`) and the line and paragraph
                // separators, which JavaScript before ES2019 could not hold in a string.
                if ControlCharacters.isControl(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
