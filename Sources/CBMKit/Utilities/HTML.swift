/// Escapes text for HTML by Unicode scalars. Mustache's own HTML escaping compares whole
/// Characters, so a `<` or `"` joined with its neighbour into one Character (after U+0600,
/// before a combining accent) passed through unescaped, and could open a tag or close an
/// attribute. Control characters, which HTML does not allow, are dropped.
enum HTML {
    static func escape(_ text: String) -> String {
        // By UTF-8 bytes: every byte to change is ASCII (or a C1 control, C2 80–C2 9F), and
        // most texts have none, so they are returned as they are.
        let utf8 = text.utf8
        guard utf8.contains(where: { needsWork($0) }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        var previous: UInt8 = 0
        for byte in utf8 {
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0x00..<0x20, 0x7F: continue  // control characters are not allowed in HTML
            case 0x80...0x9F where previous == 0xC2: out.removeLast()  // a C1 control character
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xC2: return true
        case 0x09, 0x0A, 0x0D: return false
        default: return byte < 0x20 || byte == 0x7F
        }
    }
}
