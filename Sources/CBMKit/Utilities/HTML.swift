/// Escapes text for HTML by Unicode scalars. Mustache's own HTML escaping compares whole
/// Characters, so a `<` or `"` joined with its neighbour into one Character (after U+0600,
/// before a combining accent) passed through unescaped, and could open a tag or close an
/// attribute. Control characters (`ControlCharacters`), which HTML and XML do not allow, are
/// left out.
enum HTML {
    static func escape(_ text: String) -> String {
        // By UTF-8 bytes: every byte to change is ASCII or starts a control character (C2 for
        // C1 controls, EF for U+FFFE and U+FFFF), and most texts have none, so they are
        // returned as they are.
        let utf8 = text.utf8
        guard workBytes.containsAny(of: text) else { return text }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default:
                let control = ControlCharacters.mayStart(byte) ? ControlCharacters.length(at: index, in: bytes) : 0
                if control > 0 {
                    index += control
                    continue
                }
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let workBytes = ByteSet(needsWork)

    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        default: return ControlCharacters.mayStart(byte)
        }
    }
}
