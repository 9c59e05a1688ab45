/// A place in a file: 1-based line and column (columns count characters, not bytes).
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The file name as shown in messages.
    public var file: String
    /// The line, counted from 1.
    public var line: Int
    /// The column, counted in characters from 1.
    public var column: Int

    /// A place in `file`, at a 1-based `line` and `column`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    /// By file name, then line, then column: the order in which a person reads the places.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        return lhs.column < rhs.column
    }
}
