import ArgumentParser
import CBMKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a questionnaire as a readable document (Markdown), to review or print for interviews.",
        discussion: """
        Shows every dimension and indicator (question, what to look at, the five levels, \
        next steps, evidence, references), or every provision of a convention checklist.

        Examples:
          cbm show cbm-core > cbm-core.md
          cbm show wto-tfa
          cbm show cbm-core --language ru > cbm-core.ru.md
        """
    )

    @Argument(help: ArgumentHelp("The questionnaire id (see `cbm list`).", valueName: "ID"), completion: Completion.questionnaireID)
    var id: String

    @OptionGroup var languageOption: LanguageOption

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let loaded = Catalog.load(adding: questionnaires.directories)
        let catalog = loaded.catalog
        if loaded.diagnostics.hasErrors { throw LoadError(loaded.diagnostics) }
        guard let questionnaire = catalog.questionnaire(id) else {
            let hint = catalog.closestID(to: id).map { "did you mean `\($0)`? " } ?? ""
            throw UsageError("there is no questionnaire with the id `\(id)`; \(hint)known: " + catalog.ids.joined(separator: ", "))
        }
        warnUntranslated([(questionnaire.id, questionnaire.version)], catalog: catalog, strings: languageOption.strings)
        try emit(QuestionnaireDocument.markdown(questionnaire, strings: languageOption.strings))
    }
}
