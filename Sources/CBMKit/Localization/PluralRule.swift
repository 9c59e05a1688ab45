/// The plural forms a language uses after a number, as CLDR names them
/// (https://cldr.unicode.org/index/cldr-spec/plural-rules).
public enum PluralCategory: String, Sendable, Hashable, CaseIterable {
    case zero, one, two, few, many, other
}

/// How a language chooses the form of a noun after a number. A string table names its rule
/// (`plural: east-slavic`), so that a translator adding a language picks one of these
/// families instead of writing code.
public enum PluralRule: String, Sendable, Hashable, CaseIterable {
    /// English, German, Uzbek, Kazakh, Kyrgyz…: 1 indicator, 2 indicators.
    case oneOther = "one-other"
    /// Russian, Ukrainian, Belarusian: 1 показатель, 2 показателя, 5 показателей, 21 показатель,
    /// 11 показателей; fractions take `other` (1,5 показателя).
    case eastSlavic = "east-slavic"
    /// French, Portuguese (Brazil): 0 and 1 take `one`.
    case zeroOneOther = "zero-one-other"
    /// Languages whose nouns do not change after a number (Turkmen in some styles, Chinese).
    case none

    /// The forms a string table must give for every counted text.
    public var categories: [PluralCategory] {
        switch self {
        case .oneOther, .zeroOneOther: return [.one, .other]
        case .eastSlavic: return [.one, .few, .many, .other]
        case .none: return [.other]
        }
    }

    /// The form for a whole number.
    public func category(_ count: Int) -> PluralCategory {
        let n = count.magnitude
        switch self {
        case .oneOther: return n == 1 ? .one : .other
        case .zeroOneOther: return n <= 1 ? .one : .other
        case .none: return .other
        case .eastSlavic:
            let (ten, hundred) = (n % 10, n % 100)
            if ten == 1 && hundred != 11 { return .one }
            if (2...4).contains(ten) && !(12...14).contains(hundred) { return .few }
            return .many
        }
    }

    /// The form for any number: whole numbers as above, fractions `other`
    /// (CLDR: «1,5 показателя», "1.5 indicators").
    public func category(_ value: Double) -> PluralCategory {
        if value == value.rounded(), value.magnitude < 1e15 { return category(Int(value)) }
        return .other
    }
}
