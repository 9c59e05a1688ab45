/// A YAML node with the place it starts in its file: an index into its file's
/// `YAMLNodeStore`.
///
/// cbm reads YAML through the system libyaml's event stream and composes the nodes itself
/// (`YAMLComposer`), so that it can keep duplicate keys (to report them all), refuse anchors,
/// aliases and tags, and stop on absurd nesting before it costs anything. Scalars are kept as
/// the text that was written: `version: 2026.1` stays "2026.1".
///
/// A node does not keep its store alive (no reference counting for each node handed around,
/// which cost a fifth of loading): it is valid while its `YAMLDocument` is, and is reached only
/// through `YAMLDocument.read(_:)`, which keeps the document alive meanwhile.
struct YAMLNode: Sendable {
    unowned(unsafe) let store: YAMLNodeStore
    let index: Int32

    private var record: YAMLNodeStore.Record { store.records[Int(index)] }

    /// Where the node starts.
    var location: SourceLocation {
        let record = record
        return SourceLocation(file: store.file, line: Int(record.line), column: Int(record.column))
    }

    /// A plain `~`, `null` or nothing at all.
    var isNull: Bool { record.kind == .null }

    /// The text of a scalar that is not null.
    var scalar: String? {
        let record = record
        switch record.kind {
        case .plainScalar, .quotedScalar: return store.texts[Int(record.first)]
        case .null, .sequence, .mapping: return nil
        }
    }

    /// The key-value pairs of a mapping, in the order written (duplicates included).
    var mappingPairs: YAMLPairs? {
        let record = record
        guard record.kind == .mapping else { return nil }
        return YAMLPairs(store: store, first: Int(record.first), count: Int(record.count) / 2)
    }

    /// The items of a list.
    var sequenceItems: YAMLItems? {
        let record = record
        guard record.kind == .sequence else { return nil }
        return YAMLItems(store: store, first: Int(record.first), count: Int(record.count))
    }

    /// How the node would be described to a person: "a list", "text `abc`", …
    var kindDescription: String {
        switch record.kind {
        case .sequence: return "a list"
        case .mapping: return "a set of `key: value` lines"
        case .null: return "nothing"
        case .plainScalar, .quotedScalar: return "`\(store.texts[Int(record.first)].shortenedForMessage)`"
        }
    }
}

/// A key and its value in a mapping.
struct YAMLPair: Sendable {
    var key: YAMLNode
    var value: YAMLNode
}

/// The pairs of a mapping, read from its run of children without copying them.
struct YAMLPairs: RandomAccessCollection, Sendable {
    unowned(unsafe) let store: YAMLNodeStore
    let first: Int
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> YAMLPair {
        let at = first + 2 * position
        return YAMLPair(key: YAMLNode(store: store, index: store.children[at]),
                        value: YAMLNode(store: store, index: store.children[at + 1]))
    }
}

/// The items of a list, read from its run of children without copying them.
struct YAMLItems: RandomAccessCollection, Sendable {
    unowned(unsafe) let store: YAMLNodeStore
    let first: Int
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> YAMLNode { YAMLNode(store: store, index: store.children[first + position]) }
}
