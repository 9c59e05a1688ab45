import Foundation
import Mustache

/// Renders the assessment-mission report from a `ScoreCard` with the templates bundled as
/// package resources.
public enum ReportRenderer {
    /// Escapes user text for GitHub-flavoured Markdown: inert HTML, no table breaks, no
    /// accidental emphasis, links, code or lists.
    struct MarkdownContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { Markdown.escape(text) }
    }

    /// Used by every `.html` template (see `makeLibrary`) instead of Mustache's default escaping.
    struct HTMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    /// The templates of one format (`html` or `md`), parsed when that format is first used:
    /// parsing takes longer than rendering a report, so a command parses only what it writes.
    private static let htmlLibrary = makeLibrary(format: "html")
    private static let markdownLibrary = makeLibrary(format: "md")

    private static func makeLibrary(format: String) -> Result<MustacheLibrary, UsageError> {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(HTMLContentType(), named: "CBM_HTML")
        guard let directory = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            return .failure(UsageError("the report templates were not found next to the program; reinstall cbm"))
        }
        var library = MustacheLibrary()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for file in files.sorted() where file.hasSuffix(".\(format).mustache") {
            let url = directory.appendingPathComponent(file)
            do {
                var text = try String(contentsOf: url, encoding: .utf8)
                if format == "html" { text = "{{% CONTENT_TYPE: CBM_HTML}}" + text }
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            } catch {
                return .failure(UsageError("the report template \(file) could not be read: \(error)"))
            }
        }
        return .success(library)
    }

    /// The mission report. With `trend` (built from this and earlier assessments), it gains
    /// a chapter on progress since the earliest one. Throws `UnsupportedLanguage` for a
    /// language cbm has no texts for.
    public static func render(
        _ card: ScoreCard, catalog: Catalog, format: ReportFormat, language: String = LocalizedText.defaultLanguage,
        trend: TrendSeries? = nil
    ) throws -> String {
        let strings = try StringTable.forLanguage(language)
        var model = ReportViewModel(card: card, catalog: catalog, language: language, trend: trend)
        model.t = strings.templateTexts(html: format == .html, values: ["threshold": model.provisionalThreshold])
        return try render(model, template: "report.\(format.rawValue)")
    }

    /// The year-over-year report of several assessments of one country.
    public static func renderTrend(_ trend: TrendSeries, format: ReportFormat, language: String = LocalizedText.defaultLanguage) throws -> String {
        let strings = try StringTable.forLanguage(language)
        let title = trend.periods.count > 1
            ? strings.text("trend.document_title_span", ["country": trend.country, "first": trend.periods.first!, "last": trend.periods.last!])
            : strings.text("trend.document_title", ["country": trend.country])
        let document = TrendReportViewModel(title: title, generator: ReportViewModel.generatorName, pageHeaderCSS: ReportViewModel.cssString(title),
                                     language: language, t: strings.templateTexts(html: format == .html), trend: TrendViewModel(trend, strings: strings))
        return try render(document, template: "trend.\(format.rawValue)")
    }

    /// The comparison of several countries, and of the two sides of crossing points.
    /// Throws `UnsupportedLanguage` for a language cbm has no texts for.
    public static func renderComparison(_ comparison: RegionalComparison, format: ReportFormat,
                                        language: String = LocalizedText.defaultLanguage) throws -> String {
        let strings = try StringTable.forLanguage(language)
        let periods = Set(comparison.countries.map(\.period) + comparison.crossings.flatMap { $0.sides.map(\.period) }).sorted(by: PeriodOrder.precedes)
        let subject = strings.text(comparison.countries.isEmpty ? "compare.title_crossings" : "compare.title_region")
        let title = subject + (periods.isEmpty ? "" : " " + periods.joined(separator: ", "))
        let model = ComparisonViewModel(comparison, title: title, generator: ReportViewModel.generatorName, pageHeaderCSS: ReportViewModel.cssString(title),
                                        strings: strings, format: format)
        return try render(model, template: "compare.\(format.rawValue)")
    }

    static func render(_ model: Any, template: String) throws -> String {
        let library = try (template.hasSuffix(".md") ? markdownLibrary : htmlLibrary).get()
        guard let output = library.render(MustacheModel.value(of: model) ?? model, withTemplate: template) else {
            throw UsageError("the report template \(template) is missing; reinstall cbm")
        }
        // Text, charts and all: no direction control in user text can reorder what is shown.
        return DirectionControls.shown(output)
    }

    /// The file name a report gets by default: `arventa-2026.html` for `arventa-2026.yaml`.
    public static func defaultOutputPath(for assessmentPath: String, format: ReportFormat) -> String {
        let url = URL(fileURLWithPath: assessmentPath)
        return url.deletingPathExtension().lastPathComponent + "." + format.fileExtension
    }
}
