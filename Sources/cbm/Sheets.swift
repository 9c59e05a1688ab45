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

struct ExportSheet: ParsableCommand {
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
        let assessment: Assessment
        let catalog: Catalog
        do {
            let loaded = try Loader.assessment(at: file, questionnaireDirectories: questionnaires.directories)
            printWarnings(loaded.warnings)
            (assessment, catalog) = (loaded.assessment, loaded.catalog)
        } catch let error as LoadError {
            throw fail(error.diagnostics)
        }
        let ids = only.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let named = output.flatMap { SheetFormat(rawValue: URL(fileURLWithPath: $0).pathExtension.lowercased()) }
        if let format, let named, format != named, let output {
            throw failure("-o \(output) names a .\(named.rawValue) file, but --format is \(format.rawValue); give the file the extension .\(format.rawValue), or leave out --format")
        }
        let chosen = format ?? named ?? (separator != nil || output == "-" ? .csv : .xlsx)
        if chosen == .xlsx, separator != nil {
            throw failure("--separator applies to CSV sheets only; a workbook has no separator. Leave it out, or export with --format csv")
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
            throw failures(error.problems.map { "\(file): \($0)" })
        }
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let path = output ?? "\(stem)-\(agency).\(chosen.rawValue)"
        if path == "-" {
            switch chosen {
            case .csv:
                try emit(String(decoding: bytes, as: UTF8.self), terminator: "")
            case .xlsx:
                guard isatty(STDOUT_FILENO) == 0 else {
                    throw failure("a workbook is not text and cannot be shown in the terminal; give a file name with -o, or send it on: cbm export-sheet \(file) --agency \(agency) -o - --format xlsx > \(agency).xlsx")
                }
                FileHandle.standardOutput.write(bytes)
            }
            return
        }
        do {
            try OutputFile.write(bytes, to: path, overwrite: force, inputs: [file] + questionnaires.files)
        } catch {
            throw failure("\(error)")
        }
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

struct ImportSheet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-sheet",
        abstract: "Merge an agency's filled sheet into the assessment file.",
        discussion: """
        Each row becomes the answer of the agency named in its `agency` column: its level or \
        status, evidence and comment. A row left empty removes that agency's answer. The \
        answers of other agencies, agreed levels (consensus), notes and everything else in \
        the file are kept.

        If any row cannot be read (a level of 7, an unknown id, a missing column, …), every \
        such row is listed with its row and column, and the file is not changed. If the \
        sheet changes nothing, the file is not rewritten. Otherwise the previous version \
        is kept as FILE.bak and the file is rewritten in cbm's standard layout (comments \
        other than those cbm writes are not kept).

        The sheet may be the Excel workbook (.xlsx) that `cbm export-sheet` wrote, as Excel \
        or LibreOffice Calc saved it: rows may be sorted or filtered, sheets reordered or \
        added. Hidden rows and questions without a row are reported. A CSV sheet may be \
        separated by commas, semicolons or tabs (found from its header row), with or \
        without a byte-order mark; it must be UTF-8 (in Excel: Save As → "CSV UTF-8 (Comma \
        delimited)"). Sheets exported with --language ru are read too: Russian column \
        headers and answers such as «частично», «полностью», «неприменимо» (see \
        docs/translating.md).

        Examples:
          cbm import-sheet customs.xlsx --into arventa-2026.yaml --dry-run
          cbm import-sheet customs.xlsx --into arventa-2026.yaml
          cbm import-sheet customs.csv --into arventa-2026.yaml --dry-run
          cbm import-sheet customs.csv --into arventa-2026.yaml
        """
    )

    @Argument(help: ArgumentHelp("The filled sheet: an Excel workbook (.xlsx) or a CSV file.", valueName: "SHEET"), completion: Completion.sheet)
    var sheet: String

    @Option(help: ArgumentHelp("The assessment file to merge the answers into.", valueName: "FILE"), completion: Completion.assessment)
    var into: String

    @Flag(name: .customLong("dry-run"), help: "Show what would change, and write nothing.")
    var dryRun = false

    @Flag(name: .customLong("no-backup"), help: "Do not keep the previous version as FILE.bak.")
    var noBackup = false

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let outcome: SheetImporter.Outcome
        do {
            outcome = try SheetImporter.run(sheet: sheet, into: into, questionnaireDirectories: questionnaires.directories,
                                            dryRun: dryRun, backup: !noBackup)
        } catch let error as LoadError {
            let errors = error.diagnostics.errors.count
            let result = fail(error.diagnostics)
            FileHandle.standardError.write(Data("\(errors) \(errors == 1 ? "problem" : "problems") found; \(into) was not changed.\n".utf8))
            throw result
        } catch let error as InterviewError {
            throw failures(error.problems)
        }
        printWarnings(outcome.warnings)
        try emit(DirectionControls.shown(outcome.report))
    }
}
