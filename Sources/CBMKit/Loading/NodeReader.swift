/// Collects the problems found while turning YAML nodes into the model.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []
    /// "Did you mean …?" is worked out for the first thousand mistakes of a file only: a
    /// damaged or hostile file with hundreds of thousands of wrong ids is then still checked
    /// in seconds (each mistake is still reported).
    private var suggestionsLeft = 1000

    /// `closestMatch(to:in:)`, while suggestions are left.
    func suggestion(for word: String, in candidates: @autoclosure () -> [String]) -> String? {
        guard suggestionsLeft > 0 else { return nil }
        suggestionsLeft -= 1
        return closestMatch(to: word, in: candidates())
    }

    func error(_ at: SourceLocation, _ message: String) { diagnostics.append(.error(at, message)) }
    func warning(_ at: SourceLocation, _ message: String) { diagnostics.append(.warning(at, message)) }
    func append(contentsOf more: [Diagnostic]) { diagnostics.append(contentsOf: more) }
}

/// The pairs of a mapping by key. Mappings have a handful of keys, so a list searched in order
/// is faster than a dictionary, which hashes every key.
struct Fields {
    private var pairs: [(key: String, pair: YAMLPair)] = []

    subscript(key: String) -> YAMLPair? {
        get { pairs.first { $0.key == key }?.pair }
        set {
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[index].pair = newValue } else { pairs.remove(at: index) }
            } else if let newValue {
                pairs.append((key, newValue))
            }
        }
    }
}

/// Reads the fields of one YAML mapping, reporting unknown keys (with a suggestion),
/// duplicate keys, missing required keys and values of the wrong type.
struct FieldReader {
    let node: YAMLNode
    /// How the mapping is named in messages: "indicator `ict.single-window`". Made only when a
    /// message needs it: building it for every mapping of a large file cost more than reading it.
    private let makeContext: () -> String
    var context: String { makeContext() }
    let sink: DiagnosticSink
    private(set) var values = Fields()
    let isMapping: Bool

    /// - Parameter allowed: every key the mapping may hold.
    init?(_ node: YAMLNode, _ context: @autoclosure @escaping () -> String, allowed: [String], sink: DiagnosticSink, reportNonMapping: Bool = true) {
        self.node = node
        self.makeContext = context
        self.sink = sink
        guard let pairs = node.mappingPairs else {
            if reportNonMapping {
                sink.error(node.location, "expected \(context()) as a set of `key: value` lines, found \(node.kindDescription)")
            }
            return nil
        }
        isMapping = true
        for pair in pairs {
            guard let key = pair.key.scalar else {
                sink.error(pair.key.location, "expected a simple key (a word followed by `:`) in \(context()), found \(pair.key.kindDescription)")
                continue
            }
            if let first = values[key] {
                sink.error(pair.key.location,
                    "the key `\(key)` appears twice in \(context()) (first at line \(first.key.location.line), column \(first.key.location.column)); keep only one")
                continue
            }
            if !allowed.contains(key) {
                var message = "unknown key `\(key.shortenedForMessage)` in \(context())"
                if let suggestion = sink.suggestion(for: key, in: allowed) {
                    message += "; did you mean `\(suggestion)`?"
                } else {
                    message += "; allowed keys are: " + allowed.map { "`\($0)`" }.joined(separator: ", ")
                }
                sink.error(pair.key.location, message)
                continue
            }
            values[key] = pair
        }
    }

    /// The same fields, named differently in later messages (once the id is known).
    func named(_ context: @autoclosure @escaping () -> String) -> FieldReader {
        FieldReader(node: node, context: context, sink: sink, values: values, isMapping: isMapping)
    }

    private init(node: YAMLNode, context: @escaping () -> String, sink: DiagnosticSink, values: Fields, isMapping: Bool) {
        self.node = node
        self.makeContext = context
        self.sink = sink
        self.values = values
        self.isMapping = isMapping
    }

    func has(_ key: String) -> Bool { values[key].map { !$0.value.isNull } ?? false }

    /// The value node, or nil when absent or null; reports a missing required key.
    func node(_ key: String, required: Bool = false, what: @autoclosure () -> String? = nil) -> YAMLNode? {
        if let pair = values[key], !pair.value.isNull { return pair.value }
        if required {
            let at = values[key]?.key.location ?? node.location
            sink.error(at, "\(context) has no `\(key)`\(what().map { " (\($0))" } ?? ""); it is required")
        }
        return nil
    }

    func keyLocation(_ key: String) -> SourceLocation? { values[key]?.key.location }

    func string(_ key: String, required: Bool = false, what: @autoclosure () -> String? = nil) -> String? {
        guard let value = node(key, required: required, what: what()) else { return nil }
        guard let text = value.scalar else {
            sink.error(value.location, "expected `\(key)` of \(context) to be text, found \(value.kindDescription)")
            return nil
        }
        return text
    }

    /// A lowercase identifier: letters, digits, `-`, `_` and `.`.
    func identifier(_ key: String, required: Bool = false) -> String? {
        guard let text = string(key, required: required), let value = node(key) else { return nil }
        return checkedIdentifier(text, at: value.location, sink: sink, what: "`\(key)` of \(context)")
    }

    func text(_ key: String, required: Bool = false, what: @autoclosure () -> String? = nil) -> LocalizedText? {
        guard let value = node(key, required: required, what: what()) else { return nil }
        return localizedText(value, what: "`\(key)` of \(context)", sink: sink)
    }

    func int(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        guard let value = node(key, required: required) else { return nil }
        guard let text = value.scalar, let number = Int(text), range.contains(number) else {
            sink.error(value.location, "expected `\(key)` of \(context) to be a whole number from \(range.lowerBound) to \(range.upperBound), found \(value.kindDescription)")
            return nil
        }
        return number
    }

    /// A positive number (weights). Zero and negative numbers are refused.
    func positiveNumber(_ key: String) -> Double? {
        guard let value = node(key) else { return nil }
        guard let text = value.scalar, let number = Double(text), number.isFinite else {
            sink.error(value.location, "expected `\(key)` of \(context) to be a number such as 1 or 0.5, found \(value.kindDescription)")
            return nil
        }
        guard number > 0 else {
            sink.error(value.location, "expected `\(key)` of \(context) to be greater than 0, found `\(text)`; to leave an item out of the scores, remove it or answer it `na`")
            return nil
        }
        guard number >= MaturityQuestionnaire.minimumWeight else {
            sink.error(value.location, "expected `\(key)` of \(context) to be at least \(MaturityQuestionnaire.minimumWeight), found `\(text)`; weights compare items with one another (2 counts twice as much as 1), and smaller weights would be lost in rounding")
            return nil
        }
        guard number <= 1000 else {
            sink.error(value.location, "expected `\(key)` of \(context) to be at most 1000, found `\(text)`")
            return nil
        }
        return number
    }

    func bool(_ key: String) -> Bool? {
        guard let value = node(key) else { return nil }
        switch value.scalar?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            sink.error(value.location, "expected `\(key)` of \(context) to be `true` or `false`, found \(value.kindDescription)")
            return nil
        }
    }

    /// A list; a single value where a list is expected is reported.
    func list(_ key: String, required: Bool = false, what: @autoclosure () -> String? = nil) -> [YAMLNode]? {
        guard let value = node(key, required: required, what: what()) else { return nil }
        guard let items = value.sequenceItems else {
            sink.error(value.location, "expected `\(key)` of \(context) to be a list (lines starting with `- `), found \(value.kindDescription)")
            return nil
        }
        return items
    }

    func textList(_ key: String, required: Bool = false) -> [LocalizedText]? {
        guard let items = list(key, required: required) else { return nil }
        return items.compactMap { localizedText($0, what: "an item of `\(key)` in \(context)", sink: sink) }
    }

    func stringList(_ key: String) -> [(String, SourceLocation)]? {
        guard let items = list(key) else { return nil }
        return items.compactMap { item in
            guard let text = item.scalar else {
                sink.error(item.location, "expected each item of `\(key)` in \(context) to be text, found \(item.kindDescription)")
                return nil
            }
            return (text, item.location)
        }
    }

    /// A date written YYYY-MM-DD (YYYY-MM and YYYY also accepted).
    func date(_ key: String) -> String? {
        guard let text = string(key), let value = node(key) else { return nil }
        guard isValidDate(text) else {
            sink.error(value.location, "expected `\(key)` of \(context) to be a date written YYYY-MM-DD (for example 2026-10-15), found `\(text.shortenedForMessage)`")
            return nil
        }
        return text
    }
}

func isValidDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4, Int(parts[0]) != nil else { return false }
    if parts.count >= 2 {
        guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false }
    }
    if parts.count == 3 {
        guard parts[2].count == 2, let day = Int(parts[2]), let year = Int(parts[0]), let month = Int(parts[1]) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return false }
    }
    return parts.allSatisfy { $0.allSatisfy(\.isASCII) }
}

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
    var translations: [String: String] = [:]
    for pair in pairs {
        guard let language = pair.key.scalar, isLanguageCode(language) else {
            sink.error(pair.key.location, "expected a language code such as `en` or `ru` in \(what()), found \(pair.key.kindDescription)")
            continue
        }
        if translations[language] != nil {
            sink.error(pair.key.location, "the language `\(language)` appears twice in \(what()); keep only one")
            continue
        }
        guard let text = pair.value.scalar else {
            sink.error(pair.value.location, "expected the `\(language)` text of \(what()) to be text, found \(pair.value.kindDescription)")
            continue
        }
        translations[language] = text
    }
    if translations.isEmpty {
        sink.error(node.location, "\(what()) has no text in any language")
        return nil
    }
    return LocalizedText(translations: translations)
}

/// `en`, `ru`, `uz`, `kk`, also with a region or script: `en-GB`, `uz-Cyrl`.
func isLanguageCode(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
    return parts.dropFirst().allSatisfy { (2...4).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
}

/// The allowed word nearest to a misspelt one, if it is close enough to be a likely typo:
/// a few letters off, or sharing a long beginning (`border-police` → `border-guard`).
///
/// Cheap lower bounds on the edit distance (the difference in length, and in the letters
/// used) skip most candidates without computing it, so that a file with thousands of wrong
/// ids is still checked quickly; beyond 500 candidates no suggestion is made at all.
func closestMatch(to word: String, in candidates: [String]) -> String? {
    guard candidates.count <= 500 else { return nil }
    let lowered = Array(word.lowercased().prefix(200))
    let letters = LetterCounts(lowered)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let other = Array(candidate.prefix(200))
        let prefix = zip(lowered, other).prefix { $0 == $1 }.count
        let sharesBeginning = prefix >= max(4, min(lowered.count, candidate.count) / 2)
        let limit = max(2, candidate.count / 3)
        if !sharesBeginning {
            // Each bound is at most the edit distance: skip when either is over the limit.
            if abs(lowered.count - other.count) > limit || letters.difference(LetterCounts(other)) > limit { continue }
        }
        let distance = editDistance(lowered, other)
        guard distance <= limit || sharesBeginning else { continue }
        if best == nil || distance < best!.distance { best = (candidate, distance) }
    }
    return best?.candidate
}

/// How often each letter occurs (in 64 buckets). Each edit changes the counts by at most one
/// in each direction, so the difference of two words' counts is at most their edit distance.
private struct LetterCounts {
    var counts = [Int](repeating: 0, count: 64)

    init(_ characters: [Character]) {
        for character in characters { counts[Int(character.unicodeScalars.first!.value & 63)] += 1 }
    }

    func difference(_ other: LetterCounts) -> Int {
        var more = 0
        var fewer = 0
        for bucket in 0..<64 {
            let delta = counts[bucket] - other.counts[bucket]
            if delta > 0 { more += delta } else { fewer -= delta }
        }
        return max(more, fewer)
    }
}

/// How a mapping is named in messages: "indicator `ict.single-window`", or "an indicator"
/// while its id is unknown.
func describe(_ node: YAMLNode, as noun: String) -> String {
    let id = node.mappingPairs?.first { $0.key.scalar == "id" }?.value.scalar
    if let id { return "\(noun) `\(id.shortenedForMessage)`" }
    return (noun.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + noun
}

/// Levenshtein distance, counting a swap of two neighbouring letters as one edit.
func editDistance(_ a: String, _ b: String) -> Int {
    editDistance(Array(a.prefix(200)), Array(b.prefix(200)))
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], previous2[j - 2] + 1)
            }
        }
        previous2 = previous
        previous = current
    }
    return previous[b.count]
}
