import ArgumentParser
import CBMKit
import Foundation

extension ReportFormat: ExpressibleByArgument {}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the assessment-mission report (HTML or Markdown).",
        discussion: """
        The report holds: cover, executive summary, method, findings by dimension (levels, \
        each agency's answer and evidence, disagreements, next steps), convention \
        compliance, gap analysis and roadmap, and annexes.

        html: one self-contained file with charts, to open in any browser (no internet \
        needed) and print on A4. md: the same content as Markdown text.

        An existing file is not replaced unless you give --force.

        Examples:
          cbm report examples/arventa-2026.yaml                      (writes arventa-2026.html)
          cbm report examples/arventa-2026.yaml --format md -o report.md
        """
    )

    @Argument(help: ArgumentHelp("The assessment file.", valueName: "FILE"), completion: Completion.assessment)
    var file: String

    @Option(help: "html (a web page to open, print or send) or md (Markdown text).")
    var format: ReportFormat = .html

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "Where to write the report. Default: the assessment's name with .html or .md, in the current folder. Use - to print it instead.",
        valueName: "PATH"), completion: Completion.anyFile)
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @OptionGroup var languageOption: LanguageOption

    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "Earlier assessments of the same country: the report then has a chapter on progress since the earliest.",
        valueName: "EARLIER"), completion: Completion.assessment)
    var baseline: [String] = []

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let language = languageOption.language
        let card: ScoreCard
        let catalog: Catalog
        var trend: TrendReport?
        do {
            if baseline.isEmpty {
                let (assessment, loadedCatalog, warnings) = try Loader.assessment(at: file, questionnaireDirectories: questionnaires.directories)
                printWarnings(warnings)
                catalog = loadedCatalog
                card = Scorer.score(assessment, catalog: catalog, language: language)
            } else {
                // The questionnaires and every file are read once.
                let loaded = try Loader.scoreCard(at: file, baseline: baseline, questionnaireDirectories: questionnaires.directories, language: language)
                printWarnings(loaded.warnings)
                (card, trend, catalog) = (loaded.card, loaded.trend, loaded.catalog)
            }
            let answered = card.maturity.map { (id: $0.questionnaire, version: Optional($0.version)) }
                + card.compliance.map { (id: $0.questionnaire, version: Optional($0.version)) }
            warnUntranslated(answered, catalog: catalog, strings: languageOption.strings)
        } catch let error as LoadError {
            throw fail(error.diagnostics)
        } catch {
            throw failure("\(error)")
        }
        let text: String
        do {
            text = try ReportRenderer.render(card, catalog: catalog, format: format, language: language, trend: trend)
        } catch {
            throw failure("\(error)")
        }
        try write(text, to: output ?? ReportRenderer.defaultOutputPath(for: file, format: format), force: force,
                  inputs: [file] + baseline + questionnaires.files)
    }
}

/// Writes a report atomically, or prints it for `-`; a clear message instead of a stack trace.
/// `inputs` are the files the command reads: the output never replaces one of them.
/// Returns false when the text was printed (no "Wrote …" message should follow it).
@discardableResult
func write(_ text: String, to path: String, force: Bool, inputs: [String], announce: Bool = true) throws -> Bool {
    if path == "-" {
        try emit(text, terminator: "")
        return false
    }
    do {
        try OutputFile.write(text, to: path, overwrite: force, inputs: inputs)
    } catch {
        throw failure("\(error)")
    }
    if announce { try emit("Wrote \(path) (\(text.utf8.count / 1024) KB).") }
    return true
}

/// Prints a message (not tied to a place in a file) and stops with exit code 1.
func failure(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
    return ExitCode(1)
}
