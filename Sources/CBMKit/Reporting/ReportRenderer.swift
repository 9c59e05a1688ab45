import Foundation

/// Renders the assessment-mission report from a `ScoreCard` with the templates bundled as
/// package resources.
public enum ReportRenderer {
    /// The templates of one format (`html` or `md`), parsed when that format is first used,
    /// so that a command parses only what it writes.
    private static let htmlLibrary = makeLibrary(format: "html")
    private static let markdownLibrary = makeLibrary(format: "md")

    private static func makeLibrary(format: String) -> Result<TemplateLibrary, UsageError> {
        guard let directory = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            return .failure(UsageError("the report templates were not found next to the program; reinstall cbm"))
        }
        do {
            return .success(try TemplateLibrary(directory: directory, format: format))
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
        let library = try (input.template.hasSuffix(".md") ? markdownLibrary : htmlLibrary).get()
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
