/// Text that may be given in several languages: `title: Customs` or `title: {en: Customs, ru: Таможня}`.
public struct LocalizedText: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Language code → text, e.g. "en" → "Customs".
    public var translations: [String: String]

    /// The language every text has: English (`en`).
    public static let defaultLanguage = "en"

    /// A text in English only.
    public init(_ text: String) { translations = [Self.defaultLanguage: text] }
    /// A text in several languages: language code → text (`en` should be among them).
    public init(translations: [String: String]) { self.translations = translations }

    /// The text in `language`, else English, else the first language in alphabetical order.
    public func text(in language: String = LocalizedText.defaultLanguage) -> String {
        if let text = translations[language] { return text }
        if let text = translations[Self.defaultLanguage] { return text }
        return translations.keys.sorted().first.flatMap { translations[$0] } ?? ""
    }

    /// The text in English.
    public var description: String { text() }
    /// The languages the text has, sorted by code.
    public var languages: [String] { translations.keys.sorted() }
}

/// Where a practice or a requirement comes from: `{source: WTO TFA, ref: "Art. 7.1"}`.
public struct Reference: Sendable, Hashable, Codable {
    /// The document cited (for example `WTO TFA`).
    public var source: String
    /// Where in it (for example `Art. 7.1`), when given.
    public var ref: String?
    /// Where the document can be read, when given.
    public var url: String?

    /// A reference to `source`, optionally to a place in it and a web address.
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
    /// The level's number, 1 to 5.
    public var level: Int
    /// The level's name (for example "Coordinated").
    public var name: LocalizedText
    /// What the level means in one sentence, when the scale says.
    public var summary: LocalizedText?

    /// A level of the maturity scale.
    public init(level: Int, name: LocalizedText, summary: LocalizedText? = nil) {
        self.level = level
        self.name = name
        self.summary = summary
    }
}

/// One question of a maturity questionnaire: what is asked, what each level means, what to show as evidence.
public struct Indicator: Sendable, Hashable, Identifiable {
    /// The indicator's id, unique in its questionnaire (for example `ict.single-window`).
    public var id: String
    /// A short title.
    public var title: LocalizedText
    /// The question the agencies answer with a level from 1 to 5.
    public var question: LocalizedText
    /// For the interviewer: what to ask for, what to look at, where.
    public var guidance: LocalizedText?
    /// The indicator's weight in its dimension's score (1 unless the questionnaire says).
    public var weight: Double
    /// Level (1–5) → what a mission observes at that level. All five are required.
    public var levels: [Int: LocalizedText]
    /// Level (2–5) → what it takes to reach that level from the one below.
    public var nextSteps: [Int: LocalizedText]
    /// Documents or facts that show the level, as examples.
    public var evidence: [LocalizedText]
    /// Where the practice comes from (each item names its source).
    public var references: [Reference]
    /// Agency ids that should answer this indicator (advice for interviewers).
    public var respondents: [String]
    /// Whether a country can reach every level on its own, or needs a neighbour; nil when the
    /// questionnaire does not say (versions before 2027.1).
    public var scope: IndicatorScope?
    /// Where the indicator is written in its file; nil for values made in code.
    public var location: SourceLocation?

    /// An indicator; `levels` describes what each level from 1 to 5 means.
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

/// A group of indicators on one subject (for example "ICT and data exchange"), scored together.
public struct Dimension: Sendable, Hashable, Identifiable {
    /// The dimension's id, unique in its questionnaire.
    public var id: String
    /// A short title.
    public var title: LocalizedText
    /// What the dimension covers, when the questionnaire says.
    public var summary: LocalizedText?
    /// The dimension's weight in the questionnaire's index (1 unless the questionnaire says).
    public var weight: Double
    /// Its indicators, in the questionnaire's order.
    public var indicators: [Indicator]
    /// Where the dimension is written in its file; nil for values made in code.
    public var location: SourceLocation?

    /// A dimension with its indicators.
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

/// A maturity model: dimensions of indicators, each answered with a level from 1 to 5 (docs/questionnaire-format.md).
public struct MaturityQuestionnaire: Sendable, Hashable {
    /// The smallest and largest weight of a dimension or an indicator. Weights compare items
    /// with one another; between 0.01 and 1000, every weighted sum and mean is exact to far
    /// more digits than a report shows (a weight such as 5e-324 underflowed to 0).
    public static let minimumWeight = 0.01
    /// The largest weight of a dimension or an indicator.
    public static let maximumWeight = 1000.0

    /// The questionnaire's id (for example `cbm-core`), which assessments name.
    public var id: String
    /// The version (for example `2026.1`); older versions are kept in `questionnaires/archive/`.
    public var version: String
    /// The questionnaire's title.
    public var title: LocalizedText
    /// What the questionnaire measures, when it says.
    public var summary: LocalizedText?
    /// Notes on sources and limits, when it has them.
    public var notes: LocalizedText?
    /// The target level of every indicator that an assessment sets no target for.
    public var defaultTarget: Int
    /// The five levels and their names.
    public var scale: [ScaleLevel]
    /// Whether the questionnaire names its own levels (`scale:`); false when it uses cbm's
    /// standard scale, whose names come with cbm in every language it has texts for.
    public var ownScale: Bool
    /// Its dimensions, in order.
    public var dimensions: [Dimension]

    /// A maturity questionnaire.
    public init(
        id: String, version: String, title: LocalizedText, summary: LocalizedText? = nil,
        notes: LocalizedText? = nil, defaultTarget: Int = 4, scale: [ScaleLevel], ownScale: Bool = true,
        dimensions: [Dimension]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.summary = summary
        self.notes = notes
        self.defaultTarget = defaultTarget
        self.scale = scale
        self.ownScale = ownScale
        self.dimensions = dimensions
    }

    /// Every indicator, dimension by dimension.
    public var indicators: [Indicator] { dimensions.flatMap(\.indicators) }

    /// The indicator with this id, if there is one.
    public func indicator(_ id: String) -> Indicator? {
        for dimension in dimensions {
            if let found = dimension.indicators.first(where: { $0.id == id }) { return found }
        }
        return nil
    }

    /// The dimension with this id, if there is one.
    public func dimension(_ id: String) -> Dimension? { dimensions.first { $0.id == id } }

    /// The dimension that holds the indicator.
    public func dimension(containing indicatorID: String) -> Dimension? {
        dimensions.first { $0.indicators.contains { $0.id == indicatorID } }
    }

    /// The name of a level in English (for example "Coordinated"), or "Level N" when the scale has none.
    public func levelName(_ level: Int) -> String {
        scale.first { $0.level == level }?.name.text() ?? "Level \(level)"
    }
}

/// How strongly a convention provision binds the country.
public enum Obligation: String, Sendable, Hashable, Codable, CaseIterable {
    case binding
    case bestEndeavour = "best-endeavour"
    /// Not an obligation on the country (for example the rules of a treaty's own committee, or
    /// a prompt for the assessor). Answered like any provision, but never counted in a
    /// compliance rate.
    case guidance

    /// The obligation in words, for text output.
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
    /// The id of the maturity questionnaire.
    public var questionnaire: String
    /// The id of the indicator in it.
    public var indicator: String
    /// Where the link is written in its file; nil for values made in code.
    public var location: SourceLocation?

    /// A link to `indicator` of `questionnaire`.
    public init(questionnaire: String, indicator: String, location: SourceLocation? = nil) {
        self.questionnaire = questionnaire
        self.indicator = indicator
        self.location = location
    }

    /// The link as written: `questionnaire/indicator`.
    public var text: String { "\(questionnaire)/\(indicator)" }
}

/// One requirement of a convention checklist, answered with an implementation status.
public struct Provision: Sendable, Hashable, Identifiable {
    /// The provision's id, unique in its checklist (for example `7.1`).
    public var id: String
    /// A short title.
    public var title: LocalizedText
    /// What the convention requires, in our own words.
    public var requirement: LocalizedText
    /// How strongly the provision binds the country.
    public var obligation: Obligation
    /// A transitional standard (Revised Kyoto Convention), with a longer implementation period.
    public var transitional: Bool
    /// For the interviewer: what to ask for, what to look at, where.
    public var guidance: LocalizedText?
    /// Documents or facts that show the status, as examples.
    public var evidence: [LocalizedText]
    /// Where the requirement comes from (each item names its source).
    public var references: [Reference]
    /// The maturity indicators the provision bears on.
    public var related: [IndicatorLink]
    /// Where the provision is written in its file; nil for values made in code.
    public var location: SourceLocation?

    /// A provision of a convention checklist.
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

/// A group of provisions of a checklist (for example an article of the convention).
public struct ComplianceSection: Sendable, Hashable, Identifiable {
    /// The section's id, unique in its checklist.
    public var id: String
    /// A short title.
    public var title: LocalizedText
    /// What the section covers, when the checklist says.
    public var summary: LocalizedText?
    /// Its provisions, in order.
    public var provisions: [Provision]
    /// Where the section is written in its file; nil for values made in code.
    public var location: SourceLocation?

    /// A section with its provisions.
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
    /// The instrument's name.
    public var name: LocalizedText
    /// The body that adopted it (for example `WTO`), when given.
    public var body: String?
    /// When it was adopted (a date as written), when given.
    public var adopted: String?
    /// When it entered into force (a date as written), when given.
    public var inForce: String?
    /// Where its text can be read, when given.
    public var url: String?

    /// An international instrument.
    public init(name: LocalizedText, body: String? = nil, adopted: String? = nil, inForce: String? = nil, url: String? = nil) {
        self.name = name
        self.body = body
        self.adopted = adopted
        self.inForce = inForce
        self.url = url
    }
}

/// A convention checklist: sections of provisions, each answered with an implementation status (docs/conventions.md).
public struct ComplianceQuestionnaire: Sendable, Hashable {
    /// The checklist's id (for example `wto-tfa`), which assessments name.
    public var id: String
    /// The version (for example `2026.1`); older versions are kept in `questionnaires/archive/`.
    public var version: String
    /// The checklist's title.
    public var title: LocalizedText
    /// What the checklist covers, when it says.
    public var summary: LocalizedText?
    /// Notes on sources and limits, when it has them.
    public var notes: LocalizedText?
    /// The international instrument checked, when the checklist names it.
    public var instrument: Instrument?
    /// Its sections, in order.
    public var sections: [ComplianceSection]

    /// A convention checklist.
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

    /// Every provision, section by section.
    public var provisions: [Provision] { sections.flatMap(\.provisions) }

    /// The provision with this id, if there is one.
    public func provision(_ id: String) -> Provision? {
        for section in sections {
            if let found = section.provisions.first(where: { $0.id == id }) { return found }
        }
        return nil
    }

    /// The section that holds the provision with this id, if there is one.
    public func section(containing provisionID: String) -> ComplianceSection? {
        sections.first { $0.provisions.contains { $0.id == provisionID } }
    }
}

/// The two kinds of questionnaire: maturity models and convention checklists.
public enum QuestionnaireKind: String, Sendable, Hashable, Codable, CaseIterable {
    case maturity
    case compliance
}

/// A questionnaire of either kind, with where it was read from.
public enum Questionnaire: Sendable, Hashable {
    case maturity(MaturityQuestionnaire)
    case compliance(ComplianceQuestionnaire)

    /// The questionnaire's id.
    public var id: String {
        switch self {
        case let .maturity(q): return q.id
        case let .compliance(q): return q.id
        }
    }

    /// The questionnaire's version.
    public var version: String {
        switch self {
        case let .maturity(q): return q.version
        case let .compliance(q): return q.version
        }
    }

    /// The questionnaire's title.
    public var title: LocalizedText {
        switch self {
        case let .maturity(q): return q.title
        case let .compliance(q): return q.title
        }
    }

    /// Whether it is a maturity model or a convention checklist.
    public var kind: QuestionnaireKind {
        switch self {
        case .maturity: return .maturity
        case .compliance: return .compliance
        }
    }

    /// The maturity model, when it is one.
    public var maturity: MaturityQuestionnaire? {
        if case let .maturity(q) = self { return q }
        return nil
    }

    /// The convention checklist, when it is one.
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
