import ArgumentParser
import CBMKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the questionnaires cbm knows: id, kind, version, size and title.",
        discussion: """
        Maturity questionnaires measure how far border agencies coordinate (levels 1 to 5); \
        compliance questionnaires check a country against an international convention. \
        Use the id in an assessment file under `questionnaires:`.
        """
    )

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let (catalog, diagnostics) = Catalog.load(adding: questionnaires.directories)
        if diagnostics.hasErrors { throw LoadError(diagnostics) }
        printWarnings(diagnostics)
        try emit(catalog.listing())
    }
}
