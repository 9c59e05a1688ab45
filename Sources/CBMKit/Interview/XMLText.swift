import Foundation

/// Text as it goes into and comes out of the XML of a workbook.
enum XMLText {
    /// `&`, `<`, `>` and `"` as entities, the carriage return as `&#13;` (which XML would
    /// read as a line feed); control characters (`ControlCharacters`, among them every
    /// character XML cannot hold) are left out (`encodedForCell` keeps them in cells).
    static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                if ControlCharacters.isControl(scalar) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A cell's text as Excel stores it: control characters (`ControlCharacters`, among them
    /// every character XML cannot hold), and the carriage return, become `_xHHHH_`; a `_xHHHH_` that is part of the text gets its underscore
    /// written as `_x005F_`, so that `decodedFromCell` gives back exactly the text.
    static func encodedForCell(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "_" || $0 == "\r" || ControlCharacters.isControl($0) }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_", isEscape(scalars, at: index) {
                result.append(contentsOf: "_x005F_".unicodeScalars)
            } else if scalar == "\r" || ControlCharacters.isControl(scalar) {
                result.append(contentsOf: String(format: "_x%04X_", scalar.value).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Undoes `encodedForCell` (and Excel's own `_xHHHH_` escapes).
    static func decodedFromCell(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", isEscape(scalars, at: index),
               let value = UInt32(String(String.UnicodeScalarView(scalars[index + 2..<index + 6])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                result.append(scalar)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// Whether `_xHHHH_` (four hexadecimal digits) starts at `index`.
    private static func isEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[index + 2..<index + 6].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
