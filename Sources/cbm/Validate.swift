import ArgumentParser
import CBMKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check questionnaire and assessment files for mistakes.",
        discussion: """
        Every problem is listed with its file, line and column, what was expected and what was \
        found. Warnings (such as answers given to an older questionnaire version) are shown \
        but do not make a file invalid.

        Exit status: 0 when there are no errors, 1 when there is at least one.

        Examples:
          cbm validate examples/arventa-2026.yaml
          cbm validate examples/ questionnaires/
          cbm validate --language ru questionnaires/     (is every text translated into Russian?)
        """
    )

    @Argument(help: ArgumentHelp("Files or folders to check (every .yaml file in a folder is checked).", valueName: "PATH"), completion: Completion.assessment)
    var paths: [String]

    @Option(help: ArgumentHelp(
        "Also check that every text of the questionnaires among PATH (or answered by the assessments among PATH) has a version in this language, for example ru. Each text without one is an error.",
        valueName: "CODE"))
    var language: String?

    @OptionGroup var questionnaires: QuestionnaireOptions

    func validate() throws {
        if let language {
            do {
                _ = try StringTable.forLanguage(language)
            } catch {
                throw ValidationError("\(error)")
            }
        }
    }

    func run() throws {
        var report = Validator.validate(paths: paths, questionnaireDirectories: questionnaires.directories)
        var translationSummary: String?
        if let language {
            let strings = StringTable.english  // validate speaks English; --language is the language checked
            let gaps = TranslationGaps(paths: paths, questionnaireDirectories: questionnaires.directories, language: language)
            report.diagnostics = (report.diagnostics + gaps.diagnostics(strings: strings)).sortedByLocation()
            translationSummary = gaps.summary(strings: strings)
        }
        try emit(report.diagnostics.map { "\($0)\n" }.joined() + (translationSummary.map { $0 + "\n" } ?? "") + report.summary)
        if !report.isClean { throw ExitCode(1) }
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the questionnaires cbm knows: id, kind, version, size and title.",
        discussion: """
        Maturity questionnaires measure how far border agencies coordinate (levels 1 to 5); \
        compliance questionnaires check a country against an international convention. \
        Use the id in an assessment file under `questionnaires:`.
        """
    )

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let (catalog, diagnostics) = Catalog.load(adding: questionnaires.directories)
        if diagnostics.hasErrors { throw fail(diagnostics) }
        printWarnings(diagnostics)
        try emit(catalog.listing())
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a questionnaire as a readable document (Markdown), to review or print for interviews.",
        discussion: """
        Shows every dimension and indicator (question, what to look at, the five levels, \
        next steps, evidence, references), or every provision of a convention checklist.

        Examples:
          cbm show cbm-core > cbm-core.md
          cbm show wto-tfa
          cbm show cbm-core --language ru > cbm-core.ru.md
        """
    )

    @Argument(help: ArgumentHelp("The questionnaire id (see `cbm list`).", valueName: "ID"), completion: Completion.questionnaireID)
    var id: String

    @OptionGroup var languageOption: LanguageOption

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let (catalog, diagnostics) = Catalog.load(adding: questionnaires.directories)
        if diagnostics.hasErrors { throw fail(diagnostics) }
        guard let questionnaire = catalog.questionnaire(id) else {
            let hint = catalog.closestID(to: id).map { "did you mean `\($0)`? " } ?? ""
            throw failure("there is no questionnaire with the id `\(id)`; \(hint)known: " + catalog.ids.joined(separator: ", "))
        }
        warnUntranslated([(questionnaire.id, questionnaire.version)], catalog: catalog, strings: languageOption.strings)
        try emit(QuestionnaireDocument.markdown(questionnaire, strings: languageOption.strings))
    }
}
