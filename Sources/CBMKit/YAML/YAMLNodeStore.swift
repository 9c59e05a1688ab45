/// Every node of one YAML file, in one buffer: a collection's children are a run of indices
/// into it, and scalars' texts sit, as UTF-8 bytes, in a buffer of their own.
///
/// One store per file replaces a tree of nested values: the composer appends to three buffers
/// instead of allocating (and later reference counting) an array per list and mapping, and
/// the store takes those buffers over as they are.
/// Nodes are reached through `YAMLNode`, the address of the store's contents and an index.
/// When the store goes, its buffers go back to `Recycler` for the next file.
/// docs/performance.md has the figures.
/// `@unchecked Sendable`: the buffers are written by the composer before the store exists, and
/// only read afterwards.
final class YAMLNodeStore: @unchecked Sendable {
    /// What a node is. Quoted scalars are also block scalars ("…", '…', |, >); a plain `~`,
    /// `null` or nothing at all is `null`.
    enum Kind: UInt8, Sendable {
        case plainScalar
        case quotedScalar
        case null
        case sequence
        case mapping
    }

    /// One node. For a scalar, `first` and `count` give its text in `text` (UTF-8, made into a
    /// `String` only when read: most texts are keys, compared and dropped); for a collection,
    /// `first` and `count` give its run in `children` (a mapping's run alternates key, value).
    struct Record: Sendable {
        var kind: Kind
        var line: Int32
        var column: Int32
        var first: Int32
        var count: Int32
    }

    /// What nodes read: the file name and the buffers. Fixed buffers rather than arrays:
    /// reading an array held by a class retains and releases its storage on every access, and
    /// nodes are read millions of times.
    struct Contents {
        /// The file name shown in messages.
        let file: String
        let records: UnsafeMutableBufferPointer<Record>
        let children: UnsafeMutableBufferPointer<Int32>
        /// The texts of the scalars, one after the other, in UTF-8.
        let text: UnsafeMutableBufferPointer<UInt8>
    }

    /// The contents, at an address that stays the same while the store lives. Nodes hold this
    /// address rather than the store, so that reading one retains and releases nothing (a
    /// reference to the store, even `unowned(unsafe)`, was retained for each pair read).
    let contents: UnsafeMutablePointer<Contents>
    /// The index of the root node in `records`.
    let root: Int32

    /// The buffers themselves, given back to the recycler when the store goes.
    private let buffers: Buffers

    /// Takes over the buffers the composer filled (they are recycled with the store).
    init(file: String, buffers: Buffers, root: Int32) {
        contents = .allocate(capacity: 1)
        contents.initialize(to: Contents(file: file, records: buffers.records.values, children: buffers.children.values,
                                         text: buffers.text.values))
        self.buffers = buffers
        self.root = root
    }

    /// How many nodes the file has.
    var nodeCount: Int { contents.pointee.records.count }

    deinit {
        contents.deinitialize(count: 1)
        contents.deallocate()
        Recycler.shared.give(buffers)
    }
}

/// A file's nodes, owned: the one thing that keeps a `YAMLNodeStore` alive.
struct YAMLDocument: Sendable {
    let store: YAMLNodeStore

    /// Reads the nodes from the root down while the document is kept alive. Nodes must not be
    /// kept after `body` returns.
    func read<Result>(_ body: (YAMLNode) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(store) { try body(YAMLNode(contents: UnsafePointer(store.contents), index: store.root)) }
    }
}
