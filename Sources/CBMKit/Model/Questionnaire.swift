/// Text that may be given in several languages: `title: Customs` or `title: {en: Customs, ru: Таможня}`.
public struct LocalizedText: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Language code → text, e.g. "en" → "Customs".
    public var translations: [String: String]

    public static let defaultLanguage = "en"

    public init(_ text: String) { translations = [Self.defaultLanguage: text] }
    public init(translations: [String: String]) { self.translations = translations }

    /// The text in `language`, else English, else the first language in alphabetical order.
    public func text(in language: String = LocalizedText.defaultLanguage) -> String {
        if let text = translations[language] { return text }
        if let text = translations[Self.defaultLanguage] { return text }
        return translations.keys.sorted().first.flatMap { translations[$0] } ?? ""
    }

    public var description: String { text() }
    public var languages: [String] { translations.keys.sorted() }
}

/// Where a practice or a requirement comes from: `{source: WTO TFA, ref: "Art. 7.1"}`.
public struct Reference: Sendable, Hashable, Codable {
    public var source: String
    public var ref: String?
    public var url: String?

    public init(source: String, ref: String? = nil, url: String? = nil) {
        self.source = source
        self.ref = ref
        self.url = url
    }

    /// "WTO TFA, Art. 7.1"
    public var citation: String { ref.map { "\(source), \($0)" } ?? source }
}

/// One step of the maturity scale.
public struct ScaleLevel: Sendable, Hashable {
    public var level: Int
    public var name: LocalizedText
    public var summary: LocalizedText?

    public init(level: Int, name: LocalizedText, summary: LocalizedText? = nil) {
        self.level = level
        self.name = name
        self.summary = summary
    }

    /// The scale used when a questionnaire defines none, in every language cbm has texts for
    /// (`scale.1.name`, `scale.1.summary`… in `Resources/locales/*.yaml`).
    public static let standard: [ScaleLevel] = {
        let tables = StringTable.usable
        return (1...5).map { level in
            func text(_ key: String) -> LocalizedText {
                var translations: [String: String] = [:]
                for (language, table) in tables { translations[language] = table.text("scale.\(level).\(key)") }
                return translations.isEmpty ? LocalizedText("\(level)") : LocalizedText(translations: translations)
            }
            return ScaleLevel(level: level, name: text("name"), summary: text("summary"))
        }
    }()
}

public struct Indicator: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: LocalizedText
    public var question: LocalizedText
    public var guidance: LocalizedText?
    public var weight: Double
    /// Level (1–5) → what a mission observes at that level. All five are required.
    public var levels: [Int: LocalizedText]
    /// Level (2–5) → what it takes to reach that level from the one below.
    public var nextSteps: [Int: LocalizedText]
    public var evidence: [LocalizedText]
    public var references: [Reference]
    /// Agency ids that should answer this indicator (advice for interviewers).
    public var respondents: [String]
    /// Whether a country can reach every level on its own, or needs a neighbour; nil when the
    /// questionnaire does not say (versions before 2027.1).
    public var scope: IndicatorScope?
    public var location: SourceLocation?

    public init(
        id: String, title: LocalizedText, question: LocalizedText, guidance: LocalizedText? = nil,
        weight: Double = 1, levels: [Int: LocalizedText], nextSteps: [Int: LocalizedText] = [:],
        evidence: [LocalizedText] = [], references: [Reference] = [], respondents: [String] = [],
        scope: IndicatorScope? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.question = question
        self.guidance = guidance
        self.weight = weight
        self.levels = levels
        self.nextSteps = nextSteps
        self.evidence = evidence
        self.references = references
        self.respondents = respondents
        self.scope = scope
        self.location = location
    }
}

/// What an indicator measures: what a country does on its own, or what it does with a neighbour.
///
/// A `national` indicator's five levels are reachable by a country alone, even when a neighbour
/// will not cooperate; a `cross-border` indicator needs the neighbour, and may be answered `na`
/// (with a note) while a border is closed. `cbm score` reports a sub-index for each.
public enum IndicatorScope: String, Sendable, Hashable, Codable, CaseIterable {
    case national
    case crossBorder = "cross-border"
}

public struct Dimension: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: LocalizedText
    public var summary: LocalizedText?
    public var weight: Double
    public var indicators: [Indicator]
    public var location: SourceLocation?

    public init(
        id: String, title: LocalizedText, summary: LocalizedText? = nil, weight: Double = 1,
        indicators: [Indicator], location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.weight = weight
        self.indicators = indicators
        self.location = location
    }
}

public struct MaturityQuestionnaire: Sendable, Hashable {
    /// The smallest and largest weight of a dimension or an indicator. Weights compare items
    /// with one another; between 0.01 and 1000, every weighted sum and mean is exact to far
    /// more digits than a report shows (a weight such as 5e-324 underflowed to 0).
    public static let minimumWeight = 0.01
    public static let maximumWeight = 1000.0

    public var id: String
    public var version: String
    public var title: LocalizedText
    public var summary: LocalizedText?
    public var notes: LocalizedText?
    public var defaultTarget: Int
    public var scale: [ScaleLevel]
    public var dimensions: [Dimension]

    public init(
        id: String, version: String, title: LocalizedText, summary: LocalizedText? = nil,
        notes: LocalizedText? = nil, defaultTarget: Int = 4, scale: [ScaleLevel] = ScaleLevel.standard,
        dimensions: [Dimension]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.summary = summary
        self.notes = notes
        self.defaultTarget = defaultTarget
        self.scale = scale
        self.dimensions = dimensions
    }

    public var indicators: [Indicator] { dimensions.flatMap(\.indicators) }

    public func indicator(_ id: String) -> Indicator? {
        for dimension in dimensions {
            if let found = dimension.indicators.first(where: { $0.id == id }) { return found }
        }
        return nil
    }

    public func dimension(_ id: String) -> Dimension? { dimensions.first { $0.id == id } }

    /// The dimension that holds the indicator.
    public func dimension(containing indicatorID: String) -> Dimension? {
        dimensions.first { $0.indicators.contains { $0.id == indicatorID } }
    }

    public func levelName(_ level: Int) -> String {
        scale.first { $0.level == level }?.name.text() ?? "Level \(level)"
    }
}

public enum Obligation: String, Sendable, Hashable, Codable, CaseIterable {
    case binding
    case bestEndeavour = "best-endeavour"
    /// Not an obligation on the country (for example the rules of a treaty's own committee, or
    /// a prompt for the assessor). Answered like any provision, but never counted in a
    /// compliance rate.
    case guidance

    public var label: String {
        switch self {
        case .binding: return "binding"
        case .bestEndeavour: return "best endeavour"
        case .guidance: return "guidance (not counted)"
        }
    }

    /// Whether provisions with this obligation count towards compliance rates.
    public var counts: Bool { self != .guidance }
}

/// A link from a provision to a maturity indicator: `cbm-core/ict.single-window`.
public struct IndicatorLink: Sendable, Hashable {
    public var questionnaire: String
    public var indicator: String
    public var location: SourceLocation?

    public init(questionnaire: String, indicator: String, location: SourceLocation? = nil) {
        self.questionnaire = questionnaire
        self.indicator = indicator
        self.location = location
    }

    public var text: String { "\(questionnaire)/\(indicator)" }
}

public struct Provision: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: LocalizedText
    public var requirement: LocalizedText
    public var obligation: Obligation
    /// A transitional standard (Revised Kyoto Convention), with a longer implementation period.
    public var transitional: Bool
    public var guidance: LocalizedText?
    public var evidence: [LocalizedText]
    public var references: [Reference]
    public var related: [IndicatorLink]
    public var location: SourceLocation?

    public init(
        id: String, title: LocalizedText, requirement: LocalizedText, obligation: Obligation,
        transitional: Bool = false, guidance: LocalizedText? = nil, evidence: [LocalizedText] = [],
        references: [Reference] = [], related: [IndicatorLink] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.requirement = requirement
        self.obligation = obligation
        self.transitional = transitional
        self.guidance = guidance
        self.evidence = evidence
        self.references = references
        self.related = related
        self.location = location
    }
}

public struct ComplianceSection: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: LocalizedText
    public var summary: LocalizedText?
    public var provisions: [Provision]
    public var location: SourceLocation?

    public init(
        id: String, title: LocalizedText, summary: LocalizedText? = nil, provisions: [Provision],
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.provisions = provisions
        self.location = location
    }
}

/// The international instrument a compliance questionnaire checks.
public struct Instrument: Sendable, Hashable {
    public var name: LocalizedText
    public var body: String?
    public var adopted: String?
    public var inForce: String?
    public var url: String?

    public init(name: LocalizedText, body: String? = nil, adopted: String? = nil, inForce: String? = nil, url: String? = nil) {
        self.name = name
        self.body = body
        self.adopted = adopted
        self.inForce = inForce
        self.url = url
    }
}

public struct ComplianceQuestionnaire: Sendable, Hashable {
    public var id: String
    public var version: String
    public var title: LocalizedText
    public var summary: LocalizedText?
    public var notes: LocalizedText?
    public var instrument: Instrument?
    public var sections: [ComplianceSection]

    public init(
        id: String, version: String, title: LocalizedText, summary: LocalizedText? = nil,
        notes: LocalizedText? = nil, instrument: Instrument? = nil, sections: [ComplianceSection]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.summary = summary
        self.notes = notes
        self.instrument = instrument
        self.sections = sections
    }

    public var provisions: [Provision] { sections.flatMap(\.provisions) }

    public func provision(_ id: String) -> Provision? {
        for section in sections {
            if let found = section.provisions.first(where: { $0.id == id }) { return found }
        }
        return nil
    }

    public func section(containing provisionID: String) -> ComplianceSection? {
        sections.first { $0.provisions.contains { $0.id == provisionID } }
    }
}

public enum QuestionnaireKind: String, Sendable, Hashable, Codable, CaseIterable {
    case maturity
    case compliance
}

/// A questionnaire of either kind, with where it was read from.
public enum Questionnaire: Sendable, Hashable {
    case maturity(MaturityQuestionnaire)
    case compliance(ComplianceQuestionnaire)

    public var id: String {
        switch self {
        case let .maturity(q): return q.id
        case let .compliance(q): return q.id
        }
    }

    public var version: String {
        switch self {
        case let .maturity(q): return q.version
        case let .compliance(q): return q.version
        }
    }

    public var title: LocalizedText {
        switch self {
        case let .maturity(q): return q.title
        case let .compliance(q): return q.title
        }
    }

    public var kind: QuestionnaireKind {
        switch self {
        case .maturity: return .maturity
        case .compliance: return .compliance
        }
    }

    public var maturity: MaturityQuestionnaire? {
        if case let .maturity(q) = self { return q }
        return nil
    }

    public var compliance: ComplianceQuestionnaire? {
        if case let .compliance(q) = self { return q }
        return nil
    }

    /// Ids an assessment may answer: indicators, or provisions.
    public var itemIDs: [String] {
        switch self {
        case let .maturity(q): return q.indicators.map(\.id)
        case let .compliance(q): return q.provisions.map(\.id)
        }
    }
}
