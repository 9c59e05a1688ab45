import Foundation

/// The interview sheet of one agency: a CSV file with one row per indicator and provision,
/// to fill in a spreadsheet program and read back with `SheetMerge`.
///
/// Columns A–L are there to read (the question, what each level means, the answers allowed);
/// the agency fills columns M–O (level or status, evidence, comment). `export` fills those with the agency's
/// answers already in the assessment, so a sheet can be sent back and forth.
public enum AgencySheet {
    /// The columns, in order, with their header text.
    public enum Column: Int, Sendable, CaseIterable {
        case agency, questionnaire, id, part, title, question, level1, level2, level3, level4, level5, allowed, answer, evidence, comment

        /// The column's header text in the first row of a sheet (English).
        public var header: String {
            switch self {
            case .agency: return "agency"
            case .questionnaire: return "questionnaire"
            case .id: return "id"
            case .part: return "dimension or section"
            case .title: return "title"
            case .question: return "question or requirement"
            case .level1: return "level 1"
            case .level2: return "level 2"
            case .level3: return "level 3"
            case .level4: return "level 4"
            case .level5: return "level 5"
            case .allowed: return "answers allowed"
            case .answer: return "level or status"
            case .evidence: return "evidence"
            case .comment: return "comment"
            }
        }

        /// The header text in a language: "level or status", «уровень или статус».
        public func header(_ strings: StringTable) -> String { strings.text("sheet.columns.\(key)") }

        /// The key of the column's header in the string tables (`sheet.columns.…`).
        var key: String {
            switch self {
            case .level1, .level2, .level3, .level4, .level5: return "level\(rawValue - Column.level1.rawValue + 1)"
            default: return String(describing: self)
            }
        }

        /// Every header text accepted on import: the header in each language cbm has texts
        /// for, and the aliases.
        var acceptedHeaders: Set<String> {
            var names = Set([header] + aliases)
            for table in StringTable.usable.values { names.insert(header(table).lowercased()) }
            return names
        }

        /// Other header texts accepted on import.
        var aliases: [String] {
            switch self {
            case .part: return ["dimension", "section"]
            case .answer: return ["level/status", "answer", "level", "status"]
            case .question: return ["question", "requirement"]
            default: return []
            }
        }

        /// Columns the import needs.
        static let required: [Column] = [.agency, .id, .answer, .evidence, .comment]

        /// The column's letter as a spreadsheet program shows it (A, B, …).
        public var letter: String { CSV.columnName(rawValue) }
    }


    /// How an item is named in the `id` column: `cbm-core/ict.single-window`, `wto-tfa/7.1`.
    /// The questionnaire in front keeps spreadsheet programs from reading provision numbers
    /// such as 7.1 or 10.10 as numbers or dates (which would change them).
    public static func reference(_ questionnaire: String, _ item: String) -> String { "\(questionnaire)/\(item)" }

    /// The rows of the sheet for one agency (the header first). Throws when the agency is not
    /// declared in the assessment, or a questionnaire asked for is not answered in it.
    public static func rows(
        for assessment: Assessment, catalog: Catalog, agency: String, questionnaires only: [String] = [],
        language: String = LocalizedText.defaultLanguage
    ) throws(UsageError) -> [[String]] {
        guard assessment.agency(agency) != nil else {
            throw UsageError(undeclaredAgency(agency, in: assessment))
        }
        var problems: [String] = []
        for id in only where assessment.answers(for: id) == nil {
            var message = "`--questionnaire \(id.shortenedForMessage)`: the assessment does not answer this questionnaire"
            let answered = assessment.questionnaires.map(\.questionnaireID)
            if let suggestion = closestMatch(to: id, in: answered) { message += "; did you mean `\(suggestion)`?" }
            problems.append(message + "; it answers " + answered.map { "`\($0)`" }.joined(separator: ", "))
        }
        if !problems.isEmpty { throw UsageError(problems) }
        let strings = (try? StringTable.forLanguage(language)) ?? .english
        var rows = [Column.allCases.map { $0.header(strings) }]
        for answers in assessment.questionnaires where only.isEmpty || only.contains(answers.questionnaireID) {
            guard let questionnaire = questionnaireAnswered(catalog, answers.questionnaireID, version: answers.version) else { continue }
            let qid = questionnaire.id
            func answerCells(_ item: String) -> [String] {
                guard let response = answers.answer(item)?.responses.first(where: { $0.agency == agency }) else { return ["", "", ""] }
                return [answerWord(response.value, strings), response.evidence ?? "", response.comment ?? ""]
            }
            switch questionnaire {
            case let .maturity(q):
                for dimension in q.dimensions {
                    for indicator in dimension.indicators {
                        var row = [agency, qid, reference(qid, indicator.id), dimension.title.text(in: language),
                                   indicator.title.text(in: language), indicator.question.text(in: language)]
                        row += MaturityLevel.range.map { level in
                            indicator.levels[level].map {
                                strings.text("sheet.level", ["level": String(level), "name": strings.levelName(level, in: q), "text": $0.text(in: language)])
                            } ?? ""
                        }
                        row.append(strings["sheet.allowed_maturity"])
                        rows.append((row + answerCells(indicator.id)).map(guarded))
                    }
                }
            case let .compliance(q):
                for section in q.sections {
                    for provision in section.provisions {
                        let obligation = provision.obligation.label(strings)
                        let kind = provision.transitional ? strings.text("sheet.transitional_kind", ["obligation": obligation]) : obligation
                        var row = [agency, qid, reference(qid, provision.id), section.title.text(in: language),
                                   strings.text("sheet.provision_title", ["title": provision.title.text(in: language), "kind": kind]),
                                   provision.requirement.text(in: language)]
                        row += ["", "", "", "", "", strings["sheet.allowed_compliance"]]
                        rows.append((row + answerCells(provision.id)).map(guarded))
                    }
                }
            }
        }
        return rows
    }

    /// An answer as a sheet in this language shows it: `3`, `partial`, «частично».
    static func answerWord(_ value: AnswerValue?, _ strings: StringTable) -> String {
        let key: String
        switch value {
        case nil: key = "unknown"
        case let .level(level)?:
            switch level {
            case .level(let n): return String(n)
            case .notApplicable: key = "na"
            case .unknown: key = "unknown"
            }
        case let .status(status)?: key = status.rawValue
        }
        return words(key, strings).first ?? key
    }

    /// The words of `sheet.values.<key>` in a table: "неприменимо, н/п" → ["неприменимо", "н/п"].
    static func words(_ key: String, _ strings: StringTable) -> [String] {
        strings.text("sheet.values.\(key)").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The answer a word written in any language's sheet stands for (`частично` → partial),
    /// compared without regard to case and to ё/е.
    static func answerKey(for word: String) -> String? {
        let wanted = folded(word)
        for table in StringTable.usable.values {
            for key in ["na", "unknown", "full", "partial", "pilot", "none"] where words(key, table).contains(where: { folded($0) == wanted }) {
                return key
            }
        }
        return nil
    }

    static func folded(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "ё", with: "е").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The sheet as CSV text (see `CSV.write`).
    public static func csv(
        for assessment: Assessment, catalog: Catalog, agency: String, questionnaires only: [String] = [],
        language: String = LocalizedText.defaultLanguage, separator: CSV.Separator = .comma
    ) throws(UsageError) -> String {
        CSV.write(try rows(for: assessment, catalog: catalog, agency: agency, questionnaires: only, language: language), separator: separator)
    }

    static func undeclaredAgency(_ agency: String, in assessment: Assessment, suggest: Bool = true) -> String {
        var message = "the agency `\(agency.shortenedForMessage)` is not declared in the assessment"
        let declared = assessment.header.agencies.map(\.id)
        if declared.isEmpty {
            return message + "; declare it under `assessment: agencies:` as `- {id: \(agency.shortenedForMessage), name: \"…\"}`"
        }
        if suggest, let suggestion = closestMatch(to: agency, in: declared) { message += "; did you mean `\(suggestion)`?" }
        let listed = declared.prefix(20).joined(separator: ", ") + (declared.count > 20 ? " and \(declared.count - 20) more" : "")
        return message + " (declared: " + listed + "; add others under `assessment: agencies:`)"
    }

    // MARK: Formulas

    /// Characters that make a spreadsheet program read a cell as a formula (`=`, `+`, `-`,
    /// `@`), or hide what follows (tab, carriage return).
    private static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell as written: text that a spreadsheet would run as a formula (`=HYPERLINK(…)`,
    /// `-2+3`) gets an apostrophe in front, so that it is shown as text. Text that already
    /// starts with an apostrophe gets one more, so that `unguarded` can undo it exactly.
    static func guarded(_ text: String) -> String {
        guard let first = text.first, formulaStarts.contains(first) || first == "'" else { return text }
        return "'" + text
    }

    /// A cell as read: the apostrophe added by `guarded` is removed.
    static func unguarded(_ text: String) -> String {
        guard text.first == "'", let second = text.dropFirst().first, formulaStarts.contains(second) || second == "'" else { return text }
        return String(text.dropFirst())
    }
}
