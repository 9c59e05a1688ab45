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
        subcommands: [ValidateCommand.self, ListCommand.self, ScoreCommand.self, ReportCommand.self, TrendCommand.self, CompareCommand.self, ShowCommand.self, InitCommand.self, ExportSheetCommand.self, ImportSheetCommand.self]
    )
}

/// Prints to standard output, checking that every byte was written (unlike `print`, which
/// ignores errors). Throws `UsageError` when it could not.
func emit(_ text: String, terminator: String = "\n") throws {
    var bytes = Array(text.utf8)
    bytes += terminator.utf8
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { buffer in
            write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
        }
        if written < 0 {
            if errno == EINTR { continue }
            throw UsageError("cbm could not write its output (\(String(cString: strerror(errno)))); what it printed is incomplete. Free some space, or write to a file with -o, and try again.")
        }
        offset += written
    }
}

/// The files a command reads besides its main input: the questionnaire files given with
/// --questionnaires (each file of a folder). An output may never replace any of them.
extension QuestionnaireOptions {
    var files: [String] {
        directories.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
            return isDirectory.boolValue ? Loader.yamlFiles(in: URL(fileURLWithPath: path)).map(\.path) : [path]
        }
    }
}

/// Options shared by the commands that read questionnaires.
struct QuestionnaireOptions: ParsableArguments {
    @Option(name: .customLong("questionnaires"), help: ArgumentHelp(
        "A folder (or file) with your own questionnaires, used with the standard ones. A questionnaire with the same id as a standard one replaces it. Can be given more than once.",
        valueName: "DIR"), completion: Completion.anyFile)
    var directories: [String] = []
}

extension CBM {
    /// Runs the command line. The one place where a failure is printed: problems in files
    /// (`LoadError`) as `file:line:column: error: …` lines, other problems (`UsageError`, and
    /// `ComparisonError` and `UnsupportedLanguage`, which keep their data in cases or fields)
    /// as `error: …` lines, both to standard error with exit status 1; everything else (wrong
    /// arguments, `ExitCode`) as ArgumentParser prints it. `--help` and `--version` go through
    /// `emit`, which checks each write: a full disk or a closed output ends in a message and
    /// exit status 1, not in a truncated text and success.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as LoadError {
            printDiagnostics(error.diagnostics)
            Self.exit(withError: ExitCode(1))
        } catch let error as UsageError {
            printToStandardError(error.problems.map { "error: " + $0 })
            Self.exit(withError: ExitCode(1))
        } catch let error as ComparisonError {
            // Its cases keep the data (for tests and other programs); the text is its description.
            printToStandardError(["error: \(error)"])
            Self.exit(withError: ExitCode(1))
        } catch let error as UnsupportedLanguage {
            printToStandardError(["error: \(error)"])
            Self.exit(withError: ExitCode(1))
        } catch {
            guard exitCode(for: error).isSuccess else { Self.exit(withError: error) }
            let message = fullMessage(for: error)  // --help, --version
            do {
                if !message.isEmpty { try emit(message) }
            } catch let error as UsageError {
                printToStandardError(error.problems.map { "error: " + $0 })
                Self.exit(withError: ExitCode(1))
            } catch {
                Self.exit(withError: error)
            }
        }
    }
}

/// Ends a command that succeeded, keeping `values` (what it built: questionnaires, scores,
/// report text) until the process ends. The system takes the memory back whole; freeing tens
/// of thousands of objects one by one first cost 2.4 of the 46 ms of `cbm report` of the
/// example. Standard output and error are written unbuffered (`emit`, `printToStandardError`);
/// `exit` also flushes anything `print` buffered.
func finish<Values>(keeping values: Values) -> Never {
    withExtendedLifetime(values) { Foundation.exit(EXIT_SUCCESS) }
}

/// How many problems are printed; the rest are counted. A file wrong on every line can
/// have hundreds of thousands, and nobody reads past the first screens.
let shownProblems = 100

/// Prints problems in files to standard error, in file order: the first `shownProblems`,
/// then how many more.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    let sorted = diagnostics.sortedByLocation()
    var lines = sorted.prefix(shownProblems).map(\.description)
    if sorted.count > shownProblems {
        var more = String(sorted.count - shownProblems)
        for index in stride(from: more.count - 3, to: 0, by: -3) { more.insert(",", at: more.index(more.startIndex, offsetBy: index)) }
        lines.append("… and \(more) more problems (not shown).")
    }
    printToStandardError(lines)
}

/// Prints the warnings among `diagnostics` to standard error, in file order (all of them).
func printWarnings(_ diagnostics: [Diagnostic]) {
    printToStandardError(diagnostics.warnings.sortedByLocation().map(\.description))
}

/// Writes lines to standard error in one write.
func printToStandardError(_ lines: [String]) {
    guard !lines.isEmpty else { return }
    FileHandle.standardError.write(Data(lines.map { $0 + "\n" }.joined().utf8))
}

/// `--language`, shared by the commands that write text for people: checked before anything
/// is read, so that a language cbm has no texts for is an error, never silent English.
struct LanguageOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The language of the output: " + StringTable.installedLanguages.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
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
    warnUntranslated(TranslationGaps(questionnaires: questionnaires, catalog: catalog, language: strings.language), strings: strings)
}

/// Warns once when some texts lack the language of `strings`: how many, and the first few.
func warnUntranslated(_ gaps: TranslationGaps, strings: StringTable) {
    if let warning = gaps.warning(strings: strings) { printWarnings([warning]) }
}
