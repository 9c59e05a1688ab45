// Checks of dates, periods and language codes as written in cbm files.

/// A date written YYYY-MM-DD (YYYY-MM and YYYY also accepted), with a real month and day.
func isValidDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    // Four digits, no leading zero: `0000` is a typing mistake. Dates may be older than
    // periods (`adopted:` of a convention of 1923).
    guard (1...3).contains(parts.count), parts[0].count == 4, NumberText.wholeNumber(String(parts[0])) != nil else { return false }
    if parts.count >= 2 {
        guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false }
    }
    if parts.count == 3 {
        guard parts[2].count == 2, let day = Int(parts[2]), let year = Int(parts[0]), let month = Int(parts[1]) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return false }
    }
    return parts.allSatisfy { $0.allSatisfy(\.isASCII) }
}

/// The years a period or a date may name: a four-digit year from 1950 to 2100. `0000` or
/// `0206` is a typing mistake, not a period.
let plausibleYears = 1950...2100

/// "2026", "2026-H1", "2026-Q3" or "2026-05".
func isValidPeriod(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let year = NumberText.wholeNumber(String(parts[0])), plausibleYears.contains(year) else { return false }
    guard parts.count == 2 else { return true }
    let rest = String(parts[1])
    return ["H1", "H2", "Q1", "Q2", "Q3", "Q4"].contains(rest) || (rest.count == 2 && (Int(rest).map { (1...12).contains($0) } ?? false))
}

/// `en`, `ru`, `uz`, `kk`, also with a region or script: `en-GB`, `uz-Cyrl`.
func isLanguageCode(_ text: String) -> Bool {
    // By UTF-8 bytes (every byte allowed is ASCII): read for every text of every questionnaire.
    let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) else { return false }
    return parts.dropFirst().allSatisfy { part in
        (2...4).contains(part.count) && part.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
    }
}
