/// The pairs of a mapping by key: for each allowed key, where its pair is in the mapping.
/// Mappings have a handful of keys, so the positions sit in the reader itself (no allocation
/// for each mapping read) and a key is found by its place in the list of allowed keys.
struct Fields {
    /// The most keys a mapping may be allowed (the largest list has 11).
    static let maximumAllowed = 16
    let allowed: [String]
    private let pairs: YAMLPairs?
    /// For each allowed key, the index of its pair in `pairs`, or -1.
    private var positions = InlineArray<16, Int32>(repeating: -1)

    init(allowed: [String], pairs: YAMLPairs?) {
        precondition(allowed.count <= Self.maximumAllowed, "a mapping may be allowed at most \(Self.maximumAllowed) keys")
        self.allowed = allowed
        self.pairs = pairs
    }

    /// The place of `key` in `allowed`.
    func slot(of key: String) -> Int? { allowed.firstIndex(of: key) }

    /// The place in `allowed` of the key whose UTF-8 is `bytes`, told without making it a
    /// `String` (`ByteText`: allowed keys are lowercase ASCII words).
    func slot(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int? { allowed.firstIndex { ByteText.equals($0, bytes) } }

    subscript(key: String) -> YAMLPair? {
        guard let slot = slot(of: key) else { return nil }
        return self[slot: slot]
    }

    /// The pair of the allowed key at `slot`.
    subscript(slot slot: Int) -> YAMLPair? {
        let position = positions[slot]
        guard position >= 0, let pairs else { return nil }
        return pairs[Int(position)]
    }

    /// Records that the allowed key at `slot` is the pair at `position` of the mapping.
    mutating func set(slot: Int, position: Int) { positions[slot] = Int32(truncatingIfNeeded: position) }
}

/// How a mapping is named in messages, made into text only when a message needs it.
enum FieldContext {
    /// Text made by a closure.
    case made(() -> String)
    /// A fixed description and a name in backquotes: "a response to `ict.single-window`".
    /// No closure is allocated (and retained with each copy of the reader) for it, which
    /// mattered for the thousands of answers and responses of a large assessment.
    case quoted(StaticString, String)

    var text: String {
        switch self {
        case let .made(make): return make()
        case let .quoted(description, name): return "\(description) `\(name)`"
        }
    }
}

/// Reads the fields of one YAML mapping, reporting unknown keys (with a suggestion),
/// duplicate keys, missing required keys and values of the wrong type.
struct FieldReader {
    let node: YAMLNode
    /// How the mapping is named in messages: "indicator `ict.single-window`". Made only when a
    /// message needs it: building it for every mapping of a large file cost more than reading it.
    private let makeContext: FieldContext
    var context: String { makeContext.text }
    /// Not retained: readers live only while their decoder, which holds the sink, reads.
    unowned(unsafe) let sink: DiagnosticSink
    private(set) var values: Fields
    let isMapping: Bool

    /// - Parameter allowed: every key the mapping may hold.
    init?(_ node: YAMLNode, _ context: @autoclosure @escaping () -> String, allowed: [String], sink: DiagnosticSink, reportNonMapping: Bool = true) {
        self.init(node, context: .made(context), allowed: allowed, sink: sink, reportNonMapping: reportNonMapping)
    }

    /// - Parameter allowed: every key the mapping may hold.
    init?(_ node: YAMLNode, context makeContext: FieldContext, allowed: [String], sink: DiagnosticSink, reportNonMapping: Bool = true) {
        func context() -> String { makeContext.text }
        self.node = node
        self.makeContext = makeContext
        self.sink = sink
        guard let pairs = node.mappingPairs else {
            if reportNonMapping {
                sink.error(node.location, "expected \(context()) as a set of `key: value` lines, found \(node.kindDescription)")
            }
            return nil
        }
        isMapping = true
        values = Fields(allowed: allowed, pairs: pairs)
        for position in pairs.indices {
            let pair = pairs[position]
            // The key is found by its bytes; a `String` is made only for a message.
            guard let keyBytes = pair.key.scalarBytes else {
                sink.error(pair.key.location, "expected a simple key (a word followed by `:`) in \(context()), found \(pair.key.kindDescription)")
                continue
            }
            let slot = values.slot(ofUTF8: keyBytes)
            if let slot, let first = values[slot: slot] {
                sink.error(pair.key.location,
                    "the key `\(allowed[slot])` appears twice in \(context()) (first at line \(first.key.location.line), column \(first.key.location.column)); keep only one")
                continue
            }
            guard let slot else {
                let key = String(decoding: keyBytes, as: UTF8.self)
                var message = "unknown key `\(key.shortenedForMessage)` in \(context())"
                if let suggestion = sink.suggestion(for: key, in: allowed) {
                    message += "; did you mean `\(suggestion)`?"
                } else {
                    message += "; allowed keys are: " + allowed.map { "`\($0)`" }.joined(separator: ", ")
                }
                sink.error(pair.key.location, message)
                continue
            }
            values.set(slot: slot, position: position)
        }
    }

    /// The same fields, named differently in later messages (once the id is known).
    func named(_ context: @autoclosure @escaping () -> String) -> FieldReader {
        FieldReader(node: node, context: .made(context), sink: sink, values: values, isMapping: isMapping)
    }

    private init(node: YAMLNode, context: FieldContext, sink: DiagnosticSink, values: Fields, isMapping: Bool) {
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
        guard let value = textNode(key, required: required, what: what()) else { return nil }
        return value.scalar
    }

    /// Checks what `string(_:)` checks, without copying the text (for values not kept).
    func checkString(_ key: String) {
        _ = textNode(key, required: false, what: nil)
    }

    /// The value node when it is text; reports a value that is not.
    func textNode(_ key: String, required: Bool, what: @autoclosure () -> String?) -> YAMLNode? {
        guard let value = node(key, required: required, what: what()) else { return nil }
        guard value.isText else {
            sink.error(value.location, "expected `\(key)` of \(context) to be text, found \(value.kindDescription)")
            return nil
        }
        return value
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
        guard let text = value.scalar, let number = NumberText.wholeNumber(text), range.contains(number) else {
            sink.error(value.location, "expected `\(key)` of \(context) to be a whole number from \(range.lowerBound) to \(range.upperBound), found \(value.kindDescription)")
            return nil
        }
        return number
    }

    /// A positive number (weights) from `MaturityQuestionnaire.minimumWeight` to 1000. Zero and negative numbers are refused.
    func positiveNumber(_ key: String) -> Double? {
        guard let value = node(key) else { return nil }
        guard let text = value.scalar, let number = NumberText.decimalNumber(text), number.isFinite else {
            sink.error(value.location, "expected `\(key)` of \(context) to be a number such as 1 or 0.5, written in digits (no sign, exponent or leading zero), found \(value.kindDescription)")
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
    func list(_ key: String, required: Bool = false, what: @autoclosure () -> String? = nil) -> YAMLItems? {
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
