/// Collects the problems found while turning YAML nodes into the model.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []
    /// "Did you mean …?" is worked out for the first thousand mistakes of a file only: a
    /// damaged or hostile file with hundreds of thousands of wrong ids is then still checked
    /// in seconds (each mistake is still reported).
    private var suggestionsLeft = 1000

    /// `closestMatch(to:in:)`, while suggestions are left.
    func suggestion(for word: String, in candidates: @autoclosure () -> [String]) -> String? {
        guard suggestionsLeft > 0 else { return nil }
        suggestionsLeft -= 1
        return closestMatch(to: word, in: candidates())
    }

    func error(_ at: SourceLocation, _ message: String) { diagnostics.append(.error(at, message)) }
    func warning(_ at: SourceLocation, _ message: String) { diagnostics.append(.warning(at, message)) }
    func append(contentsOf more: [Diagnostic]) { diagnostics.append(contentsOf: more) }
}
