import Foundation

/// Problems with what was asked of `cbm init`, `export-sheet` or `import-sheet` that are not
/// tied to a place in a file: each says what was expected and what was given.
public struct InterviewError: Error, Sendable, CustomStringConvertible {
    public var problems: [String]

    public init(_ problems: [String]) { self.problems = problems }
    public init(_ problem: String) { problems = [problem] }

    public var description: String { problems.joined(separator: "\n") }
}

/// What `cbm init` needs to start an assessment: who, where, when, which questionnaires.
///
/// The template answers every indicator and provision `unknown`, so that it is valid as it
/// is, scores as unanswered, and lists every question to fill in.
public struct AssessmentTemplate: Sendable, Hashable {
    public var country: String
    public var period: String
    /// Default: "<country> CBM assessment <period>".
    public var title: String?
    public var preparedBy: String?
    public var questionnaireIDs: [String]
    public var agencies: [Agency]
    /// Language of the questions in the comments.
    public var language: String
    /// The crossing point assessed, for `scope: crossing-point`; nil for the whole country.
    public var crossingPoint: CrossingPoint?

    public init(
        country: String, period: String, title: String? = nil, preparedBy: String? = nil,
        questionnaireIDs: [String], agencies: [Agency] = [], language: String = LocalizedText.defaultLanguage,
        crossingPoint: CrossingPoint? = nil
    ) {
        self.crossingPoint = crossingPoint
        self.country = country
        self.period = period
        self.title = title
        self.preparedBy = preparedBy
        self.questionnaireIDs = questionnaireIDs
        self.agencies = agencies
        self.language = language
    }

    /// `customs=State Customs Service` → the agency `customs`.
    public static func agency(parsing text: String) throws(InterviewError) -> Agency {
        guard let equals = text.firstIndex(of: "=") else {
            throw InterviewError("`--agency \(text.shortenedForMessage)`: expected an id and a name joined by `=`, for example --agency \"customs=State Customs Service\"")
        }
        let id = text[..<equals].trimmingCharacters(in: .whitespaces)
        let name = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        var problems: [String] = []
        if !isIdentifier(id) {
            problems.append("`--agency \(text.shortenedForMessage)`: expected the id before `=` to be made of lowercase letters, digits, `-`, `_` and `.` (for example customs, border-guard), found `\(id.shortenedForMessage)`")
        }
        if name.isEmpty {
            problems.append("`--agency \(text.shortenedForMessage)`: expected the agency's full name after `=`, found nothing")
        }
        if let problem = controlCharacterProblem(in: name, option: "--agency \(text.shortenedForMessage)") { problems.append(problem) }
        if !problems.isEmpty { throw InterviewError(problems) }
        return Agency(id: id, name: name)
    }

    /// The assessment the template stands for: every item of every questionnaire answered
    /// `unknown`. Throws every problem with the request at once.
    public func assessment(catalog: Catalog) throws(InterviewError) -> Assessment {
        var problems: [String] = []
        let country = country.trimmingCharacters(in: .whitespacesAndNewlines)
        if country.isEmpty { problems.append("`--country`: expected the name of the country assessed, found nothing") }
        for (option, text) in [("--country", country), ("--title", title ?? ""), ("--prepared-by", preparedBy ?? "")] {
            if let problem = controlCharacterProblem(in: text, option: option) { problems.append(problem) }
        }
        let period = period.trimmingCharacters(in: .whitespaces)
        if !isValidPeriod(period) {
            problems.append("`--period`: expected a year such as 2026, or 2026-H1, 2026-Q3 or 2026-05, found `\(period.shortenedForMessage)`")
        }
        if questionnaireIDs.isEmpty {
            problems.append("expected at least one --questionnaire, for example --questionnaire cbm-core --questionnaire wto-tfa; known questionnaires: " + catalog.ids.joined(separator: ", "))
        }
        var questionnaires: [QuestionnaireAnswers] = []
        for id in questionnaireIDs {
            guard let questionnaire = catalog.questionnaire(id) else {
                var message = "`--questionnaire \(id.shortenedForMessage)`: there is no questionnaire with this id"
                if let suggestion = closestMatch(to: id, in: catalog.ids) {
                    message += "; did you mean `\(suggestion)`?"
                } else {
                    message += "; known questionnaires: " + catalog.ids.joined(separator: ", ")
                }
                problems.append(message + " (add your own with --questionnaires DIR)")
                continue
            }
            if questionnaires.contains(where: { $0.questionnaireID == id }) {
                problems.append("`--questionnaire \(id)` is given twice; give each questionnaire once")
                continue
            }
            let value: AnswerValue = questionnaire.kind == .maturity ? .level(.unknown) : .status(.unknown)
            let answers = questionnaire.itemIDs.map { Answer(itemID: $0, responses: [Response(value: value)]) }
            questionnaires.append(QuestionnaireAnswers(questionnaireID: id, version: questionnaire.version, answers: answers))
        }
        var seen = Set<String>()
        for agency in agencies where !seen.insert(agency.id).inserted {
            problems.append("`--agency \(agency.id)=…` is given twice; give each agency once")
        }
        if let point = crossingPoint {
            for (option, value) in [("--crossing-point", point.name), ("--neighbour-country", point.neighbourCountry),
                                    ("--facing-crossing-point", point.facingCrossingPoint)] where trimmed(value) == nil {
                problems.append("`\(option)`: expected a name, found nothing")
            }
            if CrossingPoint.sameName(point.neighbourCountry, country) {
                problems.append("`--neighbour-country`: expected the country on the other side of the border, found the country assessed itself")
            }
        }
        if !problems.isEmpty { throw InterviewError(problems) }
        let strings = (try? StringTable.forLanguage(language)) ?? .english
        let title = trimmed(title) ?? (crossingPoint.map {
            strings.text("init.default_title_crossing_point", ["crossing_point": $0.name, "country": country, "period": period])
        } ?? strings.text("init.default_title", ["country": country, "period": period]))
        return Assessment(title: title, country: country, period: period,
                          preparedBy: trimmed(preparedBy),
                          agencies: agencies, questionnaires: questionnaires,
                          crossingPoint: crossingPoint.map { CrossingPoint(name: trimmed($0.name) ?? "", neighbourCountry: trimmed($0.neighbourCountry) ?? "",
                                                                          facingCrossingPoint: trimmed($0.facingCrossingPoint) ?? "") })
    }

    /// The text of the template file, with the questions as comments.
    public func yaml(catalog: Catalog, fileName: String? = nil) throws(InterviewError) -> String {
        let assessment = try assessment(catalog: catalog)
        return AssessmentWriter.yaml(assessment, guide: .init(catalog: catalog, language: language, fileName: fileName))
    }

    /// A file name for the template: `arventa-2026.yaml`, or `dovrak-2026.yaml` for a crossing point.
    public func defaultFileName() -> String {
        var slug = ""
        for character in (crossingPoint?.name ?? country).lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        if slug.isEmpty { slug = "assessment" }
        return "\(slug)-\(period.trimmingCharacters(in: .whitespaces)).yaml"
    }
}

/// A control character (a line break, a tab, an escape…) in a one-line text given on the
/// command line: it would make a file that `cbm validate` rejects, or garble what is printed.
private func controlCharacterProblem(in text: String, option: String) -> String? {
    guard let bad = text.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return nil }
    return "`\(option)`: the text contains an invisible control character (code \(bad.value)); type it again without it"
}

private func isIdentifier(_ text: String) -> Bool {
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
    return !text.isEmpty && text.count <= 100 && text.allSatisfy { allowed.contains($0) }
}

private func trimmed(_ text: String?) -> String? {
    guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
    return text
}
