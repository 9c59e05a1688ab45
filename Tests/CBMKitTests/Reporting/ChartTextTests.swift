import Foundation
import Testing
@testable import CBMKit

/// No chart text may leave its chart: measured in headless Chromium from the bounding box of
/// every SVG text, in the bundled reports, in a report with long agency names (Latin and
/// Cyrillic) and in the trend report. `.ci/run` installs Chromium and DejaVu Sans and sets
/// CBM_REQUIRE_CHROMIUM=1, so that in CI this check cannot be skipped.
@Suite("Reports in Chromium: chart text fits, print length")
struct ChartTextTests {
    static let chromium: String? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { name -> String? in
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }.first
    static var required: Bool { ProcessInfo.processInfo.environment["CBM_REQUIRE_CHROMIUM"] == "1" }

    /// The bundled example with its agencies renamed to long names, in English and Russian.
    static func longNamesReport() throws -> String {
        var yaml = try String(contentsOfFile: Repository.path("examples/arventa-2026.yaml"), encoding: .utf8)
        let names = [
            "State Customs Committee": "State Customs Committee under the Cabinet of Ministers of the Republic of Arventa",
            "Veterinary and Food Safety Inspectorate": "Государственная инспекция ветеринарного и фитосанитарного надзора и безопасности пищевых продуктов",
            "Plant Protection Service": "Служба защиты растений Министерства сельского хозяйства",
            "Ministry of Transport and Roads": "Ministry of Transport, Roads, Communications and Infrastructure Development",
        ]
        for (old, new) in names { yaml = yaml.replacingOccurrences(of: "name: \(old)}", with: "name: \"\(new)\"}") }
        let directory = TemporaryDirectory()
        let file = directory.write("long-names.yaml", yaml)
        let loaded = try Loader.assessment(at: file.path)
        let assessment = loaded.assessment
        let catalog = loaded.catalog
        return try ReportRenderer.render(Scorer.score(assessment, catalog: catalog), catalog: catalog, format: .html)
    }

    static func documents() throws -> [(String, String)] {
        var documents: [(String, String)] = []
        for name in ["arventa-2024", "arventa-2025", "arventa-2026", "arventa-trend"] {
            documents.append(("reports/\(name).html", try String(contentsOfFile: Repository.path("reports/\(name).html"), encoding: .utf8)))
        }
        for name in ["arventa-2026.ru", "arventa-trend.ru"] {
            documents.append(("reports/\(name).html", try String(contentsOfFile: Repository.path("reports/\(name).html"), encoding: .utf8)))
        }
        documents.append(("Russian report with Russian free text", try RussianReportTests.render(.html)))
        documents.append(("report with long agency names", try longNamesReport()))
        documents.append(("charts with Russian labels", try russianCharts()))
        let latest = Repository.path("examples/arventa-2026.yaml")
        documents.append(("trend report of one assessment", try ReportRenderer.renderTrend(try Loader.trend(at: [latest]).trend, format: .html)))
        return documents
    }

    /// Every kind of chart with Russian labels, which run about a fifth longer than English
    /// ones, in the report's own style sheet: ready for reports in Russian.
    static func russianCharts() throws -> String {
        let dimensions = ["Политическая воля и руководство", "Организационные и институциональные механизмы", "Правовая база",
                          "ИКТ и обмен данными", "Обучение и кадровые ресурсы", "Коммуникация и обмен информацией",
                          "Инфраструктура и оборудование", "Устойчивость и постоянное совершенствование",
                          "Пограничные процедуры и управление рисками", "Международное (трансграничное) сотрудничество"]
        let radar = SVG.radar(dimensions.enumerated().map { SVG.RadarAxis(label: $1, score: 1.5 + Double($0) / 4, target: 4) },
                              id: "ru-radar", title: "Радар")
        let sections = ["Глава 3 — Таможенное оформление и другие таможенные формальности",
                        "Возможность представления комментариев, информация до вступления в силу и консультации",
                        "Дисциплины в отношении сборов и платежей, взимаемых при импорте и экспорте или в связи с ними",
                        "Свобода транзита", "Сотрудничество таможенных органов"]
        let bars = SVG.bars(sections.enumerated().map { SVG.Bar(label: $1, value: Double($0) / 4) }, id: "ru-bars", title: "Полосы")
        let agencies = ["Государственный таможенный комитет", "Государственная пограничная служба",
                        "Государственная инспекция ветеринарного и фитосанитарного надзора", "Министерство транспорта и дорог", "Рабочая группа"]
        let heat = SVG.heatMap(rows: dimensions.map { SVG.HeatRow(label: $0, cells: agencies.map { _ in ("3", 3) }, divergent: $0.count > 30) },
                               columns: agencies, id: "ru-heat", title: "Тепловая карта")
        let lines = SVG.lineChart(lines: ["Соглашение ВТО об упрощении процедур торговли", "Пересмотренная Киотская конвенция",
                                          "Международная конвенция о согласовании условий проведения контроля грузов на границах"]
                                    .enumerated().map { SVG.Line(label: $1, values: [0.5, 0.6 + Double($0) / 20, 0.7]) },
                                  periods: ["2024", "2025", "2026"], scale: 0...1, percent: true, id: "ru-lines", title: "Линии")
        let report = try String(contentsOfFile: Repository.path("reports/arventa-2026.html"), encoding: .utf8)
        let style = try #require(report.range(of: "<style>").flatMap { start in report.range(of: "</style>").map { report[start.lowerBound..<$0.upperBound] } })
        return "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\">\(style)</head><body><main>"
            + [radar, bars, heat, lines].map { "<figure>\($0)</figure>" }.joined() + "</main></body></html>"
    }

    /// Measures every `<text>` of every chart in a page: the texts that leave their chart's box.
    static func overflowing(_ html: String) throws -> (checked: Int, outside: [String]) {
        let script = """
        <script>
        (function () {
          const out = []; let checked = 0;
          document.querySelectorAll('svg.chart').forEach(function (svg) {
            const box = svg.getBoundingClientRect();
            const name = svg.querySelector('title') ? svg.querySelector('title').textContent : '?';
            svg.querySelectorAll('text').forEach(function (t) {
              if (!t.textContent.trim()) return;
              checked += 1;
              const parts = t.querySelectorAll('tspan').length ? t.querySelectorAll('tspan') : [t];
              parts.forEach(function (part) {
                const r = part.getBoundingClientRect();
                if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
                  out.push(name + ' | ' + part.textContent + ' | ' + [r.left - box.left, box.right - r.right, r.top - box.top, box.bottom - r.bottom].map(function (x) { return x.toFixed(1); }).join(' '));
              });
            });
          });
          const pre = document.createElement('pre'); pre.id = 'cbm-fit';
          pre.textContent = 'CHECKED ' + checked + ' FONT ' + getComputedStyle(document.querySelector('svg.chart text') || document.body).fontFamily + '\\n' + out.join('\\n');
          document.body.appendChild(pre);
        })();
        </script>
        """
        var page = html.replacingOccurrences(of: #"<meta http-equiv="Content-Security-Policy"[^>]*>"#, with: "", options: .regularExpression)
        page = page.replacingOccurrences(of: "</body>", with: script + "</body>")
        let directory = TemporaryDirectory()
        let file = directory.write("page.html", page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000", "--virtual-time-budget=5000",
                             "--user-data-dir=\(directory.url.appendingPathComponent("profile").path)", "--dump-dom", file.absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let dom = String(decoding: data, as: UTF8.self)
        guard let start = dom.range(of: "<pre id=\"cbm-fit\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            throw UsageError("Chromium gave no measurement")
        }
        let lines = dom[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
        let checked = Int(lines.first?.split(separator: " ")[1] ?? "") ?? 0
        return (checked, Array(lines.dropFirst()))
    }

    @Test(.enabled(if: chromium != nil || required, "needs Chromium (CI installs it)"))
    func noChartTextLeavesItsChart() throws {
        try #require(Self.chromium != nil, "Chromium is not installed; .ci/run installs it")
        for (name, html) in try Self.documents() {
            let (checked, outside) = try Self.overflowing(html)
            #expect(checked > 20, "\(name): only \(checked) chart texts measured")
            let charts = html.components(separatedBy: "<svg ").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
            #expect(!charts.contains { $0.contains("…") }, "\(name): a chart label was shortened")
            #expect(outside.isEmpty, "\(name): chart text outside its chart:\n\(outside.joined(separator: "\n"))")
        }
    }

    /// The bundled 6-agency example prints on at most 60 A4 pages (89 before the print layout
    /// was made denser), with every answer, evidence and comment in the page.
    @Test(.enabled(if: chromium != nil || required, "needs Chromium (CI installs it)"))
    func bundledExamplePrintsOnSixtyPages() throws {
        try #require(Self.chromium != nil, "Chromium is not installed; .ci/run installs it")
        let directory = TemporaryDirectory()
        let pdf = directory.url.appendingPathComponent("report.pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--user-data-dir=\(directory.url.appendingPathComponent("profile").path)",
                             "--print-to-pdf=\(pdf.path)", URL(fileURLWithPath: Repository.path("reports/arventa-2026.html")).absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let data = try Data(contentsOf: pdf)
        let text = String(decoding: data, as: UTF8.self)
        let pages = try NSRegularExpression(pattern: #"/Type\s*/Page[^s]"#).numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect((30...60).contains(pages), "reports/arventa-2026.html prints on \(pages) A4 pages")

        // Nothing is hidden to save paper: every evidence and comment is in the page, and the
        // print style hides nothing.
        let html = try String(contentsOfFile: Repository.path("reports/arventa-2026.html"), encoding: .utf8)
        #expect(!html.contains("display: none") && !html.contains("display:none"))
        for m in Example.loaded.card.maturity {
            for i in m.indicators {
                for r in i.responses {
                    for text in [r.evidence, r.comment].compactMap({ $0 }) {
                        #expect(html.contains(HTML.escape(text)), "\(i.id): \(text.prefix(40)) missing")
                    }
                }
            }
        }
    }

    /// The same widths as the fonts: a few texts measured in the font files by hand.
    @Test func measuredWidths() {
        // DejaVu Sans, 2048 units per em: "A" 1401, "Ж" 2134 (regular); bold "W" 2134.
        #expect(abs(FontMetrics.width("A", size: 2048) - 1401) < 0.01)
        #expect(FontMetrics.width("Государственная", size: 12) > FontMetrics.width("State", size: 12) * 2)
        #expect(FontMetrics.width("iiii", size: 12) < FontMetrics.width("WWWW", size: 12) / 2)
        #expect(FontMetrics.width("abc", size: 12, bold: true) > FontMetrics.width("abc", size: 12))
        // Characters the font lacks count as one em each.
        #expect(FontMetrics.width("中文", size: 10) == 20)
    }

    @Test func labelsWrapByWidth() {
        let lines = FontMetrics.lines("Veterinary and Food Safety Inspectorate of the Ministry of Agriculture", maxWidth: 150, size: 12)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { FontMetrics.width($0, size: 12) <= 150 })
        #expect(lines.last!.hasSuffix("…"))
        #expect(FontMetrics.lines("Short", maxWidth: 150, size: 12) == ["Short"])
        let long = FontMetrics.lines("Государственнаяинспекцияветеринарногонадзора", maxWidth: 100, size: 12)
        #expect(long.allSatisfy { FontMetrics.width($0, size: 12) <= 100 })
    }
}
