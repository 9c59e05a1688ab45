/// Writes an `Assessment` as the YAML text of an assessment file, in one standard layout.
///
/// Reading the text back gives the same assessment (apart from where things were in the
/// file): every text is quoted and escaped, whatever it holds. `cbm init` writes new files
/// with it, and `cbm import-sheet` rewrites a file with it after merging answers.
///
/// With a `Guide`, each questionnaire, dimension and answer is preceded by comments that
/// show the question and what each level means, so that the file can be filled in a text
/// editor. Those comments are written again each time cbm rewrites the file.
public enum AssessmentWriter {
    /// What the comments of a filled-in guide need: the questionnaires, the language, the file's name.
    public struct Guide: Sendable {
        /// The questionnaires the questions and level descriptions come from.
        public var catalog: Catalog
        /// The language of the comments.
        public var language: String
        /// The file's name, used in the instructions at the top; "FILE" when not given.
        public var fileName: String?

        /// A guide in `language`, naming `fileName` in the instructions.
        public init(catalog: Catalog, language: String = LocalizedText.defaultLanguage, fileName: String? = nil) {
            self.catalog = catalog
            self.language = language
            self.fileName = fileName
        }
    }

    /// Lines are kept within this many characters where the text allows.
    static let width = 96

    /// The comment line that marks a file whose comments cbm writes (see `Guide`), in the
    /// language of the comments (`init.marker`).
    static func guideMarker(language: String) -> String {
        "# " + strings(language).text("init.marker", ["language": language])
    }

    /// Whether the text of an assessment file was written with a guide, and in which language
    /// (the marker is recognised in every language cbm has texts for).
    public static func guideLanguage(in text: String) -> String? {
        let tables = StringTable.usable.values.sorted { $0.language < $1.language }
        for table in tables {
            let marker = "# " + table.text("init.marker")
            guard let placeholder = marker.range(of: "{language}") else { continue }
            let prefix = String(marker[..<placeholder.lowerBound])
            let suffix = marker[placeholder.upperBound...].prefix(1)
            guard let range = text.range(of: prefix) else { continue }
            let rest = text[range.upperBound...]
            guard let end = suffix.isEmpty ? rest.firstIndex(of: "\n") : rest.range(of: suffix)?.lowerBound else { continue }
            let language = String(rest[..<end])
            return language.isEmpty || language.count > 20 ? nil : language
        }
        return nil
    }

    static func strings(_ language: String) -> StringTable {
        (try? StringTable.forLanguage(language)) ?? .english
    }

    /// The YAML text of `assessment`; with `guide`, with the questions and level descriptions as comments.
    public static func yaml(_ assessment: Assessment, guide: Guide? = nil) -> String {
        var out: [String] = []
        if let guide { out += introduction(assessment, guide: guide) }
        out += header(assessment)
        out.append("")
        if assessment.questionnaires.isEmpty {
            out.append("questionnaires: {}")
        } else {
            out.append("questionnaires:")
            for (index, answers) in assessment.questionnaires.enumerated() {
                if index > 0 { out.append("") }
                out += questionnaire(answers, guide: guide)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: Header

    private static func header(_ a: Assessment) -> [String] {
        var out = ["assessment:"]
        out.append(field("title", a.header.title, indent: 2))
        out.append(field("country", a.header.country, indent: 2))
        out.append("  period: " + YAMLText.word(a.header.period, leadingDigit: true))
        if let point = a.header.crossingPoint {
            out.append("  scope: " + AssessmentScope.crossingPoint.rawValue)
            out.append(field("crossing_point", point.name, indent: 2))
            out.append(field("neighbour_country", point.neighbourCountry, indent: 2))
            out.append(field("facing_crossing_point", point.facingCrossingPoint, indent: 2))
        }
        if let date = a.header.date { out.append("  date: " + YAMLText.word(date, leadingDigit: true)) }
        if let preparedBy = a.header.preparedBy { out.append(field("prepared_by", preparedBy, indent: 2)) }
        if let notes = a.header.notes { out.append(field("notes", notes, indent: 2)) }
        if !a.header.agencies.isEmpty {
            out.append("  agencies:")
            for agency in a.header.agencies {
                let flow = "    - {id: \(YAMLText.word(agency.id)), name: \(YAMLText.quoted(agency.name))}"
                if flow.count <= width {
                    out.append(flow)
                } else {
                    out.append("    - id: " + YAMLText.word(agency.id))
                    out.append(field("name", agency.name, indent: 6))
                }
            }
        }
        return out
    }

    /// `key: "text"` at the given indentation, continued over several lines when long.
    private static func field(_ key: String, _ text: String, indent: Int) -> String {
        let start = String(repeating: " ", count: indent) + key + ": "
        return start + YAMLText.quoted(text, column: start.count, indent: indent + 2, width: width)
    }

    // MARK: Answers

    private static func questionnaire(_ answers: QuestionnaireAnswers, guide: Guide?) -> [String] {
        let questionnaire = guide.flatMap { questionnaireAnswered($0.catalog, answers.questionnaireID, version: answers.version) }
        var out: [String] = []
        if let guide, let questionnaire { out += questionnaireIntroduction(questionnaire, guide: guide) }
        let key = "  " + YAMLText.word(answers.questionnaireID) + ":"
        if answers.version == nil && answers.targets.isEmpty && answers.answers.isEmpty {
            return out + [key + " {}"]
        }
        out.append(key)
        if let version = answers.version { out.append("    version: " + YAMLText.quoted(version)) }
        if !answers.targets.isEmpty {
            out.append("    targets:")
            for target in answers.targets {
                out.append("      \(YAMLText.word(target.id)): \(target.level)")
            }
        }
        guard !answers.answers.isEmpty else { return out }
        out.append("    answers:")
        var lastGroup: String?
        for answer in answers.answers {
            if let guide, let questionnaire {
                let group = groupHeading(questionnaire, item: answer.itemID, guide: guide)
                if let group, group.id != lastGroup {
                    out.append("")
                    out += group.lines
                    lastGroup = group.id
                }
                out.append("")
                out += itemComments(questionnaire, item: answer.itemID, guide: guide)
            }
            out += self.answer(answer, kind: answer.kind(default: questionnaire?.kind))
        }
        return out
    }

    private static func answer(_ answer: Answer, kind: QuestionnaireKind) -> [String] {
        let valueKey = kind == .maturity ? "level" : "status"
        let key = "      " + YAMLText.word(answer.itemID) + ":"
        let single = answer.responses.count == 1 && answer.responses[0].agency == nil ? answer.responses[0] : nil
        if answer.responses.isEmpty || single != nil {
            // One answer for the whole group: `{level: 2, evidence: "…"}`.
            var pairs: [(String, String)] = []
            if let single {
                pairs.append((valueKey, value(single.value)))
                if let evidence = single.evidence { pairs.append(("evidence", evidence)) }
                if let comment = single.comment { pairs.append(("comment", comment)) }
            }
            pairs += answerExtras(answer)
            return mapping(key: key, pairs: pairs, indent: 8)
        }
        var out = [key]
        for (name, text) in answerExtras(answer) {
            out.append(line(name, text, indent: 8))
        }
        out.append("        responses:")
        for response in answer.responses {
            var pairs: [(String, String)] = []
            if let agency = response.agency { pairs.append(("agency", agency)) }
            pairs.append((valueKey, value(response.value)))
            if let evidence = response.evidence { pairs.append(("evidence", evidence)) }
            if let comment = response.comment { pairs.append(("comment", comment)) }
            out += listItem(pairs: pairs, indent: 10)
        }
        return out
    }

    /// The keys of an answer besides its responses, in the order the format describes.
    private static func answerExtras(_ answer: Answer) -> [(String, String)] {
        var pairs: [(String, String)] = []
        if let consensus = answer.consensus { pairs.append(("consensus", consensus.description)) }
        if let note = answer.note { pairs.append(("note", note)) }
        if let category = answer.category { pairs.append(("category", category)) }
        if let date = answer.date { pairs.append(("date", date)) }
        return pairs
    }

    private static func value(_ value: AnswerValue?) -> String { value?.description ?? "unknown" }

    /// Keys whose values are free text, always quoted; the others are ids and fixed words.
    private static let textKeys: Set<String> = ["evidence", "comment", "note", "name", "title"]

    private static func quoteRule(_ key: String, _ value: String) -> String {
        if textKeys.contains(key) { return YAMLText.quoted(value) }
        return YAMLText.word(value, leadingDigit: key == "date" || key == "level" || key == "consensus")
    }

    private static func line(_ key: String, _ value: String, indent: Int) -> String {
        if textKeys.contains(key) { return field(key, value, indent: indent) }
        return String(repeating: " ", count: indent) + key + ": " + quoteRule(key, value)
    }

    /// `key: {a: 1, b: "x"}` when it fits on a line, else the keys one per line below `key:`.
    private static func mapping(key: String, pairs: [(String, String)], indent: Int) -> [String] {
        let flow = key + " {" + pairs.map { "\($0.0): \(quoteRule($0.0, $0.1))" }.joined(separator: ", ") + "}"
        if flow.count <= width || pairs.isEmpty { return [flow] }
        return [key] + pairs.map { line($0.0, $0.1, indent: indent) }
    }

    /// `- {agency: customs, level: 3}` when it fits on a line, else one key per line.
    private static func listItem(pairs: [(String, String)], indent: Int) -> [String] {
        let margin = String(repeating: " ", count: indent)
        let flow = margin + "- {" + pairs.map { "\($0.0): \(quoteRule($0.0, $0.1))" }.joined(separator: ", ") + "}"
        if flow.count <= width { return [flow] }
        var out: [String] = []
        for (index, pair) in pairs.enumerated() {
            let entry = line(pair.0, pair.1, indent: indent + 2)
            out.append(index == 0 ? margin + "- " + entry.dropFirst(indent + 2) : entry)
        }
        return out
    }

    // MARK: Guide comments

    private static func introduction(_ a: Assessment, guide: Guide) -> [String] {
        let t = strings(guide.language)
        let c = { (text: String) in YAMLText.comment(text, indent: 0, width: width) }
        var out = c("\(a.header.title)")
        out.append("#")
        out += c(t["init.how_to"])
        out.append("#   political-will.strategy: {level: 3, evidence: \"\(t["init.example_level"])\"}")
        out.append("#   \"7.1\": {status: partial, evidence: \"\(t["init.example_status"])\"}")
        out += c(t["init.values"])
        out.append("#")
        let file = guide.fileName.map { $0.contains(" ") ? "\"\($0)\"" : $0 } ?? "FILE"
        out += c(t.text("init.sheets", ["file": file]))
        out.append("#")
        out.append(guideMarker(language: guide.language))
        out += c(t["init.remarks"])
        out.append("")
        return out
    }

    private static func questionnaireIntroduction(_ questionnaire: Questionnaire, guide: Guide) -> [String] {
        let language = guide.language
        let t = strings(language)
        var out = YAMLText.comment(t.text("init.questionnaire", ["title": questionnaire.title.text(in: language), "id": questionnaire.id,
                                                                 "version": questionnaire.version]), indent: 2, width: width)
        switch questionnaire {
        case let .maturity(q):
            let scale = q.scale.map { "\($0.level) \($0.name.text(in: language))" }.joined(separator: ", ")
            out += YAMLText.comment(t.text("init.answer_levels", ["scale": scale]), indent: 2, width: width)
        case let .compliance(q):
            var text = t["init.answer_statuses"]
            if q.id == "wto-tfa" || q.instrument?.body == "WTO" {
                text += t["init.wto"]
            }
            out += YAMLText.comment(text, indent: 2, width: width)
        }
        return out
    }

    private static func groupHeading(_ questionnaire: Questionnaire, item: String, guide: Guide) -> (id: String, lines: [String])? {
        let language = guide.language
        let heading: (String, String)?
        switch questionnaire {
        case let .maturity(q):
            heading = q.dimension(containing: item).map { ($0.id, $0.title.text(in: language)) }
        case let .compliance(q):
            heading = q.section(containing: item).map { ($0.id, $0.title.text(in: language)) }
        }
        guard let (id, title) = heading else { return nil }
        let text = "── \(title) (\(id)) "
        let rule = String(repeating: "─", count: max(3, width - 8 - text.count))
        return (id, YAMLText.comment(text + rule, indent: 6, width: width + 40))
    }

    private static func itemComments(_ questionnaire: Questionnaire, item: String, guide: Guide) -> [String] {
        let language = guide.language
        let t = strings(language)
        let c = { (text: String, hanging: Int) in YAMLText.comment(text, indent: 6, width: width, hanging: hanging) }
        var out: [String] = []
        switch questionnaire {
        case let .maturity(q):
            guard let indicator = q.indicator(item) else { return [] }
            out += c("\(indicator.title.text(in: language))", 0)
            out += c(t.text("init.question", ["text": indicator.question.text(in: language)]), 2)
            for level in MaturityLevel.range {
                guard let text = indicator.levels[level] else { continue }
                out += c(t.text("init.level", ["level": String(level), "name": t.levelName(level, in: q), "text": text.text(in: language)]), 2)
            }
            if !indicator.evidence.isEmpty {
                out += c(t.text("init.evidence", ["list": indicator.evidence.map { $0.text(in: language) }.joined(separator: "; ")]), 2)
            }
        case let .compliance(q):
            guard let provision = q.provision(item) else { return [] }
            let obligation = provision.obligation.label(t)
            let kind = provision.transitional ? t.text("sheet.transitional_kind", ["obligation": obligation]) : obligation
            out += c(t.text("init.provision", ["id": provision.id, "title": provision.title.text(in: language), "kind": kind]), 0)
            out += c(t.text("init.requirement", ["text": provision.requirement.text(in: language)]), 2)
            if !provision.evidence.isEmpty {
                out += c(t.text("init.evidence", ["list": provision.evidence.map { $0.text(in: language) }.joined(separator: "; ")]), 2)
            }
        }
        return out
    }
}

/// The questionnaire an assessment answered: the version it names when cbm has it, else the
/// current one.
func questionnaireAnswered(_ catalog: Catalog, _ id: String, version: String?) -> Questionnaire? {
    if let version, let exact = catalog.entries.first(where: { $0.questionnaire.id == id && $0.questionnaire.version == version }) {
        return exact.questionnaire
    }
    return catalog.questionnaire(id)
}

extension Answer {
    /// Maturity or compliance, from the answers themselves when no questionnaire is at hand.
    func kind(default fallback: QuestionnaireKind?) -> QuestionnaireKind {
        if let fallback { return fallback }
        let values = responses.compactMap(\.value) + [consensus].compactMap { $0 }
        if values.contains(where: { $0.complianceStatus != nil }) { return .compliance }
        if values.contains(where: { $0.maturityLevel != nil }) { return .maturity }
        return category != nil || date != nil ? .compliance : .maturity
    }
}
