import ArgumentParser
import CBMKit
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
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
        """
    )

    @Option(help: "The country assessed.")
    var country: String

    @Option(help: "The period the answers describe: a year (2026), half-year (2026-H1), quarter (2026-Q3) or month (2026-05).")
    var period: String

    @Option(name: .customLong("questionnaire"), help: ArgumentHelp(
        "A questionnaire to answer (see `cbm list`). Give it once per questionnaire, or several separated by commas.",
        valueName: "ID"))
    var questionnaireIDs: [String] = []

    @Option(name: .customLong("agency"), help: ArgumentHelp(
        "An agency that answers, as id=name (for example \"customs=State Customs Service\"). Give it once per agency.",
        valueName: "ID=NAME"))
    var agencies: [String] = []

    @Option(help: "The title of the assessment. Default: \"<country> CBM assessment <period>\".")
    var title: String?

    @Option(name: .customLong("prepared-by"), help: "Who prepares the assessment (a working group, a mission).")
    var preparedBy: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "Where to write the file. Default: <country>-<period>.yaml in the current folder. Use - to print it instead.", valueName: "FILE"))
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @Option(help: "Language of the questions written as comments, when the questionnaires have it (for example ru).")
    var language: String = "en"

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let (catalog, diagnostics) = Catalog.load(adding: questionnaires.directories)
        if diagnostics.hasErrors { throw fail(diagnostics) }
        printWarnings(diagnostics)
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
        let template = AssessmentTemplate(country: country, period: period, title: title, preparedBy: preparedBy,
                                          questionnaireIDs: ids, agencies: parsedAgencies, language: language)
        let path = output ?? template.defaultFileName()
        let text: String
        do {
            text = try template.yaml(catalog: catalog, fileName: URL(fileURLWithPath: path).lastPathComponent)
        } catch {
            problems += error.problems
            throw failures(problems)
        }
        if !problems.isEmpty { throw failures(problems) }
        guard try write(text, to: path, force: force, inputs: questionnaires.files, announce: false) else { return }
        let counts = ids.compactMap { catalog.questionnaire($0) }.map { ($0.id, $0.itemIDs.count) }
        let total = counts.map(\.1).reduce(0, +)
        try emit("Wrote \(path) with \(total) questions (" + counts.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "), each answered `unknown` for now.")
        try emit("Next: fill it in a text editor, or give each agency a sheet: cbm export-sheet \(path) --agency ID -o ID.csv")
    }
}

/// Prints several problems (not tied to a place in a file) and stops with exit code 1.
func failures(_ messages: [String]) -> ExitCode {
    for message in messages { FileHandle.standardError.write(Data(("error: " + message + "\n").utf8)) }
    return ExitCode(1)
}
