/// Remembers the line where each key of a list or mapping was first seen, so that a key seen
/// again is reported as "appears twice (first at line N)" and then skipped.
///
/// The first few keys are kept in a list searched in order (an answer's handful of agencies
/// needs no hashing and no table); past `linearLimit` keys, in a dictionary.
struct FirstOccurrences<Key: Hashable> {
    static var linearLimit: Int { 16 }
    private var few: [(key: Key, line: Int)] = []
    private var many: [Key: Int] = [:]

    /// - Parameter capacity: how many keys are expected (room is made for them at once).
    init(capacity: Int = 0) {
        if capacity > Self.linearLimit { many.reserveCapacity(capacity) } else { few.reserveCapacity(capacity) }
    }

    /// Records `key` as seen on `line`, unless it was seen before.
    /// - Returns: The line where `key` was first seen, or nil when this is its first time.
    mutating func earlierLine(of key: Key, line: Int) -> Int? {
        if many.isEmpty {
            if let seen = few.first(where: { $0.key == key }) { return seen.line }
            if few.count < Self.linearLimit {
                few.append((key, line))
                return nil
            }
            for (key, line) in few { many[key] = line }
        }
        if let first = many[key] { return first }
        many[key] = line
        return nil
    }

    /// Records `key` as seen at `location`, unless it was seen before.
    /// - Returns: The line where `key` was first seen, or nil when this is its first time.
    mutating func earlierLine(of key: Key, at location: SourceLocation) -> Int? {
        earlierLine(of: key, line: location.line)
    }

    /// Whether `key` was seen.
    func contains(_ key: Key) -> Bool {
        many.isEmpty ? few.contains { $0.key == key } : many[key] != nil
    }
}
