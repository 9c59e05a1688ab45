import CLibYAML
import Foundation

/// The first plain values of a YAML file's top-level mapping (`id:` and `version:` of a
/// questionnaire), found without reading the rest of the file: libyaml's events are followed
/// only until every key asked for is seen.
enum YAMLHeader {
    /// How much of a file is read to find the keys (they sit at its top).
    static let headBytes = 8192

    /// The values of `keys` in the top-level mapping of the file at `url`, when each is a
    /// scalar found in its first `headBytes` bytes. Nil when one of `required` (all the keys
    /// unless given) is missing, the file cannot be read, or its start is not a mapping: the
    /// caller then reads the whole file, and reports what is wrong with it.
    static func scalars(_ keys: Set<String>, required: Set<String>? = nil, at url: URL) -> [String: String]? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: headBytes), !head.isEmpty else { return nil }
        return head.withUnsafeBytes { raw in scalars(keys, required: required, in: raw.bindMemory(to: UInt8.self)) }
    }

    /// The values of `keys` in the top-level mapping that `bytes` begins (the bytes may stop
    /// anywhere after those keys). The keys not in `required` may be missing: those found
    /// before the mapping or the bytes end are given.
    static func scalars(_ keys: Set<String>, required: Set<String>? = nil, in bytes: UnsafeBufferPointer<UInt8>) -> [String: String]? {
        let required = required ?? keys
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

        var found: [String: String] = [:]
        var depth = 0           // open collections; the top-level mapping is depth 1
        var key: String?        // the key whose value comes next, at depth 1
        // What was found, if it holds every required key: at the end of what can be read.
        func ending() -> [String: String]? { required.isSubset(of: found.keys) ? found : nil }
        for _ in 0..<10_000 {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return ending() }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_START_EVENT:
                continue
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                if depth == 0 && event.type != YAML_MAPPING_START_EVENT { return nil }
                if depth == 1 { key = nil }  // a value that is a collection
                depth += 1
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                depth -= 1
                if depth == 0 { return ending() }  // the mapping ended before every key
            case YAML_SCALAR_EVENT:
                guard depth == 1 else {
                    if depth == 0 { return nil }
                    continue
                }
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                if let current = key {
                    if keys.contains(current) && found[current] == nil { found[current] = text }
                    if found.count == keys.count { return found }
                    key = nil
                } else {
                    key = text
                }
            case YAML_ALIAS_EVENT:
                // An alias at depth 1 takes the place of a key (one that is not asked for) or
                // of a value (which then is not a plain value).
                if depth == 1 { key = key == nil ? "" : nil }
            default:
                return ending()
            }
        }
        return ending()
    }
}
