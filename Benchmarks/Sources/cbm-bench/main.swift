// cbm-bench: synthetic data and in-process timings for Benchmarks/run.
//
//   cbm-bench generate DIR           570 assessments (57 countries × 10 years), 3 files of 1, 10
//                                    and 100 agencies, and 2 worst cases (10 MB, wrong everywhere)
//   cbm-bench score-all DIR [--files N] [--passes P] [--keep-cards]
//                                    load, validate and score the first N .yaml files under DIR
//                                    (all by default), P times over
//   cbm-bench scale FILE...          load, score and render each file, median of several runs
//   cbm-bench report-growth DIR N…  files of N agencies (written into DIR once), and the time
//                                    to load, score and render each one's HTML report
//   cbm-bench process RUNS [--allow-failure] CMD ARG…
//                                    wall-clock time and peak memory of a command, RUNS times
//   cbm-bench ratio RUNS TARGET CMD… -- FLOOR…
//                                    both commands, run in turn RUNS times each; the medians,
//                                    and CMD's median over FLOOR's against TARGET
//   cbm-bench yaml-events PATH…      floor: libyaml's events of every .yaml file (folders
//                                    searched), on every core, with no tree and no checks
//   cbm-bench compose PATH…          floor: the files read and composed as cbm does (text check,
//                                    node store), one after the other, with no model
//   cbm-bench prepare RESOURCES      the prepared forms of the questionnaires and string tables
//                                    in RESOURCES (Sources/CBMKit/Resources), written into its
//                                    prepared/ folder (scripts/regenerate-reports; PreparedForm)
//
// Every assessment is made from the bundled questionnaires, so it answers every indicator of
// cbm-core and every provision of the four convention checklists; a seeded generator makes the
// same files on every run.

@_spi(Benchmarks) import CBMKit
import CLibYAML
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// MARK: Helpers

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Peak resident memory in MB, of this process or of its finished children.
func peakMemoryMB(children: Bool = false) -> Double {
    var usage = rusage()
    getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("cbm-bench: " + message + "\n").utf8))
    exit(1)
}

struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func bundledCatalog() -> Catalog {
    let bundled = Catalog.bundled()
    if bundled.diagnostics.hasErrors { fail("the bundled questionnaires have errors:\n" + LoadError(bundled.diagnostics).description) }
    return bundled.catalog
}

// MARK: generate

/// Writes one synthetic assessment as YAML.
struct Generator {
    let catalog: Catalog
    static let agencyNames = [
        ("customs", "State Customs Service"), ("border-guard", "State Border Guard"),
        ("veterinary", "Veterinary Inspectorate"), ("phytosanitary", "Plant Protection Service"),
        ("health", "Sanitary-Epidemiological Service"), ("transport", "Ministry of Transport"),
        ("trade", "Ministry of Trade"), ("finance", "Ministry of Finance"),
        ("police", "Transport Police"), ("standards", "Standards and Metrology Agency"),
    ]
    static let words = ("decree joint terminal crossing point risk profile single window declaration inspection " +
        "laboratory agreement protocol minutes working group training module staff shift post data exchange " +
        "pre-arrival notification clearance release appeal publication portal consultation traders carriers " +
        "budget action plan strategy ministry order regulation pilot road rail airport scanner weighbridge").split(separator: " ")

    func sentence(_ rng: inout SplitMix64, words count: Int) -> String {
        let text = (0..<count).map { _ in String(Self.words.randomElement(using: &rng)!) }.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst() + ", No. \(Int.random(in: 1...400, using: &rng)) of \(Int.random(in: 2010...2026, using: &rng))"
    }

    /// `progress` (0–1) raises the levels over the years.
    func assessment(country: String, year: Int, agencies: Int, seed: UInt64, progress: Double) -> String {
        var rng = SplitMix64(state: seed)
        let ids: [(String, String)] = (0..<agencies).map { n in
            let base = Self.agencyNames[n % Self.agencyNames.count]
            return n < Self.agencyNames.count ? base : ("\(base.0)-\(n / Self.agencyNames.count)", "\(base.1) \(n / Self.agencyNames.count)")
        }
        var out = """
        # Synthetic assessment made by Benchmarks/cbm-bench (not a real country).
        assessment:
          title: "\(country) CBM self-assessment \(year)"
          country: "\(country)"
          period: \(year)
          date: \(year)-10-15
          prepared_by: National working group on border management
          notes: "\(sentence(&rng, words: 30))"
          agencies:

        """
        for (id, name) in ids { out += "    - {id: \(id), name: \"\(name)\"}\n" }
        out += "questionnaires:\n"
        for questionnaire in catalog.questionnaires {
            out += "  \(questionnaire.id):\n    version: \"\(questionnaire.version)\"\n"
            if let maturity = questionnaire.maturity {
                out += "    targets: {\(maturity.dimensions.prefix(3).map { "\($0.id): 4" }.joined(separator: ", "))}\n"
            }
            out += "    answers:\n"
            for item in questionnaire.itemIDs {
                out += "      \"\(item)\":\n"
                if questionnaire.kind == .maturity, Int.random(in: 0..<4, using: &rng) == 0 {
                    out += "        consensus: \(min(5, 1 + Int(progress * 3) + Int.random(in: 0...1, using: &rng)))\n"
                    out += "        note: \"\(sentence(&rng, words: 20))\"\n"
                }
                if questionnaire.id == "wto-tfa" {
                    out += "        category: \(["A", "B", "C"].randomElement(using: &rng)!)\n"
                    out += "        date: \(year + Int.random(in: 0...3, using: &rng))-12-31\n"
                }
                out += "        responses:\n"
                for (id, _) in ids {
                    out += "          - agency: \(id)\n"
                    let roll = Int.random(in: 0..<40, using: &rng)
                    if questionnaire.kind == .maturity {
                        let level = roll == 0 ? "na" : roll == 1 ? "unknown"
                            : String(min(5, max(1, 1 + Int(progress * 3) + Int.random(in: -1...1, using: &rng))))
                        out += "            level: \(level)\n"
                    } else {
                        let statuses = ["none", "pilot", "partial", "full"]
                        let index = min(3, max(0, Int(progress * 3) + Int.random(in: -1...1, using: &rng)))
                        out += "            status: \(roll == 0 ? "na" : roll == 1 ? "unknown" : statuses[index])\n"
                    }
                    out += "            evidence: \"\(sentence(&rng, words: 12))\"\n"
                    if roll % 3 == 0 { out += "            comment: \"\(sentence(&rng, words: 8))\"\n" }
                }
            }
        }
        return out
    }
}

func generate(_ directory: String) {
    let catalog = bundledCatalog()
    let generator = Generator(catalog: catalog)
    let root = URL(fileURLWithPath: directory)
    let fm = FileManager.default
    try? fm.removeItem(at: root)
    var bytes = 0
    for c in 1...57 {
        let country = String(format: "Country %02d", c)
        let folder = root.appendingPathComponent("countries").appendingPathComponent(String(format: "country-%02d", c))
        try! fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for (n, year) in (2017...2026).enumerated() {
            let text = generator.assessment(country: country, year: year, agencies: 10, seed: UInt64(c * 1000 + year), progress: Double(n) / 9)
            bytes += text.utf8.count
            try! text.write(to: folder.appendingPathComponent("\(year).yaml"), atomically: false, encoding: .utf8)
        }
    }
    let scale = root.appendingPathComponent("scale")
    try! fm.createDirectory(at: scale, withIntermediateDirectories: true)
    for agencies in [1, 10, 100] {
        let text = generator.assessment(country: "Scaleland", year: 2026, agencies: agencies, seed: 7, progress: 0.5)
        try! text.write(to: scale.appendingPathComponent("agencies-\(agencies).yaml"), atomically: false, encoding: .utf8)
    }
    // Worst cases: files near the 10 MB limit that are wrong everywhere.
    let hostile = root.appendingPathComponent("hostile")
    try! fm.createDirectory(at: hostile, withIntermediateDirectories: true)
    var ids = "assessment: {title: T, country: Hostile, period: 2026}\nquestionnaires:\n  cbm-core:\n    answers:\n"
    var n = 0
    while ids.utf8.count < 9_900_000 { ids += "      ict.single-windaw-\(n): 3\n"; n += 1 }
    try! ids.write(to: hostile.appendingPathComponent("wrong-ids.yaml"), atomically: false, encoding: .utf8)
    var agencies = "assessment:\n  title: T\n  country: Hostile\n  period: 2026\n  agencies:\n"
    for k in 0..<60_000 { agencies += "    - {id: agency-\(k), name: A}\n" }
    agencies += "questionnaires:\n  cbm-core:\n    answers:\n      ict.single-window:\n        responses:\n"
    for k in 0..<60_000 { agencies += "          - {agency: agenci-\(k), level: 3}\n" }
    try! agencies.write(to: hostile.appendingPathComponent("undeclared-agencies.yaml"), atomically: false, encoding: .utf8)
    print(String(format: "Wrote 570 assessments (%.0f MB, %.0f KB each) 3 scaling files and 2 worst cases to %@", Double(bytes) / 1_048_576, Double(bytes) / 570 / 1024, directory))
}

// MARK: score-all

/// What is kept of each scored assessment: its numbers, as a dashboard of all countries
/// would show them (the full score cards hold every evidence text, as much as the files).
struct Summary: Sendable {
    var country: String
    var period: String
    var indexes: [Double?]
    var rates: [Double?]
    var items: Int
}

func scoreAll(_ directory: String, passes: Int, limit: Int?, keepCards: Bool) {
    let files = Array(Loader.yamlFiles(in: URL(fileURLWithPath: directory)).prefix(limit ?? .max))
    guard !files.isEmpty else { fail("no .yaml files under \(directory)") }
    let start = now()
    let catalog = bundledCatalog()
    let catalogTime = now() - start
    var summaries: [Summary] = []
    var cards: [ScoreCard] = []
    for _ in 0..<passes {
        // Each file is loaded, validated and scored on one of the processor cores.
        let results = Loader.concurrentMap(files.count) { index -> (Summary?, ScoreCard?, String?) in
            let url = files[index]
            let loaded = Loader.loadAssessment(at: url, shownAs: url.path, catalog: catalog)
            guard let assessment = loaded.valueWithoutErrors else { return (nil, nil, LoadError(loaded.diagnostics).description) }
            let card = Scorer.score(assessment, catalog: catalog)
            let items = card.maturity.reduce(0) { $0 + $1.indicators.count } + card.compliance.reduce(0) { $0 + $1.provisions.count }
            let summary = Summary(country: card.assessment.country, period: card.assessment.period,
                                  indexes: card.maturity.map(\.index), rates: card.compliance.map(\.rate), items: items)
            return (summary, keepCards ? card : nil, nil)
        }
        if let problem = results.compactMap(\.2).first { fail(problem) }
        summaries = results.compactMap(\.0)
        cards = results.compactMap(\.1)
    }
    let total = now() - start
    let items = summaries.reduce(0) { $0 + $1.items }
    print("files \(files.count * passes)  items \(items * passes)  catalog \(ms(catalogTime))  total \(ms(total))  per-file \(ms((total - catalogTime) / Double(files.count * passes)))  cores \(ProcessInfo.processInfo.activeProcessorCount)  kept \(keepCards ? "\(cards.count) score cards" : "\(summaries.count) summaries")  peak-memory \(String(format: "%.0f MB", peakMemoryMB()))")
}

// MARK: scale

func scale(_ paths: [String]) {
    let catalog = bundledCatalog()
    print("file                      size      load+validate   score      HTML report   total")
    for path in paths {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var load: [Double] = [], score: [Double] = [], render: [Double] = []
        let runs = size > 1_000_000 ? 3 : 7
        for _ in 0..<runs {
            let t0 = now()
            let loaded = Loader.loadAssessment(at: URL(fileURLWithPath: path), shownAs: path, catalog: catalog)
            guard let assessment = loaded.valueWithoutErrors else { fail(LoadError(loaded.diagnostics).description) }
            let t1 = now()
            let card = Scorer.score(assessment, catalog: catalog)
            let t2 = now()
            _ = try! ReportRenderer.render(card, catalog: catalog, format: .html)
            let t3 = now()
            load.append(t1 - t0); score.append(t2 - t1); render.append(t3 - t2)
        }
        let name = (path as NSString).lastPathComponent.padding(toLength: 24, withPad: " ", startingAt: 0)
        print("\(name)  \(String(format: "%6.0f KB", Double(size) / 1024))  \(ms(median(load)).padding(toLength: 14, withPad: " ", startingAt: 0))  \(ms(median(score)).padding(toLength: 9, withPad: " ", startingAt: 0))  \(ms(median(render)).padding(toLength: 12, withPad: " ", startingAt: 0))  \(ms(median(load) + median(score) + median(render)))")
    }
}

// MARK: where the time of one `cbm report` goes

/// The steps of `cbm report FILE` as the command takes them, timed once in this (fresh)
/// process: what `Benchmarks/run` shows next to the floor, to see which step to work on.
/// Processor time per step (the process: loading uses one thread here), so that other work on the machine counts less.
func phases(_ path: String) {
    func cpu() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
    var marks: [(String, Double)] = [("start", cpu())]
    func mark(_ name: String) { marks.append((name, cpu())) }
    _ = StringTable.installedLanguages
    mark("language choices (help)")
    let strings = try! StringTable.forLanguage("en")
    mark("string table (en, prepared form)")
    let bundled = Catalog.bundled().catalog
    mark("bundled catalog (the tops of the files)")
    let version = (try? String(contentsOfFile: path, encoding: .utf8))?
        .firstMatch(of: /version: "?([0-9.]+)/)?.1 ?? "2026.1"
    for id in bundled.ids { _ = bundled.questionnaire(id, version: String(version)) }
    mark("questionnaires \(version) (prepared forms)")
    if let directory = Catalog.bundledDirectory {
        for url in Loader.yamlFiles(in: directory) where url.lastPathComponent.hasSuffix("-\(version).yaml") {
            _ = Loader.loadQuestionnaire(at: url, shownAs: url.lastPathComponent)
        }
        mark("  (the same from their YAML, for comparison)")
    }
    let catalog = try! Loader.assessment(at: path).catalog
    mark("catalog + assessment")
    let assessment = try! Loader.assessment(at: path).assessment
    mark("  (the same again, in the same process)")
    let card = Scorer.score(assessment, catalog: catalog)
    mark("score")
    let answered = card.maturity.map { (id: $0.questionnaire, version: Optional($0.version)) }
        + card.compliance.map { (id: $0.questionnaire, version: Optional($0.version)) }
    _ = TranslationGaps(questionnaires: answered, catalog: catalog, language: strings.language)
    mark("untranslated-text check")
    let html = try! ReportRenderer.render(card, catalog: catalog, format: .html)
    mark("HTML report (first: templates parsed)")
    _ = try! ReportRenderer.render(card, catalog: catalog, format: .html)
    mark("  (again)")
    for (index, (name, time)) in marks.enumerated().dropFirst() {
        print("\(name.padding(toLength: 40, withPad: " ", startingAt: 0)) \(ms(time - marks[index - 1].1))")
    }
    print("(report: \(html.utf8.count / 1024) KB)")
}

// MARK: report growth with agencies (issue 14, fault 4)

/// An assessment of cbm-core by `agencies` agencies, each answering one indicator (agency k
/// answers indicator k mod 63): the shape of a file with very many agencies that stays under
/// the 10 MB limit up to 100,000 agencies.
func manyAgencies(_ agencies: Int, catalog: Catalog) -> String {
    guard let core = catalog.questionnaire("cbm-core") else { fail("cbm-core is not bundled") }
    let items = core.itemIDs
    var out = "assessment:\n  title: Scaleland CBM self-assessment 2026\n  country: Scaleland\n  period: 2026\n  agencies:\n"
    for k in 0..<agencies { out += "    - {id: agency-\(k), name: Agency \(k)}\n" }
    out += "questionnaires:\n  cbm-core:\n    version: \"\(core.version)\"\n    answers:\n"
    for (index, item) in items.enumerated() where index < agencies {
        out += "      \(item):\n        responses:\n"
        for k in stride(from: index, to: agencies, by: items.count) { out += "          - {agency: agency-\(k), level: \(1 + (k / items.count) % 5)}\n" }
    }
    return out
}

/// Writes files with each number of agencies into DIR, then loads, scores and renders the
/// HTML report of each (median of several runs) and prints the time per agency against the
/// 1,000-agency case: linear growth keeps that ratio near 1.
func reportGrowth(_ directory: String, counts: [Int]) {
    let catalog = bundledCatalog()
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    print("agencies   file size   report time   HTML size   time per agency   per-agency ratio to 1,000")
    var reference: Double?
    for count in counts {
        let path = (directory as NSString).appendingPathComponent("agencies-\(count).yaml")
        if !FileManager.default.fileExists(atPath: path) {
            try! manyAgencies(count, catalog: catalog).write(toFile: path, atomically: true, encoding: .utf8)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var times: [Double] = []
        var htmlSize = 0
        let runs = count >= 16_000 ? 3 : count >= 1_000 ? 5 : 9
        for _ in 0..<runs {
            let start = now()
            let loaded = Loader.loadAssessment(at: URL(fileURLWithPath: path), shownAs: path, catalog: catalog)
            guard let assessment = loaded.valueWithoutErrors else { fail(LoadError(loaded.diagnostics).description) }
            let card = Scorer.score(assessment, catalog: catalog)
            let html = try! ReportRenderer.render(card, catalog: catalog, format: .html)
            times.append(now() - start)
            htmlSize = html.utf8.count
        }
        let time = median(times)
        let perAgency = time / Double(count)
        if count == 1_000 { reference = perAgency }
        let ratio = reference.map { String(format: "%.2f", perAgency / $0) } ?? "—"
        print(String(format: "%8d   %7.2f MB   %11@   %6.2f MB   %12.1f µs   %@", count, Double(size) / 1_048_576, ms(time) as NSString,
                     Double(htmlSize) / 1_048_576, perAgency * 1e6, ratio as NSString))
    }
}

// MARK: process

/// Runs a command `runs` times (after warm-up runs) with its output discarded, and prints
/// the median and minimum wall-clock time and the peak memory of the runs. A command that
/// fails stops the benchmark, unless `allowFailure` (for files that are meant to be wrong).
func process(runs: Int, allowFailure: Bool, _ command: [String]) {
    var times: [Double] = []
    var warmUp = 0.0
    var run = 0
    // Warm-up runs (one, or up to three for half a second) are not counted: a virtual
    // machine's processors are slower for a while after being idle.
    while times.count < runs {
        defer { run += 1 }
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = command.map { strdup($0) } + [nil]
        let start = now()
        let spawned = posix_spawnp(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else { fail("cannot run \(command[0])") }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let elapsed = now() - start
        argv.forEach { free($0) }
        posix_spawn_file_actions_destroy(&actions)
        guard status == 0 || allowFailure else {
            fail("\(command.joined(separator: " ")) failed (status \(status))")
        }
        if run == 0 || run < 3 && warmUp < 0.5 {
            warmUp += elapsed
            continue
        }
        times.append(elapsed)
    }
    print("median \(ms(median(times)))  min \(ms(times.min()!))  runs \(runs)  peak-memory \(String(format: "%.0f MB", peakMemoryMB(children: true)))")
}

// MARK: floors

/// The YAML files of the given paths (a folder: every .yaml file in it), in order.
func yamlPaths(_ paths: [String]) -> [String] {
    paths.flatMap { path -> [String] in
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { fail("no such file: \(path)") }
        return isDirectory.boolValue ? Loader.yamlFiles(in: URL(fileURLWithPath: path)).map(\.path) : [path]
    }
}

/// libyaml's events of one file, counted: the least any YAML reader must do.
func countEvents(_ path: String) -> Int {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return data.withUnsafeBytes { raw -> Int in
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { fail("libyaml: out of memory") }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, raw.bindMemory(to: UInt8.self).baseAddress, raw.count)
        var events = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { fail("\(path): not well-formed YAML") }
            let type = event.type
            yaml_event_delete(&event)
            events += 1
            if type == YAML_STREAM_END_EVENT { return events }
        }
    }
}

func yamlEvents(_ paths: [String]) {
    let files = yamlPaths(paths)
    let counts = Loader.concurrentMap(files.count) { countEvents(files[$0]) }
    print("files \(files.count)  events \(counts.reduce(0, +))")
}

func compose(_ paths: [String]) {
    var nodes = 0
    for path in yamlPaths(paths) {
        guard let count = YAMLComposeBenchmark.compose(path: path) else { fail("\(path) has a problem") }
        nodes += count
    }
    print("nodes \(nodes)")
}

// MARK: ratio

/// Runs `command` and `floor` in turn, `runs` times each after a warm-up, so that both see the
/// same machine (other work on it slows both alike), and prints their medians and the ratios:
/// of wall-clock time, and of processor time (user + system, all cores), which other work on
/// a shared machine disturbs less.
func ratio(runs: Int, target: Double, _ command: [String], _ floor: [String]) {
    func once(_ argv: [String]) -> (wall: Double, cpu: Double) {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cArgs = argv.map { strdup($0) } + [nil]
        let start = now()
        guard posix_spawnp(&pid, argv[0], &actions, nil, cArgs, environ) == 0 else { fail("cannot run \(argv[0])") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let elapsed = now() - start
        cArgs.forEach { free($0) }
        posix_spawn_file_actions_destroy(&actions)
        guard status == 0 else { fail("\(argv.joined(separator: " ")) failed (status \(status))") }
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return (elapsed, seconds(usage.ru_utime) + seconds(usage.ru_stime))
    }
    _ = once(command); _ = once(floor)
    var a: [(wall: Double, cpu: Double)] = [], b: [(wall: Double, cpu: Double)] = []
    for _ in 0..<runs {
        a.append(once(command))
        b.append(once(floor))
    }
    let wall = median(a.map(\.wall)) / median(b.map(\.wall))
    let cpu = median(a.map(\.cpu)) / median(b.map(\.cpu))
    func verdict(_ r: Double) -> String { r <= target ? "met" : "MISSED" }
    print("wall: cbm \(ms(median(a.map(\.wall))))  floor \(ms(median(b.map(\.wall))))  ratio \(String(format: "%.2f", wall))x (\(verdict(wall)))"
        + "   processor: cbm \(ms(median(a.map(\.cpu))))  floor \(ms(median(b.map(\.cpu))))  ratio \(String(format: "%.2f", cpu))x (\(verdict(cpu)))"
        + "   target <= \(String(format: "%.2f", target))x")
}

// MARK: main

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "generate" where arguments.count == 2:
    generate(arguments[1])
case "score-all" where arguments.count >= 2:
    func option(_ name: String) -> Int? { arguments.firstIndex(of: name).flatMap { Int(arguments[safe: $0 + 1] ?? "") } }
    scoreAll(arguments[1], passes: option("--passes") ?? 1, limit: option("--files"), keepCards: arguments.contains("--keep-cards"))
case "phases" where arguments.count == 2:
    phases(arguments[1])
case "scale" where arguments.count >= 2:
    scale(Array(arguments.dropFirst()))
case "report-growth" where arguments.count >= 3:
    reportGrowth(arguments[1], counts: arguments.dropFirst(2).compactMap { Int($0) })
case "yaml-events" where arguments.count >= 2:
    yamlEvents(Array(arguments.dropFirst()))
case "compose" where arguments.count >= 2:
    compose(Array(arguments.dropFirst()))
case "prepare" where arguments.count == 2:
    do {
        let names = try BundledPreparation.write(resources: URL(fileURLWithPath: arguments[1]))
        print("Wrote \(names.count) prepared files into \(arguments[1])/prepared")
    } catch {
        fail("\(error)")
    }
case "ratio" where arguments.count >= 6:
    guard let split = arguments.firstIndex(of: "--"), let runs = Int(arguments[1]), let target = Double(arguments[2]) else {
        fail("usage: cbm-bench ratio RUNS TARGET CMD… -- FLOOR…")
    }
    ratio(runs: runs, target: target, Array(arguments[3..<split]), Array(arguments[(split + 1)...]))
case "process" where arguments.count >= 3:
    let allowFailure = arguments[2] == "--allow-failure"
    process(runs: Int(arguments[1]) ?? 10, allowFailure: allowFailure, Array(arguments.dropFirst(allowFailure ? 3 : 2)))
default:
    fail("usage: cbm-bench generate DIR | score-all DIR [--files N] [--passes P] [--keep-cards] | scale FILE... | phases FILE | report-growth DIR N... | process RUNS [--allow-failure] COMMAND [ARG...] | ratio RUNS TARGET CMD... -- FLOOR... | yaml-events PATH... | compose PATH... | prepare RESOURCES")
}
