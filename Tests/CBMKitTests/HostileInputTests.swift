import Foundation
import Testing
@testable import CBMKit

/// Broken or malicious files end in a clear, located message — never a hang, a crash or
/// exhausted memory. (Speed is measured in Benchmarks/, not here; the time limit only stops
/// a hang from blocking the suite.)
@Suite("Hostile and broken files", .timeLimit(.minutes(1)))
struct HostileInputTests {
    @Test func billionLaughsIsRefusedWithoutExpanding() {
        var yaml = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        let names = "bcdefghijklmnopqrstuvwxyz".map(String.init)
        var previous = "a"
        for name in names {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        let diagnostics = questionnaireDiagnostics(yaml)
        expectDiagnostic(diagnostics, at: 1, 4, containing: "YAML anchors (`&name`) are not allowed")
        expectDiagnostic(diagnostics, at: 2, 8, containing: "YAML aliases (`*name`) are not allowed")
    }

    @Test func deepFlowNestingStopsAtTheLimit() {
        let depth = 200_000
        let yaml = "kind: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let diagnostics = questionnaireDiagnostics(yaml)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("the file nests lists and mappings") == true)
        #expect(diagnostics.first?.location.line == 1)
    }

    @Test func deepBlockNestingStopsAtTheLimit() {
        var yaml = ""
        for level in 0..<300 { yaml += String(repeating: " ", count: level) + "a:\n" }
        let diagnostics = questionnaireDiagnostics(yaml)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("levels deep") == true)
        // The root mapping is level 1 and starts on line 1, so level 65 starts on line 65.
        #expect(diagnostics.first?.location.line == 65)
    }

    @Test func fiftyMegabyteFileIsRefusedBeforeReading() throws {
        let dir = TemporaryDirectory()
        let line = Data("# padding padding padding padding padding padding padding padding\n".utf8)
        var data = Data(capacity: 50 * 1_048_576 + line.count)
        while data.count < 50 * 1_048_576 { data.append(line) }
        let file = dir.write("huge.yaml", data)
        let loadedRoot = Loader.readYAML(at: file, shownAs: "huge.yaml")
        let root = loadedRoot.value, diagnostics = loadedRoot.diagnostics
        #expect(root == nil)
        expectDiagnostic(diagnostics, at: 1, 1, containing: "this file is 50.0 MB; cbm reads files of up to 10 MB")
    }

    @Test func binaryFileIsNamedAsSuch() {
        var bytes: [UInt8] = Array("id: x\n".utf8)
        var generator = SplitMix64(seed: 42)
        for _ in 0..<4096 { bytes.append(UInt8(truncatingIfNeeded: generator.next())) }
        bytes[10] = 0
        let loadedRoot = YAMLReader.read(Data(bytes), file: "b.bin")
        let root = loadedRoot.value, diagnostics = loadedRoot.diagnostics
        #expect(root == nil)
        #expect(diagnostics.count == 1)
        let message = diagnostics.first?.message ?? ""
        #expect(message.contains("binary file") || message.contains("not valid UTF-8") || message.contains("control character"))
        #expect(diagnostics.first?.location.line == 2)
    }

    @Test func zeroByteIsReportedWhereItIs() {
        let diagnostics = YAMLReader.read(Data("id: x\nkind: ma\0turity\n".utf8), file: "z.yaml").diagnostics
        expectDiagnostic(diagnostics, at: 2, 9, containing: "binary file")
    }

    @Test func emptyFile() {
        expectDiagnostic(YAMLReader.read(Data(), file: "e.yaml").diagnostics, at: 1, 1, containing: "the file is empty")
        expectDiagnostic(YAMLReader.read(Data("  \n\n".utf8), file: "e.yaml").diagnostics, at: 1, 1, containing: "the file is empty")
        expectDiagnostic(YAMLReader.read(Data("# just a comment\n".utf8), file: "e.yaml").diagnostics, at: 1, 1, containing: "only comments")
    }

    @Test func byteOrderMarkIsAcceptedAndLinesStayRight() {
        let bom = Data([0xEF, 0xBB, 0xBF])
        let clean = YAMLReader.read(bom + Data(Fixtures.text("mini-maturity.yaml").utf8), file: "bom.yaml")
        #expect(clean.value != nil)
        #expect(clean.diagnostics.isEmpty)
        let broken = fixture("mini-maturity.yaml", replacing: "kind: maturity", with: "kind: maturty")
        let loadedRoot = YAMLReader.read(bom + Data(broken.utf8), file: "bom.yaml")
        let root = loadedRoot.value, read = loadedRoot.diagnostics
        let diagnostics = read + Loader.decodeQuestionnaire(root!, diagnostics: []).diagnostics
        expectDiagnostic(diagnostics, at: 2, 7, containing: "found `maturty`")
    }

    @Test func utf16IsExplained() {
        let data = Data([0xFF, 0xFE]) + "id: x".data(using: .utf16LittleEndian)!
        expectDiagnostic(YAMLReader.read(data, file: "u.yaml").diagnostics, at: 1, 1, containing: "saved as UTF-16")
    }

    @Test func invalidUTF8IsLocated() {
        let data = Data("id: x\ntitle: caf".utf8) + Data([0xE9]) + Data(" au lait\n".utf8)
        expectDiagnostic(YAMLReader.read(data, file: "l.yaml").diagnostics, at: 2, 11, containing: "not valid UTF-8")
    }

    @Test func cyrillicTextIsFine() {
        let yaml = fixture("mini-maturity.yaml", replacing: "title: Beta\n", with: "title: {en: Beta, ru: \"Бета — таможня\"}\n")
        #expect(questionnaireDiagnostics(yaml).isEmpty)
    }

    @Test func secondDocumentIsRefused() {
        let yaml = Fixtures.text("mini-maturity.yaml") + "---\nid: other\n"
        expectDiagnostic(questionnaireDiagnostics(yaml), at: 31, 1, containing: "a second YAML document starts here")
    }

    @Test func rootThatIsNotAMapping() {
        expectDiagnostic(questionnaireDiagnostics("- just\n- a list\n"), at: 1, 1, containing: "expected the questionnaire as a set of `key: value` lines, found a list")
    }

    @Test func veryLongLineAndKey() {
        let key = String(repeating: "k", count: 100_000)
        let diagnostics = questionnaireDiagnostics(Fixtures.text("mini-maturity.yaml") + "\(key): 1\n")
        // libyaml refuses keys over 1024 characters; either way the message is located and short.
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == 31)
        #expect((diagnostics.first?.message.count ?? 0) < 1000)
    }
}

/// A small seeded random generator, so that "random" test data is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
