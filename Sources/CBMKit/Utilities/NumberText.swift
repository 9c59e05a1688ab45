/// Numbers as people write them in cbm files, read strictly (docs/assessment-format.md,
/// "Levels"; docs/questionnaire-format.md, "How values are written").
///
/// Quotes do not matter (`3` and `"3"` are the same level), but a number is written in
/// digits only: no sign (`+3`), no leading zero (`03`), no exponent (`1e3`), no `0x…`, `inf`
/// or `.nan`. Such forms are more often a typing mistake than a choice, and cbm says so.
enum NumberText {
    /// A whole number: "3", "12", "0". Nil for "+3", "03", "3.0", "", or more than 9 digits.
    static func wholeNumber(_ text: String) -> Int? {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= 9, bytes.allSatisfy(isDigit) else { return nil }
        if bytes.count > 1 && bytes.first == UInt8(ascii: "0") { return nil }
        return Int(text)
    }

    /// A decimal number: "2", "0.5", "12.75". Nil for "+2", "02", ".5", "5.", "1e3", "-1",
    /// "inf", or more than 20 characters.
    static func decimalNumber(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 20 else { return nil }
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = bytes[..<(point ?? bytes.endIndex)]
        guard !whole.isEmpty, whole.allSatisfy(isDigit), whole.count == 1 || whole.first != UInt8(ascii: "0") else { return nil }
        if let point {
            let fraction = bytes[(point + 1)...]
            guard !fraction.isEmpty, fraction.allSatisfy(isDigit) else { return nil }
        }
        return Double(text)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}
