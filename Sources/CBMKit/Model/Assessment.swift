/// An agency that takes part in an assessment: `{id: customs, name: State Customs Service}`.
public struct Agency: Sendable, Hashable, Identifiable {
    /// The agency's id, used in answers (for example `customs`).
    public var id: String
    /// The agency's name (for example "State Customs Committee").
    public var name: String
    /// Where the agency is declared in its file; nil for values made in code.
    public var location: SourceLocation?

    /// An agency that answers.
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

    /// The levels an answer may give: 1 to 5.
    public static let range = 1...5

    /// The level as a number; nil for not applicable and not known.
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

    /// The status as written in files (`full`, `partial`, …).
    public var description: String { rawValue }

    /// The status in words, for text output.
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

    /// The maturity level, when the answer is one.
    public var maturityLevel: MaturityLevel? {
        if case let .level(level) = self { return level }
        return nil
    }

    /// The compliance status, when the answer is one.
    public var complianceStatus: ComplianceStatus? {
        if case let .status(status) = self { return status }
        return nil
    }

    /// The answer as written in files.
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
    /// The level or status given; nil when the response has none.
    public var value: AnswerValue?
    /// What the agency showed to support its answer, when given.
    public var evidence: String?
    /// The agency's comment, when given.
    public var comment: String?
    /// Where the response is written in its file; nil for values made in code.
    public var location: SourceLocation?

    /// One agency's response (or, without `agency`, the group's one answer).
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
    /// The id of the indicator or provision answered.
    public var itemID: String
    /// The level or status the group agreed, when it agreed one.
    public var consensus: AnswerValue?
    /// A note on the answer, when given.
    public var note: String?
    /// Each agency's response, in the file's order.
    public var responses: [Response]
    /// WTO TFA: the notified implementation category (A, B or C).
    public var category: String?
    /// WTO TFA: the (planned) implementation date, as written (YYYY-MM-DD).
    public var date: String?
    /// Where the answer is written in its file; nil for values made in code.
    public var location: SourceLocation?

    /// An answer to one indicator or provision.
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
    /// The id of the dimension or indicator.
    public var id: String
    /// The level aimed at, 1 to 5.
    public var level: Int
    /// Where the target is written in its file; nil for values made in code.
    public var location: SourceLocation?

    /// A target level for a dimension or an indicator.
    public init(id: String, level: Int, location: SourceLocation? = nil) {
        self.id = id
        self.level = level
        self.location = location
    }
}

/// The answers an assessment gives to one questionnaire.
public struct QuestionnaireAnswers: Sendable, Hashable {
    /// The id of the questionnaire answered.
    public var questionnaireID: String
    /// The questionnaire version the answers were given to.
    public var version: String?
    /// The target levels the assessment sets (maturity questionnaires only).
    public var targets: [Target]
    /// The answers, in the file's order.
    public var answers: [Answer]
    /// Where the answers are written in their file; nil for values made in code.
    public var location: SourceLocation?

    /// The answers to one questionnaire.
    public init(questionnaireID: String, version: String? = nil, targets: [Target] = [], answers: [Answer] = [], location: SourceLocation? = nil) {
        self.questionnaireID = questionnaireID
        self.version = version
        self.targets = targets
        self.answers = answers
        self.location = location
    }

    /// The answer to the indicator or provision with this id, if there is one.
    public func answer(_ itemID: String) -> Answer? { answers.first { $0.itemID == itemID } }
    /// The target level set for this dimension or indicator, if there is one.
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

    /// A crossing point, the neighbour country and the crossing point it faces.
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
    /// Who and what was assessed, when and by whom: the header of the file.
    public var header: AssessmentHeader
    /// The answers, questionnaire by questionnaire.
    public var questionnaires: [QuestionnaireAnswers]
    /// The file it was read from, when it was read from one.
    public var file: String?

    /// An assessment.
    public init(header: AssessmentHeader, questionnaires: [QuestionnaireAnswers] = [], file: String? = nil) {
        self.header = header
        self.questionnaires = questionnaires
        self.file = file
    }

    /// An assessment, its header given field by field.
    public init(
        title: String, country: String, period: String, date: String? = nil, preparedBy: String? = nil,
        notes: String? = nil, agencies: [Agency] = [], questionnaires: [QuestionnaireAnswers] = [], file: String? = nil,
        crossingPoint: CrossingPoint? = nil
    ) {
        self.init(header: AssessmentHeader(title: title, country: country, period: period, date: date, preparedBy: preparedBy,
                                           notes: notes, agencies: agencies, crossingPoint: crossingPoint),
                  questionnaires: questionnaires, file: file)
    }

    /// The agency with this id, if it is declared.
    public func agency(_ id: String) -> Agency? { header.agency(id) }
    /// The answers to the questionnaire with this id, if the assessment answers it.
    public func answers(for questionnaireID: String) -> QuestionnaireAnswers? {
        questionnaires.first { $0.questionnaireID == questionnaireID }
    }
}

/// The header of an assessment: who assessed what, when. An `Assessment` holds it with the
/// answers; a `ScoreCard` keeps it to say what its scores are of.
public struct AssessmentHeader: Sendable, Hashable {
    /// The assessment's title, as written in the file.
    public var title: String
    /// The country assessed.
    public var country: String
    /// The period the answers describe: `2026`, `2026-H1`, `2026-Q3` or `2026-05`.
    public var period: String
    /// The date the assessment was made (`YYYY-MM-DD`), when given.
    public var date: String?
    /// Who prepared the assessment (a working group, a mission), when given.
    public var preparedBy: String?
    /// The assessment's general notes, when given.
    public var notes: String?
    /// The border agencies that answer, in the file's order.
    public var agencies: [Agency]
    /// The crossing point assessed; nil when the assessment covers the whole country.
    public var crossingPoint: CrossingPoint?

    /// Whether the assessment covers the whole country or one crossing point.
    public var scope: AssessmentScope { crossingPoint == nil ? .country : .crossingPoint }

    /// The header of an assessment.
    public init(title: String, country: String, period: String, date: String? = nil, preparedBy: String? = nil,
                notes: String? = nil, agencies: [Agency] = [], crossingPoint: CrossingPoint? = nil) {
        self.title = title
        self.country = country
        self.period = period
        self.date = date
        self.preparedBy = preparedBy
        self.notes = notes
        self.agencies = agencies
        self.crossingPoint = crossingPoint
    }

    /// The agency with this id, if it is declared.
    public func agency(_ id: String) -> Agency? { agencies.first { $0.id == id } }
}
