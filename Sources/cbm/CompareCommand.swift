import ArgumentParser
import CBMKit

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare several countries side by side, and the two sides of a border crossing.",
        discussion: """
        Takes the assessments of several countries (the latest period of each, unless you give \
        --period) and shows: each country's index, national and cross-border sub-indexes and \
        rank; a countries × dimensions table; compliance rates per convention; the regional \
        median and quartiles of each dimension and where each country stands; the indicators \
        where the region is weakest; and what is not comparable (questionnaire versions, \
        provisional scores, questionnaires not answered).

        Assessments of one border crossing point (`scope: crossing-point`) are paired with the \
        assessment of the post they face: each indicator's two levels side by side, the gap, \
        and where each side's agencies disagree. Both sides must be given.

        text and json are printed; html and md write a report file (like `cbm report`).

        Examples:
          cbm compare examples/arventa-2026.yaml examples/borovia-2026.yaml examples/kestria-2026.yaml
          cbm compare examples/*.yaml --period 2026 --format html -o region-2026.html
          cbm compare examples/crossing-dovrak-2026.yaml examples/crossing-zelmar-2026.yaml
        """
    )

    @Argument(help: ArgumentHelp("The assessment files: several countries, and crossing points with both sides.", valueName: "FILE"),
              completion: Completion.assessment)
    var files: [String]

    @Option(help: "Compare this period (2026, 2026-H1, …) instead of the latest period of each country.")
    var period: String?

    @OptionGroup var output: SummaryOrReportOptions<CompareCommand>

    @OptionGroup var languageOption: LanguageOption

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let scored = try Loader.comparison(at: files, questionnaireDirectories: questionnaires.directories,
                                           period: period?.uppercased(), language: languageOption.language)
        printWarnings(scored.warnings)
        warnUntranslated(scored.translationGaps(language: languageOption.language), strings: languageOption.strings)
        let comparison = scored.comparison
        try output.deliver(summary: { comparison.terminalSummary(strings: languageOption.strings) }, json: { comparison.jsonText },
                           report: { try ReportRenderer.renderComparison(comparison, format: $0, language: languageOption.language) },
                           defaultStem: "comparison", inputs: files + questionnaires.files)
        finish(keeping: scored)
    }
}

extension CompareCommand: OutputHelp {
    static let outputHelp = ArgumentHelp(
        "For html and md: where to write the report (default: comparison.html or .md in the current folder; - prints it).",
        valueName: "PATH")
}
