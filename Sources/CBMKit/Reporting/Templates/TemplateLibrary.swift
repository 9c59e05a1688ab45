import Foundation

/// The report templates of one format, parsed, and the renderer that fills them: templates
/// find each other's partials (`{{> style.html}}`) here by name.
struct TemplateLibrary: Sendable {
    private(set) var templates: [String: ReportTemplate] = [:]

    init() {}

    /// The template `template` ("report.html", from `report.html.mustache` in `directory`)
    /// and the partials it names, and theirs, of the same format (`style.html`), each read
    /// once; a partial without a file is left out (it renders as nothing), as is a missing
    /// `template` (`render` then gives nil). HTML templates escape with `HTML.escape`: they
    /// are read as if they began with `{{% CONTENT_TYPE: CBM_HTML}}` (on their first line,
    /// which the tag shares).
    init(directory: URL, template: String) throws {
        let format = template.split(separator: ".").last.map(String.init) ?? ""
        var pending = [template]
        while let name = pending.popLast() {
            guard templates[name] == nil, name.hasSuffix(".\(format)") else { continue }
            let file = name + ".mustache"
            let url = directory.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            do {
                try register(format == "html" ? "{{% CONTENT_TYPE: CBM_HTML}}" + text : text, named: name)
            } catch let error as ReportTemplate.ParseError {
                throw ReportTemplate.ParseError(message: "\(file): \(error.message)", line: error.line)
            }
            pending += templates[name]?.partialNames ?? []
        }
    }

    /// Adds a template.
    mutating func register(_ text: String, named name: String) throws {
        templates[name] = try ReportTemplate(text)
    }

    /// The template `name` filled with `value`, or nil when there is no such template.
    func render(_ value: TemplateValue, template name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var stack = [value]
        var out = ""
        out.reserveCapacity(1 << 19)  // a report is a few hundred KB (the example's 434 KB): fewer copies as it grows
        render(template, stack: &stack, contentType: .mustacheHTML, indentation: nil, into: &out)
        return out
    }

    private func render(_ template: ReportTemplate, stack: inout [TemplateValue], contentType start: ReportTemplate.ContentType,
                        indentation: String?, into out: inout String) {
        var contentType = start
        guard let indentation, !indentation.isEmpty else {
            // Through the buffer: each part is read where it is, not copied for the call.
            template.parts.withUnsafeBufferPointer { parts in
                for index in parts.indices {
                    render(parts[index], stack: &stack, contentType: &contentType, indentation: indentation, into: &out)
                }
            }
            return
        }
        // An indented partial: as swift-mustache does, a part that starts a line is indented.
        var rendered = ""
        for part in template.parts {
            var piece = ""
            render(part, stack: &stack, contentType: &contentType, indentation: indentation, into: &piece)
            if !piece.isEmpty, rendered.utf8.last == UInt8(ascii: "\n") { rendered += indentation }
            rendered += piece
        }
        out += rendered
    }

    private func render(_ part: ReportTemplate.Part, stack: inout [TemplateValue], contentType: inout ReportTemplate.ContentType,
                        indentation: String?, into out: inout String) {
        switch part {
        case let .text(text):
            out += text
        case let .value(tag):
            guard let value = lookup(tag.name, in: stack) else { return }
            let text = Self.text(of: value)
            out += tag.escaped ? Self.escape(text, contentType) : text
        case let .section(section):
            let value = lookup(section.name, in: stack)
            let body = section.body
            if section.inverted {
                switch value {
                case nil, .null?, .bool(false)?:
                    render(body, stack: &stack, contentType: contentType, indentation: indentation, into: &out)
                case let .list(items)? where items.isEmpty:
                    stack.append(.list(items))
                    render(body, stack: &stack, contentType: contentType, indentation: indentation, into: &out)
                    stack.removeLast()
                default:
                    break
                }
                return
            }
            switch value {
            case nil, .null?, .bool(false)?:
                break
            case .bool(true)?:
                render(body, stack: &stack, contentType: contentType, indentation: indentation, into: &out)
            case let .list(items)?:
                for item in items {
                    stack.append(item)
                    render(body, stack: &stack, contentType: contentType, indentation: indentation, into: &out)
                    stack.removeLast()
                }
            case let value?:
                stack.append(value)
                render(body, stack: &stack, contentType: contentType, indentation: indentation, into: &out)
                stack.removeLast()
            }
        case let .partial(name, partialIndentation):
            guard let template = templates[name] else { return }
            let combined = partialIndentation.map { (indentation ?? "") + $0 } ?? indentation
            render(template, stack: &stack, contentType: .mustacheHTML, indentation: combined, into: &out)
        case let .contentType(type):
            contentType = type
        }
    }

    /// Finds a name as Mustache does: the first part in the innermost value that has it, the
    /// rest inside that one; then the transforms, innermost first.
    private func lookup(_ name: ReportTemplate.Name, in stack: [TemplateValue]) -> TemplateValue? {
        var found: TemplateValue?
        if name.isCurrent {
            found = stack.last
        } else if name.currentOnly {
            found = Self.resolve(name.path[...], from: stack.last!)
        } else if let first = name.path.first {
            // Innermost first, by index: no copy of each value on the way.
            var index = stack.count - 1
            while index >= 0 {
                if let child = stack[index].child(named: first) {
                    if name.path.count == 1 {
                        found = child
                    } else if case let .texts(texts, prefix) = child, prefix.isEmpty {
                        // `t.report.title`: cbm's texts remember the whole name.
                        found = texts.value(names: name.path.dropFirst(), joined: name.rest)
                    } else {
                        found = Self.resolve(name.path.dropFirst(), from: child)
                    }
                    break
                }
                index -= 1
            }
        }
        guard var value = found else { return nil }
        if case .null = value { return nil }
        // `empty` is the one transform the parser lets through: each turns a text, list or
        // object into whether it is empty.
        for _ in name.transforms {
            switch value {
            case let .string(string): value = .bool(string.isEmpty)
            case let .list(items): value = .bool(items.isEmpty)
            case let .object(object): value = .bool(object.fields.isEmpty)
            case .texts: value = .bool(false)
            default: return nil
            }
        }
        return value
    }

    static func resolve(_ path: ArraySlice<String>, from value: TemplateValue) -> TemplateValue? {
        var value = value
        for name in path {
            guard let child = value.child(named: name) else { return nil }
            value = child
        }
        return value
    }

    /// A value as text, as Swift's `String(describing:)` writes it.
    private static func text(of value: TemplateValue) -> String {
        switch value {
        case let .string(string): return string
        case let .bool(bool): return bool ? "true" : "false"
        case let .int(int): return String(int)
        case let .double(double): return String(describing: double)
        case .list, .object, .texts, .null: return ""
        }
    }

    private static func escape(_ text: String, _ contentType: ReportTemplate.ContentType) -> String {
        switch contentType {
        case .html: return HTML.escape(text)
        case .markdown: return Markdown.escape(text)
        case .mustacheHTML:
            var out = ""
            for character in text {
                switch character {
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "&": out += "&amp;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.append(character)
                }
            }
            return out
        }
    }
}
