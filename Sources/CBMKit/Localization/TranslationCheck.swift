/// A text of a questionnaire that has no version in the language asked for, and is therefore
/// shown in English (or its first language).
public struct MissingTranslation: Sendable, Hashable {
    /// Where the item that holds the text starts (the indicator, provision, dimension or
    /// section), or the top of the file for the questionnaire's own title and summary.
    public var location: SourceLocation
    /// The questionnaire's id.
    public var questionnaire: String
    /// The indicator, provision, dimension or section id; nil for the questionnaire itself.
    public var item: String?
    /// The field: "title", "question", "levels: 3", "evidence 2".
    public var field: String

    /// "political-will.strategy: question"
    public var what: String { (item.map { "\($0): " } ?? "\(questionnaire): ") + field }
}

/// The texts of some questionnaires that lack a language: what `cbm validate --language`
/// lists, and what the other commands summarise in one warning instead of falling back to
/// English silently.
public struct TranslationGaps: Sendable {
    /// The language looked for.
    public var language: String
    /// Every text looked at.
    public var total: Int
    /// Every text without a version in `language`, in file order.
    public var missing: [MissingTranslation]

    /// Checks questionnaires; `files` gives the file each was read from, by id and version.
    public init(_ questionnaires: [(questionnaire: Questionnaire, file: String)], language: String) {
        self.language = language
        var total = 0
        var missing: [MissingTranslation] = []
        for (questionnaire, file) in questionnaires {
            questionnaire.forEachText(file: file, counting: &total, where: { $0.translations[language] == nil }) { text in
                missing.append(MissingTranslation(location: text.location, questionnaire: questionnaire.id, item: text.item, field: text.field))
            }
        }
        self.total = total
        self.missing = missing
    }

    /// The questionnaires of an assessment (the versions it answers), or of a catalog.
    public init(questionnaires ids: [(id: String, version: String?)], catalog: Catalog, language: String) {
        var seen = Set<String>()
        let chosen = ids.compactMap { id, version -> (Questionnaire, String)? in
            guard let q = catalog.questionnaire(id, version: version), seen.insert("\(q.id) \(q.version)").inserted else { return nil }
            let file = catalog.file(of: q.id, version: q.version) ?? q.id
            return (q, file)
        }
        self.init(chosen, language: language)
    }

    /// "1,234 of the 5,678 texts checked have no Russian version." for `cbm validate`.
    public func summary(strings: StringTable) -> String {
        let values = ["total": strings.integer(total), "language": strings.languageName(language), "code": language]
        return missing.isEmpty ? strings.text("validate.translated", values) : strings.counted(missing.count, "validate.untranslated", values)
    }

    /// One warning for the whole run, or nil when nothing is missing (or the language is
    /// English, in which every plain text counts): how many texts are missing, and the first few.
    public func warning(strings: StringTable, shown: Int = 3) -> Diagnostic? {
        guard let first = missing.first else { return nil }
        let examples = missing.prefix(shown).map { "\($0.location.file):\($0.location.line) (\($0.what))" }.joined(separator: ", ")
        let message = strings.counted(missing.count, "warning.missing_texts",
                                      ["total": strings.integer(total), "language": strings.languageName(language), "code": language,
                                       "examples": examples + (missing.count > shown ? ", …" : "")])
        return .warning(first.location, message)
    }

    /// One diagnostic per missing text, for `cbm validate --language`: errors, so that the
    /// command fails until the translation is complete.
    public func diagnostics(strings: StringTable) -> [Diagnostic] {
        missing.map { text in
            .error(text.location, strings.text("warning.missing_text", ["field": text.what, "language": strings.languageName(language), "code": language]))
        }
    }
}

extension Questionnaire {
    struct LocatedText {
        var text: LocalizedText
        var location: SourceLocation
        var item: String?
        var field: String
    }

    /// Counts every translatable text in `total`, and hands `body` those that `include`
    /// picks, in file order, with the place of the item that holds them. Only those are
    /// described: checking a complete translation builds nothing.
    func forEachText(file: String, counting total: inout Int, where include: (LocalizedText) -> Bool, _ body: (LocatedText) -> Void) {
        let top = SourceLocation(file: file, line: 1, column: 1)
        var count = 0
        defer { total += count }
        func add(_ text: LocalizedText?, _ location: SourceLocation?, _ item: String?, _ field: @autoclosure () -> String) {
            guard let text else { return }
            count += 1
            if include(text) { body(LocatedText(text: text, location: location ?? top, item: item, field: field())) }
        }
        func addList(_ texts: [LocalizedText], _ location: SourceLocation?, _ item: String?, _ field: String) {
            for (index, text) in texts.enumerated() { add(text, location, item, texts.count == 1 ? field : "\(field) \(index + 1)") }
        }
        switch self {
        case let .maturity(q):
            add(q.title, top, nil, "title")
            add(q.summary, top, nil, "summary")
            add(q.notes, top, nil, "notes")
            if q.ownScale {  // the standard scale's names come with cbm
                for step in q.scale {
                    add(step.name, top, nil, "scale \(step.level) name")
                    add(step.summary, top, nil, "scale \(step.level) summary")
                }
            }
            for d in q.dimensions {
                add(d.title, d.location, d.id, "title")
                add(d.summary, d.location, d.id, "summary")
                for i in d.indicators {
                    add(i.title, i.location, i.id, "title")
                    add(i.question, i.location, i.id, "question")
                    add(i.guidance, i.location, i.id, "guidance")
                    for level in i.levels.keys.sorted() { add(i.levels[level], i.location, i.id, "levels: \(level)") }
                    for level in i.nextSteps.keys.sorted() { add(i.nextSteps[level], i.location, i.id, "next_steps: \(level)") }
                    addList(i.evidence, i.location, i.id, "evidence")
                }
            }
        case let .compliance(q):
            add(q.title, top, nil, "title")
            add(q.summary, top, nil, "summary")
            add(q.notes, top, nil, "notes")
            add(q.instrument?.name, top, nil, "instrument name")
            for s in q.sections {
                add(s.title, s.location, s.id, "title")
                add(s.summary, s.location, s.id, "summary")
                for p in s.provisions {
                    add(p.title, p.location, p.id, "title")
                    add(p.requirement, p.location, p.id, "requirement")
                    add(p.guidance, p.location, p.id, "guidance")
                    addList(p.evidence, p.location, p.id, "evidence")
                }
            }
        }
    }
}
