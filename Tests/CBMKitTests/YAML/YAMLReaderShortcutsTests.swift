import Foundation
import Testing
@_spi(Benchmarks) @testable import CBMKit

/// The YAML reader's shortcuts (docs/performance.md) must give the same answers as the plain
/// way: control characters found eight bytes at a time, and memory kept from file to file
/// (`YAMLNodeStore.Recycler`) never showing one file's nodes in another.
@Suite("YAML reader shortcuts give the same results")
struct YAMLReaderShortcutsTests {
    /// The same as `YAMLComposer.controlCharacter(in:)`, a byte at a time.
    static func controlCharacterByBytes(_ bytes: [UInt8]) -> UInt8? {
        for (index, byte) in bytes.enumerated() {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F { return byte }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return bytes[index + 1] }
        }
        return nil
    }

    @Test func controlCharactersAreFoundWhereverTheyAre() {
        var random = SplitMix64(seed: 13)
        let alphabet: [UInt8] = Array("abc é«»".utf8) + [0x09, 0x0A, 0x0D, 0x00, 0x1B, 0x7F, 0xC2, 0x80, 0x85, 0x9F, 0xA0]
        var found = 0
        for length in 0..<40 {
            for _ in 0..<200 {
                // Mostly ordinary text, so that the eight-byte steps are taken too.
                let bytes = (0..<length).map { _ in
                    Int.random(in: 0..<10, using: &random) < 8 ? UInt8(ascii: "x") : alphabet.randomElement(using: &random)!
                }
                let fast = bytes.withUnsafeBufferPointer { YAMLComposer.controlCharacter(in: $0) }
                #expect(fast == Self.controlCharacterByBytes(bytes), "\(bytes)")
                if fast != nil { found += 1 }
            }
        }
        #expect(found > 1000)
    }

    @Test func filesReadOneAfterAnotherDoNotShareTheirNodes() throws {
        // Memory is kept from file to file: the second file must not see the first one's texts.
        let first = YAMLReader.read(Data("a: first value, long enough to need its own storage\n".utf8), file: "1.yaml")
        let second = YAMLReader.read(Data("b: [x, y]\n".utf8), file: "2.yaml")
        let one = try #require(first.value), two = try #require(second.value)
        let firstText = one.read { $0.mappingPairs?.first?.value.scalar }
        let secondKey = two.read { $0.mappingPairs?.first?.key.scalar }
        let secondItems = two.read { $0.mappingPairs?.first?.value.sequenceItems?.compactMap(\.scalar) }
        #expect(firstText == "first value, long enough to need its own storage")
        #expect(secondKey == "b")
        #expect(secondItems == ["x", "y"])
    }

    @Test func recycledMemoryHoldsOnlyTheNewFile() throws {
        // Each file is dropped before the next is read, so that its buffers (and the memory
        // it was read into) are handed to the next file: what the next file shows must be its own.
        var random = SplitMix64(seed: 7)
        for round in 0..<300 {
            let count = Int(random.next() % 40) + 1
            let values = (0..<count).map { index in "v\(round)-\(index)-" + String(repeating: "x", count: Int(random.next() % 200)) }
            let text = values.enumerated().map { "k\($0.offset): \($0.element)" }.joined(separator: "\n") + "\n"
            let read = YAMLReader.read(Data(text.utf8), file: "\(round).yaml")
            let document = try #require(read.value)
            let found = document.read { root in root.mappingPairs?.map { "\($0.key.scalar ?? "?"): \($0.value.scalar ?? "?")" } }
            #expect(found == values.enumerated().map { "k\($0.offset): \($0.element)" }, "round \(round)")
        }
    }

    @Test func filesReadAtOnceOnEveryCoreKeepTheirOwnNodes() throws {
        let texts = (0..<64).map { file in (0..<50).map { "key\($0): file \(file) value \($0)" }.joined(separator: "\n") + "\n" }
        let results = Loader.concurrentMap(texts.count) { index -> [String]? in
            guard let document = YAMLReader.read(Data(texts[index].utf8), file: "\(index).yaml").value else { return nil }
            return document.read { root in root.mappingPairs?.compactMap(\.value.scalar) }
        }
        for (file, values) in results.enumerated() {
            #expect(values == (0..<50).map { "file \(file) value \($0)" })
        }
    }
}
