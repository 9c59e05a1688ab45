import CYaml
import Foundation

/// A YAML node with the place it starts in its file.
///
/// cbm reads YAML through libyaml's event stream (bundled with Yams) and builds this small
/// tree itself, iteratively, so that it can keep duplicate keys (to report them all), refuse
/// anchors and aliases (no "billion laughs"), and stop on absurd nesting before it costs
/// anything. Scalars are kept as the text that was written: `version: 2026.1` stays "2026.1".
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        /// `plain` is false for quoted and block scalars ("…", '…', |, >).
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// A plain `~`, `null` or nothing at all.
    public var isNull: Bool {
        if case let .scalar(text, plain) = content, plain {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    public var scalar: String? {
        if case let .scalar(text, _) = content, !isNull { return text }
        return nil
    }

    public var mappingPairs: [YAMLPair]? {
        if case let .mapping(pairs) = content { return pairs }
        return nil
    }

    public var sequenceItems: [YAMLNode]? {
        if case let .sequence(items) = content { return items }
        return nil
    }

    /// How the node would be described to a person: "a list", "text `abc`", …
    public var kindDescription: String {
        switch content {
        case .sequence: return "a list"
        case .mapping: return "a set of `key: value` lines"
        case let .scalar(text, _):
            if isNull { return "nothing" }
            return "`\(text.shortenedForMessage)`"
        }
    }
}

public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode
}

extension String {
    /// A value shown inside a message: one line, at most 60 characters.
    var shortenedForMessage: String {
        let oneLine = replacingOccurrences(of: "\n", with: " ")
        return oneLine.count > 60 ? String(oneLine.prefix(57)) + "…" : oneLine
    }
}

/// Limits that keep a hostile or broken file from hanging the tool or exhausting memory.
public struct ReadLimits: Sendable {
    /// Largest file read, in bytes. The full bundled questionnaires are well under 1 MB.
    public var maxBytes: Int = 10 * 1024 * 1024
    /// Deepest nesting of lists and mappings. Our formats need fewer than 10 levels.
    public var maxDepth: Int = 64

    public init() {}
    public static let standard = ReadLimits()
}

public enum YAMLReader {
    static func tooLarge(size: Int, file: String, limits: ReadLimits) -> Diagnostic {
        let shown = String(format: "%.1f MB", Double(size) / 1_048_576)
        let limit = String(format: "%.0f MB", Double(limits.maxBytes) / 1_048_576)
        return .error(SourceLocation(file: file, line: 1, column: 1),
            "this file is \(shown); cbm reads files of up to \(limit) (questionnaires and assessments are normally well under 1 MB). Is it the right file?")
    }

    /// Reads one YAML document. Returns the root node (nil when the file has no content)
    /// and every problem found. Never throws, never crashes on bad input.
    public static func read(
        _ data: Data, file: String, limits: ReadLimits = .standard
    ) -> (root: YAMLNode?, diagnostics: [Diagnostic]) {
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: file, line: line, column: column)
        }
        if data.count > limits.maxBytes {
            return (nil, [tooLarge(size: data.count, file: file, limits: limits)])
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)  // a UTF-8 byte-order mark, as some editors on Windows write
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return (nil, [.error(at(1, 1),
                "this file is saved as UTF-16; save it as UTF-8 (in most editors: Save as… → Encoding → UTF-8) and try again")])
        }
        if let problem = TextCheck.firstProblem(in: bytes) {
            return (nil, [.error(at(problem.line, problem.column), problem.message)])
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return (nil, [.error(at(1, 1), "the file is empty; expected a questionnaire or an assessment in YAML")])
        }
        var composer = Composer(file: file, limits: limits)
        let root = bytes.withUnsafeBufferPointer { composer.run($0) }
        if root == nil && composer.diagnostics.isEmpty {
            return (nil, [.error(at(1, 1),
                "the file holds only comments; expected a questionnaire or an assessment in YAML")])
        }
        return (root, composer.diagnostics)
    }
}

/// Finds bytes that cannot be in a YAML text file: NUL and other control characters,
/// and invalid UTF-8. Reports the place of the first.
enum TextCheck {
    struct Problem {
        var line: Int
        var column: Int
        var message: String
    }

    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        var line = 1
        var column = 1
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0A {
                    line += 1
                    column = 1
                    index += 1
                    continue
                }
                if byte == 0 {
                    return Problem(line: line, column: column, message:
                        "this looks like a binary file, not a YAML text file (it contains a zero byte here). Check that you chose the right file")
                }
                if byte < 0x20 && byte != 0x09 && byte != 0x0D || byte == 0x7F {
                    return Problem(line: line, column: column, message:
                        "the file contains an invisible control character (code \(byte)) here; YAML files must be plain text")
                }
                index += 1
                column += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
            default: return invalidUTF8(line, column)
            }
            if index + length > count { return invalidUTF8(line, column) }
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return invalidUTF8(line, column) }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return invalidUTF8(line, column)
            }
            index += length
            column += 1
        }
        return nil
    }

    private static func invalidUTF8(_ line: Int, _ column: Int) -> Problem {
        Problem(line: line, column: column, message:
            "the file is not valid UTF-8 text here (it may be saved in another encoding such as Windows-1251, or be a binary file); save it as UTF-8")
    }
}

/// Builds `YAMLNode`s from libyaml events with an explicit stack (no recursion).
private struct Composer {
    let file: String
    let limits: ReadLimits
    var diagnostics: [Diagnostic] = []

    init(file: String, limits: ReadLimits) {
        self.file = file
        self.limits = limits
    }

    private struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(.error(SourceLocation(file: file, line: 1, column: 1), "could not start the YAML reader (out of memory?)"))
            return nil
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)

        var stack: [Frame] = []
        var root: YAMLNode?
        var documents = 0
        var reportedAnchor = false
        var reportedAlias = false

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                diagnostics.append(syntaxError(parser))
                return nil
            }
            defer { yaml_event_delete(&event) }
            let start = location(event.start_mark)
            var completed: YAMLNode?

            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    diagnostics.append(.error(start,
                        "a second YAML document starts here (after `---`); a cbm file holds one questionnaire or one assessment. Put each in its own file"))
                    return root
                }
            case YAML_ALIAS_EVENT:
                if !reportedAlias {
                    diagnostics.append(.error(start,
                        "YAML aliases (`*name`) are not allowed in cbm files; write the value out in full"))
                    reportedAlias = true
                }
                completed = YAMLNode(.scalar("", plain: true), at: start)
            case YAML_SCALAR_EVENT:
                if event.data.scalar.anchor != nil { reportAnchor(start, &reportedAnchor) }
                let scalar = event.data.scalar
                let text: String
                if let value = scalar.value {
                    text = String(decoding: UnsafeBufferPointer(start: value, count: scalar.length), as: UTF8.self)
                } else {
                    text = ""
                }
                completed = YAMLNode(.scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE), at: start)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT
                    ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                if anchor != nil { reportAnchor(start, &reportedAnchor) }
                if stack.count >= limits.maxDepth {
                    diagnostics.append(.error(start,
                        "the file nests lists and mappings more than \(limits.maxDepth) levels deep here; cbm files need fewer than 10. The file is probably damaged"))
                    return nil
                }
                stack.append(Frame(isMapping: event.type == YAML_MAPPING_START_EVENT, location: start))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let frame = stack.popLast() {
                    completed = YAMLNode(frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items), at: frame.location)
                }
            default:
                break
            }

            if let node = completed {
                let top = stack.count - 1
                if top < 0 {
                    root = node
                } else if !stack[top].isMapping {
                    stack[top].items.append(node)
                } else if let key = stack[top].pendingKey {
                    stack[top].pairs.append(YAMLPair(key: key, value: node))
                    stack[top].pendingKey = nil
                } else {
                    stack[top].pendingKey = node
                }
            }
        }
    }

    private mutating func reportAnchor(_ at: SourceLocation, _ reported: inout Bool) {
        guard !reported else { return }
        diagnostics.append(.error(at,
            "YAML anchors (`&name`) are not allowed in cbm files; write each value out in full"))
        reported = true
    }

    private func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        let context = parser.context.map { String(cString: $0) }
        var at = location(parser.problem_mark)
        if parser.error == YAML_READER_ERROR {
            at = SourceLocation(file: file, line: 1, column: 1)
        }
        if problem.contains("Maximum nesting level") {
            return .error(at, "the file nests lists and mappings too deeply here (libyaml stops at 1000 levels; cbm files need fewer than 10). The file is probably damaged")
        }
        var message = "the YAML is not well-formed: \(problem)"
        if let context {
            let contextAt = location(parser.context_mark)
            message += " (\(context) at line \(contextAt.line), column \(contextAt.column))"
        }
        if let hint = Self.hint(for: problem) { message += ". " + hint }
        return .error(at, message)
    }

    /// Plain-language advice for the libyaml messages people meet most often.
    private static func hint(for problem: String) -> String? {
        if problem.contains("tab character") {
            return "Tabs cannot be used for indentation in YAML: indent with spaces"
        }
        if problem.contains("found character that cannot start any token") {
            return "Tabs cannot be used for indentation in YAML, and some characters (such as @ or `) cannot start a value: indent with spaces, and put such text in quotes"
        }
        if problem.contains("mapping values are not allowed") {
            return "A value that contains `: ` must be put in quotes, or the indentation is wrong"
        }
        if problem.contains("did not find expected ',' or '}'") || problem.contains("did not find expected ',' or ']'") {
            return "Inside `{…}` or `[…]`, a value that contains `:`, `,`, `{` or `[` must be put in quotes"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-' indicator") {
            return "Check the indentation of this line against the lines above it"
        }
        if problem.contains("found unexpected end of stream") || problem.contains("found unexpected end") {
            return "A quote, bracket or brace that was opened is never closed"
        }
        if problem.contains("found unknown escape character") {
            return "Inside double quotes a backslash starts an escape; write `\\\\` for a backslash or use single quotes"
        }
        return nil
    }
}
