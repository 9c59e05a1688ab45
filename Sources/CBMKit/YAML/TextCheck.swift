/// Finds bytes that cannot be in a YAML text file: NUL and other control characters,
/// invalid UTF-8, and an invisible space or byte-order mark that starts a line. Reports the
/// place of the first.
///
/// One pass: plain ASCII is checked eight bytes at a time, and the line and column of a
/// problem are counted only when there is one.
enum TextCheck {
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The first problem, and whether the text holds U+2028 or U+2029 (which libyaml counts
    /// as line breaks, and editors do not).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (problem: Problem?, unusualLineBreaks: Bool) {
        guard let base = bytes.baseAddress else { return (nil, false) }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var unusualLineBreaks = false
        var line = 1
        var lineStart = 0
        var index = 0

        /// The problem at `index`, with its line and column (columns count characters).
        func problem(_ message: String) -> (problem: Problem?, unusualLineBreaks: Bool) {
            var column = 1
            for offset in lineStart..<index where bytes[offset] & 0xC0 != 0x80 { column += 1 }
            return (Problem(line: line, column: column, message: message), false)
        }

        while index < count {
            if index + 8 <= count {
                let word = ByteWord.load(raw, at: index)
                if !ByteWord.hasNonASCII(word) && !ByteWord.hasByte(word, below: 0x20) && !ByteWord.hasByte(word, equalTo: 0x7F) {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0A || byte == 0x0D && (index + 1 >= count || bytes[index + 1] != 0x0A) {
                    line += 1  // LF, or a CR alone (old Mac files); CRLF counts once, at its LF
                    lineStart = index + 1
                } else if byte == 0 {
                    return problem("this looks like a binary file, not a YAML text file (it contains a zero byte here). Check that you chose the right file")
                } else if byte < 0x20 && byte != 0x09 && byte != 0x0D || byte == 0x7F {
                    return problem("the file contains an invisible control character (code \(byte)) here; YAML files must be plain text")
                }
                index += 1
                continue
            }
            guard let (scalar, length) = decodeUTF8(bytes, at: index) else {
                return problem("the file is not valid UTF-8 text here (it may be saved in another encoding such as Windows-1251, or be a binary file); save it as UTF-8")
            }
            if (0x80...0x9F).contains(scalar) {
                return problem("the file contains an invisible control character (code \(scalar)) here; YAML files must be plain text")
            }
            if scalar == 0xA0 || scalar == 0xFEFF || scalar == 0x3000 || (0x2000...0x200B).contains(scalar),
               bytes[lineStart..<index].allSatisfy({ $0 == 0x20 }) {
                // YAML reads it as text, not as indentation, and reports a puzzling error later.
                let name = scalar == 0xFEFF ? "a byte-order mark (U+FEFF), as joining two files can leave"
                    : "an invisible special space (U+\(String(scalar, radix: 16, uppercase: true))), as text copied from a word processor or a web page often has"
                return problem("this line starts with \(name); indent with ordinary spaces only")
            }
            if scalar == 0x2028 || scalar == 0x2029 { unusualLineBreaks = true }
            index += length
        }
        return (nil, unusualLineBreaks)
    }

    /// The character that starts at `index` (a lead byte of 0x80 or more) and its length in
    /// bytes, or nil when the bytes there are not valid UTF-8 (overlong forms and surrogates
    /// included). The one UTF-8 decoder of the loading code.
    @inline(__always)
    static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int)? {
        let byte = bytes[index]
        let length: Int
        let minimum: UInt32
        var scalar: UInt32
        switch byte {
        case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
        default: return nil
        }
        if index + length > bytes.count { return nil }
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return nil }
        return (scalar, length)
    }
}
