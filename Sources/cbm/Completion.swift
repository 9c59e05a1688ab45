import ArgumentParser
import CBMKit
import Foundation

/// What the shell offers when TAB is pressed (`cbm --generate-completion-script bash|zsh|fish`):
/// file names for files, questionnaire ids for `cbm show` and `--questionnaire`, and the
/// agency ids of the assessment named on the command line for `--agency`.
enum Completion {
    static let assessment = CompletionKind.file(extensions: ["yaml", "yml"])
    static let sheet = CompletionKind.file(extensions: ["xlsx", "csv", "txt"])
    static let anyFile = CompletionKind.file()

    static let questionnaireID = CompletionKind.custom { words, _, prefix in
        questionnaireIDs(words: words).filter { $0.hasPrefix(prefix) }
    }

    static let agencyID = CompletionKind.custom { words, _, prefix in
        agencyIDs(words: words).filter { $0.hasPrefix(prefix) }
    }

    /// A shell word as the user typed it, without quotes; `~/` expanded.
    static func unquoted(_ word: String) -> String {
        var text = word
        if text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" {
            text = String(text.dropFirst().dropLast())
        }
        text = text.replacingOccurrences(of: "\\ ", with: " ")
        if text.hasPrefix("~/") { text = NSHomeDirectory() + text.dropFirst() }
        return text
    }

    /// The bundled questionnaires' ids, and those of any `--questionnaires` folder on the line.
    static func questionnaireIDs(words: [String]) -> [String] {
        var directories: [String] = []
        for (index, word) in words.enumerated() where word == "--questionnaires" && index + 1 < words.count {
            directories.append(unquoted(words[index + 1]))
        }
        return Catalog.load(adding: directories).catalog.ids
    }

    /// The agency ids declared in the first assessment file named on the command line.
    static func agencyIDs(words: [String]) -> [String] {
        for word in words.dropFirst() {
            let path = unquoted(word)
            guard path.hasSuffix(".yaml") || path.hasSuffix(".yml"),
                  let handle = FileHandle(forReadingAtPath: path) else { continue }
            defer { try? handle.close() }
            // The agencies are declared near the top; 256 KB is plenty and bounds the read.
            let text = String(decoding: handle.readData(ofLength: 256 * 1024), as: UTF8.self)
            return agencyIDs(in: text)
        }
        return []
    }

    /// `- {id: customs, name: …}` or `- id: customs` lines under `agencies:`.
    static func agencyIDs(in text: String) -> [String] {
        var ids: [String] = []
        var inside = false, indent = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            let depth = line.count - trimmed.count
            if trimmed.hasPrefix("agencies:") { inside = true; indent = depth; continue }
            guard inside else { continue }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if depth <= indent && !trimmed.hasPrefix("-") { break }
            guard let range = trimmed.range(of: #"^-\s*\{?\s*id:\s*["']?([A-Za-z0-9._-]+)"#, options: .regularExpression) else { continue }
            let match = trimmed[range]
            if let start = match.range(of: "id:") {
                let id = match[start.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
                if !id.isEmpty { ids.append(id) }
            }
        }
        return ids
    }
}
