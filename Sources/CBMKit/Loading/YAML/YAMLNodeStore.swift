/// Every node of one YAML file, in one array: a collection's children are a run of indices
/// into it, and scalars' texts sit in an array of their own.
///
/// One store per file replaces a tree of nested values: the composer appends to three arrays
/// instead of allocating (and later reference counting) an array per list and mapping.
/// Nodes are reached through `YAMLNode`, a store and an index. docs/performance.md has the
/// figures.
final class YAMLNodeStore: Sendable {
    /// What a node is. Scalars' `plain` is false for quoted and block scalars ("…", '…', |, >).
    enum Kind: UInt8, Sendable {
        case plainScalar
        case quotedScalar
        case sequence
        case mapping
    }

    /// One node. For a scalar, `first` is the index of its text in `texts`; for a collection,
    /// `first` and `count` give its run in `children` (a mapping's run alternates key, value).
    struct Record: Sendable {
        var kind: Kind
        var line: Int32
        var column: Int32
        var first: Int32
        var count: Int32
    }

    /// The file name shown in messages.
    let file: String
    let records: [Record]
    let children: [Int32]
    let texts: [String]
    /// The index of the root node in `records`.
    let root: Int32

    init(file: String, records: [Record], children: [Int32], texts: [String], root: Int32) {
        self.file = file
        self.records = records
        self.children = children
        self.texts = texts
        self.root = root
    }

    var rootNode: YAMLNode { YAMLNode(store: self, index: root) }
}
