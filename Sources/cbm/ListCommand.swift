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
        let loaded = Catalog.load(adding: questionnaires.directories)
        let catalog = loaded.catalog
        if loaded.diagnostics.hasErrors { throw LoadError(loaded.diagnostics) }
        printWarnings(loaded.diagnostics)
        try emit(catalog.listing())
    }
}
