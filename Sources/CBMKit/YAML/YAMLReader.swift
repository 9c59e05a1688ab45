import Foundation

/// Reads one YAML document into a `YAMLNodeStore`: checks the encoding and the text, then
/// composes the nodes with `YAMLComposer`.
enum YAMLReader {
    /// The located "too large" error.
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
    static func otherUnicodeEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
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

    /// Reads one YAML document: its root node (nil when the file has no content) and every
    /// problem found. Never throws, never crashes on bad input.
    static func read(_ data: Data, file: String, limits: ReadLimits = .standard) -> Loaded<YAMLDocument> {
        if data.count > limits.maxBytes {
            return Loaded(nil, [tooLarge(size: data.count, file: file, limits: limits)])
        }
        return data.withUnsafeBytes { raw in
            let all = raw.bindMemory(to: UInt8.self)
            return read(all, file: file, limits: limits)
        }
    }

    /// Reads one YAML document from bytes already read (no more than the limit).
    static func read(_ all: UnsafeBufferPointer<UInt8>, file: String, limits: ReadLimits) -> Loaded<YAMLDocument> {
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: file, line: line, column: column)
        }
        var bytes = all
        if all.starts(with: [0xEF, 0xBB, 0xBF]) {
            // A UTF-8 byte-order mark, as some editors on Windows write.
            bytes = UnsafeBufferPointer(rebasing: all[3...])
        } else if let encoding = otherUnicodeEncoding(all) {
            return Loaded(nil, [.error(at(1, 1),
                "this file is saved as \(encoding); save it as UTF-8 (in most editors: Save as… → Encoding → UTF-8) and try again")])
        }
        let (problem, unusualLineBreaks) = TextCheck.scan(bytes)
        if let problem {
            return Loaded(nil, [.error(at(problem.line, problem.column), problem.message)])
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return Loaded(nil, [.error(at(1, 1), "the file is empty; expected a questionnaire or an assessment in YAML")])
        }
        // libyaml's own lines and columns are right unless the text holds U+2028 or U+2029.
        var composer = YAMLComposer(file: file, limits: limits, lines: unusualLineBreaks ? LineTable(bytes) : nil)
        let store = composer.run(bytes)
        if store == nil && composer.diagnostics.isEmpty {
            return Loaded(nil, [.error(at(1, 1),
                "the file holds only comments; expected a questionnaire or an assessment in YAML")])
        }
        return Loaded(store.map(YAMLDocument.init), composer.diagnostics)
    }
}
