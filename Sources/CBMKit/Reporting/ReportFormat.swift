/// The two formats of a report file: a web page (HTML) or Markdown text.
public enum ReportFormat: String, Sendable, CaseIterable {
    case html
    case md

    /// The file name extension: `html` or `md`.
    public var fileExtension: String { rawValue }
}
