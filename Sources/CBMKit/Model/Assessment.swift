/// An agency that takes part in an assessment: `{id: customs, name: State Customs Service}`.
public struct Agency: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var location: SourceLocation?

    public init(id: String, name: String, location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.location = location
    }
}

/// A maturity answer: a level from 1 to 5, not applicable, or not known.
public enum MaturityLevel: Sendable, Hashable, CustomStringConvertible {
    case level(Int)
    case notApplicable
    case unknown

    public static let range = 1...5

    public var numeric: Int? {
        if case let .level(value) = self { return value }
        return nil
    }

    /// As written in files: "3", "na", "unknown".
    public var description: String {
        switch self {
        case let .level(value): return String(value)
        case .notApplicable: return "na"
        case .unknown: return "unknown"
        }
    }
}

/// A compliance answer.
public enum ComplianceStatus: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case full
    case partial
    case pilot
    case none
    case notApplicable = "na"
    case unknown

    /// Points used for compliance rates: full 3, partial 2, pilot 1, none 0; nil when not counted.
    public var points: Int? {
        switch self {
        case .full: return 3
        case .partial: return 2
        case .pilot: return 1
        case .none: return 0
        case .notApplicable, .unknown: return nil
        }
    }

    public var description: String { rawValue }

    public var label: String {
        switch self {
        case .full: return "fully implemented"
        case .partial: return "partly implemented"
        case .pilot: return "pilot only"
        case .none: return "not implemented"
        case .notApplicable: return "not applicable"
        case .unknown: return "not known"
        }
    }
}

/// What one respondent answered: a level (maturity) or a status (compliance).
public enum AnswerValue: Sendable, Hashable, CustomStringConvertible {
    case level(MaturityLevel)
    case status(ComplianceStatus)

    public var maturityLevel: MaturityLevel? {
        if case let .level(level) = self { return level }
        return nil
    }

    public var complianceStatus: ComplianceStatus? {
        if case let .status(status) = self { return status }
        return nil
    }

    public var description: String {
        switch self {
        case let .level(level): return level.description
        case let .status(status): return status.description
        }
    }
}

/// One agency's answer to one indicator or provision.
public struct Response: Sendable, Hashable {
    /// The answering agency; nil in the short form `{level: 2}` where the group answers as one.
    public var agency: String?
    public var value: AnswerValue?
    public var evidence: String?
    public var comment: String?
    public var location: SourceLocation?

    public init(agency: String? = nil, value: AnswerValue?, evidence: String? = nil, comment: String? = nil, location: SourceLocation? = nil) {
        self.agency = agency
        self.value = value
        self.evidence = evidence
        self.comment = comment
        self.location = location
    }
}

/// The answer to one indicator or provision: the agencies' responses and, optionally,
/// the level or status the group agreed on.
public struct Answer: Sendable, Hashable {
    public var itemID: String
    public var consensus: AnswerValue?
    public var note: String?
    public var responses: [Response]
    /// WTO TFA: the notified implementation category (A, B or C).
    public var category: String?
    /// WTO TFA: the (planned) implementation date, as written (YYYY-MM-DD).
    public var date: String?
    public var location: SourceLocation?

    public init(
        itemID: String, consensus: AnswerValue? = nil, note: String? = nil, responses: [Response] = [],
        category: String? = nil, date: String? = nil, location: SourceLocation? = nil
    ) {
        self.itemID = itemID
        self.consensus = consensus
        self.note = note
        self.responses = responses
        self.category = category
        self.date = date
        self.location = location
    }
}

/// A target level set by the assessment for a dimension or an indicator.
public struct Target: Sendable, Hashable {
    public var id: String
    public var level: Int
    public var location: SourceLocation?

    public init(id: String, level: Int, location: SourceLocation? = nil) {
        self.id = id
        self.level = level
        self.location = location
    }
}

/// The answers an assessment gives to one questionnaire.
public struct QuestionnaireAnswers: Sendable, Hashable {
    public var questionnaireID: String
    /// The questionnaire version the answers were given to.
    public var version: String?
    public var targets: [Target]
    public var answers: [Answer]
    public var location: SourceLocation?

    public init(questionnaireID: String, version: String? = nil, targets: [Target] = [], answers: [Answer] = [], location: SourceLocation? = nil) {
        self.questionnaireID = questionnaireID
        self.version = version
        self.targets = targets
        self.answers = answers
        self.location = location
    }

    public func answer(_ itemID: String) -> Answer? { answers.first { $0.itemID == itemID } }
    public func target(_ id: String) -> Int? { targets.first { $0.id == id }?.level }
}

/// What an assessment covers: a whole country, or one border crossing point.
public enum AssessmentScope: String, Sendable, Hashable, CaseIterable {
    case country
    case crossingPoint = "crossing-point"
}

/// The border crossing point an assessment covers, and the post it faces across the border.
/// Two assessments are the two sides of one crossing when each names the other's country and
/// crossing point.
public struct CrossingPoint: Sendable, Hashable {
    /// The crossing point assessed, on the assessing country's side: "Dovrak".
    public var name: String
    /// The country on the other side of the border: "Republic of Kestria".
    public var neighbourCountry: String
    /// The neighbour's crossing point that this one faces: "Zelmar".
    public var facingCrossingPoint: String

    public init(name: String, neighbourCountry: String, facingCrossingPoint: String) {
        self.name = name
        self.neighbourCountry = neighbourCountry
        self.facingCrossingPoint = facingCrossingPoint
    }

    /// Names are the same when they differ only in capitals and spaces ("Republic of  Kestria"
    /// and "republic of Kestria").
    public static func sameName(_ a: String, _ b: String) -> Bool { normalized(a) == normalized(b) }

    static func normalized(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// One country's assessment for one period.
public struct Assessment: Sendable, Hashable {
    public var title: String
    public var country: String
    /// "2026" or "2026-H1".
    public var period: String
    public var date: String?
    public var preparedBy: String?
    public var notes: String?
    public var agencies: [Agency]
    public var questionnaires: [QuestionnaireAnswers]
    /// The file it was read from, when it was read from one.
    public var file: String?
    /// The crossing point assessed; nil when the assessment covers the whole country.
    public var crossingPoint: CrossingPoint?

    public var scope: AssessmentScope { crossingPoint == nil ? .country : .crossingPoint }

    public init(
        title: String, country: String, period: String, date: String? = nil, preparedBy: String? = nil,
        notes: String? = nil, agencies: [Agency] = [], questionnaires: [QuestionnaireAnswers] = [], file: String? = nil,
        crossingPoint: CrossingPoint? = nil
    ) {
        self.crossingPoint = crossingPoint
        self.title = title
        self.country = country
        self.period = period
        self.date = date
        self.preparedBy = preparedBy
        self.notes = notes
        self.agencies = agencies
        self.questionnaires = questionnaires
        self.file = file
    }

    public func agency(_ id: String) -> Agency? { agencies.first { $0.id == id } }
    public func answers(for questionnaireID: String) -> QuestionnaireAnswers? {
        questionnaires.first { $0.questionnaireID == questionnaireID }
    }
}
