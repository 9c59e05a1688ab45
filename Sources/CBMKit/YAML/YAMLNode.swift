/// A YAML node with the place it starts in its file: an index into its file's
/// `YAMLNodeStore`.
///
/// cbm reads YAML through the system libyaml's event stream and composes the nodes itself
/// (`YAMLComposer`), so that it can keep duplicate keys (to report them all), refuse anchors,
/// aliases and tags, and stop on absurd nesting before it costs anything. Scalars are kept as
/// the text that was written: `version: 2026.1` stays "2026.1".
///
/// A node does not keep its store alive (no reference counting for each node handed around,
/// which cost a fifth of loading): it holds the address of the store's contents, is valid while
/// its `YAMLDocument` is, and is reached only through `YAMLDocument.read(_:)`, which keeps the
/// document alive meanwhile. (`@unchecked Sendable`: the contents are only read.)
struct YAMLNode: @unchecked Sendable {
    let contents: UnsafePointer<YAMLNodeStore.Contents>
    let index: Int32

    init(contents: UnsafePointer<YAMLNodeStore.Contents>, index: Int32) {
        self.contents = contents
        self.index = index
    }

    private var record: YAMLNodeStore.Record { contents.pointee.records[Int(index)] }

    /// Where the node starts.
    var location: SourceLocation {
        let record = record
        return SourceLocation(file: contents.pointee.file, line: Int(record.line), column: Int(record.column))
    }

    /// The line where the node starts (`location.line`, without making a location).
    var line: Int { Int(record.line) }

    /// A plain `~`, `null` or nothing at all.
    var isNull: Bool { record.kind == .null }

    /// Whether the node is a scalar that is not null (`scalar` is not nil), without copying
    /// its text.
    var isText: Bool {
        switch record.kind {
        case .plainScalar, .quotedScalar: return true
        case .null, .sequence, .mapping: return false
        }
    }

    /// The text of a scalar that is not null.
    var scalar: String? {
        let record = record
        switch record.kind {
        case .plainScalar, .quotedScalar: return Self.text(of: record, in: contents)
        case .null, .sequence, .mapping: return nil
        }
    }

    /// The UTF-8 bytes of a scalar that is not null (the text `scalar` would make), read in
    /// place without making a `String`: for keys and words compared and dropped. Valid only
    /// while the node is (see `YAMLDocument.read(_:)`); nil for null and collections.
    var scalarBytes: UnsafeBufferPointer<UInt8>? {
        let record = record
        switch record.kind {
        case .plainScalar, .quotedScalar:
            return UnsafeBufferPointer(rebasing: contents.pointee.text[Int(record.first)..<Int(record.first) + Int(record.count)])
        case .null, .sequence, .mapping: return nil
        }
    }

    /// A scalar's text, made into a `String` from its bytes.
    private static func text(of record: YAMLNodeStore.Record, in contents: UnsafePointer<YAMLNodeStore.Contents>) -> String {
        let bytes = UnsafeBufferPointer(rebasing: contents.pointee.text[Int(record.first)..<Int(record.first) + Int(record.count)])
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The key-value pairs of a mapping, in the order written (duplicates included).
    var mappingPairs: YAMLPairs? {
        let record = record
        guard record.kind == .mapping else { return nil }
        return YAMLPairs(contents: contents, first: Int(record.first), count: Int(record.count) / 2)
    }

    /// The items of a list.
    var sequenceItems: YAMLItems? {
        let record = record
        guard record.kind == .sequence else { return nil }
        return YAMLItems(contents: contents, first: Int(record.first), count: Int(record.count))
    }

    /// How the node would be described to a person: "a list", "text `abc`", …
    var kindDescription: String {
        switch record.kind {
        case .sequence: return "a list"
        case .mapping: return "a set of `key: value` lines"
        case .null: return "nothing"
        case .plainScalar, .quotedScalar: return "`\(Self.text(of: record, in: contents).shortenedForMessage)`"
        }
    }
}

/// A key and its value in a mapping.
struct YAMLPair: Sendable {
    var key: YAMLNode
    var value: YAMLNode
}

/// The pairs of a mapping, read from its run of children without copying them.
struct YAMLPairs: RandomAccessCollection, @unchecked Sendable {
    let contents: UnsafePointer<YAMLNodeStore.Contents>
    let first: Int
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> YAMLPair {
        let at = first + 2 * position
        let children = contents.pointee.children
        return YAMLPair(key: YAMLNode(contents: contents, index: children[at]),
                        value: YAMLNode(contents: contents, index: children[at + 1]))
    }
}

/// The items of a list, read from its run of children without copying them.
struct YAMLItems: RandomAccessCollection, @unchecked Sendable {
    let contents: UnsafePointer<YAMLNodeStore.Contents>
    let first: Int
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> YAMLNode { YAMLNode(contents: contents, index: contents.pointee.children[first + position]) }
}
