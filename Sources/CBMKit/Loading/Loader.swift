import Foundation

/// What a YAML file holds, told by its top-level keys.
public enum FileKind: Sendable, Equatable {
    case questionnaire
    case assessment
}

/// Reads files from disk into the model. Never throws for a bad file: every problem is
/// returned as a diagnostic with file, line and column.
public enum Loader {
    /// Reads and parses one YAML file.
    public static func readYAML(at url: URL, shownAs shown: String, limits: ReadLimits = .standard) -> (YAMLNode?, [Diagnostic]) {
        let start = SourceLocation(file: shown, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return (nil, [.error(start, "there is no such file; check the name and the folder")])
        }
        if isDirectory.boolValue {
            return (nil, [.error(start, "this is a folder, not a file")])
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > limits.maxBytes {
            // Refuse before reading it into memory.
            return (nil, [YAMLReader.tooLarge(size: size, file: shown, limits: limits)])
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            return (nil, [.error(start, "the file cannot be opened; check that you may read it")])
        }
        defer { try? handle.close() }
        let data: Data
        do {
            // At most one byte more than the limit: a device (/dev/zero), a pipe, standard input
            // or a file that grows while it is read has no size to check beforehand.
            data = try handle.read(upToCount: limits.maxBytes + 1) ?? Data()
        } catch {
            return (nil, [.error(start, "the file cannot be read: \(error.localizedDescription)")])
        }
        if data.count > limits.maxBytes {
            return (nil, [YAMLReader.tooLarge(size: nil, file: shown, limits: limits)])
        }
        let (root, diagnostics) = YAMLReader.read(data, file: shown, limits: limits)
        return (root, diagnostics)
    }

    public static func kind(of root: YAMLNode) -> FileKind? {
        guard let pairs = root.mappingPairs else { return nil }
        let keys = Set(pairs.compactMap(\.key.scalar))
        if keys.contains("assessment") || keys.contains("questionnaires") { return .assessment }
        if keys.contains("kind") || keys.contains("dimensions") || keys.contains("sections") { return .questionnaire }
        return nil
    }

    static func unknownKind(_ root: YAMLNode) -> Diagnostic {
        .error(root.location, "cannot tell what this file is: a questionnaire starts with `id:` and `kind:`, an assessment with `assessment:`; found \(root.kindDescription)")
    }

    public static func loadQuestionnaire(at url: URL, shownAs shown: String) -> (Questionnaire?, [Diagnostic]) {
        let (root, diagnostics) = readYAML(at: url, shownAs: shown)
        guard let root else { return (nil, diagnostics) }
        return decodeQuestionnaire(root, diagnostics: diagnostics)
    }

    static func decodeQuestionnaire(_ root: YAMLNode, diagnostics: [Diagnostic]) -> (Questionnaire?, [Diagnostic]) {
        let sink = DiagnosticSink()
        sink.append(contentsOf: diagnostics)
        if kind(of: root) == .assessment {
            sink.error(root.location, "this is an assessment, not a questionnaire")
            return (nil, sink.diagnostics)
        }
        let questionnaire = QuestionnaireDecoder(sink: sink).decode(root)
        return (sink.diagnostics.hasErrors ? nil : questionnaire, sink.diagnostics)
    }

    /// Loads an assessment and checks its answers against the catalog.
    public static func loadAssessment(at url: URL, shownAs shown: String, catalog: Catalog) -> (Assessment?, [Diagnostic]) {
        let (root, diagnostics) = readYAML(at: url, shownAs: shown)
        guard let root else { return (nil, diagnostics) }
        return decodeAssessment(root, file: shown, catalog: catalog, diagnostics: diagnostics)
    }

    static func decodeAssessment(_ root: YAMLNode, file: String, catalog: Catalog, diagnostics: [Diagnostic]) -> (Assessment?, [Diagnostic]) {
        let sink = DiagnosticSink()
        sink.append(contentsOf: diagnostics)
        if kind(of: root) == .questionnaire {
            sink.error(root.location, "this is a questionnaire, not an assessment")
            return (nil, sink.diagnostics)
        }
        let assessment = AssessmentDecoder(sink: sink, catalog: catalog, file: file).decode(root)
        return (sink.diagnostics.hasErrors ? nil : assessment, sink.diagnostics)
    }

    /// Loads an assessment with the bundled questionnaires and those in `questionnaireDirectories`.
    /// Throws `LoadError` with every problem when there is any error; returns the warnings otherwise.
    public static func assessment(at path: String, questionnaireDirectories: [String] = []) throws -> (assessment: Assessment, catalog: Catalog, warnings: [Diagnostic]) {
        let (catalog, catalogDiagnostics) = Catalog.load(adding: questionnaireDirectories)
        if catalogDiagnostics.hasErrors { throw LoadError(catalogDiagnostics) }
        let (assessment, diagnostics) = loadAssessment(at: URL(fileURLWithPath: path), shownAs: path, catalog: catalog)
        guard let assessment, !diagnostics.hasErrors else { throw LoadError(catalogDiagnostics + diagnostics) }
        return (assessment, catalog, catalogDiagnostics + diagnostics)
    }

    /// Loads the questionnaires (bundled, and in `questionnaireDirectories`) and several
    /// assessments, and applies `transform` to each assessment that has no error. The
    /// assessment files are read on every processor core while the questionnaires are read on
    /// a thread of their own; each is checked as soon as both are ready. Results in order.
    public static func loadAssessments<T: Sendable>(
        at paths: [String], questionnaireDirectories: [String] = [],
        then transform: @escaping @Sendable (Assessment, Catalog) -> T
    ) -> (catalog: Catalog, catalogDiagnostics: [Diagnostic], results: [(value: T?, diagnostics: [Diagnostic])]) {
        let questionnaires = Promise<(Catalog, [Diagnostic])>()
        Thread { questionnaires.fulfil(Catalog.load(adding: questionnaireDirectories)) }.start()
        let results = concurrentMap(paths.count) { index -> (value: T?, diagnostics: [Diagnostic]) in
            let (root, read) = readYAML(at: URL(fileURLWithPath: paths[index]), shownAs: paths[index])
            let (catalog, _) = questionnaires.wait()
            guard let root else { return (nil, read) }
            let (assessment, found) = decodeAssessment(root, file: paths[index], catalog: catalog, diagnostics: read)
            guard let assessment, !found.hasErrors else { return (nil, found) }
            return (transform(assessment, catalog), found)
        }
        let (catalog, catalogDiagnostics) = questionnaires.wait()
        return (catalog, catalogDiagnostics, results)
    }

    /// `transform` of 0, 1, … `count - 1`, run on every processor core; the results in order.
    public static func concurrentMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
        let results = ConcurrentResults<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results.set(index, transform(index)) }
        return results.values
    }

    // MARK: Files and folders

    /// The YAML files in a folder and its subfolders, sorted by path.
    public static func yamlFiles(in directory: URL) -> [URL] {
        // Enumerate the real folder (the given path may be a symbolic link), but name the
        // files under the path the user gave.
        let resolved = directory.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(at: resolved, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        let base = resolved.standardizedFileURL.path
        var files: [URL] = []
        for case let url as URL in enumerator where ["yaml", "yml"].contains(url.pathExtension.lowercased()) {
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent
            files.append(directory.appendingPathComponent(relative))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// A path given on the command line: the file itself, or the YAML files in a folder.
    public static func expand(_ path: String) -> (files: [URL], problems: [Diagnostic]) {
        var isDirectory: ObjCBool = false
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return ([], [.error(SourceLocation(file: path, line: 1, column: 1), "there is no such file or folder; check the name")])
        }
        guard isDirectory.boolValue else { return ([url], []) }
        let files = yamlFiles(in: url)
        if files.isEmpty {
            return ([], [.warning(SourceLocation(file: path, line: 1, column: 1), "this folder holds no .yaml files")])
        }
        return (files, [])
    }

    /// How a file found inside a folder given as `given` is shown: `given/sub/file.yaml`.
    public static func displayPath(_ url: URL, given: String) -> String {
        let base = URL(fileURLWithPath: given).standardizedFileURL.path
        let full = url.standardizedFileURL.path
        guard full.hasPrefix(base + "/") else { return given }
        let relative = String(full.dropFirst(base.count + 1))
        return given.hasSuffix("/") ? given + relative : given + "/" + relative
    }
}

/// Results filled in by several threads, each into its own slot.
private final class ConcurrentResults<T: Sendable>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [T] { lock.withLock { slots.map { $0! } } }
}

/// A value made on another thread, waited for where it is needed.
private final class Promise<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: T?

    func fulfil(_ value: T) {
        condition.lock()
        self.value = value
        condition.broadcast()
        condition.unlock()
    }

    func wait() -> T {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
