/// One problem found in a file, with where it is, what was expected and what was found.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The file cannot be used until it is fixed.
        case error
        /// Worth a look; the file can still be used.
        case warning
    }

    /// How serious the problem is.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// What was expected and what was found, in plain words.
    public var message: String

    /// A problem of the given severity at `location`.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// An error at `location`.
    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    /// A warning at `location`.
    public static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// Whether the problem is an error.
    public var isError: Bool { severity == .error }

    /// `file:line:column: error: message`, the form editors and terminals recognise.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

extension Array where Element == Diagnostic {
    /// The errors only.
    public var errors: [Diagnostic] { filter(\.isError) }
    /// The warnings only.
    public var warnings: [Diagnostic] { filter { !$0.isError } }
    /// Whether any is an error.
    public var hasErrors: Bool { contains(where: \.isError) }

    /// Sorted by file, then line, then column, so that output reads top to bottom.
    public func sortedByLocation() -> [Diagnostic] {
        // Stable: diagnostics at the same place keep the order in which they were found.
        enumerated().sorted { a, b in
            a.element.location != b.element.location ? a.element.location < b.element.location : a.offset < b.offset
        }.map(\.element)
    }
}

/// Thrown by the high-level loading functions when a file has errors.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    /// Every problem found, warnings included.
    public var diagnostics: [Diagnostic]

    /// An error carrying the problems found.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// The problems, one a line, in file order.
    public var description: String {
        diagnostics.sortedByLocation().map(\.description).joined(separator: "\n")
    }
}
