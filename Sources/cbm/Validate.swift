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
        """
    )

    @Argument(help: ArgumentHelp("Files or folders to check (every .yaml file in a folder is checked).", valueName: "PATH"), completion: Completion.assessment)
    var paths: [String]

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let report = Validator.validate(paths: paths, questionnaireDirectories: questionnaires.directories)
        for diagnostic in report.diagnostics {
            print(diagnostic)
        }
        print(report.summary)
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
        print(catalog.listing())
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
        """
    )

    @Argument(help: ArgumentHelp("The questionnaire id (see `cbm list`).", valueName: "ID"), completion: Completion.questionnaireID)
    var id: String

    @Option(help: "Language of the texts, when the questionnaire has it (for example ru).")
    var language: String = "en"

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let (catalog, diagnostics) = Catalog.load(adding: questionnaires.directories)
        if diagnostics.hasErrors { throw fail(diagnostics) }
        guard let questionnaire = catalog.questionnaire(id) else {
            let hint = catalog.closestID(to: id).map { "did you mean `\($0)`? " } ?? ""
            throw failure("there is no questionnaire with the id `\(id)`; \(hint)known: " + catalog.ids.joined(separator: ", "))
        }
        print(QuestionnaireDocument.markdown(questionnaire, language: language))
    }
}
