import ArgumentParser
import CBMKit
import Foundation

extension ReportFormat: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
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

    @OptionGroup var destination: OutputOptions<ReportCommand>

    @OptionGroup var languageOption: LanguageOption

    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "Earlier assessments of the same country: the report then has a chapter on progress since the earliest.",
        valueName: "EARLIER"), completion: Completion.assessment)
    var baseline: [String] = []

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let language = languageOption.language
        // The questionnaires and every file are read once.
        let scored = try Loader.scoreCard(at: file, baseline: baseline, questionnaireDirectories: questionnaires.directories, language: language)
        printWarnings(scored.warnings)
        warnUntranslated(scored.translationGaps(language: language), strings: languageOption.strings)
        let text = try ReportRenderer.render(scored.card, catalog: scored.catalog, format: format, language: language, trend: scored.trend)
        try destination.write(text, defaultPath: ReportRenderer.defaultOutputPath(for: file, format: format),
                              inputs: [file] + baseline + questionnaires.files)
        finish(keeping: scored)
    }
}

extension ReportCommand: OutputHelp {
    static let outputHelp = ArgumentHelp(
        "Where to write the report. Default: the assessment's name with .html or .md, in the current folder. Use - to print it instead.",
        valueName: "PATH")
}
