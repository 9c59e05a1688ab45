import ArgumentParser
import CBMKit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
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
