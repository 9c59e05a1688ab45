import Foundation
import Testing
@testable import CBMKit

/// Seeded, bounded fuzzing: the example and fixture files, damaged the ways files get damaged
/// (a flipped or stray byte, a line lost, doubled or moved, keys swapped, indentation off,
/// a file cut short), must load into a valid model or end in at least one located error;
/// and whatever loads must score and render in every format. The same seeds give the same
/// files on every run; a failure names the seed file, the case number and the mutations, so it
/// can be replayed with `FuzzCase.replay`. (The time limit only stops a hang from blocking
/// the suite; speed is measured in Benchmarks/.)
@Suite("Fuzzing: damaged example and fixture files", .timeLimit(.minutes(3)))
struct FuzzTests {
    /// How many damaged copies of each seed file are tried. The example is large (2,000
    /// lines), so it gets fewer copies, each rendered only when it loads.
    static let seeds: [(file: String, cases: Int)] = [
        ("examples/arventa-2026.yaml", 120),
        ("Fixtures/mini-assessment.yaml", 400),
        ("Fixtures/mini-maturity.yaml", 250),
        ("Fixtures/mini-compliance.yaml", 250),
        ("Fixtures/adversarial/complete/assessment.yaml", 300),
        ("Fixtures/adversarial/complete/maturity.yaml", 250),
        ("Fixtures/adversarial/complete/compliance.yaml", 250),
    ]

    @Test(arguments: seeds.map(\.file))
    func damagedCopiesLoadOrFailWithLocatedErrors(_ seed: String) throws {
        let cases = Self.seeds.first { $0.file == seed }!.cases
        let original = FuzzCase.seedData(seed)
        var loaded = 0
        var rejected = 0
        for number in 0..<cases {
            let fuzz = FuzzCase(seed: seed, number: number, original: original)
            let name = (seed as NSString).lastPathComponent
            let outcome = loadAny(fuzz.data, file: name, catalog: FuzzCase.catalog)
            expectLoadedOrLocated(outcome, data: fuzz.data, file: name, label: fuzz.label)
            if outcome.loaded { loaded += 1 } else { rejected += 1 }
            guard outcome.loaded else { continue }
            if let assessment = outcome.assessment {
                try renderAndTrend(assessment, catalog: FuzzCase.catalog, against: seed, label: fuzz.label)
            } else if let questionnaire = outcome.questionnaire, let partner = FuzzCase.partner[seed] {
                // Score the matching assessment against the damaged questionnaire.
                let catalog = FuzzCase.catalog(replacing: seed, with: questionnaire)
                let partnerData = FuzzCase.seedData(partner)
                let answers = loadAny(partnerData, file: "partner.yaml", catalog: catalog)
                expectLoadedOrLocated(answers, data: partnerData, file: "partner.yaml", label: "\(fuzz.label), its assessment")
                if let assessment = answers.assessment, answers.loaded {
                    try renderAndTrend(assessment, catalog: catalog, against: partner, label: fuzz.label)
                }
            }
        }
        // The mutations must reach both outcomes, or the test tests little.
        #expect(loaded > 0, "no damaged copy of \(seed) loaded")
        #expect(rejected > cases / 4, "only \(rejected) of \(cases) damaged copies of \(seed) were refused")
    }

    /// Scores and renders a loaded assessment in every format, and its trend with the
    /// undamaged original.
    func renderAndTrend(_ assessment: Assessment, catalog: Catalog, against seed: String, label: String) throws {
        let (html, markdown) = try renderEverything(assessment, catalog: catalog)
        #expect(html.hasSuffix("</html>\n") || html.hasSuffix("</html>"), "\(label): the HTML report is cut short")
        #expect(!markdown.isEmpty, "\(label)")
        guard seed.hasPrefix("Fixtures/"), let original = FuzzCase.originalCard[seed] else { return }
        let card = Scorer.score(assessment, catalog: catalog)
        let inputs = [TrendBuilder.Input(card: original, file: "original.yaml"), TrendBuilder.Input(card: card, file: "damaged.yaml")]
        guard let trend = try? TrendBuilder.build(inputs, catalog: catalog) else { return }  // different country or same period
        _ = trend.json.rendered()
        _ = trend.terminalSummary()
        _ = try ReportRenderer.renderTrend(trend, format: .html)
        _ = try ReportRenderer.renderTrend(trend, format: .md)
    }

    @Test func mutationsAreReproducible() {
        let data = FuzzCase.seedData("Fixtures/mini-assessment.yaml")
        for number in 0..<50 {
            let a = FuzzCase(seed: "Fixtures/mini-assessment.yaml", number: number, original: data)
            let b = FuzzCase(seed: "Fixtures/mini-assessment.yaml", number: number, original: data)
            #expect(a.data == b.data && a.label == b.label)
        }
    }
}

/// One damaged copy of a seed file: 1 to 3 mutations chosen by a generator seeded from the
/// file name and the case number.
struct FuzzCase {
    var data: Data
    var mutations: [String] = []
    let seed: String
    let number: Int

    var label: String { "\(seed) case \(number) [\(mutations.joined(separator: "; "))]" }

    init(seed: String, number: Int, original: Data) {
        self.seed = seed
        self.number = number
        var generator = SplitMix64(seed: Self.stableHash(seed) &+ UInt64(number) &* 0x9E37_79B9)
        var bytes = [UInt8](original)
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            mutations.append(Self.mutate(&bytes, using: &generator))
        }
        data = Data(bytes)
    }

    /// Replays one case, to look at a failure: prints the damaged file.
    static func replay(seed: String, number: Int) -> String {
        let fuzz = FuzzCase(seed: seed, number: number, original: seedData(seed))
        return fuzz.label + "\n" + String(decoding: fuzz.data, as: UTF8.self)
    }

    /// FNV-1a, so that seeds do not depend on Swift's per-process string hashing.
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// Bytes that change the meaning of YAML, and bytes that break UTF-8.
    static let interesting: [UInt8] = Array("\"'[]{}:,-#&*!|>%@`?\t\n\r \\".utf8) + [0x00, 0x7F, 0x80, 0xC3, 0xE2, 0xFF, 0xD0]

    /// Characters that text pasted from word processors and web pages brings: line and
    /// paragraph separators, next line, no-break and zero-width spaces, a byte-order mark,
    /// a right-to-left override, and escapes that YAML turns into control characters.
    static let pasted: [String] = ["\u{2028}", "\u{2029}", "\u{85}", "\u{A0}", "\u{200B}", "\u{FEFF}", "\u{202E}", "\\e", "\\0", "\\x9b"]

    static func mutate(_ bytes: inout [UInt8], using generator: inout SplitMix64) -> String {
        guard !bytes.isEmpty else {
            bytes = [interesting.randomElement(using: &generator)!]
            return "start from one byte"
        }
        var lines = splitLines(bytes)
        switch Int.random(in: 0..<10, using: &generator) {
        case 0:
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            let bit = UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
            bytes[at] ^= bit
            return "flip bit \(bit) of byte \(at)"
        case 1:
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            let byte = interesting.randomElement(using: &generator)!
            bytes[at] = byte
            return "set byte \(at) to \(byte)"
        case 2:
            let at = Int.random(in: 0...bytes.count, using: &generator)
            let byte = interesting.randomElement(using: &generator)!
            bytes.insert(byte, at: at)
            return "insert \(byte) at \(at)"
        case 3:
            let line = Int.random(in: 0..<lines.count, using: &generator)
            lines.remove(at: line)
            bytes = joinLines(lines)
            return "delete line \(line + 1)"
        case 4:
            let line = Int.random(in: 0..<lines.count, using: &generator)
            lines.insert(lines[line], at: line)
            bytes = joinLines(lines)
            return "duplicate line \(line + 1)"
        case 5:
            // Swap the keys of two `key: value` lines, keeping indentation and values.
            let keyed = lines.indices.filter { keyRange(lines[$0]) != nil }
            guard keyed.count >= 2 else { return "no keys to swap" }
            let a = keyed.randomElement(using: &generator)!, b = keyed.randomElement(using: &generator)!
            let ra = keyRange(lines[a])!, rb = keyRange(lines[b])!
            let keyA = Array(lines[a][ra]), keyB = Array(lines[b][rb])
            lines[a].replaceSubrange(ra, with: keyB)
            lines[b].replaceSubrange(rb, with: keyA)
            bytes = joinLines(lines)
            return "swap the keys of lines \(a + 1) and \(b + 1)"
        case 6:
            let line = Int.random(in: 0..<lines.count, using: &generator)
            let change = [-4, -2, -1, 1, 2, 4].randomElement(using: &generator)!
            if change > 0 {
                lines[line].insert(contentsOf: repeatElement(UInt8(ascii: " "), count: change), at: 0)
            } else {
                let spaces = lines[line].prefix { $0 == UInt8(ascii: " ") }.count
                lines[line].removeFirst(min(spaces, -change))
            }
            bytes = joinLines(lines)
            return "indent line \(line + 1) by \(change)"
        case 7:
            let a = Int.random(in: 0..<lines.count, using: &generator), b = Int.random(in: 0..<lines.count, using: &generator)
            lines.swapAt(a, b)
            bytes = joinLines(lines)
            return "swap lines \(a + 1) and \(b + 1)"
        case 8:
            // At a character boundary, so that the file stays valid UTF-8.
            let boundaries = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 }
            let at = boundaries.randomElement(using: &generator)!
            let text = pasted.randomElement(using: &generator)!
            bytes.insert(contentsOf: Array(text.utf8), at: at)
            return "insert \(text.unicodeScalars.map { "U+" + String($0.value, radix: 16) }.joined(separator: " ")) at \(at)"
        default:
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            bytes.removeSubrange(at...)
            return "cut the file at byte \(at)"
        }
    }

    static func splitLines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    }

    static func joinLines(_ lines: [[UInt8]]) -> [UInt8] {
        Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }

    /// Where the key of a `key: value` (or `- key: value`) line is.
    static func keyRange(_ line: [UInt8]) -> Range<Int>? {
        var start = line.prefix { $0 == UInt8(ascii: " ") }.count
        if line.count > start + 1, line[start] == UInt8(ascii: "-"), line[start + 1] == UInt8(ascii: " ") { start += 2 }
        guard let colon = line[start...].firstIndex(of: UInt8(ascii: ":")), colon > start,
              colon + 1 == line.count || line[colon + 1] == UInt8(ascii: " ") else { return nil }
        let key = line[start..<colon]
        guard !key.contains(UInt8(ascii: "{")), !key.contains(UInt8(ascii: "#")) else { return nil }
        return start..<colon
    }

    // MARK: Seeds

    static func seedData(_ seed: String) -> Data {
        if seed.hasPrefix("Fixtures/") { return try! Data(contentsOf: Fixtures.url(String(seed.dropFirst("Fixtures/".count)))) }
        return try! Data(contentsOf: URL(fileURLWithPath: Repository.path(seed)))
    }

    /// The assessment that answers each seed questionnaire.
    static let partner = [
        "Fixtures/mini-maturity.yaml": "Fixtures/mini-assessment.yaml",
        "Fixtures/mini-compliance.yaml": "Fixtures/mini-assessment.yaml",
        "Fixtures/adversarial/complete/maturity.yaml": "Fixtures/adversarial/complete/assessment.yaml",
        "Fixtures/adversarial/complete/compliance.yaml": "Fixtures/adversarial/complete/assessment.yaml",
    ]

    static let bundled = Catalog.bundled().catalog

    /// The seed questionnaires, loaded once.
    static let questionnaires: [String: Questionnaire] = {
        var loaded: [String: Questionnaire] = [:]
        for seed in partner.keys {
            let outcome = loadAny(seedData(seed), file: seed, catalog: bundled)
            loaded[seed] = outcome.questionnaire!
        }
        return loaded
    }()

    /// The bundled questionnaires and the seed ones, with `seed` replaced by `questionnaire`.
    static func catalog(replacing seed: String? = nil, with questionnaire: Questionnaire? = nil) -> Catalog {
        var catalog = bundled
        for (file, original) in questionnaires.sorted(by: { $0.key < $1.key }) {
            _ = catalog.add(file == seed ? questionnaire! : original, file: file, bundled: false)
        }
        return catalog
    }

    static let catalog = catalog()

    /// The score cards of the undamaged seed assessments, to build trends with.
    static let originalCard: [String: ScoreCard] = {
        var cards: [String: ScoreCard] = [:]
        for seed in Set(partner.values) {
            let outcome = loadAny(seedData(seed), file: seed, catalog: catalog)
            cards[seed] = Scorer.score(outcome.assessment!, catalog: catalog)
        }
        return cards
    }()
}
