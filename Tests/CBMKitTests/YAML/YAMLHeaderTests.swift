import Foundation
import Testing
@testable import CBMKit

/// `YAMLHeader` finds a questionnaire's `id:` and `version:` at the top of its file without
/// reading the rest, and gives nothing (so the file is read whole) when it cannot.
@Suite("The top of a YAML file")
struct YAMLHeaderTests {
    static func scalars(_ text: String, _ keys: Set<String> = ["id", "version"]) -> [String: String]? {
        Array(text.utf8).withUnsafeBufferPointer { YAMLHeader.scalars(keys, in: $0) }
    }

    @Test func findsTopLevelScalarsAndSkipsNestedOnes() {
        #expect(Self.scalars("id: cbm-core\nversion: \"2027.1\"\nmaturity: {}\n") == ["id": "cbm-core", "version": "2027.1"])
        // A nested `id:` is not the questionnaire's.
        #expect(Self.scalars("title:\n  id: inner\n  version: '9'\nlist: [id, version]\nid: outer\nversion: 1.0\n")
                == ["id": "outer", "version": "1.0"])
        // The first of two (the full reading reports the second as an error).
        #expect(Self.scalars("id: a\nid: b\nversion: 1\n") == ["id": "a", "version": "1"])
    }

    @Test func stopsOnceEveryKeyIsFound() {
        // What follows the keys is not read: here it is cut off in the middle of a string.
        #expect(Self.scalars("id: x\nversion: '2'\ntitle: \"unfinished") == ["id": "x", "version": "2"])
    }

    @Test func givesNothingWhenAKeyIsMissingOrTheFileIsNotAMapping() {
        #expect(Self.scalars("id: x\ntitle: y\n") == nil)
        #expect(Self.scalars("- id: x\n- version: 1\n") == nil)
        #expect(Self.scalars("just text\n") == nil)
        #expect(Self.scalars("id: x\nversion: [1, 2]\n") == nil)
        #expect(Self.scalars("id: [unclosed\nversion: 1\n") == nil)
        #expect(Self.scalars("") == nil)
    }

    @Test func keysNotRequiredMayBeMissing() {
        let keys: Set<String> = ["language", "name", "native_name"]
        #expect(Array("language: uz\nname: Uzbek\ntexts: {}\n".utf8).withUnsafeBufferPointer {
            YAMLHeader.scalars(keys, required: ["language", "name"], in: $0)
        } == ["language": "uz", "name": "Uzbek"])
        // Cut off after the keys, in the middle of what follows.
        #expect(Array("language: ru\nname: Russian\nnative_name: русский\ntexts:\n  a: \"cut".utf8).withUnsafeBufferPointer {
            YAMLHeader.scalars(keys, required: ["language", "name"], in: $0)
        } == ["language": "ru", "name": "Russian", "native_name": "русский"])
        #expect(Array("language: uz\ntexts: {}\n".utf8).withUnsafeBufferPointer {
            YAMLHeader.scalars(keys, required: ["language", "name"], in: $0)
        } == nil)
    }

    @Test func readsOnlyTheTopOfAFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-header-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("q.yaml")
        // Keys at the top, then far more than is read; the tail is not even valid YAML.
        let text = "id: big\nversion: \"3\"\nnotes: >\n" + String(repeating: "  filler text\n", count: 2000) + "\t: [\n"
        try Data(text.utf8).write(to: url)
        #expect(text.utf8.count > YAMLHeader.headBytes)
        #expect(YAMLHeader.scalars(["id", "version"], at: url) == ["id": "big", "version": "3"])
        // Keys below the part read: nothing, and the caller reads the file whole.
        let late = directory.appendingPathComponent("late.yaml")
        try Data(("notes: >\n" + String(repeating: "  filler text\n", count: 2000) + "id: x\nversion: 1\n").utf8).write(to: late)
        #expect(YAMLHeader.scalars(["id", "version"], at: late) == nil)
        #expect(YAMLHeader.scalars(["id"], at: directory.appendingPathComponent("missing.yaml")) == nil)
    }
}
