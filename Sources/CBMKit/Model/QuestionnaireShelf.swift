import Foundation

/// Questionnaire versions kept in files and read only when first asked for: the bundled
/// questionnaires, current ones (`cbm-core.yaml`) and older ones in the `archive/` folder
/// (named `ID-VERSION.yaml`, `cbm-core-2024.1.yaml`).
///
/// A run reads only the versions it uses: an assessment answered to an older version reads
/// that one file, and not the current one. Safe to use from several threads: a file is read
/// once, under a lock.
final class QuestionnaireShelf: @unchecked Sendable {
    /// One file on the shelf, and its id and version: for an archived file, what its name
    /// gives; for a current one, what the top of the file says (`YAMLHeader`).
    struct Item: Sendable {
        var id: String
        var version: String
        /// The file name shown in messages.
        var file: String
        var url: URL
        /// Whether this is a current version (a file outside `archive/`), which
        /// `Catalog.questionnaire(_:)` gives; an archived one is given only when named.
        var isCurrent: Bool = false
    }

    let items: [Item]
    /// Reads a file; nil when it has errors. Given by the loading code (`Catalog.bundled()`).
    private let read: @Sendable (Item) -> Questionnaire?
    private var cache: [Int: Questionnaire?] = [:]
    private let lock = NSLock()

    init(items: [Item], read: @escaping @Sendable (Item) -> Questionnaire?) {
        self.items = items
        self.read = read
    }

    /// The id and version a file's name gives: `cbm-core-2024.1.yaml` → (`cbm-core`, `2024.1`).
    static func idAndVersion(fileName: String) -> (id: String, version: String)? {
        let stem = fileName.hasSuffix(".yaml") ? String(fileName.dropLast(5)) : fileName.hasSuffix(".yml") ? String(fileName.dropLast(4)) : fileName
        guard let dash = stem.lastIndex(of: "-") else { return nil }
        let id = String(stem[..<dash]), version = String(stem[stem.index(after: dash)...])
        guard !id.isEmpty, !version.isEmpty, version.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return nil }
        return (id, version)
    }

    /// The item holding this id and version, if any (without reading it).
    func index(of id: String, version: String) -> Int? {
        items.firstIndex { $0.id == id && $0.version == version }
    }

    /// The items read so far (for tests: what a run reads).
    var readItems: Set<Int> {
        lock.lock()
        defer { lock.unlock() }
        return Set(cache.keys)
    }

    /// The questionnaire of item `index`, read on first use. Nil when the file has errors, or
    /// holds another id or version than its item says.
    func questionnaire(at index: Int) -> Questionnaire? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[index] { return cached }
        let item = items[index]
        var questionnaire = read(item)
        if let found = questionnaire, found.id != item.id || found.version != item.version { questionnaire = nil }
        cache[index] = questionnaire
        return questionnaire
    }
}
