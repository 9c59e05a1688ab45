import Foundation

/// Writes files so that a reader never sees half a file, and nothing is overwritten unless
/// asked: the data goes to a temporary file in the same folder, which then takes the file's
/// name in one step (`rename`, or `link` when an existing file must not be replaced).
///
/// Every failure is a `UsageError` that names the file or folder, wherever it is written.
public enum OutputFile {
    /// Writes a new output file (a report, a sheet, a template) for `cbm`.
    ///
    /// - Parameters:
    ///   - text: The file's content, written as UTF-8.
    ///   - path: Where to write it; its folder must exist.
    ///   - overwrite: Whether an existing file may be replaced (`--force`).
    /// - Throws: `UsageError` when the file exists and `overwrite` is false, when `path` is a
    ///   folder, or when the folder is missing or cannot be written.
    public static func write(_ text: String, to path: String, overwrite: Bool) throws(UsageError) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw UsageError("\(path) is a folder; give a file name with -o") }
            if !overwrite { throw exists(path) }
        }
        guard FileManager.default.fileExists(atPath: directory.path) else {
            throw UsageError("the folder \(directory.path) does not exist")
        }
        try write(Data(text.utf8), to: path, overwrite: overwrite)
    }

    /// Replaces (or, without `overwrite`, creates) a file in one step.
    ///
    /// - Parameter source: A file whose permissions the new file gets (the file it replaces).
    static func write(_ data: Data, to path: String, overwrite: Bool = true, permissionsFrom source: String? = nil) throws(UsageError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            throw UsageError("cannot write in \(directory.path): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        if let source, let permissions = try? FileManager.default.attributesOfItem(atPath: source)[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
        }
        if overwrite {
            guard rename(temporary.path, url.path) == 0 else {
                throw UsageError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } else {
            // link() fails if the file appeared meanwhile: no check-then-write race.
            guard link(temporary.path, url.path) == 0 else {
                if errno == EEXIST { throw exists(path) }
                throw UsageError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
        }
    }

    private static func exists(_ path: String) -> UsageError {
        UsageError("\(path) already exists; give --force to replace it, or choose another name with -o")
    }
}
