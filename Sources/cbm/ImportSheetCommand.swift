import ArgumentParser
import CBMKit
import Foundation

struct ImportSheetCommand: ParsableCommand {
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
            // The problems, then a line saying that the file is as it was.
            let errors = error.diagnostics.errors.count
            printDiagnostics(error.diagnostics)
            printToStandardError(["\(errors) \(errors == 1 ? "problem" : "problems") found; \(into) was not changed."])
            throw ExitCode(1)
        }
        printWarnings(outcome.warnings)
        try emit(DirectionControls.shown(outcome.report))
    }
}
