import ArgumentParser
import CBMKit
import Foundation

/// The kind of file `export-sheet` writes.
enum SheetFormat: String, ExpressibleByArgument, CaseIterable {
    case xlsx, csv
}

extension CSV.Separator: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { ["comma", "semicolon", "tab"] }
}

struct ExportSheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-sheet",
        abstract: "Write one agency's interview sheet: an Excel workbook (.xlsx) or a CSV file.",
        discussion: """
        One row per indicator and provision of the questionnaires the assessment answers: \
        the question (or, for conventions, the requirement), what each of the five levels \
        means, and three columns for the agency to fill: level or status, evidence, comment. \
        The agency's answers already in the file are filled in.

        The workbook (.xlsx, the default) has a sheet of instructions and one sheet per \
        questionnaire. The answer column has a dropdown with exactly the answers allowed; \
        the question columns are locked (sheet protection without a password), so that only \
        the answer, evidence and comment columns can be edited. It opens in Excel and in \
        LibreOffice Calc.

        The format follows the name given with -o (.xlsx or .csv), or --format. A CSV sheet \
        is UTF-8 text with a byte-order mark, so that Excel and LibreOffice show Cyrillic and \
        other scripts correctly. If Excel puts everything in one column (where the comma is \
        the decimal sign), export with --separator semicolon. Read the filled sheet back with \
        `cbm import-sheet`.

        An existing file is not replaced unless you give --force.

        Examples:
          cbm export-sheet arventa-2026.yaml --agency customs -o customs.xlsx
          cbm export-sheet arventa-2026.yaml --agency customs -o customs.csv
          cbm export-sheet arventa-2026.yaml --agency veterinary --questionnaire cbm-core --separator semicolon
          cbm export-sheet arventa-2026.yaml --agency customs --language ru -o customs.xlsx   (the workbook in Russian)
        """
    )

    @Argument(help: ArgumentHelp("The assessment file.", valueName: "FILE"), completion: Completion.assessment)
    var file: String

    @Option(help: ArgumentHelp("The agency that will fill the sheet: its id under `assessment: agencies:`.", valueName: "ID"), completion: Completion.agencyID)
    var agency: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "Where to write the sheet. Default: <file>-<agency>.xlsx (or .csv) in the current folder. Use - to print it instead (CSV unless --format xlsx).", valueName: "PATH"), completion: Completion.anyFile)
    var output: String?

    @Option(help: ArgumentHelp("xlsx (an Excel workbook) or csv. Default: from the name given with -o, else xlsx.", valueName: "FORMAT"))
    var format: SheetFormat?

    @Option(name: .customLong("questionnaire"), help: ArgumentHelp(
        "Only this questionnaire (can be given more than once). Default: every questionnaire the assessment answers.",
        valueName: "ID"), completion: Completion.questionnaireID)
    var only: [String] = []

    @Option(help: "CSV only: what separates the cells: comma (the standard), semicolon (for Excel where the comma is the decimal sign) or tab.")
    var separator: CSV.Separator?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @OptionGroup var languageOption: LanguageOption

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let loaded = try Loader.assessment(at: file, questionnaireDirectories: questionnaires.directories)
        let (assessment, catalog) = (loaded.assessment, loaded.catalog)
        printWarnings(loaded.warnings)
        let ids = only.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let named = output.flatMap { SheetFormat(rawValue: URL(fileURLWithPath: $0).pathExtension.lowercased()) }
        if let format, let named, format != named, let output {
            throw UsageError("-o \(output) names a .\(named.rawValue) file, but --format is \(format.rawValue); give the file the extension .\(format.rawValue), or leave out --format")
        }
        let chosen = format ?? named ?? (separator != nil || output == "-" ? .csv : .xlsx)
        if chosen == .xlsx, separator != nil {
            throw UsageError("--separator applies to CSV sheets only; a workbook has no separator. Leave it out, or export with --format csv")
        }
        let rows: [[String]]
        let bytes: Data
        do {
            rows = try AgencySheet.rows(for: assessment, catalog: catalog, agency: agency, questionnaires: ids, language: languageOption.language)
            switch chosen {
            case .csv: bytes = Data(CSV.write(rows, separator: separator ?? .comma).utf8)
            case .xlsx: bytes = try AgencyWorkbook.data(for: assessment, catalog: catalog, agency: agency, questionnaires: ids, language: languageOption.language)
            }
        } catch {
            throw UsageError(error.problems.map { "\(file): \($0)" })
        }
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let path = output ?? "\(stem)-\(agency).\(chosen.rawValue)"
        if path == "-" {
            switch chosen {
            case .csv:
                try emit(String(decoding: bytes, as: UTF8.self), terminator: "")
            case .xlsx:
                guard isatty(STDOUT_FILENO) == 0 else {
                    throw UsageError("a workbook is not text and cannot be shown in the terminal; give a file name with -o, or send it on: cbm export-sheet \(file) --agency \(agency) -o - --format xlsx > \(agency).xlsx")
                }
                FileHandle.standardOutput.write(bytes)
            }
            return
        }
        try OutputFile.write(bytes, to: path, overwrite: force, inputs: [file] + questionnaires.files)
        let answered = rows.dropFirst().filter { !$0[AgencySheet.Column.answer.rawValue].isEmpty }.count
        let name = DirectionControls.shown(assessment.agency(agency)?.name ?? agency)
        let t = languageOption.strings
        warnUntranslated(assessment.questionnaires.filter { ids.isEmpty || ids.contains($0.questionnaireID) }.map { ($0.questionnaireID, $0.version) },
                         catalog: catalog, strings: t)
        try emit(t.text("sheet.wrote", ["path": path, "questions": t.counted(rows.count - 1, "count.questions"), "agency": agency, "name": name,
                                        "answered": t.integer(answered)]))
        try emit(t.text(chosen == .xlsx ? "sheet.next_workbook" : "sheet.next",
                        ["first": AgencySheet.Column.answer.letter, "last": AgencySheet.Column.comment.letter, "path": path, "file": file]))
    }
}
