import ArgumentParser
import CBMKit

enum ScoreFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score an assessment: maturity levels, compliance rates and priorities.",
        discussion: """
        Prints, for each maturity questionnaire, the overall index and each dimension's \
        score, level, target, gap and coverage; the compliance rate of each convention \
        checklist; and the gaps to target in order of priority, each with its next step.

        --format json prints every number with full precision, for other programs \
        (see docs/json-output.md). How the numbers are computed: docs/scoring.md.

        Examples:
          cbm score examples/arventa-2026.yaml
          cbm score examples/arventa-2026.yaml --format json > scores.json
        """
    )

    @Argument(help: ArgumentHelp("The assessment file to score.", valueName: "FILE"), completion: Completion.assessment)
    var file: String

    @Option(help: "text (a summary for people) or json (every number, for programs).")
    var format: ScoreFormat = .text

    @Option(help: "How many priorities the text summary lists (0 lists none, only how many gaps there are).")
    var top: Int = 10

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more, found \(top)") }
    }

    @OptionGroup var languageOption: LanguageOption

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let loaded = try Loader.assessment(at: file, questionnaireDirectories: questionnaires.directories)
        let (assessment, catalog) = (loaded.assessment, loaded.catalog)
        printWarnings(loaded.warnings)
        let card = Scorer.score(assessment, catalog: catalog, language: languageOption.language)
        if format == .text {
            warnUntranslated(assessment.questionnaires.map { ($0.questionnaireID, $0.version) }, catalog: catalog, strings: languageOption.strings)
        }
        switch format {
        case .text: try emit(card.terminalSummary(topPriorities: max(0, top), strings: languageOption.strings), terminator: "")
        case .json: try emit(card.jsonText, terminator: "")
        }
        finish(keeping: (loaded, card))
    }
}
