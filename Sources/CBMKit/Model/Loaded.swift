/// What loading something gave: the value (nil when it could not be read, or had errors)
/// and every problem found, errors and warnings.
public struct Loaded<Value> {
    /// The value, or nil when it could not be read or had errors.
    public var value: Value?
    /// Every problem found, in the order found.
    public var diagnostics: [Diagnostic]

    /// A result with a value (or none) and the problems found.
    public init(_ value: Value?, _ diagnostics: [Diagnostic]) {
        self.value = value
        self.diagnostics = diagnostics
    }

    /// The value, when there is one and no diagnostic is an error.
    public var valueWithoutErrors: Value? { diagnostics.hasErrors ? nil : value }
}

extension Loaded: Sendable where Value: Sendable {}
