import ArgumentParser
import CBMKit
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new assessment: a file with every question, ready to fill in.",
        discussion: """
        Writes an assessment file in which every indicator and provision of the chosen \
        questionnaires is answered `unknown`, with its question and what each level means \
        written above it as comments. The file is valid as it is (cbm validate accepts it, \
        and it scores as unanswered); fill it in a text editor, or give each agency a sheet \
        with `cbm export-sheet`.

        An existing file is not replaced unless you give --force.

        Examples:
          cbm init --country Arventa --period 2026 --questionnaire cbm-core --questionnaire wto-tfa \\
            --agency "customs=State Customs Committee" --agency "border-guard=State Border Service" \\
            -o arventa-2026.yaml
          cbm init --country Arventa --period 2026-H1 --questionnaire cbm-core
          cbm init --country Arventa --period 2026 --questionnaire cbm-core --crossing-point Dovrak \\
            --neighbour-country Kestria --facing-crossing-point Zelmar
        """
    )

    @Option(help: "The country assessed.")
    var country: String

    @Option(help: "The period the answers describe: a year (2026), half-year (2026-H1), quarter (2026-Q3) or month (2026-05).")
    var period: String

    @Option(name: .customLong("questionnaire"), help: ArgumentHelp(
        "A questionnaire to answer (see `cbm list`). Give it once per questionnaire, or several separated by commas.",
        valueName: "ID"), completion: Completion.questionnaireID)
    var questionnaireIDs: [String] = []

    @Option(name: .customLong("agency"), help: ArgumentHelp(
        "An agency that answers, as id=name (for example \"customs=State Customs Service\"). Give it once per agency.",
        valueName: "ID=NAME"))
    var agencies: [String] = []

    @Option(help: "The title of the assessment. Default: \"<country> CBM assessment <period>\".")
    var title: String?

    @Option(name: .customLong("prepared-by"), help: "Who prepares the assessment (a working group, a mission).")
    var preparedBy: String?

    @Option(name: .customLong("crossing-point"), help: ArgumentHelp(
        "To assess one border crossing point instead of the whole country: its name. Give --neighbour-country and --facing-crossing-point with it.",
        valueName: "NAME"))
    var crossingPoint: String?

    @Option(name: .customLong("neighbour-country"), help: ArgumentHelp(
        "With --crossing-point: the country on the other side of the border, written as its own assessment writes its country.",
        valueName: "NAME"))
    var neighbourCountry: String?

    @Option(name: .customLong("facing-crossing-point"), help: ArgumentHelp(
        "With --crossing-point: the neighbour's crossing point that this one faces.", valueName: "NAME"))
    var facingCrossingPoint: String?

    @OptionGroup var destination: OutputOptions<InitCommand>

    @OptionGroup var languageOption: LanguageOption

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let loaded = Catalog.load(adding: questionnaires.directories)
        let catalog = loaded.catalog
        if loaded.diagnostics.hasErrors { throw LoadError(loaded.diagnostics) }
        printWarnings(loaded.diagnostics)
        var parsedAgencies: [Agency] = []
        var problems: [String] = []
        for text in agencies {
            do {
                parsedAgencies.append(try AssessmentTemplate.agency(parsing: text))
            } catch {
                problems += error.problems
            }
        }
        let ids = questionnaireIDs.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var point: CrossingPoint?
        let crossingOptions = [crossingPoint, neighbourCountry, facingCrossingPoint]
        if crossingOptions.contains(where: { $0 != nil }) {
            if crossingOptions.contains(where: { $0 == nil }) {
                problems.append("to assess one crossing point, give all three of --crossing-point, --neighbour-country and --facing-crossing-point")
            } else {
                point = CrossingPoint(name: crossingPoint!, neighbourCountry: neighbourCountry!, facingCrossingPoint: facingCrossingPoint!)
            }
        }
        let template = AssessmentTemplate(country: country, period: period, title: title, preparedBy: preparedBy,
                                          questionnaireIDs: ids, agencies: parsedAgencies, language: languageOption.language, crossingPoint: point)
        let path = destination.output ?? template.defaultFileName()
        let text: String
        do {
            text = try template.yaml(catalog: catalog, fileName: URL(fileURLWithPath: path).lastPathComponent)
        } catch {
            throw UsageError(problems + error.problems)
        }
        if !problems.isEmpty { throw UsageError(problems) }
        guard try destination.write(text, defaultPath: path, inputs: questionnaires.files, announce: false) else { return }
        let t = languageOption.strings
        warnUntranslated(ids.map { ($0, nil) }, catalog: catalog, strings: t)
        let counts = ids.compactMap { catalog.questionnaire($0) }.map { ($0.id, $0.itemIDs.count) }
        let total = counts.map(\.1).reduce(0, +)
        try emit(t.text("init.wrote", ["path": path, "questions": t.counted(total, "count.questions"),
                                       "counts": counts.map { "\($0.0): \($0.1)" }.joined(separator: ", ")]))
        try emit(t.text("init.next", ["path": path]))
    }
}

extension InitCommand: OutputHelp {
    static let outputHelp = ArgumentHelp(
        "Where to write the file. Default: <country>-<period>.yaml in the current folder. Use - to print it instead.", valueName: "FILE")
}
