import Foundation
import Mustache

public enum ReportFormat: String, Sendable, CaseIterable {
    case html
    case md

    public var fileExtension: String { rawValue }
}

public struct ReportError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

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

    private static func makeLibrary(format: String) -> Result<MustacheLibrary, ReportError> {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(HTMLContentType(), named: "CBM_HTML")
        guard let directory = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            return .failure(ReportError(description: "the report templates were not found next to the program; reinstall cbm"))
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
                return .failure(ReportError(description: "the report template \(file) could not be read: \(error)"))
            }
        }
        return .success(library)
    }

    /// The mission report. With `trend` (built from this and earlier assessments), it gains
    /// a chapter on progress since the earliest one. Throws `UnsupportedLanguage` for a
    /// language cbm has no texts for.
    public static func render(
        _ card: ScoreCard, catalog: Catalog, format: ReportFormat, language: String = LocalizedText.defaultLanguage,
        trend: TrendReport? = nil
    ) throws -> String {
        let strings = try StringTable.forLanguage(language)
        var model = ReportModel(card: card, catalog: catalog, language: language, trend: trend)
        model.t = strings.templateTexts(html: format == .html, values: ["threshold": model.provisionalThreshold])
        return try render(model, template: "report.\(format.rawValue)")
    }

    /// The year-over-year report of several assessments of one country.
    public static func renderTrend(_ trend: TrendReport, format: ReportFormat, language: String = LocalizedText.defaultLanguage) throws -> String {
        let strings = try StringTable.forLanguage(language)
        let title = trend.periods.count > 1
            ? strings.text("trend.document_title_span", ["country": trend.country, "first": trend.periods.first!, "last": trend.periods.last!])
            : strings.text("trend.document_title", ["country": trend.country])
        let document = TrendDocument(title: title, generator: ReportModel.generatorName, pageHeaderCSS: ReportModel.cssString(title),
                                     language: language, t: strings.templateTexts(html: format == .html), trend: TrendModel(trend, strings: strings))
        return try render(document, template: "trend.\(format.rawValue)")
    }

    /// The comparison of several countries, and of the two sides of crossing points.
    public static func renderComparison(_ comparison: RegionalComparison, format: ReportFormat) throws -> String {
        let periods = Set(comparison.countries.map(\.period) + comparison.crossings.flatMap { $0.sides.map(\.period) }).sorted(by: PeriodOrder.precedes)
        let subject = comparison.countries.isEmpty ? "Border crossing points seen from both sides" : "Regional comparison of Coordinated Border Management"
        let title = subject + (periods.isEmpty ? "" : " " + periods.joined(separator: ", "))
        let model = ComparisonViewModel(comparison, title: title, generator: ReportModel.generatorName, pageHeaderCSS: ReportModel.cssString(title))
        return try render(model, template: "compare.\(format.rawValue)")
    }

    static func render(_ model: Any, template: String) throws -> String {
        let library = try (template.hasSuffix(".md") ? markdownLibrary : htmlLibrary).get()
        guard let output = library.render(MustacheModel.value(of: model) ?? model, withTemplate: template) else {
            throw ReportError(description: "the report template \(template) is missing; reinstall cbm")
        }
        return output
    }

    /// The file name a report gets by default: `arventa-2026.html` for `arventa-2026.yaml`.
    public static func defaultOutputPath(for assessmentPath: String, format: ReportFormat) -> String {
        let url = URL(fileURLWithPath: assessmentPath)
        return url.deletingPathExtension().lastPathComponent + "." + format.fileExtension
    }
}

struct TrendDocument {
    var title: String
    var generator: String
    var pageHeaderCSS: String
    var language: String
    /// cbm's own texts in the report's language, for the templates (`{{{t.trend.…}}}`).
    var t: [String: Any]
    var trend: TrendModel
}

/// The report model as dictionaries and arrays, read by reflection once. Mustache looks up
/// every `{{name}}` in a struct by reflecting all of its fields (and those of every struct
/// around it, until it finds the name), which took half the time of a report; a dictionary
/// answers at once. Nil fields are left out, as Mustache treats them as missing anyway.
enum MustacheModel {
    static func value(of value: Any) -> Any? {
        switch value {
        case is String, is Bool, is Int, is Double, is Substring: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional?:
            return mirror.children.first.flatMap { Self.value(of: $0.value) }
        case .struct?:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let field = Self.value(of: child.value) { fields[label] = field }
            }
            return fields
        case .collection?:
            guard let array = value as? [Any] else { return value }
            return array.map { Self.value(of: $0) ?? NSNull() }
        default:
            return value
        }
    }
}

public enum Markdown {
    /// Makes untrusted text safe and literal in Markdown, including inside table cells.
    ///
    /// Works on Unicode scalars, as Markdown and HTML parsers do: a `<` or `|` that Swift
    /// joins with the character before or after it into one Character (after U+0600, before a
    /// combining accent) must still be escaped. Control characters are dropped.
    public static func escape(_ text: String) -> String {
        if isPlain(text) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let scalars = Array(text.unicodeScalars)
        let leadingDigits = scalars.prefix { $0.properties.numericType != nil }.count
        for (offset, scalar) in scalars.enumerated() {
            switch scalar {
            case "\r" where offset + 1 < scalars.count && scalars[offset + 1] == "\n": continue  // CRLF: one break, at the LF
            case "\n", "\r": out += "<br>"  // kept as an HTML break: a real one would end a table row or a list item
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "|": out += "\\|"
            case "\\", "`", "*", "_", "[", "]", "~", "$": out += "\\" + String(scalar)
            case "#", "-", "+", "=": out += offset == 0 ? "\\" + String(scalar) : String(scalar)
            case ".", ")":
                // "2026. " or "1) " at the start would turn the text into a numbered list.
                let next: Unicode.Scalar = offset + 1 < scalars.count ? scalars[offset + 1] : " "
                let listMarker = offset > 0 && offset == leadingDigits && next.properties.isWhitespace
                out += listMarker ? "\\" + String(scalar) : String(scalar)
            default:
                if scalar.value < 0x20 && scalar != "\t" || (0x7F...0x9F).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Markdown {
    /// True when `escape` would return the text unchanged (most texts): no byte it changes,
    /// and no digit, `#`, `-`, `+` or `=` at the start.
    static func isPlain(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || "#-+=".utf8.contains(first) { return false }
        return !text.utf8.contains { byte in
            byte < 0x20 && byte != 0x09 || byte == 0x7F || byte == 0xC2 || "<>&|\\`*_[]~$".utf8.contains(byte)
        }
    }
}

/// Escapes text for HTML by Unicode scalars. Mustache's own HTML escaping compares whole
/// Characters, so a `<` or `"` joined with its neighbour into one Character (after U+0600,
/// before a combining accent) passed through unescaped, and could open a tag or close an
/// attribute. Control characters, which HTML does not allow, are dropped.
public enum HTML {
    public static func escape(_ text: String) -> String {
        // By UTF-8 bytes: every byte to change is ASCII (or a C1 control, C2 80–C2 9F), and
        // most texts have none, so they are returned as they are.
        let utf8 = text.utf8
        guard utf8.contains(where: { needsWork($0) }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        var previous: UInt8 = 0
        for byte in utf8 {
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0x00..<0x20, 0x7F: continue  // control characters are not allowed in HTML
            case 0x80...0x9F where previous == 0xC2: out.removeLast()  // a C1 control character
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xC2: return true
        case 0x09, 0x0A, 0x0D: return false
        default: return byte < 0x20 || byte == 0x7F
        }
    }
}

/// Writes output files so that a reader never sees half a file and nothing is overwritten
/// unless asked.
public enum OutputFile {
    public struct Exists: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path) already exists; give --force to replace it, or choose another name with -o" }
    }

    public static func write(_ text: String, to path: String, overwrite: Bool) throws {
        try write(Data(text.utf8), to: path, overwrite: overwrite)
    }

    /// Writes bytes in one step, as `write(_:to:overwrite:)` writes text.
    public static func write(_ data: Data, to path: String, overwrite: Bool) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw ReportError(description: "\(path) is a folder; give a file name with -o") }
            if !overwrite { throw Exists(path: path) }
        }
        guard FileManager.default.fileExists(atPath: directory.path) else {
            throw ReportError(description: "the folder \(directory.path) does not exist")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            throw ReportError(description: "cannot write in \(directory.path): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        if overwrite {
            guard rename(temporary.path, url.path) == 0 else {
                throw ReportError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } else {
            // link() fails if the file appeared meanwhile: no check-then-write race.
            guard link(temporary.path, url.path) == 0 else {
                if errno == EEXIST { throw Exists(path: path) }
                throw ReportError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
        }
    }
}
