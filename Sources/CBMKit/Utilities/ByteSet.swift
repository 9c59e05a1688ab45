/// A set of byte values, looked up in a table of 256 flags: the escapers' quick check of
/// whether a text holds any byte they may change (most texts hold none, and are returned as
/// they are).
struct ByteSet: Sendable {
    private let members: [Bool]

    /// The bytes for which `contains` is true.
    init(_ contains: (UInt8) -> Bool) {
        members = (0...255).map { contains(UInt8($0)) }
    }

    /// Whether `byte` is in the set.
    func contains(_ byte: UInt8) -> Bool { members[Int(byte)] }

    /// Whether any byte of `text` (in UTF-8) is in the set.
    func containsAny(of text: String) -> Bool {
        let members = members
        return text.utf8.withContiguousStorageIfAvailable { bytes in bytes.contains { members[Int($0)] } }
            ?? text.utf8.contains { members[Int($0)] }
    }
}
