import Foundation

extension TranslationGaps {
    /// The questionnaires among `paths` (files or folders), and those answered by the
    /// assessments among them (the versions they name), for `cbm validate --language`.
    /// Files that cannot be read are left to the validation itself, which reports them.
    public init(paths: [String], questionnaireDirectories: [String], language: String) {
        let catalog = Catalog.load(adding: questionnaireDirectories).catalog
        var found: [(questionnaire: Questionnaire, file: String)] = []
        var answered: [(id: String, version: String?)] = []
        for path in paths {
            for url in Loader.expand(path).files {
                let shown = Loader.displayPath(url, given: path)
                guard let document = Loader.readYAML(at: url, shownAs: shown).value else { continue }
                switch Loader.kind(of: document) {
                case .questionnaire?:
                    if let questionnaire = Loader.decodeQuestionnaire(document, diagnostics: []).value { found.append((questionnaire, shown)) }
                case .assessment?:
                    answered += document.read { root -> [(id: String, version: String?)] in
                        var list: [(id: String, version: String?)] = []
                        guard let pairs = root.mappingPairs?.first(where: { $0.key.scalar == "questionnaires" })?.value.mappingPairs else { return list }
                        for pair in pairs {
                            guard let id = pair.key.scalar else { continue }
                            let version = pair.value.mappingPairs?.first { $0.key.scalar == "version" }?.value.scalar
                            list.append((id: id, version: version))
                        }
                        return list
                    }
                case nil:
                    continue
                }
            }
        }
        let own = Set(found.map { "\($0.questionnaire.id) \($0.questionnaire.version)" })
        let fromCatalog = TranslationGaps(questionnaires: answered.filter { a in !own.contains { $0.hasPrefix(a.id + " ") } }, catalog: catalog, language: language)
        let fromFiles = TranslationGaps(found, language: language)
        self.language = language
        total = fromFiles.total + fromCatalog.total
        missing = fromFiles.missing + fromCatalog.missing
    }
}
