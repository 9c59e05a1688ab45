// Readers of single values shared by the decoders: ids, texts in several languages, and how
// a mapping is named in messages.

func checkedIdentifier(_ text: String, at location: SourceLocation, sink: DiagnosticSink, what: @autoclosure () -> String) -> String? {
    // By bytes: all allowed characters are ASCII, and a set of Characters built for every id
    // cost more than the rest of reading it.
    let valid = !text.isEmpty && text.utf8.count <= 100 && text.utf8.allSatisfy { byte in
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }
    guard valid else {
        sink.error(location, "expected \(what()) to be an id made of lowercase letters, digits, `-`, `_` and `.` (for example `ict.single-window`), found `\(text.shortenedForMessage)`")
        return nil
    }
    return text
}

/// A plain string, or a map of language codes to strings.
func localizedText(_ node: YAMLNode, what: @autoclosure () -> String, sink: DiagnosticSink) -> LocalizedText? {
    if let text = node.scalar {
        return LocalizedText(text)
    }
    guard let pairs = node.mappingPairs else {
        sink.error(node.location, "expected \(what()) to be text, or translations such as `{en: …, ru: …}`, found \(node.kindDescription)")
        return nil
    }
    // The language codes are told by their bytes (`ByteText`), and the dictionary is sized
    // once: a text is read for every question, level and note of every questionnaire.
    var translations: [String: String] = [:]
    translations.reserveCapacity(pairs.count)
    for pair in pairs {
        guard let code = pair.key.scalarBytes, ByteText.isLanguageCode(code) else {
            sink.error(pair.key.location, "expected a language code such as `en` or `ru` in \(what()), found \(pair.key.kindDescription)")
            continue
        }
        // A language seen before, by its bytes among the few kept so far (a table lookup past
        // a handful). Codes are ASCII, so equal bytes are equal strings.
        let isRepeated = translations.count <= 8
            ? translations.keys.contains { ByteText.equals($0, code) }
            : translations[ByteText.asciiString(code)] != nil
        if isRepeated {
            sink.error(pair.key.location, "the language `\(ByteText.asciiString(code))` appears twice in \(what()); keep only one")
            continue
        }
        guard let text = pair.value.scalar else {
            sink.error(pair.value.location, "expected the `\(ByteText.asciiString(code))` text of \(what()) to be text, found \(pair.value.kindDescription)")
            continue
        }
        translations[ByteText.asciiString(code)] = text
    }
    if translations.isEmpty {
        sink.error(node.location, "\(what()) has no text in any language")
        return nil
    }
    return LocalizedText(translations: translations)
}

/// How a mapping is named in messages: "indicator `ict.single-window`", or "an indicator"
/// while its id is unknown.
func describe(_ node: YAMLNode, as noun: String) -> String {
    let id = node.mappingPairs?.first { $0.key.scalar == "id" }?.value.scalar
    if let id { return "\(noun) `\(id.shortenedForMessage)`" }
    return (noun.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + noun
}
