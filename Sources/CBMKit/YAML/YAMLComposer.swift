import CLibYAML
import Foundation

/// Builds a file's `YAMLNodeStore` from libyaml events, with an explicit stack (no recursion):
/// each node is appended to one buffer and each scalar's bytes to another, and a collection's
/// children are gathered on one shared stack and moved into one buffer of indices when the
/// collection ends.
struct YAMLComposer {
    let file: String
    let limits: ReadLimits
    /// Set when libyaml's own line numbers would be wrong (see `LineTable`).
    let lines: LineTable?
    private(set) var diagnostics: [Diagnostic] = []

    /// Whether the text has a backslash: without one, no escape can write a control character.
    private var hasBackslash = true
    // Taken from the recycler by `run` (called once), and handed to the store or given back.
    private var buffers = YAMLNodeStore.Buffers(forBytes: 0)
    /// The children of the open collections, innermost last.
    private var pending = YAMLNodeStore.Buffer<Int32>(capacity: 64)
    /// The open collections: each one's node and where its children start in `pending`.
    private var open: [(node: Int32, firstPending: Int)] = []

    init(file: String, limits: ReadLimits, lines: LineTable?) {
        self.file = file
        self.limits = limits
        self.lines = lines
    }

    /// Composes the document in `buffer`. Returns its nodes, or nil when it has none or
    /// libyaml stopped on an error (in `diagnostics`). Called once.
    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) -> YAMLNodeStore? {
        buffers.free()
        buffers = YAMLNodeStore.Recycler.shared.take(forBytes: buffer.count)
        hasBackslash = buffer.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\\")), buffer.count) != nil } ?? false
        let store = compose(buffer)
        pending.free()
        if store == nil { YAMLNodeStore.Recycler.shared.give(buffers) }
        return store
    }

    private func location(_ mark: yaml_mark_t, lines: LineTable? = nil) -> SourceLocation {
        if let lines = lines ?? self.lines { return lines.location(ofCharacter: Int(mark.index), in: file) }
        return SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// The line and column of a mark, as stored in a record.
    private func position(_ mark: yaml_mark_t) -> (line: Int32, column: Int32) {
        if let lines {
            let at = lines.location(ofCharacter: Int(mark.index), in: file)
            return (Int32(truncatingIfNeeded: at.line), Int32(truncatingIfNeeded: at.column))
        }
        return (Int32(truncatingIfNeeded: mark.line + 1), Int32(truncatingIfNeeded: mark.column + 1))
    }

    private mutating func append(_ kind: YAMLNodeStore.Kind, at mark: yaml_mark_t, first: Int32 = 0) -> Int32 {
        let (line, column) = position(mark)
        buffers.records.append(YAMLNodeStore.Record(kind: kind, line: line, column: column, first: first, count: 0))
        return Int32(buffers.records.count - 1)
    }

    private mutating func appendScalar(_ text: UnsafeBufferPointer<UInt8>, plain: Bool, isNull: Bool, at mark: yaml_mark_t) -> Int32 {
        let first = Int32(truncatingIfNeeded: buffers.text.count)
        buffers.text.append(contentsOf: text)
        let node = append(isNull ? .null : plain ? .plainScalar : .quotedScalar, at: mark, first: first)
        buffers.records[Int(node)].count = Int32(truncatingIfNeeded: text.count)
        return node
    }

    private mutating func compose(_ buffer: UnsafeBufferPointer<UInt8>) -> YAMLNodeStore? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(.error(SourceLocation(file: file, line: 1, column: 1), "could not start the YAML reader (out of memory?)"))
            return nil
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var root: Int32?
        var documents = 0
        var reportedAnchor = false
        var reportedAlias = false

        func finish(_ root: Int32?) -> YAMLNodeStore? {
            guard let root else { return nil }
            return YAMLNodeStore(file: file, buffers: buffers, root: root)
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                diagnostics.append(syntaxError(parser, lines: lines ?? LineTable(buffer)))
                return nil
            }
            defer { yaml_event_delete(&event) }
            var completed: Int32?

            switch event.type {
            case YAML_STREAM_END_EVENT:
                return finish(root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    diagnostics.append(.error(location(event.start_mark),
                        "a second YAML document starts here (after `---`); a cbm file holds one questionnaire or one assessment. Put each in its own file"))
                    return finish(root)
                }
            case YAML_ALIAS_EVENT:
                if !reportedAlias {
                    diagnostics.append(.error(location(event.start_mark),
                        "YAML aliases (`*name`) are not allowed in cbm files; write the value out in full"))
                    reportedAlias = true
                }
                completed = appendScalar(UnsafeBufferPointer(start: nil, count: 0), plain: true, isNull: true, at: event.start_mark)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                if scalar.anchor != nil { reportAnchor(location(event.start_mark), &reportedAnchor) }
                if let tag = scalar.tag { reportTag(tag, at: location(event.start_mark)) }
                let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
                var text = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
                var isNull = plain
                var control: UInt8?
                if let value = scalar.value {
                    let utf8 = UnsafeBufferPointer(start: value, count: scalar.length)
                    text = utf8
                    isNull = plain && Self.isNull(utf8)
                    // Only an escape in double quotes can write a control character: the
                    // text check has refused them in the file itself.
                    if hasBackslash && scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE { control = Self.controlCharacter(in: utf8) }
                }
                if let code = control {
                    // Only an escape in double quotes (`\e`, `\0`, `\x1b`) can write one; in a
                    // report or a terminal it could hide text or send commands to the terminal.
                    diagnostics.append(.error(location(event.start_mark),
                        "this text contains an invisible control character (code \(code)), written as an escape such as `\\e`, `\\0` or `\\x1b` inside double quotes; remove it (for a backslash, write `\\\\` or use single quotes)"))
                }
                completed = appendScalar(text, plain: plain, isNull: isNull, at: event.start_mark)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                if anchor != nil { reportAnchor(location(event.start_mark), &reportedAnchor) }
                if let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag {
                    reportTag(tag, at: location(event.start_mark))
                }
                if open.count >= limits.maxDepth {
                    diagnostics.append(.error(location(event.start_mark),
                        "the file nests lists and mappings more than \(limits.maxDepth) levels deep here; cbm files need fewer than 10. The file is probably damaged"))
                    return nil
                }
                let node = append(isMapping ? .mapping : .sequence, at: event.start_mark)
                open.append((node, pending.count))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let (node, firstPending) = open.popLast() {
                    buffers.records[Int(node)].first = Int32(buffers.children.count)
                    buffers.records[Int(node)].count = Int32(pending.count - firstPending)
                    buffers.children.moveTail(of: &pending, from: firstPending)
                    completed = node
                }
            default:
                break
            }

            if let node = completed {
                if open.isEmpty { root = node } else { pending.append(node) }
            }
        }
    }

    /// Whether a plain scalar is YAML's null: nothing, `~`, `null`, `Null` or `NULL` (by bytes:
    /// comparing strings cost more than composing the node).
    private static func isNull(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        switch utf8.count {
        case 0: return true
        case 1: return utf8[0] == UInt8(ascii: "~")
        case 4:
            let (first, rest) = (utf8[0], (utf8[1], utf8[2], utf8[3]))
            if rest == (UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")) {
                return first == UInt8(ascii: "n") || first == UInt8(ascii: "N")
            }
            return first == UInt8(ascii: "N") && rest == (UInt8(ascii: "U"), UInt8(ascii: "L"), UInt8(ascii: "L"))
        default: return false
        }
    }

    /// The first control character in UTF-8 text other than tab, line feed and carriage
    /// return: C0 codes, DEL, and C1 codes (U+0080–U+009F, written C2 80–C2 9F).
    static func controlCharacter(in utf8: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard let base = utf8.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let count = utf8.count
        var index = 0
        while index < count {
            // Eight bytes at a time while none is below 0x20, DEL or C2 (which starts the C1
            // codes): almost every text.
            if index + 8 <= count {
                let word = ByteWord.load(raw, at: index)
                if !ByteWord.hasByte(word, below: 0x20) && !ByteWord.hasByte(word, equalTo: 0x7F)
                    && !ByteWord.hasByte(word, equalTo: 0xC2) {
                    index += 8
                    continue
                }
            }
            let byte = utf8[index]
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F { return byte }
            if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(utf8[index + 1]) { return utf8[index + 1] }
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
