import Foundation

/// For `cbm-bench prepare` (run by `scripts/regenerate-reports`) and the tests: makes the
/// prepared forms (`PreparedForm`) of the bundled questionnaires and string tables.
@_spi(Benchmarks)
public enum BundledPreparation {
    /// One prepared file: its name in the `prepared` folder and its bytes.
    public struct File: Sendable, Equatable {
        /// The file's name: `cbm-core-2026.1.cbmq`, `locale-en.cbmt`.
        public var name: String
        /// The file's bytes.
        public var data: Data
    }

    /// The prepared form of every questionnaire in `resources/questionnaires` (subfolders
    /// included) and of every string table in `resources/locales`, each read from its YAML,
    /// questionnaires first, each group in the order of the file names.
    /// - Throws: `LoadError` with every problem, when a file has an error.
    public static func files(resources: URL) throws -> [File] {
        var files: [File] = []
        var problems: [Diagnostic] = []
        for url in Loader.yamlFiles(in: resources.appendingPathComponent("questionnaires")) {
            let shown = Catalog.shownName(ofBundled: url)
            let loaded = Loader.loadQuestionnaire(at: url, shownAs: shown)
            guard let questionnaire = loaded.valueWithoutErrors, let source = Loader.readWhole(url) else {
                problems += loaded.diagnostics.isEmpty ? [.error(SourceLocation(file: shown, line: 1, column: 1), "cannot be read")] : loaded.diagnostics
                continue
            }
            files.append(File(name: PreparedQuestionnaire.fileName(id: questionnaire.id, version: questionnaire.version),
                              data: PreparedQuestionnaire.encode(questionnaire, source: source)))
        }
        for url in Loader.yamlFiles(in: resources.appendingPathComponent("locales")) {
            let shown = "locales/" + url.lastPathComponent
            let (table, found) = StringTable.read(url, shownAs: shown)
            guard let table, !found.hasErrors, table.language + ".yaml" == url.lastPathComponent, let source = Loader.readWhole(url) else {
                problems += found.hasErrors ? found : [.error(SourceLocation(file: shown, line: 1, column: 1), "cannot be read, or names another language than its file")]
                continue
            }
            files.append(File(name: StringTable.preparedFileName(code: table.language), data: table.prepared(source: source)))
        }
        if problems.hasErrors { throw LoadError(problems) }
        return files
    }

    /// Writes `files(resources:)` into `resources/prepared` (made when missing), each file
    /// replaced in one step, and removes the prepared files of what is no longer there.
    /// - Returns: the names of the files written.
    public static func write(resources: URL) throws -> [String] {
        let files = try files(resources: resources)
        let output = resources.appendingPathComponent(PreparedForm.folder)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        for file in files { try file.data.write(to: output.appendingPathComponent(file.name), options: .atomic) }
        let kept = Set(files.map(\.name))
        for name in try FileManager.default.contentsOfDirectory(atPath: output.path) where isPrepared(name) && !kept.contains(name) {
            try FileManager.default.removeItem(at: output.appendingPathComponent(name))
        }
        return files.map(\.name)
    }

    /// Whether a file name is that of a prepared form.
    public static func isPrepared(_ name: String) -> Bool { name.hasSuffix(".cbmq") || name.hasSuffix(".cbmt") }
}
