import Foundation
import Testing
@_spi(Benchmarks) @testable import CBMKit

/// The checked-in example reports and generated docs must match what the code produces now.
@Suite("Generated files are up to date")
struct GeneratedFilesTests {
    static let fix = "run scripts/regenerate-reports and commit the result"

    static var examples: [String] {
        Loader.yamlFiles(in: Repository.root.appendingPathComponent("examples")).map { $0.deletingPathExtension().lastPathComponent }
    }

    @Test(arguments: GeneratedFilesTests.examples)
    func exampleReportIsCurrent(name: String) throws {
        let loaded = try Loader.assessment(at: Repository.path("examples/\(name).yaml"))
        let assessment = loaded.assessment
        let catalog = loaded.catalog
        let card = Scorer.score(assessment, catalog: catalog)
        for format in ReportFormat.allCases {
            let path = Repository.path("reports/\(name).\(format.fileExtension)")
            let stored = try? String(contentsOfFile: path, encoding: .utf8)
            #expect(stored != nil, "reports/\(name).\(format.fileExtension) is missing: \(Self.fix)")
            let fresh = try ReportRenderer.render(card, catalog: catalog, format: format)
            #expect(stored == fresh, "reports/\(name).\(format.fileExtension) is out of date: \(Self.fix)")
        }
    }

    /// examples/<country>-<period>.yaml files grouped by country, for countries with several.
    static var series: [String] {
        let names = examples.compactMap { name -> String? in
            guard let dash = name.lastIndex(of: "-"), name[name.index(after: dash)...].prefix(4).allSatisfy(\.isNumber) else { return nil }
            return String(name[..<dash])
        }
        return Set(names.filter { name in names.filter { $0 == name }.count > 1 }).sorted()
    }

    @Test(arguments: GeneratedFilesTests.series)
    func trendReportIsCurrent(country: String) throws {
        let files = Self.examples.filter { $0.hasPrefix(country + "-") }.map { Repository.path("examples/\($0).yaml") }
        let trend = try Loader.trend(at: files).trend
        for format in ReportFormat.allCases {
            let path = Repository.path("reports/\(country)-trend.\(format.fileExtension)")
            let stored = try? String(contentsOfFile: path, encoding: .utf8)
            #expect(stored == (try ReportRenderer.renderTrend(trend, format: format)), "reports/\(country)-trend.\(format.fileExtension) is out of date or missing: \(Self.fix)")
        }
    }

    /// The files of the regional comparison report (the same list as scripts/regenerate-reports).
    static let comparisonFiles = ["arventa-2026", "borovia-2026", "kestria-2026", "crossing-dovrak-2026", "crossing-zelmar-2026"]
        .map { "examples/\($0).yaml" }

    /// reports/region-2026.html and .md, and in Russian reports/region-2026.ru.html and .ru.md.
    @Test(arguments: ["en", "ru"])
    func comparisonReportIsCurrent(language: String) throws {
        let comparison = try Loader.comparison(at: Self.comparisonFiles.map(Repository.path), language: language).comparison
        let suffix = language == "en" ? "" : ".\(language)"
        for format in ReportFormat.allCases {
            let name = "reports/region-2026\(suffix).\(format.fileExtension)"
            let stored = try? String(contentsOfFile: Repository.path(name), encoding: .utf8)
            #expect(stored != nil, "\(name) is missing: \(Self.fix)")
            // The report names the files as given to cbm compare, relative to the repository.
            let fresh = try ReportRenderer.renderComparison(comparison, format: format, language: language)
                .replacingOccurrences(of: Repository.root.path + "/", with: "")
            #expect(stored == fresh, "\(name) is out of date: \(Self.fix)")
        }
    }

    @Test(arguments: ["en", "ru"])
    func cbmModelDocIsCurrent(language: String) throws {
        let name = language == "en" ? "docs/cbm-model.md" : "docs/cbm-model.\(language).md"
        let stored = try? String(contentsOfFile: Repository.path(name), encoding: .utf8)
        let core = try #require(Catalog.bundled().catalog.questionnaire("cbm-core"))
        #expect(stored == QuestionnaireDocument.markdown(core, language: language) + "\n", "\(name) is out of date or missing: \(Self.fix)")
    }

    /// Sources/CBMKit/Resources/prepared/: the prepared form of each bundled questionnaire
    /// and string table, made from its YAML as it is now, and no other. (A stale one would
    /// only be ignored at run time, costing the speed it is there for.)
    @Test func preparedFormsAreCurrent() throws {
        let resources = Repository.root.appendingPathComponent("Sources/CBMKit/Resources")
        let fresh = try BundledPreparation.files(resources: resources)
        #expect(fresh.contains { $0.name.hasSuffix(".cbmq") } && fresh.contains { $0.name == "locale-en.cbmt" })
        let folder = resources.appendingPathComponent(PreparedForm.folder)
        let stored = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter(BundledPreparation.isPrepared)
        #expect(Set(stored) == Set(fresh.map(\.name)), "Resources/prepared/ does not hold one file per bundled questionnaire and string table: \(Self.fix)")
        for file in fresh {
            let data = try? Data(contentsOf: folder.appendingPathComponent(file.name))
            #expect(data == file.data, "Resources/prepared/\(file.name) is out of date or missing: \(Self.fix)")
        }
    }

    /// The example in Russian: reports/arventa-2026.ru.html and .ru.md.
    @Test func russianExampleReportIsCurrent() throws {
        let loaded = try Loader.assessment(at: Repository.path("examples/arventa-2026.yaml"))
        let assessment = loaded.assessment
        let catalog = loaded.catalog
        let card = Scorer.score(assessment, catalog: catalog, language: "ru")
        for format in ReportFormat.allCases {
            let name = "reports/arventa-2026.ru.\(format.fileExtension)"
            let stored = try? String(contentsOfFile: Repository.path(name), encoding: .utf8)
            #expect(stored == (try ReportRenderer.render(card, catalog: catalog, format: format, language: "ru")), "\(name) is out of date or missing: \(Self.fix)")
        }
    }

    /// The trend report of the example in Russian: reports/arventa-trend.ru.html and .ru.md.
    @Test func russianTrendReportIsCurrent() throws {
        let files = Self.examples.filter { $0.hasPrefix("arventa-") }.map { Repository.path("examples/\($0).yaml") }
        let trend = try Loader.trend(at: files, language: "ru").trend
        for format in ReportFormat.allCases {
            let name = "reports/arventa-trend.ru.\(format.fileExtension)"
            let stored = try? String(contentsOfFile: Repository.path(name), encoding: .utf8)
            #expect(stored == (try ReportRenderer.renderTrend(trend, format: format, language: "ru")), "\(name) is out of date or missing: \(Self.fix)")
        }
    }
}
