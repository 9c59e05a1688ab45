import Foundation

/// What a YAML file holds, told by its top-level keys.
public enum FileKind: Sendable, Equatable {
    case questionnaire
    case assessment
}

/// Reads files from disk into the model. Never throws for a bad file: every problem is
/// returned as a diagnostic with file, line and column.
public enum Loader {
    /// Reads and parses one YAML file: its root node, and every problem found.
    static func readYAML(at url: URL, shownAs shown: String, limits: ReadLimits = .standard) -> Loaded<YAMLDocument> {
        let start = SourceLocation(file: shown, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return Loaded(nil, [.error(start, "there is no such file; check the name and the folder")])
        }
        if isDirectory.boolValue {
            return Loaded(nil, [.error(start, "this is a folder, not a file")])
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > limits.maxBytes {
            // Refuse before reading it into memory.
            return Loaded(nil, [YAMLReader.tooLarge(size: size, file: shown, limits: limits)])
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            return Loaded(nil, [.error(start, "the file cannot be opened; check that you may read it")])
        }
        defer { try? handle.close() }
        if let read = readRecycled(handle, file: shown, limits: limits) { return read }
        let data: Data
        do {
            // At most one byte more than the limit: a device (/dev/zero), a pipe, standard input
            // or a file that grows while it is read has no size to check beforehand.
            data = try handle.read(upToCount: limits.maxBytes + 1) ?? Data()
        } catch {
            return Loaded(nil, [.error(start, "the file cannot be read: \(error.localizedDescription)")])
        }
        if data.count > limits.maxBytes {
            return Loaded(nil, [YAMLReader.tooLarge(size: nil, file: shown, limits: limits)])
        }
        return YAMLReader.read(data, file: shown, limits: limits)
    }

    /// Reads an open file into memory kept from the files read before (and composes it), as
    /// `readYAML` does with Foundation: at most one byte more than the limit. Nil when reading
    /// fails, so that Foundation reads it again and words the error as before.
    private static func readRecycled(_ handle: FileHandle, file: String, limits: ReadLimits) -> Loaded<YAMLDocument>? {
        let fd = handle.fileDescriptor
        var status = stat()
        let limit = limits.maxBytes + 1
        // A regular file's size, and one byte to see it end; 64 KB to start with for others.
        let expected = fstat(fd, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) + 1 : 65_536
        var memory = YAMLNodeStore.Recycler.shared.takeBytes(min(max(expected, 4096), limit))
        defer { YAMLNodeStore.Recycler.shared.giveBytes(memory) }
        var count = 0
        while count < limit {
            if count == memory.count {
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: min(memory.count * 2, limit), alignment: 16)
                larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: memory[..<count]))
                memory.deallocate()
                memory = larger
            }
            let got = read(fd, memory.baseAddress! + count, memory.count - count)
            if got < 0 && errno == EINTR { continue }
            if got < 0 {
                _ = lseek(fd, 0, SEEK_SET)
                return nil
            }
            if got == 0 { break }
            count += got
        }
        if count > limits.maxBytes {
            return Loaded(nil, [YAMLReader.tooLarge(size: nil, file: file, limits: limits)])
        }
        return YAMLReader.read(UnsafeBufferPointer(start: memory.baseAddress!.bindMemory(to: UInt8.self, capacity: count), count: count),
                               file: file, limits: limits)
    }

    /// What a file holds, told by its top-level keys; nil when they say nothing.
    static func kind(of document: YAMLDocument) -> FileKind? { document.read(kind(of:)) }

    static func kind(of root: YAMLNode) -> FileKind? {
        guard let pairs = root.mappingPairs else { return nil }
        let keys = Set(pairs.compactMap(\.key.scalar))
        if keys.contains("assessment") || keys.contains("questionnaires") { return .assessment }
        if keys.contains("kind") || keys.contains("dimensions") || keys.contains("sections") { return .questionnaire }
        return nil
    }

    static func unknownKind(_ document: YAMLDocument) -> Diagnostic {
        document.read { root in .error(root.location, "cannot tell what this file is: a questionnaire starts with `id:` and `kind:`, an assessment with `assessment:`; found \(root.kindDescription)") }
    }

    /// Loads a questionnaire: nil when it has an error; every problem found.
    public static func loadQuestionnaire(at url: URL, shownAs shown: String) -> Loaded<Questionnaire> {
        let read = readYAML(at: url, shownAs: shown)
        guard let root = read.value else { return Loaded(nil, read.diagnostics) }
        return decodeQuestionnaire(root, diagnostics: read.diagnostics)
    }

    /// Reads a bundled questionnaire: from its prepared form when `prepared` names one made
    /// from this very YAML file (`PreparedQuestionnaire`), else from the YAML. Nil when the
    /// YAML has errors (a bundled file's problems are found by the tests, not shown to users).
    static func loadBundledQuestionnaire(at url: URL, shownAs shown: String, prepared: URL?) -> Questionnaire? {
        if let prepared, let questionnaire = PreparedForm.withFiles(prepared: prepared, source: url, maxBytes: ReadLimits.standard.maxBytes, {
            PreparedQuestionnaire.decode($0, source: $1, file: shown)
        }) {
            return questionnaire
        }
        return loadQuestionnaire(at: url, shownAs: shown).value
    }

    /// A file's bytes, or nil when it cannot be read or is larger than `limits` allow.
    static func readWhole(_ url: URL, limits: ReadLimits = .standard) -> Data? {
        MappedFile.withBytes(of: url.path, maxBytes: limits.maxBytes) { Data($0) }
    }

    /// Turns a file's nodes into a questionnaire, after the problems already found in reading it.
    static func decodeQuestionnaire(_ document: YAMLDocument, diagnostics: [Diagnostic]) -> Loaded<Questionnaire> {
        document.read { decodeQuestionnaire($0, diagnostics: diagnostics) }
    }

    private static func decodeQuestionnaire(_ root: YAMLNode, diagnostics: [Diagnostic]) -> Loaded<Questionnaire> {
        let sink = DiagnosticSink()
        sink.append(contentsOf: diagnostics)
        if kind(of: root) == .assessment {
            sink.error(root.location, "this is an assessment, not a questionnaire")
            return Loaded(nil, sink.diagnostics)
        }
        let questionnaire = QuestionnaireDecoder(sink: sink).decode(root)
        return Loaded(sink.diagnostics.hasErrors ? nil : questionnaire, sink.diagnostics)
    }

    /// The problems of an assessment's nodes, after those already found in reading it: every
    /// check `decodeAssessment` makes, without keeping the responses (as `cbm validate` needs).
    static func checkAssessment(_ document: YAMLDocument, file: String, catalog: Catalog, diagnostics: [Diagnostic]) -> [Diagnostic] {
        document.read { decodeAssessment($0, file: file, catalog: catalog, diagnostics: diagnostics, checksOnly: true).diagnostics }
    }

    /// Loads an assessment and checks its answers against the catalog: nil when it has an
    /// error; every problem found.
    public static func loadAssessment(at url: URL, shownAs shown: String, catalog: Catalog) -> Loaded<Assessment> {
        let read = readYAML(at: url, shownAs: shown)
        guard let root = read.value else { return Loaded(nil, read.diagnostics) }
        return decodeAssessment(root, file: shown, catalog: catalog, diagnostics: read.diagnostics)
    }

    /// Turns a file's nodes into an assessment, after the problems already found in reading it.
    static func decodeAssessment(_ document: YAMLDocument, file: String, catalog: Catalog, diagnostics: [Diagnostic]) -> Loaded<Assessment> {
        document.read { decodeAssessment($0, file: file, catalog: catalog, diagnostics: diagnostics) }
    }

    private static func decodeAssessment(_ root: YAMLNode, file: String, catalog: Catalog, diagnostics: [Diagnostic],
                                         checksOnly: Bool = false) -> Loaded<Assessment> {
        let sink = DiagnosticSink()
        sink.append(contentsOf: diagnostics)
        if kind(of: root) == .questionnaire {
            sink.error(root.location, "this is a questionnaire, not an assessment")
            return Loaded(nil, sink.diagnostics)
        }
        var decoder = AssessmentDecoder(sink: sink, catalog: catalog, file: file)
        decoder.checksOnly = checksOnly
        let assessment = decoder.decode(root)
        return Loaded(sink.diagnostics.hasErrors ? nil : assessment, sink.diagnostics)
    }

    /// `transform` of 0, 1, … `count - 1`, run on every processor core; the results in order.
    @_spi(Benchmarks) public static func concurrentMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
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
    static func expand(_ path: String) -> (files: [URL], problems: [Diagnostic]) {
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
