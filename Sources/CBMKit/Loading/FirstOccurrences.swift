/// Remembers the line where each key of a list or mapping was first seen, so that a key seen
/// again is reported as "appears twice (first at line N)" and then skipped.
struct FirstOccurrences<Key: Hashable> {
    private var lines: [Key: Int] = [:]

    /// Records `key` as seen at `location`, unless it was seen before.
    /// - Returns: The line where `key` was first seen, or nil when this is its first time.
    mutating func earlierLine(of key: Key, at location: SourceLocation) -> Int? {
        if let first = lines[key] { return first }
        lines[key] = location.line
        return nil
    }

    /// Whether `key` was seen.
    func contains(_ key: Key) -> Bool { lines[key] != nil }
}
