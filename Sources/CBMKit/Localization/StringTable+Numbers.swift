// MARK: - Numbers and dates in the language's style

extension StringTable {
    /// A score with one decimal: "2.6" in English, «2,6» in Russian; "—" when unknown.
    /// The rounding is `Format.score`'s, so every language shows the same number.
    public func score(_ value: Double?) -> String { n(Format.score(value)) }

    /// A share (0–1) as a percentage with one decimal: "70.2%", «70,2 %».
    public func percent(_ value: Double?) -> String { n(Format.percent(value)) }

    /// As `percent`, without a decimal that is zero: "80%", «80 %», but "83.3%".
    public func roundPercent(_ value: Double?) -> String { n(Format.percent(value).replacingOccurrences(of: ".0%", with: "%")) }

    /// A number with its sign: `+0.4`, `−0.5` (a true minus sign, which is not read as a
    /// Markdown list marker); "0.0" keeps no sign.
    public func signed(_ value: Double?, percentPoints: Bool = false) -> String {
        guard let value else { return Format.missing }
        let magnitude = Format.amount(abs(value) * (percentPoints ? 100 : 1))
        let shown = localized(magnitude)
        let text = percentPoints ? counted(Format.roundedToTenth(abs(value) * 100), shown: shown, "count.points") : shown
        if magnitude == "0.0" { return text }
        return (value > 0 ? "+" : "−") + text
    }

    /// A number as `Format` writes it ("2.6", "2.96", "-0.5", "−3.3", "83.3%", "—"), in this
    /// language's style («2,6», «−0,5», «83,3 %»). Every number of a report goes through
    /// `Format` first, so the figures are the same in every language; only the notation differs.
    public func n(_ english: String) -> String {
        guard conventions.decimal != "." || conventions.minus != "-" || conventions.percent != "{n}%" else { return english }
        var text = english
        let percent = text.hasSuffix("%")
        if percent { text.removeLast() }
        text = localized(text)
        if conventions.minus != "-", text.hasPrefix("\u{2212}") { text = conventions.minus + text.dropFirst() }
        return percent ? percentText(text) : text
    }

    /// A gap, priority or number of points (`Format.amount`), in this language's style.
    public func amount(_ value: Double?) -> String { n(Format.amount(value)) }

    /// A whole number: "12", "−3".
    public func integer(_ value: Int) -> String {
        value < 0 ? conventions.minus + String(value.magnitude) : String(value)
    }

    /// A plain number such as a weight: "1", "0.5" / «0,5».
    public func number(_ value: Double) -> String { localized(Format.number(value)) }

    /// Text made by `Format` in English style ("-0.5", "2.6"), written in this language's style.
    func localized(_ english: String) -> String {
        var text = english
        if conventions.decimal != "." { text = text.replacingOccurrences(of: ".", with: conventions.decimal) }
        if conventions.minus != "-", text.hasPrefix("-") { text = conventions.minus + text.dropFirst() }
        return text
    }

    private func percentText(_ number: String) -> String {
        Self.fill(conventions.percent, ["n": number])
    }

    /// A date as written in an assessment (`2026-10-15`, `2026-10` or `2026`) in the
    /// language's style: "2026-10-15" in English, «15 октября 2026 г.» in Russian. Anything
    /// else is returned as it is.
    public func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts[0].count == 4 else { return iso }
        var values = ["iso": iso, "year": String(parts[0])]
        if parts.count >= 2 {
            guard let month = Int(parts[1]), (1...12).contains(month), conventions.months.count == 12 else { return iso }
            values["month"] = conventions.months[month - 1]
            values["month_of"] = conventions.monthsOf[month - 1]
        }
        if parts.count == 3 {
            guard let day = Int(parts[2]), (1...31).contains(day) else { return iso }
            values["day"] = String(day)
        }
        let pattern = [conventions.yearDate, conventions.monthDate, conventions.fullDate][parts.count - 1]
        return Self.fill(pattern, values)
    }
}
