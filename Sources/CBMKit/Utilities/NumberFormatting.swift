import Foundation

/// How numbers are shown in reports and in the terminal: one decimal, "—" when unknown.
public enum NumberFormatting {
    /// What is shown for a number that cannot be computed: "—".
    public static let missing = "—"

    /// A whole number with a comma between thousands: 100000 → "100,000".
    public static func count(_ value: Int) -> String {
        var digits = String(value.magnitude)
        for index in stride(from: digits.count - 3, to: 0, by: -3) {
            digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
        }
        return (value < 0 ? "-" : "") + digits
    }

    /// A score on the 1–5 scale: one decimal, halves rounded up as people do by hand
    /// (2.25 → "2.3"). A level is a score rounded down, so a score just below a whole number
    /// is shown with two decimals, cut, not rounded (2.96 → "2.96", 2.999 → "2.99"): "3.0"
    /// beside "level 2" would contradict it.
    public static func score(_ value: Double?) -> String {
        guard let value else { return missing }
        let rounded = roundedToTenth(value)
        if value.isFinite, rounded.rounded(.down) > (value + 1e-9).rounded(.down) {
            let hundredths = ((value + 1e-9) * 100).rounded(.down)
            let whole = Int64(hundredths)
            let magnitude = whole.magnitude
            let cents = magnitude % 100
            return (whole < 0 ? "-" : "") + String(magnitude / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
        }
        return oneDecimal(rounded)
    }

    /// A gap, priority, change or number of points: one decimal, halves rounded up.
    public static func amount(_ value: Double?) -> String {
        guard let value else { return missing }
        return oneDecimal(roundedToTenth(value))
    }

    /// A share (0–1) as a percentage with one decimal: 0.8333 → "83.3%".
    public static func percent(_ value: Double?) -> String {
        guard let value else { return missing }
        return oneDecimal(roundedToTenth(value * 100)) + "%"
    }

    /// The text C's `"%.1f"` gives, with a `.` whatever the locale: the same text as
    /// `String(format: "%.1f", locale: en_US_POSIX)`, without its cost (that call set up an ICU
    /// number formatter each time, and took two thirds of the time of a whole report).
    public static func oneDecimal(_ value: Double) -> String {
        // Exactly as printf rounds: the exact binary value to the nearest tenth, halves to
        // even. value × 10 is the rounded product plus an exact error (found by a fused
        // multiply-add); the error decides only when the rounded product is a half.
        guard value.isFinite, value.magnitude < 1e15 else { return printfOneDecimal(value) }
        let product = value * 10
        let error = (-product).addingProduct(value, 10)
        var tenths = product.rounded(.toNearestOrEven)
        let difference = product - tenths  // exact
        if difference == 0.5 && error > 0 {
            tenths += 1
        } else if difference == -0.5 && error < 0 {
            tenths -= 1
        }
        // The digits are written from the right into a buffer on the stack: a chart writes
        // thousands of these, and joining four strings took longer than the arithmetic.
        var magnitude = Int64(tenths).magnitude
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var start = buffer.count
            func put(_ byte: UInt8) {
                start -= 1
                buffer[start] = byte
            }
            put(UInt8(ascii: "0") + UInt8(magnitude % 10))
            put(UInt8(ascii: "."))
            magnitude /= 10
            repeat {
                put(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
            } while magnitude > 0
            if value.sign == .minus { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }

    /// The C library's `"%.1f"`, for numbers too large for `oneDecimal`'s own arithmetic.
    static func printfOneDecimal(_ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 32) { buffer -> String in
            let length = withVaList([value]) { vsnprintf(buffer.baseAddress!, 32, "%.1f", $0) }
            guard length > 0, length < 32 else {
                return String(format: "%.1f", locale: Locale(identifier: "en_US_POSIX"), value)  // huge numbers
            }
            let text = String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(length)), as: UTF8.self)
            return text.contains(",") ? text.replacingOccurrences(of: ",", with: ".") : text
        }
    }

    /// Rounds to one decimal, halves away from zero; a tiny tolerance undoes binary
    /// representation error (2.25 stored as 2.2499999… still rounds to 2.3).
    public static func roundedToTenth(_ value: Double) -> Double {
        let scaled = value * 10
        let nudged = scaled + (scaled >= 0 ? 1e-9 : -1e-9)
        return nudged.rounded(.toNearestOrAwayFromZero) / 10
    }

    /// The difference between two numbers as they are shown ("2.1", "2.96", "83.3%"),
    /// computed from the shown text, so that a reader who subtracts gets the number printed:
    /// "2.1" to "2.96" is "+0.86"; "83.3%" to "80.0%" is "−3.3" (percentage points).
    /// A true minus sign; "0.0" for no change. nil when either text is not a number.
    public static func shownChange(from old: String, to new: String) -> String? {
        guard let a = hundredths(old), let b = hundredths(new) else { return nil }
        let difference = b.value - a.value
        let decimals = max(a.decimals, b.decimals, 1)
        let magnitude = difference.magnitude
        let whole = String(magnitude / 100)
        let fraction = decimals == 1 ? String(magnitude % 100 / 10) : String(format: "%02d", Int(magnitude % 100))
        let text = whole + "." + fraction
        return difference == 0 ? text : (difference > 0 ? "+" : minus) + text
    }

    /// A true minus sign, used wherever a negative number is shown in a report.
    public static let minus = "\u{2212}"

    /// A negative number written with a true minus sign ("-100%" → "−100%").
    public static func withMinus(_ text: String) -> String {
        text.hasPrefix("-") ? minus + text.dropFirst() : text
    }

    /// "2.96" → 296 hundredths, 2 decimals; "83.3%" → 8330, 1 decimal.
    static func hundredths(_ text: String) -> (value: Int64, decimals: Int)? {
        var body = Substring(text)
        if body.hasSuffix("%") { body = body.dropLast() }
        var negative = false
        if body.hasPrefix("-") || body.hasPrefix(minus) { negative = true; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), parts[0].allSatisfy(\.isASCII) else { return nil }
        var fraction: Int64 = 0, decimals = 0
        if parts.count == 2 {
            decimals = parts[1].count
            guard (1...2).contains(decimals), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let f = Int64(parts[1]) else { return nil }
            fraction = decimals == 1 ? f * 10 : f
        }
        let value = whole * 100 + fraction
        return (negative ? -value : value, decimals)
    }

    /// "2 Initial"
    public static func level(_ level: Int?, name: String?) -> String {
        guard let level else { return missing }
        return name.map { "\(level) \($0)" } ?? String(level)
    }

    /// Wraps text to lines of at most `width` characters, each starting with `indent`.
    public static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(indent + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines.joined(separator: "\n")
    }
}
