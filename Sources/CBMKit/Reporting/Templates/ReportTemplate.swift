/// A report template, parsed: cbm's reports are written in Mustache (`Resources/templates/`),
/// and this is the part of Mustache they use, read the way swift-mustache reads it (the same
/// output, byte for byte; a test renders every report with both), but parsed from UTF-8
/// bytes and rendered from `TemplateValue`s, without reflection: about ten times faster.
///
/// Supported: `{{name}}` (escaped for the template's format), `{{{name}}}` and `{{&name}}`
/// (as they are), dotted names (`{{t.report.title}}`), `{{.}}`, sections `{{#name}}…{{/name}}`
/// and inverted sections `{{^name}}…{{/name}}`, the `empty(name)` transform, partials
/// `{{> name}}`, comments `{{! … }}` and `{{% CONTENT_TYPE: MARKDOWN}}`. Standalone tags
/// take their line with them, as the Mustache specification says. A template that uses
/// anything else (changed delimiters, blocks, other transforms) is refused when it is read.
struct ReportTemplate: Sendable {
    /// How a value is escaped where a template inserts it with `{{name}}`.
    enum ContentType: String, Sendable {
        /// Mustache's default: `& < > " '`.
        case mustacheHTML
        /// `HTML.escape`: also drops control characters.
        case html = "CBM_HTML"
        /// `Markdown.escape`.
        case markdown = "MARKDOWN"
    }

    /// A name as a template writes it: `{{#empty(items)}}` is the path ["items"] with the
    /// transform "empty".
    struct Name: Sendable, Equatable {
        /// `{{.}}`: the current value.
        var isCurrent: Bool
        /// `{{.name}}`: looked up in the current value only, not in the values around it.
        var currentOnly: Bool
        var path: [String]
        var transforms: [String]
        /// The text of the names after the first ("report.title" for `t.report.title`), which
        /// gives them back when split at its dots: how cbm's texts remember a name they have
        /// looked up (`TemplateTexts.value(names:joined:)`).
        var rest = ""
    }

    enum Part: Sendable {
        case text(String)
        case value(Tag)
        case section(Section)
        /// `indentation` is set for a partial alone on its line.
        case partial(String, indentation: String?)
        case contentType(ContentType)
    }

    /// `{{name}}` (escaped) or `{{{name}}}`. Tags and sections are held by reference, so that
    /// reading a part while rendering retains one object, not each of its names.
    final class Tag: Sendable {
        let name: Name
        let escaped: Bool

        init(_ name: Name, escaped: Bool) {
            self.name = name
            self.escaped = escaped
        }
    }

    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    final class Section: Sendable {
        let name: Name
        let inverted: Bool
        let body: ReportTemplate

        init(_ name: Name, inverted: Bool, body: ReportTemplate) {
            self.name = name
            self.inverted = inverted
            self.body = body
        }
    }

    var parts: [Part]

    /// A template that can't be read: what is wrong, and the line.
    struct ParseError: Error, CustomStringConvertible {
        var message: String
        var line: Int
        var description: String { "line \(line): \(message)" }
    }

    init(parts: [Part]) { self.parts = parts }

    /// The partials the template names (`{{> style.html}}`), in its sections too.
    var partialNames: [String] {
        parts.flatMap { part -> [String] in
            switch part {
            case let .partial(name, _): return [name]
            case let .section(section): return section.body.partialNames
            case .text, .value, .contentType: return []
            }
        }
    }

    /// Parses a template's text.
    init(_ text: String) throws {
        var parser = Parser(bytes: Array(text.utf8))
        self = try parser.parse(.init(section: nil, newLine: true))
    }
}

extension ReportTemplate {
    /// Reads a template byte by byte, following swift-mustache's parser step for step, so that
    /// the whitespace and line breaks around tags come out the same.
    fileprivate struct Parser {
        let bytes: [UInt8]
        var position = 0

        struct State {
            /// The section being read: its name (and transforms), to match its closing tag.
            var section: (path: String, transforms: [String])?
            /// At the start of a line: a tag here may stand alone on its line.
            var newLine: Bool
        }

        private static let newline = UInt8(ascii: "\n")
        private static let open = UInt8(ascii: "{")
        private static let close = UInt8(ascii: "}")

        private var atEnd: Bool { position >= bytes.count }

        private func error(_ message: String) -> ParseError {
            ParseError(message: message, line: 1 + bytes[..<min(position, bytes.count)].lazy.filter { $0 == Self.newline }.count)
        }

        private func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

        mutating func parse(_ start: State) throws -> ReportTemplate {
            var parts: [Part] = []
            var state = start
            var whitespaceBefore = ""
            while !atEnd {
                if state.newLine {
                    let from = position
                    while !atEnd, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") { position += 1 }
                    whitespaceBefore = string(from..<position)
                }
                let (text, foundTag) = readUntilTagOrNewline()
                if !foundTag, !atEnd {  // a line break
                    parts.append(.text(whitespaceBefore + text + "\n"))
                    state.newLine = true
                    position += 1
                    continue
                }
                if !text.isEmpty {
                    parts.append(.text(whitespaceBefore + text))
                    whitespaceBefore = ""
                    state.newLine = false
                }
                if atEnd { break }
                var setNewLine = false
                let marker = bytes[position]
                switch marker {
                case UInt8(ascii: "#"), UInt8(ascii: "^"):
                    position += 1
                    let (path, transforms) = try parseName()
                    if isStandalone(state) {
                        setNewLine = true
                    } else if !whitespaceBefore.isEmpty {
                        parts.append(.text(whitespaceBefore))
                        whitespaceBefore = ""
                    }
                    let body = try parse(State(section: (path, transforms), newLine: setNewLine))
                    parts.append(.section(Section(try name(path, transforms), inverted: marker == UInt8(ascii: "^"), body: body)))

                case UInt8(ascii: "/"):
                    position += 1
                    let closing = position
                    let (path, transforms) = try parseName()
                    guard let section = state.section, section.path == path, section.transforms == transforms else {
                        position = closing
                        throw error("{{/\(path)}} closes a section that is not open here")
                    }
                    if !isStandalone(state), !whitespaceBefore.isEmpty { parts.append(.text(whitespaceBefore)) }
                    return ReportTemplate(parts: parts)

                case UInt8(ascii: "!"):
                    position += 1
                    while !atEnd, !(bytes[position] == Self.close && position + 1 < bytes.count && bytes[position + 1] == Self.close) { position += 1 }
                    guard !atEnd else { throw error("a comment {{! … is not closed with }}") }
                    position += 2
                    setNewLine = isStandalone(state)

                case UInt8(ascii: "{"), UInt8(ascii: "&"):
                    if !whitespaceBefore.isEmpty {
                        parts.append(.text(whitespaceBefore))
                        whitespaceBefore = ""
                    }
                    position += 1
                    let (path, transforms) = try parseName()
                    if marker == Self.open {
                        guard !atEnd, bytes[position] == Self.close else { throw error("{{{\(path)}} has no third closing brace") }
                        position += 1
                    }
                    parts.append(.value(Tag(try name(path, transforms), escaped: false)))

                case UInt8(ascii: ">"):
                    position += 1
                    skipWhitespace()
                    let from = position
                    while !atEnd, Self.isPartialNameByte(bytes[position]) { position += 1 }
                    let partial = string(from..<position)
                    skipWhitespace()
                    try expectClosing(partial)
                    if !whitespaceBefore.isEmpty { parts.append(.text(whitespaceBefore)) }
                    if isStandalone(state) {
                        setNewLine = true
                        parts.append(.partial(partial, indentation: whitespaceBefore))
                    } else {
                        parts.append(.partial(partial, indentation: nil))
                    }
                    whitespaceBefore = ""

                case UInt8(ascii: "%"):
                    position += 1
                    skipWhitespace()
                    let variable = readNameBytes(brackets: false)
                    skipWhitespace()
                    guard !atEnd, bytes[position] == UInt8(ascii: ":") else { throw error("{{% needs the form {{% CONTENT_TYPE: MARKDOWN}}") }
                    position += 1
                    skipWhitespace()
                    let value = readNameBytes(brackets: false)
                    skipWhitespace()
                    try expectClosing("%")
                    guard variable == "CONTENT_TYPE", let type = ContentType(rawValue: value) else {
                        throw error("{{% \(variable): \(value)}} is not a content type cbm knows (CBM_HTML, MARKDOWN)")
                    }
                    parts.append(.contentType(type))
                    setNewLine = isStandalone(state)

                case UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: "$"):
                    throw error("{{\(Character(Unicode.Scalar(marker))) is a Mustache feature cbm's templates do not use")

                default:
                    if !whitespaceBefore.isEmpty {
                        parts.append(.text(whitespaceBefore))
                        whitespaceBefore = ""
                    }
                    let (path, transforms) = try parseName()
                    parts.append(.value(Tag(try name(path, transforms), escaped: true)))
                }
                state.newLine = setNewLine
            }
            if let section = state.section { throw error("{{#\(section.path)}} is not closed") }
            return ReportTemplate(parts: parts)
        }

        /// The text up to the next `{{` (then read past it) or line break (left to read).
        private mutating func readUntilTagOrNewline() -> (String, foundTag: Bool) {
            let from = position
            while !atEnd {
                let byte = bytes[position]
                if byte == Self.newline { return (string(from..<position), false) }
                if byte == Self.open, position + 1 < bytes.count, bytes[position + 1] == Self.open {
                    let text = string(from..<position)
                    position += 2
                    return (text, true)
                }
                position += 1
            }
            return (string(from..<position), false)
        }

        /// A tag alone on its line (at a line start, followed by spaces and a line break or the
        /// end): the rest of its line, line break included, is read with it.
        private mutating func isStandalone(_ state: State) -> Bool {
            guard state.newLine else { return false }
            if atEnd { return true }
            var next = position
            while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") { next += 1 }
            guard next < bytes.count, bytes[next] == Self.newline else { return false }
            position = next + 1
            return true
        }

        private mutating func skipWhitespace() {
            while !atEnd, [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(bytes[position]) { position += 1 }
        }

        private mutating func expectClosing(_ what: String) throws {
            guard position + 1 < bytes.count, bytes[position] == Self.close, bytes[position + 1] == Self.close else {
                throw error("the tag {{\(what) is not closed with }}")
            }
            position += 2
        }

        private static func isNameByte(_ byte: UInt8, brackets: Bool) -> Bool {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
                return true
            case UInt8(ascii: "("), UInt8(ascii: ")"): return brackets
            default: return false
            }
        }

        private static func isPartialNameByte(_ byte: UInt8) -> Bool {
            isNameByte(byte, brackets: true) || byte == UInt8(ascii: "/")
        }

        private mutating func readNameBytes(brackets: Bool) -> String {
            let from = position
            while !atEnd, Self.isNameByte(bytes[position], brackets: brackets) { position += 1 }
            return string(from..<position)
        }

        /// `name` or `transform(name)`, up to and past the closing `}}`.
        private mutating func parseName() throws -> (String, [String]) {
            skipWhitespace()
            let from = position
            let text = readNameBytes(brackets: true)
            let hasBracket = bytes[from..<position].contains(UInt8(ascii: "("))
            skipWhitespace()
            try expectClosing(text)
            // Nearly every name is a plain one: no transform to look for, character by character.
            guard hasBracket, let open = text.firstIndex(of: "(") else { return (text, []) }
            // transform(transform(name)): as many `)` at the end as `(`.
            let opens = text.filter { $0 == "(" }.count
            let inner = text[text.index(after: text.lastIndex(of: "(")!)...]
            let closes = inner.reversed().prefix(while: { $0 == ")" }).count
            let name = inner.dropLast(closes)
            let transforms = text[..<text.lastIndex(of: "(")!].split(separator: "(", omittingEmptySubsequences: false).map(String.init)
            guard closes == opens, !name.contains(")"), text.first != "(", !transforms.contains(where: \.isEmpty), open > text.startIndex else {
                throw error("{{\(text)}} is not a name or a transform of a name")
            }
            return (String(name), transforms)
        }

        private func name(_ text: String, _ transforms: [String]) throws -> Name {
            for transform in transforms where transform != "empty" {
                throw error("the transform \(transform)() is not one cbm's templates use (only empty())")
            }
            let dot = UInt8(ascii: ".")
            let utf8 = text.utf8
            if utf8.count == 1, utf8.first == dot { return Name(isCurrent: true, currentOnly: false, path: [], transforms: transforms) }
            guard !utf8.isEmpty else { throw error("a tag has no name") }
            // A name is made of ASCII bytes (`isNameByte`): split at its dots by bytes, empty
            // names left out.
            var text = text
            return text.withUTF8 { bytes in
                var names: [Range<Int>] = []
                var start = 0
                for index in 0...bytes.count where index == bytes.count || bytes[index] == dot {
                    if index > start { names.append(start..<index) }
                    start = index + 1
                }
                func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
                var name = Name(isCurrent: false, currentOnly: bytes.first == dot, path: names.map(string), transforms: transforms)
                if names.count > 1 { name.rest = string(names[1].lowerBound..<names[names.count - 1].upperBound) }
                return name
            }
        }
    }
}
