import ArgumentParser
import CBMKit
import Foundation

struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Compare several assessments of one country over the years.",
        discussion: """
        Orders the assessments by period and shows, for the overall index, each dimension \
        and each indicator: the score in each period, the change from the period before, \
        regressions (a drop of 0.5 or more), and progress to target; compliance rates over \
        time; and what changed between questionnaire versions (items are matched by id).

        text and json are printed; html and md write a report file (like `cbm report`).

        Examples:
          cbm trend examples/arventa-2024.yaml examples/arventa-2025.yaml examples/arventa-2026.yaml
          cbm trend examples/arventa-*.yaml --format html -o arventa-trend.html
          cbm trend examples/arventa-*.yaml --format html --language ru -o arventa-trend.ru.html
        """
    )

    @Argument(help: ArgumentHelp("The assessment files of one country, in any order.", valueName: "FILE"), completion: Completion.assessment)
    var files: [String]

    @OptionGroup var output: SummaryOrReportOptions<TrendCommand>

    @OptionGroup var languageOption: LanguageOption

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let scored = try Loader.trend(at: files, questionnaireDirectories: questionnaires.directories, language: languageOption.language)
        printWarnings(scored.warnings)
        let trend = scored.trend
        warnUntranslated(scored.translationGaps(language: languageOption.language), strings: languageOption.strings)
        let slug = trend.country.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        try output.deliver(summary: { trend.terminalSummary(strings: languageOption.strings) }, json: { trend.jsonText },
                           report: { try ReportRenderer.renderTrend(trend, format: $0, language: languageOption.language) },
                           defaultStem: "\(slug)-trend", inputs: files + questionnaires.files)
        finish(keeping: scored)
    }
}

extension TrendCommand: OutputHelp {
    static let outputHelp = ArgumentHelp(
        "For html and md: where to write the report (default: <country>-trend.html or .md in the current folder; - prints it).",
        valueName: "PATH")
}
