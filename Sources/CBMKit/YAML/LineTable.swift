/// Where each line starts, counted in characters (Unicode scalars), so that libyaml's
/// positions can be turned into the lines and columns a text editor shows. libyaml also
/// breaks lines at U+0085, U+2028 and U+2029, which editors show inside a line (text pasted
/// from word processors brings them); its own line numbers would then point too far down.
struct LineTable {
    /// The character offset at which each line starts; lines end at LF, CRLF or a lone CR.
    private var starts: [Int] = [0]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var characters = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            index += 1
            if byte & 0xC0 == 0x80 { continue }  // inside a multi-byte character
            characters += 1
            if byte == 0x0A || byte == 0x0D && (index >= count || bytes[index] != 0x0A) {
                starts.append(characters)
            }
        }
    }

    /// The 1-based line and column of the character at `offset`.
    func location(ofCharacter offset: Int, in file: String) -> SourceLocation {
        var low = 0
        var high = starts.count - 1
        while low < high {  // the last line that starts at or before `offset`
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(file: file, line: low + 1, column: max(0, offset - starts[low]) + 1)
    }
}
