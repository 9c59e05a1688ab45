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
