import ArgumentParser
import CBMKit
import Foundation

extension CSV.Separator: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { ["comma", "semicolon", "tab"] }
}

struct ExportSheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-sheet",
        abstract: "Write one agency's interview sheet (CSV for Excel or LibreOffice).",
        discussion: """
        One row per indicator and provision of the questionnaires the assessment answers: \
        the question (or, for conventions, the requirement), what each of the five levels \
        means, and three columns for the agency to fill: level or status, evidence, comment. \
        The agency's answers already in the file are filled in.

        The sheet is UTF-8 text with a byte-order mark, so that Excel and LibreOffice show \
        Cyrillic and other scripts correctly. If Excel puts everything in one column (where \
        the comma is the decimal sign), export with --separator semicolon. Read the filled \
        sheet back with `cbm import-sheet`.

        An existing file is not replaced unless you give --force.

        Examples:
          cbm export-sheet arventa-2026.yaml --agency customs -o customs.csv
          cbm export-sheet arventa-2026.yaml --agency veterinary --questionnaire cbm-core --separator semicolon
          cbm export-sheet arventa-2026.yaml --agency customs --language ru -o customs.csv   (the sheet in Russian)
        """
    )

    @Argument(help: ArgumentHelp("The assessment file.", valueName: "FILE"), completion: Completion.assessment)
    var file: String

    @Option(help: ArgumentHelp("The agency that will fill the sheet: its id under `assessment: agencies:`.", valueName: "ID"), completion: Completion.agencyID)
    var agency: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "Where to write the sheet. Default: <file>-<agency>.csv in the current folder. Use - to print it instead.", valueName: "PATH"), completion: Completion.anyFile)
    var output: String?

    @Option(name: .customLong("questionnaire"), help: ArgumentHelp(
        "Only this questionnaire (can be given more than once). Default: every questionnaire the assessment answers.",
        valueName: "ID"), completion: Completion.questionnaireID)
    var only: [String] = []

    @Option(help: "What separates the cells: comma (the standard), semicolon (for Excel where the comma is the decimal sign) or tab.")
    var separator: CSV.Separator = .comma

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @OptionGroup var languageOption: LanguageOption

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let (assessment, catalog, warnings) = try Loader.assessment(at: file, questionnaireDirectories: questionnaires.directories)
        printWarnings(warnings)
        let ids = only.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let rows: [[String]]
        do {
            rows = try AgencySheet.rows(for: assessment, catalog: catalog, agency: agency, questionnaires: ids, language: languageOption.language)
        } catch {
            throw UsageError(error.problems.map { "\(file): \($0)" })
        }
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let path = output ?? "\(stem)-\(agency).csv"
        guard try write(CSV.write(rows, separator: separator), to: path, force: force,
                        inputs: [file] + questionnaires.files, announce: false) else { return }
        let answered = rows.dropFirst().filter { !$0[AgencySheet.Column.answer.rawValue].isEmpty }.count
        let name = DirectionControls.shown(assessment.agency(agency)?.name ?? agency)
        let t = languageOption.strings
        warnUntranslated(assessment.questionnaires.filter { ids.isEmpty || ids.contains($0.questionnaireID) }.map { ($0.questionnaireID, $0.version) },
                         catalog: catalog, strings: t)
        try emit(t.text("sheet.wrote", ["path": path, "questions": t.counted(rows.count - 1, "count.questions"), "agency": agency, "name": name,
                                        "answered": t.integer(answered)]))
        try emit(t.text("sheet.next", ["first": AgencySheet.Column.answer.letter, "last": AgencySheet.Column.comment.letter, "path": path, "file": file]))
    }
}
