import Foundation

/// Inline SVG charts for the HTML report. Every piece of text that goes into a chart passes
/// through `SVG.escape`, so the finished SVG can be placed in the page as it is.
/// Charts carry a <title> and <desc> (read by screen readers), print in grey scale (values
/// are written as text, series differ by line style, not only by colour).
enum SVG {
    /// Chart text for XML: `& < > " '` escaped and control characters left out, the rules
    /// of `HTML.escape`, which works on the UTF-8 bytes and returns most texts as they are.
    static func escape(_ text: String) -> String {
        HTML.escape(text)
    }

    static func number(_ value: Double) -> String {
        NumberFormatting.oneDecimal(value)
    }

    /// The fill for a level: light to dark blue, with the level written on it as text.
    static func levelFill(_ level: Int?) -> String {
        switch level {
        case 1?: return "#f3d6cf"
        case 2?: return "#f6e7c1"
        case 3?: return "#dcebc9"
        case 4?: return "#b9dcd4"
        case 5?: return "#9cc3e4"
        default: return "#ffffff"
        }
    }

    static func open(width: Int, height: Int, id: String, title: String, description: String, x: Int = 0, y: Int = 0) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="\(x) \(y) \(width) \(height)" width="\(width)" height="\(height)" role="img" aria-labelledby="\(id)-t \(id)-d" class="chart">
        <title id="\(id)-t">\(escape(title))</title>
        <desc id="\(id)-d">\(escape(description))</desc>

        """
    }

    /// Font sizes in pixels, as style.html.mustache sets them for `svg.chart`.
    enum FontSize {
        static let label = 12.0, value = 12.0, tick = 10.0, note = 10.0, cell = 12.0, flag = 16.0, legend = 11.0
    }

    /// `<tspan>`s for lines of text below each other, `lineHeight` apart.
    static func tspans(_ lines: [String], x: Double, lineHeight: Double) -> String {
        lines.enumerated().map { n, line in
            "<tspan x=\"\(number(x))\" dy=\"\(n == 0 ? "0" : number(lineHeight))\">\(escape(line))</tspan>"
        }.joined()
    }

    // MARK: Radar

    struct RadarAxis: Sendable {
        var label: String
        var score: Double?
        var target: Double
    }

    /// Dimension scores (solid, filled) against targets (dashed) on a 1–5 scale. Dimension
    /// names are wrapped by their measured width and the picture is made as wide as they need.
    static func radar(_ axes: [RadarAxis], id: String, title: String, strings t: StringTable = .english) -> String {
        guard axes.count >= 3 else { return "" }
        let radius = 200.0, centerX = 0.0, center = 0.0, lineHeight = 15.0
        let description = t["chart.radar_description"] + " "
            + axes.map { t.text("chart.radar_axis", ["label": $0.label, "score": t.score($0.score), "target": t.n(number($0.target))]) }.joined(separator: "; ")
        func angle(_ index: Int) -> Double { -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(axes.count) }
        func point(_ index: Int, _ value: Double) -> (Double, Double) {
            let r = radius * max(0, value) / 5
            return (centerX + r * cos(angle(index)), center + r * sin(angle(index)))
        }
        // Labels first, to know how much room they take.
        var minX = -radius - 10, maxX = radius + 10, minY = -radius - 10, maxY = radius + 10
        var labels = ""
        for (index, axis) in axes.enumerated() {
            let a = angle(index)
            let lx = centerX + (radius + 16) * cos(a), ly = center + (radius + 16) * sin(a)
            let anchor = abs(cos(a)) < 0.2 ? "middle" : (cos(a) > 0 ? "start" : "end")
            let lines = FontMetrics.lines(axis.label, maxWidth: anchor == "middle" ? 260 : 190, size: FontSize.label, maxLines: 3)
            let value = "\(t.score(axis.score)) / \(t.n(number(axis.target)))"
            let all = lines + [value]
            // Above the centre the block ends at the axis; below, it starts there.
            let blockHeight = Double(all.count - 1) * lineHeight
            let startY: Double
            if sin(a) < -0.5 { startY = ly - blockHeight - 4 } else if sin(a) > 0.5 { startY = ly + 12 } else { startY = ly - blockHeight / 2 + 4 }
            let widest = max(lines.map { FontMetrics.width($0, size: FontSize.label) }.max() ?? 0, FontMetrics.width(value, size: FontSize.value, bold: true))
            let left = anchor == "start" ? lx : (anchor == "end" ? lx - widest : lx - widest / 2)
            minX = min(minX, left); maxX = max(maxX, left + widest)
            minY = min(minY, startY - 12); maxY = max(maxY, startY + blockHeight + 4)
            labels += "<text x=\"\(number(lx))\" y=\"\(number(startY))\" text-anchor=\"\(anchor)\" class=\"label\">"
                + tspans(lines, x: lx, lineHeight: lineHeight)
                + "<tspan x=\"\(number(lx))\" dy=\"\(number(lineHeight))\" class=\"value\">\(escape(value))</tspan></text>\n"
        }
        let legendY = maxY + 24
        let scoreLegend = t["chart.radar_legend_score"], targetLegend = t["chart.radar_legend_target"]
        let legendWidth = 24 + FontMetrics.width(scoreLegend, size: FontSize.legend) + 40 + FontMetrics.width(targetLegend, size: FontSize.legend)
        minX -= 8; maxX += 8
        maxX = max(maxX, minX + legendWidth + 10)
        let width = (maxX - minX).rounded(.up), height = (legendY + 10 - minY).rounded(.up)
        var svg = open(width: Int(width), height: Int(height), id: id, title: title, description: description,
                       x: Int(minX.rounded(.down)), y: Int(minY.rounded(.down)))
        for ring in 1...5 {
            let points = axes.indices.map { point($0, Double(ring)) }.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
            svg += "<polygon points=\"\(points)\" fill=\"none\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>\n"
        }
        for index in axes.indices {
            let (x, y) = point(index, 5)
            svg += "<line x1=\"\(number(centerX))\" y1=\"\(number(center))\" x2=\"\(number(x))\" y2=\"\(number(y))\" stroke=\"#c8c8c8\"/>\n"
        }
        let targetPoints = axes.enumerated().map { point($0.offset, $0.element.target) }
        svg += "<polygon points=\"\(targetPoints.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#333333\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n"
        let scorePoints = axes.enumerated().map { point($0.offset, $0.element.score ?? 0) }
        svg += "<polygon points=\"\(scorePoints.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " "))\" fill=\"#1f5f99\" fill-opacity=\"0.25\" stroke=\"#1f5f99\" stroke-width=\"2.5\"/>\n"
        for (index, axis) in axes.enumerated() where axis.score != nil {
            let (x, y) = scorePoints[index]
            svg += "<circle cx=\"\(number(x))\" cy=\"\(number(y))\" r=\"3.5\" fill=\"#1f5f99\"/>\n"
        }
        // Scale numbers last, just above and left of each ring on the first axis, where every
        // line (rings, target, score) runs downwards, on a white halo for good measure.
        for ring in 1...5 {
            let (lx, ly) = point(0, Double(ring))
            svg += "<text x=\"\(number(lx - 4))\" y=\"\(number(ly - 3))\" text-anchor=\"end\" class=\"tick\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(ring)</text>\n"
        }
        svg += labels
        svg += """
        <g transform="translate(\(number(minX + 4)),\(number(legendY - 10)))" class="legend">
        <rect x="0" y="0" width="18" height="10" fill="#1f5f99" fill-opacity="0.25" stroke="#1f5f99" stroke-width="2"/><text x="24" y="10">\(escape(scoreLegend))</text>
        <line x1="\(number(legendWidth - FontMetrics.width(targetLegend, size: FontSize.legend) - 30))" y1="5" x2="\(number(legendWidth - FontMetrics.width(targetLegend, size: FontSize.legend) - 10))" y2="5" stroke="#333333" stroke-width="2" stroke-dasharray="6 4"/><text x="\(number(legendWidth - FontMetrics.width(targetLegend, size: FontSize.legend) - 4))" y="10">\(escape(targetLegend))</text>
        </g>
        </svg>
        """
        return svg
    }

    // MARK: Heat-map

    struct HeatRow: Sendable {
        var label: String
        /// One cell per column: the text shown ("3", "na", "?", "") and the level for colour.
        var cells: [(text: String, level: Int?)]
        var divergent: Bool
    }

    /// Rows are indicators, columns agencies; each cell shows the level the agency gave. With
    /// many agencies, columns are levels and cells counts: then `key` and `description` say so.
    /// Row labels and the slanted agency names are wrapped by their measured width, and the
    /// label column, header and key are made as large as the text needs.
    static func heatMap(rows: [HeatRow], columns: [String], id: String, title: String, strings t: StringTable = .english,
                               key: String? = nil, description: String? = nil) -> String {
        guard !rows.isEmpty, !columns.isEmpty else { return "" }
        let lineHeight = 13.0, slant = 0.5.squareRoot()
        // Agency names wrap onto up to three slanted lines; the columns are then made wider,
        // so that each name stays a block of its own, clear of its neighbours.
        let headerLines = columns.map { FontMetrics.lines($0, maxWidth: 300, size: FontSize.label, maxLines: 3) }
        let headerLineCount = headerLines.map(\.count).max() ?? 1
        let cell = headerLineCount == 1 ? 44.0 : (Double(headerLineCount) * lineHeight + 12) / slant
        let rowLabels = rows.map { FontMetrics.lines($0.label, maxWidth: 300, size: FontSize.label) }
        let labelWidth = max(120, (rowLabels.flatMap { $0 }.map { FontMetrics.width($0, size: FontSize.label) }.max() ?? 0) + 16)
        let rowHeights = rowLabels.map { $0.count > 1 ? 34.0 : 26.0 }
        let rowTops = rowHeights.indices.map { rowHeights[..<$0].reduce(0, +) }
        // A slanted name runs up and to the right from the foot of its column: as high and as
        // far right as its width × √½; a second line sits one line above and to the left.
        let headerHeight = (headerLines.map { lines in
            lines.enumerated().map { n, line in
                (FontMetrics.width(line, size: FontSize.label) + Double(lines.count - 1 - n) * lineHeight + 10) * slant
            }.max() ?? 0
        }.max() ?? 0) + 14
        let body = rowHeights.reduce(0, +)
        let gridRight = labelWidth + cell * Double(columns.count)
        let headerRight = columns.indices.map { index -> Double in
            let x = labelWidth + cell * (Double(index) + 0.5) + 4
            return x + (headerLines[index].map { FontMetrics.width($0, size: FontSize.label) }.max() ?? 0) * slant + 6
        }.max() ?? 0
        var width = max(gridRight + 36, headerRight)
        let key = key ?? t["chart.heatmap_key"]
        let keyLines = FontMetrics.lines(key, maxWidth: max(width, 420) - 4, size: FontSize.note, maxLines: 4)
        width = max(width, (keyLines.map { FontMetrics.width($0, size: FontSize.note) }.max() ?? 0) + 4)
        let height = headerHeight + body + 14 + Double(keyLines.count) * lineHeight
        // "Heading Row: Agency 3, Agency no answer; …", written into one string.
        let noAnswer = t["report.no_answer"], divergentNote = " " + t["chart.heatmap_divergent"]
        var text = (description ?? t["chart.heatmap_description"]) + " "
        for (r, row) in rows.enumerated() {
            if r > 0 { text += "; " }
            text += row.label
            text += ": "
            for (c, (column, entry)) in zip(columns, row.cells).enumerated() {
                if c > 0 { text += ", " }
                text += column
                text += " "
                text += entry.text.isEmpty ? noAnswer : entry.text
            }
            if row.divergent { text += divergentNote }
        }
        var svg = open(width: Int(width.rounded(.up)), height: Int(height.rounded(.up)), id: id, title: title, description: text)
        for (index, lines) in headerLines.enumerated() {
            let x = labelWidth + cell * (Double(index) + 0.5)
            svg += "<text transform=\"translate(\(number(x + 4)),\(number(headerHeight - 8))) rotate(-45)\" class=\"label\">"
            for (n, line) in lines.enumerated() {
                let dy = n == 0 ? (lines.count == 1 ? 0 : -Double(lines.count - 1) * lineHeight) : lineHeight
                svg += "<tspan x=\"0\" dy=\"\(number(dy))\">\(escape(line))</tspan>"
            }
            svg += "</text>\n"
        }
        // The numbers every row repeats (each column's x, the cell width) are written once.
        let columnCount = rows.map(\.cells.count).max() ?? 0
        let rectX = (0..<columnCount).map { number(labelWidth + cell * Double($0) + 1) }
        let textX = (0..<columnCount).map { number(labelWidth + cell * Double($0) + cell / 2) }
        let cellWidth = number(cell - 2)
        for (r, row) in rows.enumerated() {
            let y = headerHeight + rowTops[r], rowHeight = rowHeights[r]
            let lines = rowLabels[r]
            let firstBaseline = y + rowHeight / 2 + 4 - Double(lines.count - 1) * lineHeight / 2
            svg += "<text x=\"\(number(labelWidth - 8))\" y=\"\(number(firstBaseline))\" text-anchor=\"end\" class=\"label\">"
                + tspans(lines, x: labelWidth - 8, lineHeight: lineHeight) + "</text>\n"
            let rectY = number(y + 1), rectHeight = number(rowHeight - 2), textY = number(y + rowHeight / 2 + 4)
            for (c, entry) in row.cells.enumerated() {
                svg += "<rect x=\"\(rectX[c])\" y=\"\(rectY)\" width=\"\(cellWidth)\" height=\"\(rectHeight)\" fill=\"\(levelFill(entry.level))\" stroke=\"#9a9a9a\" stroke-width=\"0.5\"/>\n"
                if !entry.text.isEmpty {
                    svg += "<text x=\"\(textX[c])\" y=\"\(textY)\" text-anchor=\"middle\" class=\"cell\">\(escape(entry.text))</text>\n"
                }
            }
            if row.divergent {
                svg += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 0.5))\" width=\"\(number(cell * Double(columns.count)))\" height=\"\(number(rowHeight - 1))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"2\"/>\n"
                svg += "<text x=\"\(number(gridRight + 8))\" y=\"\(number(y + rowHeight / 2 + 5))\" class=\"flag\">≠</text>\n"
            }
        }
        svg += "<text x=\"0\" y=\"\(number(headerHeight + body + 14 + 8))\" class=\"note\">" + tspans(keyLines, x: 0, lineHeight: lineHeight) + "</text>\n"
        svg += "</svg>"
        return svg
    }

    // MARK: Bars

    struct Bar: Sendable {
        var label: String
        var value: Double?
        /// Drawn hatched (for best-endeavour) rather than solid.
        var hatched: Bool = false
    }

    /// Horizontal bars from 0 to 100 %, the value written at the end of each bar. Labels are
    /// wrapped onto two lines by their measured width; the label column is as wide as they need.
    static func bars(_ bars: [Bar], id: String, title: String, strings t: StringTable = .english) -> String {
        guard !bars.isEmpty else { return "" }
        let plot = 340.0, top = 24.0, lineHeight = 13.0
        let labels = bars.map { FontMetrics.lines($0.label, maxWidth: 300, size: FontSize.label, maxLines: 3) }
        let labelWidth = (labels.flatMap { $0 }.map { FontMetrics.width($0, size: FontSize.label) }.max() ?? 0) + 14
        let rowHeights = labels.map { 24.0 + Double($0.count - 1) * 11 }
        let width = labelWidth + plot + FontMetrics.width(t.percent(1), size: FontSize.value, bold: true) + 14
        let height = top + rowHeights.reduce(0, +) + 12
        let description = bars.map { "\($0.label): \($0.value.map { t.percent($0) } ?? t["report.not_answered"])" }.joined(separator: "; ")
        var svg = open(width: Int(width.rounded(.up)), height: Int(height.rounded(.up)), id: id, title: title, description: description)
        svg += "<defs><pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#4d7fa8\" stroke-width=\"3\"/></pattern></defs>\n"
        for tick in stride(from: 0, through: 100, by: 25) {
            let x = labelWidth + plot * Double(tick) / 100
            svg += "<line x1=\"\(number(x))\" y1=\"\(number(top - 4))\" x2=\"\(number(x))\" y2=\"\(number(height - 8))\" stroke=\"#dddddd\"/>\n"
            svg += "<text x=\"\(number(x))\" y=\"\(number(top - 8))\" text-anchor=\"middle\" class=\"tick\">\(escape(t.n("\(tick)%")))</text>\n"
        }
        var y = top
        for (index, bar) in bars.enumerated() {
            let rowHeight = rowHeights[index], middle = y + rowHeight / 2
            let lines = labels[index]
            svg += "<text x=\"\(number(labelWidth - 8))\" y=\"\(number(middle + 4 - Double(lines.count - 1) * lineHeight / 2))\" text-anchor=\"end\" class=\"label\">"
                + tspans(lines, x: labelWidth - 8, lineHeight: lineHeight) + "</text>\n"
            if let value = bar.value {
                let w = max(1, plot * min(1, max(0, value)))
                let fill = bar.hatched ? "url(#\(id)-hatch)" : "#1f5f99"
                svg += "<rect x=\"\(number(labelWidth))\" y=\"\(number(middle - 8))\" width=\"\(number(w))\" height=\"16\" fill=\"\(fill)\" stroke=\"#1f5f99\"/>\n"
                svg += "<text x=\"\(number(labelWidth + w + 6))\" y=\"\(number(middle + 4))\" class=\"value\">\(escape(t.percent(value)))</text>\n"
            } else {
                svg += "<text x=\"\(number(labelWidth + 6))\" y=\"\(number(middle + 4))\" class=\"note\">\(escape(t["report.not_answered"]))</text>\n"
            }
            y += rowHeight
        }
        svg += "</svg>"
        return svg
    }
}

extension SVG {
    struct Line: Sendable {
        var label: String
        var values: [Double?]
        /// Dash pattern, so lines differ in grey-scale print too ("" = solid).
        var dash: String = ""
    }

    static let dashes = ["", "7 4", "2 3", "10 3 2 3", "4 4", "1 5"]
    static let greys = ["#1f5f99", "#333333", "#7a4b00", "#2e6b3a", "#6b2e5f", "#555555"]

    /// Lines across periods. `scale` is the value range (1...5 for maturity, 0...1 for rates,
    /// shown as percentages); a dashed horizontal line marks the target when given.
    static func lineChart(
        lines: [Line], periods: [String], scale: ClosedRange<Double>, percent: Bool, target: Double? = nil,
        width: Double = 640, height: Double = 300, id: String, title: String, strings t: StringTable = .english
    ) -> String {
        guard !periods.isEmpty, !lines.isEmpty else { return "" }
        // Lines are named at their end: the right margin is as wide as the longest name.
        func show(_ value: Double) -> String { percent ? t.percent(value) : t.score(value) }
        // A long name takes up to three lines, the last value after it.
        let endTexts = lines.map { line -> [String] in
            guard lines.count > 1, let last = line.values.compactMap({ $0 }).last else { return [] }
            var text = FontMetrics.lines(line.label, maxWidth: 260, size: FontSize.label, maxLines: 3)
            text[text.count - 1] += " " + show(last)
            return text
        }
        let endWidth = endTexts.flatMap { $0 }.map { FontMetrics.width($0, size: FontSize.label) }.max() ?? 0
        let left = 44.0, right = lines.count > 1 ? max(24, endWidth - 10) : 24.0, top = 18.0, bottom = 40.0
        let width = max(width, left + right + (percent ? 440 : 260))
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ index: Int) -> Double {
            // Inset from the axes so that value labels do not sit on the tick labels.
            periods.count == 1 ? left + plotWidth / 2 : left + 24 + (plotWidth - 48) * Double(index) / Double(periods.count - 1)
        }
        func y(_ value: Double) -> Double {
            top + plotHeight * (1 - (min(max(value, scale.lowerBound), scale.upperBound) - scale.lowerBound) / (scale.upperBound - scale.lowerBound))
        }
        let description = lines.map { line in
            line.label + ": " + zip(periods, line.values).map { "\($0) \($1.map(show) ?? t["chart.no_value"])" }.joined(separator: ", ")
        }.joined(separator: "; ") + (target.map { "; " + t.text("chart.target", ["value": show($0)]) } ?? "")
        var svg = open(width: Int(width), height: Int(height), id: id, title: title, description: description)
        let ticks: [Double] = percent ? [0, 0.25, 0.5, 0.75, 1] : [1, 2, 3, 4, 5]
        for tick in ticks where scale.contains(tick) {
            svg += "<line x1=\"\(number(left))\" y1=\"\(number(y(tick)))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(y(tick)))\" stroke=\"#e0e0e0\"/>\n"
            svg += "<text x=\"\(number(left - 6))\" y=\"\(number(y(tick) + 4))\" text-anchor=\"end\" class=\"tick\">\(escape(percent ? t.n("\(Int(tick * 100))%") : String(Int(tick))))</text>\n"
        }
        for (index, period) in periods.enumerated() {
            svg += "<text x=\"\(number(x(index)))\" y=\"\(number(height - bottom + 18))\" text-anchor=\"middle\" class=\"tick\">\(escape(period))</text>\n"
        }
        if let target {
            svg += "<line x1=\"\(number(left))\" y1=\"\(number(y(target)))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(y(target)))\" stroke=\"#000000\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\"/>\n"
            svg += "<text x=\"\(number(left + plotWidth))\" y=\"\(number(y(target) - 5))\" text-anchor=\"end\" class=\"note\">\(escape(t.text("chart.target", ["value": show(target)])))</text>\n"
        }
        var endLabels: [(x: Double, y: Double, text: [String], colour: String)] = []
        for (n, line) in lines.enumerated() {
            let colour = greys[n % greys.count]
            let dash = line.dash.isEmpty ? dashes[n % dashes.count] : line.dash
            // Draw each run of consecutive values; a missing period breaks the line.
            var run: [(Double, Double)] = []
            func flush() {
                if run.count >= 2 {
                    svg += "<polyline points=\"\(run.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
                }
                run = []
            }
            for (index, value) in line.values.enumerated() {
                guard let value else { flush(); continue }
                run.append((x(index), y(value)))
                svg += "<circle cx=\"\(number(x(index)))\" cy=\"\(number(y(value)))\" r=\"3.5\" fill=\"\(colour)\"/>\n"
                if lines.count == 1 {
                    svg += "<text x=\"\(number(x(index)))\" y=\"\(number(y(value) - 8))\" text-anchor=\"middle\" class=\"value\">\(escape(show(value)))</text>\n"
                }
            }
            flush()
            if lines.count > 1, let lastIndex = line.values.lastIndex(where: { $0 != nil }), let last = line.values[lastIndex] {
                endLabels.append((x(lastIndex) + 8, y(last) + 4, endTexts[n], colour))
            }
        }
        // End-of-line labels, moved apart so that close values do not print on top of each other.
        let lineHeight = 13.0
        endLabels.sort { $0.y < $1.y }
        for index in endLabels.indices.dropFirst() {
            let previous = endLabels[index - 1]
            let below = previous.y + Double(previous.text.count - 1) * lineHeight + 14
            if endLabels[index].y < below { endLabels[index].y = below }
        }
        // Pushed past the foot of the plot: move them all up again.
        if let last = endLabels.last {
            let overflow = last.y + Double(last.text.count - 1) * lineHeight - (top + plotHeight + 4)
            if overflow > 0 { for index in endLabels.indices { endLabels[index].y -= overflow } }
        }
        for label in endLabels {
            svg += "<text x=\"\(number(label.x))\" y=\"\(number(label.y))\" class=\"label\" fill=\"\(label.colour)\">"
                + tspans(label.text, x: label.x, lineHeight: lineHeight) + "</text>\n"
        }
        svg += "</svg>"
        return svg
    }
}
