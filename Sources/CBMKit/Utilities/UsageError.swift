/// A problem with what was asked of cbm that is not tied to a place in a file: a missing
/// folder, an existing output file, an agency that is not declared, assessments of two
/// countries in one trend. (Problems inside a file are `Diagnostic`s, thrown as `LoadError`.)
///
/// Each problem is one sentence in words a customs official understands, saying what was
/// expected and what was given; `cbm` prints each as `error: <problem>` and exits with 1.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    /// The problems, each a sentence without the `error:` prefix; never empty.
    public var problems: [String]

    /// Several problems found together (for example every wrong `--agency`).
    public init(_ problems: [String]) { self.problems = problems }

    /// One problem.
    public init(_ problem: String) { problems = [problem] }

    /// The problems, one a line.
    public var description: String { problems.joined(separator: "\n") }
}
