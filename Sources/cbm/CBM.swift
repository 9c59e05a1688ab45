import ArgumentParser
import CBMKit
import Foundation

@main
struct CBM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cbm",
        abstract: "Coordinated Border Management self-assessment: check answers, score them, write the mission report.",
        discussion: """
        cbm works with two kinds of YAML files that you can edit in any text editor:
          • questionnaires: the questions, level descriptions and convention checklists
            (the standard ones come with cbm; see `cbm list`);
          • assessments: one country's answers for one period, agency by agency.

        Start with `cbm validate my-assessment.yaml` to find mistakes in a file.
        """,
        version: "0.1.0",
        subcommands: [Validate.self, List.self, Score.self, Report.self, TrendCommand.self, CompareCommand.self, Show.self, Init.self, ExportSheet.self, ImportSheet.self]
    )
}

/// Options shared by the commands that read questionnaires.
struct QuestionnaireOptions: ParsableArguments {
    @Option(name: .customLong("questionnaires"), help: ArgumentHelp(
        "A folder (or file) with your own questionnaires, used with the standard ones. A questionnaire with the same id as a standard one replaces it. Can be given more than once.",
        valueName: "DIR"), completion: Completion.anyFile)
    var directories: [String] = []
}

/// Prints problems to standard error and stops with exit code 1.
func fail(_ diagnostics: [Diagnostic]) -> ExitCode {
    for diagnostic in diagnostics.sortedByLocation() {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
    return ExitCode(1)
}

func printWarnings(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics.warnings.sortedByLocation() {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}

/// `--language`, shared by the commands that write text for people: checked before anything
/// is read, so that a language cbm has no texts for is an error, never silent English.
struct LanguageOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The language of the output: " + StringTable.availableLanguages.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
            + ". Texts a questionnaire lacks in that language are shown in English, with a warning.",
        valueName: "CODE"))
    var language: String = LocalizedText.defaultLanguage

    func validate() throws {
        do {
            _ = try StringTable.forLanguage(language)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// The texts of the language (checked by `validate`).
    var strings: StringTable { (try? StringTable.forLanguage(language)) ?? .english }
}

/// Warns once when texts of the questionnaires used have no version in the language asked
/// for: how many, and the first few with file and line.
func warnUntranslated(_ questionnaires: [(id: String, version: String?)], catalog: Catalog, strings: StringTable) {
    let gaps = TranslationGaps(questionnaires: questionnaires, catalog: catalog, language: strings.language)
    if let warning = gaps.warning(strings: strings) { printWarnings([warning]) }
}
