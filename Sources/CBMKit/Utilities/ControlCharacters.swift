/// The one rule for the characters that are not text, shared by every output cbm writes.
///
/// A *control character* here is:
/// - a C0 control, U+0000–U+001F, except tab (U+0009), line feed (U+000A) and carriage
///   return (U+000D), which are text (each output writes line breaks its own way);
/// - DEL (U+007F) and the C1 controls (U+0080–U+009F);
/// - the noncharacters U+FFFE and U+FFFF.
///
/// Together these are every character XML 1.0 does not allow in a document (its `Char`
/// production: the C0 controls, U+FFFE and U+FFFF; the surrogates U+D800–U+DFFF cannot occur
/// in a Swift string), and the controls that HTML reports as parse errors (C0, DEL, C1).
///
/// What each output does with them:
/// - HTML reports, Markdown reports, SVG charts, and the XML of a workbook outside its cells
///   (sheet names, dropdown messages): left out (`HTML.escape`, `Markdown.escape`,
///   `SVG.escape`, `XMLText.escaped`);
/// - workbook cells: written as Excel's `_xHHHH_`, so that importing the sheet gives the
///   text back exactly (`XMLText.encodedForCell`);
/// - JSON: written as `\uHHHH`, so that the text is kept exactly and the JSON stays valid
///   (`JSONValue`).
enum ControlCharacters {
    /// Whether `scalar` is a control character as defined above.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// Whether the UTF-8 byte may be (part of) a control character: a C0 control other than
    /// tab, line feed and carriage return, DEL, or the first byte of a C1 control (`C2`) or
    /// of U+FFFE and U+FFFF (`EF`). A text without such a byte holds no control character:
    /// the escapers' quick check, which leaves most texts as they are.
    static func mayStart(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F, 0xC2, 0xEF: return true
        default: return false
        }
    }

    /// The length in bytes of the control character that starts at `index` of the UTF-8
    /// `bytes`, or 0 when none starts there: `isControl` for escapers that work by bytes.
    static func length<Bytes: RandomAccessCollection>(at index: Bytes.Index, in bytes: Bytes) -> Int
    where Bytes.Element == UInt8 {
        let byte = bytes[index]
        if byte < 0x80 { return isControl(Unicode.Scalar(byte)) ? 1 : 0 }
        let rest = bytes[bytes.index(after: index)...]
        switch byte {
        case 0xC2:  // U+0080–U+00BF: C2 80–C2 BF
            guard let second = rest.first, (0x80...0x9F).contains(second) else { return 0 }
            return 2
        case 0xEF:  // U+FFFE, U+FFFF: EF BF BE, EF BF BF
            guard rest.count >= 2 else { return 0 }
            let second = rest[rest.startIndex], third = rest[rest.index(after: rest.startIndex)]
            return second == 0xBF && (third == 0xBE || third == 0xBF) ? 3 : 0
        default:
            return 0
        }
    }
}
