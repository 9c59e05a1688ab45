import Foundation

/// Renders the assessment-mission report from a `ScoreCard` with the templates bundled as
/// package resources.
public enum ReportRenderer {
    /// Each document's template with the partials it names, parsed when the document is
    /// first written, so that a command parses only what it writes (`cbm report` neither the
    /// comparison's nor the trend report's page).
    private static let reportHTML = makeLibrary("report.html"), reportMarkdown = makeLibrary("report.md")
    private static let trendHTML = makeLibrary("trend.html"), trendMarkdown = makeLibrary("trend.md")
    private static let compareHTML = makeLibrary("compare.html"), compareMarkdown = makeLibrary("compare.md")

    private static func library(for template: String) -> Result<TemplateLibrary, UsageError> {
        switch template {
        case "report.html": return reportHTML
        case "report.md": return reportMarkdown
        case "trend.html": return trendHTML
        case "trend.md": return trendMarkdown
        case "compare.html": return compareHTML
        case "compare.md": return compareMarkdown
        default: return makeLibrary(template)
        }
    }

    private static func makeLibrary(_ template: String) -> Result<TemplateLibrary, UsageError> {
        guard let directory = BundledResources.folder("templates") else {
            return .failure(UsageError("the report templates were not found next to the program; reinstall cbm"))
        }
        do {
            return .success(try TemplateLibrary(directory: directory, template: template))
        } catch {
            return .failure(UsageError("a report template could not be read (\(error)); reinstall cbm"))
        }
    }

    /// What a template is filled with: the view model, cbm's texts, and the template's name.
    struct Input {
        var model: any TemplateValueConvertible
        var texts: TemplateTexts
        var template: String
    }

    /// The mission report. With `trend` (built from this and earlier assessments), it gains
    /// a chapter on progress since the earliest one. Throws `UnsupportedLanguage` for a
    /// language cbm has no texts for.
    public static func render(
        _ card: ScoreCard, catalog: Catalog, format: ReportFormat, language: String = LocalizedText.defaultLanguage,
        trend: TrendSeries? = nil
    ) throws -> String {
        try render(reportInput(card, catalog: catalog, format: format, language: language, trend: trend))
    }

    static func reportInput(_ card: ScoreCard, catalog: Catalog, format: ReportFormat, language: String, trend: TrendSeries?) throws -> Input {
        let strings = try StringTable.forLanguage(language)
        let model = ReportViewModel(card: card, catalog: catalog, language: language, trend: trend)
        let texts = TemplateTexts(strings: strings, html: format == .html, values: ["threshold": model.provisionalThreshold])
        return Input(model: model, texts: texts, template: "report.\(format.rawValue)")
    }

    /// The year-over-year report of several assessments of one country.
    public static func renderTrend(_ trend: TrendSeries, format: ReportFormat, language: String = LocalizedText.defaultLanguage) throws -> String {
        try render(trendInput(trend, format: format, language: language))
    }

    static func trendInput(_ trend: TrendSeries, format: ReportFormat, language: String) throws -> Input {
        let strings = try StringTable.forLanguage(language)
        let title = trend.periods.count > 1
            ? strings.text("trend.document_title_span", ["country": trend.country, "first": trend.periods.first!, "last": trend.periods.last!])
            : strings.text("trend.document_title", ["country": trend.country])
        let document = TrendReportViewModel(title: title, generator: ReportViewModel.generatorName, pageHeaderCSS: ReportViewModel.cssString(title),
                                            language: language, trend: TrendViewModel(trend, strings: strings))
        return Input(model: document, texts: TemplateTexts(strings: strings, html: format == .html), template: "trend.\(format.rawValue)")
    }

    /// The comparison of several countries, and of the two sides of crossing points.
    /// Throws `UnsupportedLanguage` for a language cbm has no texts for.
    public static func renderComparison(_ comparison: RegionalComparison, format: ReportFormat,
                                        language: String = LocalizedText.defaultLanguage) throws -> String {
        try render(comparisonInput(comparison, format: format, language: language))
    }

    static func comparisonInput(_ comparison: RegionalComparison, format: ReportFormat, language: String) throws -> Input {
        let strings = try StringTable.forLanguage(language)
        let periods = Set(comparison.countries.map(\.period) + comparison.crossings.flatMap { $0.sides.map(\.period) }).sorted(by: PeriodOrder.precedes)
        let subject = strings.text(comparison.countries.isEmpty ? "compare.title_crossings" : "compare.title_region")
        let title = subject + (periods.isEmpty ? "" : " " + periods.joined(separator: ", "))
        let model = ComparisonViewModel(comparison, title: title, generator: ReportViewModel.generatorName, pageHeaderCSS: ReportViewModel.cssString(title),
                                        strings: strings, format: format)
        return Input(model: model, texts: TemplateTexts(strings: strings, html: format == .html), template: "compare.\(format.rawValue)")
    }

    /// The input's model in its template; the templates find cbm's own texts under `t`
    /// (`{{{t.report.title}}}`).
    static func render(_ input: Input) throws -> String {
        let library = try library(for: input.template).get()
        var root = input.model.templateValue
        if case var .object(object) = root {
            object["t"] = .texts(input.texts, prefix: "")
            root = .object(object)
        }
        guard let output = library.render(root, template: input.template) else {
            throw UsageError("the report template \(input.template) is missing; reinstall cbm")
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
