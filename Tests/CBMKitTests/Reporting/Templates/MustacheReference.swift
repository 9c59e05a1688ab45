import Foundation
@testable import CBMKit

// How reports were rendered before cbm had its own template engine (ReportTemplate): the
// view model read by reflection into dictionaries, rendered by swift-mustache. Kept here as
// the reference the engine is checked against.

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

extension StringTable {
    /// Every text of the table as nested dictionaries for the Mustache templates, which name
    /// them by key: `{{{t.report.method.scores}}}`. For HTML each text is escaped and its
    /// `**bold**` and `*italic*` become `<strong>` and `<em>`; for Markdown the text is given
    /// as written (Markdown reads the same marks). Templates insert them unescaped (`{{{…}}}`):
    /// the texts come with cbm, not from the user.
    /// `values` fill placeholders that are the same for the whole document (`{threshold}`).
    func templateTexts(html: Bool, values: [String: String] = [:]) -> [String: Any] {
        var root: [String: Any] = [:]
        for key in keys {
            let value = html ? Self.htmlMarkup(text(key, values)) : text(key, values)
            Self.insert(value, at: key.split(separator: ".").map(String.init), into: &root)
        }
        return root
    }

    private static func insert(_ value: String, at path: [String], into dictionary: inout [String: Any]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            dictionary[first] = value
            return
        }
        var child = dictionary[first] as? [String: Any] ?? [:]
        insert(value, at: Array(path.dropFirst()), into: &child)
        dictionary[first] = child
    }

}

import Mustache

/// swift-mustache, set up as cbm's reports used it: the same template files, HTML templates
/// escaping with `HTML.escape`, Markdown ones with `Markdown.escape`.
enum MustacheReference {
    struct MarkdownContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { Markdown.escape(text) }
    }
    struct HTMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    static func registerContentTypes() {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(HTMLContentType(), named: "CBM_HTML")
    }

    static let templates = Repository.root.appendingPathComponent("Sources/CBMKit/Resources/templates")

    static let libraries: [String: MustacheLibrary] = {
        registerContentTypes()
        var libraries: [String: MustacheLibrary] = [:]
        for format in ["html", "md"] {
            var library = MustacheLibrary()
            let files = (try? FileManager.default.contentsOfDirectory(atPath: templates.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".\(format).mustache") {
                var text = try! String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8)
                if format == "html" { text = "{{% CONTENT_TYPE: CBM_HTML}}" + text }
                try! library.register(text, named: String(file.dropLast(".mustache".count)))
            }
            libraries[format] = library
        }
        return libraries
    }()

    /// What swift-mustache makes of the same input.
    static func render(_ input: ReportRenderer.Input) -> String? {
        guard var root = MustacheModel.value(of: input.model) as? [String: Any] else { return nil }
        root["t"] = input.texts.strings.templateTexts(html: input.texts.html, values: input.texts.values)
        let format = input.template.hasSuffix(".md") ? "md" : "html"
        return libraries[format]?.render(root, withTemplate: input.template).map(DirectionControls.shown)
    }
}
