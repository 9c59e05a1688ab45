import Foundation

/// Writes output files so that a reader never sees half a file, nothing is overwritten unless
/// asked, and no input is ever overwritten.
///
/// What happens depends on what is at the path (links followed):
/// - nothing: the file is created, in one step;
/// - a regular file: refused, unless `overwrite`; then replaced in one step (a symbolic link
///   stays a link, to the new file), keeping the old file's permissions;
/// - a terminal, a device such as `/dev/null`, or a pipe: written to, as the shell's `>` would
///   (nothing is replaced, so `--force` is not needed);
/// - a folder, a socket, a disk (block device) or a link to nothing: refused.
/// A path that names one of `inputs` (the same file, however the path is spelled: compared
/// by device and inode) is always refused.
///
/// Every failure is a `UsageError` that names the file or folder, wherever it is written.
public enum OutputFile {
    /// The output exists and may not be replaced.
    static func alreadyExists(_ path: String) -> UsageError {
        UsageError("\(path) already exists; give --force to replace it, or choose another name with -o")
    }

    /// The output would replace a file that the command reads.
    static func sameAsInput(_ path: String, input: String) -> UsageError {
        let same = path == input ? "" : " (the same file as \(input))"
        return UsageError("\(path) is one of the files this command reads\(same); writing there would destroy it, even with --force. Choose another name with -o")
    }

    /// Writes an output file (a report, a sheet, a template) for `cbm`, as described above.
    ///
    /// - Parameters:
    ///   - text: The file's content, written as UTF-8.
    ///   - path: Where to write it.
    ///   - overwrite: Whether an existing regular file may be replaced (`--force`).
    ///   - inputs: The files the command reads; the output never replaces one of them.
    /// - Throws: `UsageError`, naming the file or folder.
    public static func write(_ text: String, to path: String, overwrite: Bool, inputs: [String] = []) throws {
        try write(Data(text.utf8), to: path, overwrite: overwrite, inputs: inputs)
    }

    /// Writes `data` as `write(_:to:overwrite:inputs:)` writes a text.
    public static func write(_ data: Data, to path: String, overwrite: Bool, inputs: [String] = []) throws {
        var info = stat()
        var linkInfo = stat()
        let exists = stat(path, &info) == 0
        let isLink = lstat(path, &linkInfo) == 0 && (linkInfo.st_mode & S_IFMT) == S_IFLNK
        if exists {
            for input in inputs {
                var inputInfo = stat()
                if stat(input, &inputInfo) == 0, inputInfo.st_dev == info.st_dev, inputInfo.st_ino == info.st_ino {
                    throw sameAsInput(path, input: input)
                }
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                if !overwrite { throw alreadyExists(path) }
                // Replace the file the path names: through a link, its target.
                let target = isLink ? URL(fileURLWithPath: path).resolvingSymlinksInPath().path : path
                try replace(data, at: target, shownAs: path, mode: info.st_mode & 0o7777)
            case S_IFCHR, S_IFIFO:
                try writeThrough(data, to: path)
            case S_IFDIR:
                throw UsageError("\(path) is a folder; give a file name with -o")
            default:
                throw UsageError("\(path) is not a file (it is a disk or a socket); cbm writes only to files, pipes and terminals. Choose another name with -o")
            }
            return
        }
        if isLink {
            throw UsageError("\(path) is a link to a file that does not exist (\((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")); cbm does not create files through such links. Choose another name with -o")
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError("the folder \(directory.path) does not exist")
        }
        let temporary = try temporaryCopy(of: data, next: url, shownAs: path)
        defer { unlink(temporary) }
        // link() fails if the file appeared meanwhile: no check-then-write race.
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { throw alreadyExists(path) }
            throw UsageError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `data` to a new hidden file next to `url`, and returns its path. Nothing is left
    /// behind when that fails (a full disk, a size limit).
    static func temporaryCopy(of data: Data, next url: URL, shownAs path: String, mode: mode_t = 0o666) throws -> String {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw UsageError("cannot write in \(directory.path): \(String(cString: strerror(errno)))")
        }
        do {
            try writeAll(data, to: descriptor)
            guard fsync(descriptor) == 0 || errno == EINVAL else { throw WriteFailure(code: errno) }
            guard close(descriptor) == 0 else {
                let code = errno
                unlink(temporary)
                throw UsageError("cannot write \(path): \(String(cString: strerror(code)))")
            }
        } catch let failure as WriteFailure {
            close(descriptor)
            unlink(temporary)
            throw UsageError("cannot write \(path): \(String(cString: strerror(failure.code)))"
                + (failure.code == ENOSPC || failure.code == EDQUOT ? "; free some space and try again (nothing was changed)" : ""))
        }
        return temporary
    }

    /// Replaces (or creates) the file at `path` in one step, with the permissions of `source`
    /// (`import-sheet` rewrites an assessment and its `.bak` copy this way).
    static func replace(_ data: Data, at path: String, permissionsFrom source: String? = nil) throws {
        let url = URL(fileURLWithPath: path)
        // Removed again when it cannot be written whole (a full disk).
        let temporary = try temporaryCopy(of: data, next: url, shownAs: path)
        defer { unlink(temporary) }
        if let source, let permissions = try? FileManager.default.attributesOfItem(atPath: source)[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary)
        }
        guard rename(temporary, url.path) == 0 else {
            throw UsageError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    private static func replace(_ data: Data, at target: String, shownAs path: String, mode: mode_t) throws {
        let temporary = try temporaryCopy(of: data, next: URL(fileURLWithPath: target), shownAs: path, mode: mode)
        defer { unlink(temporary) }
        chmod(temporary, mode)  // open() applies the umask
        guard rename(temporary, target) == 0 else {
            throw UsageError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    private static func writeThrough(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw UsageError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        do {
            try writeAll(data, to: descriptor)
        } catch let failure as WriteFailure {
            throw UsageError("cannot write \(path): \(String(cString: strerror(failure.code)))")
        }
    }

    struct WriteFailure: Error { var code: Int32 }

    static func writeAll(_ data: Data, to descriptor: Int32) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var pointer = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let written = Foundation.write(descriptor, pointer, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteFailure(code: errno)
                }
                left -= written
                pointer += written
            }
        }
    }
}
