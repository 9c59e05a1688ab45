import Foundation

/// Reading a whole file without copying it: the file is mapped into memory, read-only, for
/// the time of one call. For the bundled files cbm reads on every run, where a copy costs
/// more than the reading (`PreparedQuestionnaire`).
enum MappedFile {
    /// Calls `body` with the bytes of the regular file at `path`; nil when it cannot be
    /// opened, is not a regular file, or is larger than `maxBytes`.
    static func withBytes<T>(of path: String, maxBytes: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size <= maxBytes else { return nil }
        let size = Int(status.st_size)
        if size == 0 { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let address = mmap(nil, size, PROT_READ, flags, fd, 0), address != MAP_FAILED else { return nil }
        defer { munmap(address, size) }
        return try body(UnsafeRawBufferPointer(start: address, count: size))
    }
}
