import CLibYAML
import Foundation

/// A YAML node with the place it starts in its file.
///
/// cbm reads YAML through the system libyaml's event stream and builds this small
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
    /// Characters that cannot be seen (zero-width, bidirectional controls, unusual spaces
    /// and line breaks) are shown as `\u{200B}`, so that `coun\u{200B}try` is not shown as
    /// `country`, and nothing in a message can reorder or hide the text around it.
    var shortenedForMessage: String {
        var characters: [Character] = []
        for character in self {
            if characters.count > 60 { break }
            characters.append(character)
        }
        let cut = characters.count > 60
        var oneLine = ""
        for character in characters.prefix(cut ? 57 : 60) {
            if character == "\n" || character == "\r\n" || character == "\r" {
                oneLine += " "
                continue
            }
            for scalar in character.unicodeScalars {
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator:
                    oneLine += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                case .spaceSeparator where scalar != " ":
                    oneLine += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                default:
                    oneLine.unicodeScalars.append(scalar)
                }
            }
        }
        return cut ? oneLine + "…" : oneLine
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
    /// - Parameter size: the size in bytes, or nil when it is not known (a stream that was
    ///   read up to the limit and went on).
    static func tooLarge(size: Int?, file: String, limits: ReadLimits) -> Diagnostic {
        let limit = String(format: "%.0f MB", Double(limits.maxBytes) / 1_048_576)
        let shown = size.map { String(format: "%.1f MB", Double($0) / 1_048_576) } ?? "larger than \(limit)"
        return .error(SourceLocation(file: file, line: 1, column: 1),
            "this file is \(shown); cbm reads files of up to \(limit) (questionnaires and assessments are normally well under 1 MB). Is it the right file?")
    }

    /// "UTF-32" or "UTF-16" when the file starts with one of their byte-order marks, or, with
    /// none, with an ASCII character written in one of them (the detection of YAML 1.2,
    /// section 5.2). UTF-32's little-endian mark begins with UTF-16's, so it is looked at first.
    static func otherUnicodeEncoding(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4)) + [UInt8](repeating: 0xAA, count: max(0, 4 - bytes.count))
        if head == [0x00, 0x00, 0xFE, 0xFF] || head == [0xFF, 0xFE, 0x00, 0x00] { return "UTF-32" }
        if head[0] == 0 && head[1] == 0 && head[2] == 0 && head[3] != 0 && bytes.count >= 4 { return "UTF-32" }
        if head[0] != 0 && head[1] == 0 && head[2] == 0 && head[3] == 0 && bytes.count >= 4 { return "UTF-32" }
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) { return "UTF-16" }
        // Two ASCII characters in UTF-16: 00 nn 00 nn (big-endian) or nn 00 nn 00 (little-endian).
        if bytes.count >= 4 && (head[0] == 0 && head[1] != 0 && head[1] < 0x80 && head[2] == 0 && head[3] != 0
            || head[0] != 0 && head[0] < 0x80 && head[1] == 0 && head[2] != 0 && head[3] == 0) { return "UTF-16" }
        return nil
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
        } else if let encoding = otherUnicodeEncoding(bytes) {
            return (nil, [.error(at(1, 1),
                "this file is saved as \(encoding); save it as UTF-8 (in most editors: Save as… → Encoding → UTF-8) and try again")])
        }
        let (problem, unusualLineBreaks) = TextCheck.scan(bytes)
        if let problem {
            return (nil, [.error(at(problem.line, problem.column), problem.message)])
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return (nil, [.error(at(1, 1), "the file is empty; expected a questionnaire or an assessment in YAML")])
        }
        // libyaml's own lines and columns are right unless the text holds U+2028 or U+2029.
        var composer = Composer(file: file, limits: limits, lines: unusualLineBreaks ? LineTable(bytes) : nil)
        let root = bytes.withUnsafeBufferPointer { composer.run($0) }
        if root == nil && composer.diagnostics.isEmpty {
            return (nil, [.error(at(1, 1),
                "the file holds only comments; expected a questionnaire or an assessment in YAML")])
        }
        return (root, composer.diagnostics)
    }
}

/// Where each line starts, counted in characters (Unicode scalars), so that libyaml's
/// positions can be turned into the lines and columns a text editor shows. libyaml also
/// breaks lines at U+0085, U+2028 and U+2029, which editors show inside a line (text pasted
/// from word processors brings them); its own line numbers would then point too far down.
struct LineTable {
    /// The character offset at which each line starts; lines end at LF, CRLF or a lone CR.
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.init(bytes[...])
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.init(bytes[...])
    }

    private init<Bytes: RandomAccessCollection>(_ bytes: Bytes) where Bytes.Element == UInt8, Bytes.Index == Int {
        var characters = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            index += 1
            if byte & 0xC0 == 0x80 { continue }  // inside a multi-byte character
            characters += 1
            if byte == 0x0A || byte == 0x0D && (index >= count || bytes[index] != 0x0A) {
                starts.append(characters)
            }
        }
    }

    /// The 1-based line and column of the character at `offset`.
    func location(ofCharacter offset: Int, in file: String) -> SourceLocation {
        var low = 0
        var high = starts.count - 1
        while low < high {  // the last line that starts at or before `offset`
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(file: file, line: low + 1, column: max(0, offset - starts[low]) + 1)
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

    static func firstProblem(in bytes: [UInt8]) -> Problem? { scan(bytes).problem }

    /// The first problem, and whether the text holds U+2028 or U+2029 (which libyaml counts
    /// as line breaks, and editors do not).
    static func scan(_ bytes: [UInt8]) -> (problem: Problem?, unusualLineBreaks: Bool) {
        bytes.withUnsafeBufferPointer { buffer in
            // Most files have no problem: check quickly, and look for the place only if needed.
            if let unusualLineBreaks = quickScan(buffer) { return (nil, unusualLineBreaks) }
            return scan(buffer)
        }
    }

    /// Whether the text holds U+2028 or U+2029, or nil when it has a problem. Plain ASCII is
    /// checked eight bytes at a time.
    private static func quickScan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var unusualLineBreaks = false
        var index = 0
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while index < count {
            if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let below32 = (word &- 0x2020_2020_2020_2020) & ~word & highs  // a byte under 0x20
                let del = word ^ 0x7F7F_7F7F_7F7F_7F7F
                let isDel = (del &- ones) & ~del & highs  // a byte equal to 0x7F
                if word & highs == 0 && below32 == 0 && isDel == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F { return nil }
                index += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
            default: return nil
            }
            if index + length > count { return nil }
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return nil }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) || (0x80...0x9F).contains(scalar) { return nil }
            if scalar == 0xA0 || scalar == 0xFEFF || scalar == 0x3000 || (0x2000...0x200B).contains(scalar) {
                var before = index - 1  // only spaces before it on its line: a problem
                while before >= 0 && bytes[before] == 0x20 { before -= 1 }
                if before < 0 || bytes[before] == 0x0A || bytes[before] == 0x0D { return nil }
            }
            if scalar == 0x2028 || scalar == 0x2029 { unusualLineBreaks = true }
            index += length
        }
        return unusualLineBreaks
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (problem: Problem?, unusualLineBreaks: Bool) {
        var unusualLineBreaks = false
        var line = 1
        var column = 1
        var index = 0
        var inIndentation = true  // only spaces so far on this line
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0A || byte == 0x0D && (index + 1 >= count || bytes[index + 1] != 0x0A) {
                    line += 1  // LF, or a CR alone (old Mac files); CRLF counts once, at its LF
                    column = 1
                    index += 1
                    inIndentation = true
                    continue
                }
                if byte != 0x20 { inIndentation = false }
                if byte == 0 {
                    return (Problem(line: line, column: column, message:
                        "this looks like a binary file, not a YAML text file (it contains a zero byte here). Check that you chose the right file"), false)
                }
                if byte < 0x20 && byte != 0x09 && byte != 0x0D || byte == 0x7F {
                    return (Problem(line: line, column: column, message:
                        "the file contains an invisible control character (code \(byte)) here; YAML files must be plain text"), false)
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
            default: return (invalidUTF8(line, column), false)
            }
            if index + length > count { return (invalidUTF8(line, column), false) }
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return (invalidUTF8(line, column), false) }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return (invalidUTF8(line, column), false)
            }
            if (0x80...0x9F).contains(scalar) {
                return (Problem(line: line, column: column, message:
                    "the file contains an invisible control character (code \(scalar)) here; YAML files must be plain text"), false)
            }
            if inIndentation, scalar == 0xA0 || scalar == 0xFEFF || scalar == 0x3000 || (0x2000...0x200B).contains(scalar) {
                // YAML reads it as text, not as indentation, and reports a puzzling error later.
                let name = scalar == 0xFEFF ? "a byte-order mark (U+FEFF), as joining two files can leave"
                    : "an invisible special space (U+\(String(scalar, radix: 16, uppercase: true))), as text copied from a word processor or a web page often has"
                return (Problem(line: line, column: column, message:
                    "this line starts with \(name); indent with ordinary spaces only"), false)
            }
            if scalar == 0x2028 || scalar == 0x2029 { unusualLineBreaks = true }
            inIndentation = false
            index += length
            column += 1
        }
        return (nil, unusualLineBreaks)
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
    /// Set when libyaml's own line numbers would be wrong (see `LineTable`).
    let lines: LineTable?
    var diagnostics: [Diagnostic] = []

    init(file: String, limits: ReadLimits, lines: LineTable?) {
        self.file = file
        self.limits = limits
        self.lines = lines
    }

    private struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
    }

    private func location(_ mark: yaml_mark_t, lines: LineTable? = nil) -> SourceLocation {
        if let lines = lines ?? self.lines { return lines.location(ofCharacter: Int(mark.index), in: file) }
        return SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
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
                diagnostics.append(syntaxError(parser, lines: lines ?? LineTable(buffer)))
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
                if let tag = event.data.scalar.tag { reportTag(tag, at: start) }
                let scalar = event.data.scalar
                let text: String
                var control: UInt8?
                if let value = scalar.value {
                    let utf8 = UnsafeBufferPointer(start: value, count: scalar.length)
                    text = String(decoding: utf8, as: UTF8.self)
                    control = Self.controlCharacter(in: utf8)
                } else {
                    text = ""
                }
                if let code = control {
                    // Only an escape in double quotes (`\e`, `\0`, `\x1b`) can write one; in a
                    // report or a terminal it could hide text or send commands to the terminal.
                    diagnostics.append(.error(start,
                        "this text contains an invisible control character (code \(code)), written as an escape such as `\\e`, `\\0` or `\\x1b` inside double quotes; remove it (for a backslash, write `\\\\` or use single quotes)"))
                }
                completed = YAMLNode(.scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE), at: start)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT
                    ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                if anchor != nil { reportAnchor(start, &reportedAnchor) }
                let tag = event.type == YAML_SEQUENCE_START_EVENT
                    ? event.data.sequence_start.tag : event.data.mapping_start.tag
                if let tag { reportTag(tag, at: start) }
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

    /// The first control character in UTF-8 text other than tab, line feed and carriage
    /// return: C0 codes, DEL, and C1 codes (U+0080–U+009F, written C2 80–C2 9F).
    static func controlCharacter(in utf8: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F { return byte }
            if byte == 0xC2, index + 1 < utf8.count, (0x80...0x9F).contains(utf8[index + 1]) { return utf8[index + 1] }
            index += 1
        }
        return nil
    }

    private mutating func reportAnchor(_ at: SourceLocation, _ reported: inout Bool) {
        guard !reported else { return }
        diagnostics.append(.error(at,
            "YAML anchors (`&name`) are not allowed in cbm files; write each value out in full"))
        reported = true
    }

    /// A tag (`!!binary`, `!custom`, `!!python/object/apply:…`) asks a YAML reader to turn the
    /// value into something other than text, a list or a mapping; cbm files need none, and
    /// some readers run code for them. Each is refused, named as it was written.
    private mutating func reportTag(_ tag: UnsafeMutablePointer<yaml_char_t>, at location: SourceLocation) {
        var written = String(cString: tag)
        let standard = "tag:yaml.org,2002:"
        if written.hasPrefix(standard) { written = "!!" + written.dropFirst(standard.count) }
        diagnostics.append(.error(location,
            "YAML tags such as `\(written.shortenedForMessage)` are not allowed in cbm files; remove the tag and write the value as plain text"))
    }

    /// `lines` are always used here: libyaml places the end of a file without a final line
    /// break on a line after the last one.
    private func syntaxError(_ parser: yaml_parser_t, lines: LineTable) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        let context = parser.context.map { String(cString: $0) }
        var at = location(parser.problem_mark, lines: lines)
        if parser.error == YAML_READER_ERROR {
            at = SourceLocation(file: file, line: 1, column: 1)
        }
        if problem.contains("Maximum nesting level") {
            return .error(at, "the file nests lists and mappings too deeply here (libyaml stops at 1000 levels; cbm files need fewer than 10). The file is probably damaged")
        }
        var message = "the YAML is not well-formed: \(problem)"
        if let context {
            let contextAt = location(parser.context_mark, lines: lines)
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
        if problem.contains("found unknown escape character") || problem.contains("did not find expected hexdecimal number")
            || problem.contains("found invalid Unicode character escape code") {
            return "Inside double quotes a backslash starts an escape (such as `\\n`); for a backslash, as in a Windows path, write `\\\\` or use single quotes"
        }
        return nil
    }
}
