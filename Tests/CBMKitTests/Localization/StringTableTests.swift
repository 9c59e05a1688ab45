import Foundation
import Testing
@testable import CBMKit

@Suite("String tables: every language has every text")
struct StringTableTests {
    @Test func bundledTablesReadWithoutAProblem() throws {
        let tables = try StringTable.bundled.get()
        #expect(Set(tables.keys) == ["en", "ru"])
        for table in tables.values {
            #expect(table.keys.count > 100, "\(table.language) has only \(table.keys.count) texts")
        }
    }

    /// A command reads only the table of its language (`StringTable.alone`), and `--language`
    /// lists the languages from the heads of the files: both give what reading every table gives.
    @Test func oneLanguageAloneIsTheSameAsEveryTableRead() throws {
        let tables = try StringTable.bundled.get()
        for (code, table) in tables {
            let alone = try #require(StringTable.alone(code))
            #expect(alone.language == table.language && alone.name == table.name && alone.nativeName == table.nativeName)
            #expect(alone.keys == table.keys)
            for key in table.keys { #expect(alone.text(key) == table.text(key)) }
        }
        #expect(StringTable.alone("xx") == nil)
        #expect(StringTable.alone("../en") == nil)
        #expect(StringTable.installedLanguages.map(\.code) == StringTable.availableLanguages.map(\.code))
        #expect(StringTable.installedLanguages.map(\.name) == StringTable.availableLanguages.map(\.name))
        #expect(StringTable.installedLanguages.map(\.name) == ["English", "Russian, русский"])
    }

    /// A missing key in a language is an error: each table has exactly the keys of English,
    /// the same placeholders, and counted texts where English has them.
    @Test(arguments: ["ru"])
    func translationHasEveryKeyOfEnglish(language: String) throws {
        let tables = try StringTable.bundled.get()
        let table = try #require(tables[language])
        #expect(table.differences(from: StringTable.english).isEmpty, "\(table.differences(from: StringTable.english).map(\.description))")
        #expect(Set(table.keys) == Set(StringTable.english.keys))
        for key in table.keys where table.text(key).isEmpty { Issue.record("\(language): `\(key)` is empty") }
    }

    @Test func aMissingKeyOrPlaceholderIsFound() throws {
        let url = Repository.root.appendingPathComponent("Sources/CBMKit/Resources/locales")
        let russian = try String(contentsOf: url.appendingPathComponent("ru.yaml"), encoding: .utf8)
        // Drop one text and damage one placeholder.
        let damaged = russian
            .replacingOccurrences(of: "    scale: Шкала\n", with: "")
            .replacingOccurrences(of: "default_target: \"Если в оценке целевой уровень не задан, целевым считается уровень {level}.\"",
                                  with: "default_target: \"Если в оценке целевой уровень не задан, целевым считается уровень {уровень}.\"")
        #expect(damaged != russian)
        let (table, problems) = StringTable.parse(Data(damaged.utf8), file: "ru.yaml")
        #expect(problems.isEmpty)
        let differences = try #require(table).differences(from: StringTable.english)
        #expect(differences.contains { $0.message.contains("`show.scale` is missing") })
        #expect(differences.contains { $0.message.contains("`show.default_target` must use the placeholders {level}") })
    }

    /// A translator's unfinished table makes only its own language unavailable.
    @Test func aDamagedTableLeavesTheOthersWorking() throws {
        let folder = TemporaryDirectory()
        let locales = Repository.root.appendingPathComponent("Sources/CBMKit/Resources/locales")
        for name in ["en.yaml", "ru.yaml"] { folder.write(name, try Data(contentsOf: locales.appendingPathComponent(name))) }
        let english = try String(contentsOf: locales.appendingPathComponent("en.yaml"), encoding: .utf8)
        folder.write("uz.yaml", english.replacingOccurrences(of: "language: en\n", with: "language: uz\n")
            .replacingOccurrences(of: "    contents: Contents\n", with: ""))
        let bundle = StringTable.load(from: folder.url)
        #expect(Set(bundle.tables.keys) == ["en", "ru"])
        #expect(bundle.problems["uz"]?.map(\.message) == ["the text `report.contents` is missing (English: “Contents”, locales/en.yaml:\(english.components(separatedBy: "\n").firstIndex(of: "    contents: Contents")! + 1))"])
    }

    @Test func aCountedTextNeedsEveryPluralFormOfItsLanguage() {
        let yaml = """
        language: xx
        name: Test
        plural: east-slavic
        numbers: {decimal: ",", percent: "{n} %", minus: "−"}
        dates: {full: "{iso}", month: "{iso}", year: "{iso}", months: [a, b, c, d, e, f, g, h, i, j, k, l], months_of: [a, b, c, d, e, f, g, h, i, j, k, l]}
        texts:
          count:
            indicators: {one: "{n} показатель", other: "{n} показателя"}
        """
        let (table, problems) = StringTable.parse(Data(yaml.utf8), file: "xx.yaml")
        #expect(table == nil)
        #expect(problems.map(\.message) == ["`count.indicators` needs the plural forms `few`, `many` (rule east-slavic)"])
        #expect(problems.first?.location.line == 8)
    }

    @Test func anUnknownLanguageIsAnErrorNamingTheOthers() {
        #expect(throws: UnsupportedLanguage.self) { try StringTable.forLanguage("fr") }
        do {
            _ = try StringTable.forLanguage("fr")
        } catch {
            #expect("\(error)".contains("`fr`"))
            #expect("\(error)".contains("en (English), ru (Russian, русский)"))
        }
    }

    @Test func placeholdersAreFilledAndOtherBracesKept() {
        #expect(StringTable.fill("{a} of {b}", ["a": "1", "b": "2"]) == "1 of 2")
        #expect(StringTable.fill("{status: partial, date: {d}}", ["d": "2027"]) == "{status: partial, date: 2027}")
        #expect(StringTable.fill("{unknown} {", [:]) == "{unknown} {")
        #expect(StringTable.placeholders(in: "`{field}: {en: …, {code}: …}`") == ["field", "code"])
    }
}

@Suite("Russian plural forms, numbers and dates")
struct RussianConventionsTests {
    let ru = try! StringTable.forLanguage("ru")
    let en = StringTable.english

    @Test(arguments: [
        (0, "0 показателей"), (1, "1 показатель"), (2, "2 показателя"), (4, "4 показателя"), (5, "5 показателей"),
        (11, "11 показателей"), (12, "12 показателей"), (14, "14 показателей"), (21, "21 показатель"), (22, "22 показателя"),
        (25, "25 показателей"), (101, "101 показатель"), (111, "111 показателей"), (112, "112 показателей"), (1021, "1021 показатель"),
    ])
    func indicators(count: Int, expected: String) {
        #expect(ru.counted(count, "count.indicators") == expected)
    }

    @Test func otherNouns() {
        #expect(ru.counted(1, "count.agencies") == "1 ведомство")
        #expect(ru.counted(3, "count.agencies") == "3 ведомства")
        #expect(ru.counted(6, "count.agencies") == "6 ведомств")
        #expect(ru.counted(21, "count.provisions") == "21 положение")
        #expect(ru.counted(13, "count.sections") == "13 разделов")
        #expect(ru.counted(2, "count.dimensions") == "2 направления")
        #expect(en.counted(1, "count.indicators") == "1 indicator")
        #expect(en.counted(0, "count.indicators") == "0 indicators")
        #expect(en.counted(21, "count.indicators") == "21 indicators")
    }

    @Test func pluralRuleFollowsCLDR() {
        let rule = PluralRule.eastSlavic
        #expect((0...200).filter { rule.category($0) == .one } == [1, 21, 31, 41, 51, 61, 71, 81, 91, 101, 121, 131, 141, 151, 161, 171, 181, 191])
        #expect(rule.category(1.5) == .other)
        #expect(rule.category(2.0) == .few)
        #expect(PluralRule.oneOther.category(1) == .one)
        #expect(PluralRule.oneOther.category(-1) == .one)
    }

    @Test func decimalCommaPercentWithNoBreakSpaceAndTypographicMinus() {
        #expect(ru.score(2.6) == "2,6")
        #expect(ru.score(2.25) == "2,3")
        #expect(ru.score(nil) == "—")
        #expect(ru.score(-0.5) == "−0,5")
        #expect(ru.percent(0.702) == "70,2\u{A0}%")
        #expect(ru.roundPercent(0.8) == "80\u{A0}%")
        #expect(ru.roundPercent(0.8333) == "83,3\u{A0}%")
        #expect(ru.signed(0.4) == "+0,4")
        #expect(ru.signed(-0.54) == "−0,5")
        #expect(ru.signed(0.0) == "0,0")
        #expect(ru.signed(0.042, percentPoints: true) == "+4,2\u{A0}п.\u{A0}п.")
        #expect(ru.integer(-3) == "−3")
        // English keeps the style of the existing reports.
        #expect(en.score(2.6) == "2.6")
        #expect(en.percent(0.702) == "70.2%")
        #expect(en.signed(-0.54) == "−0.5")
        #expect(en.signed(0.042, percentPoints: true) == "+4.2 points")
    }

    @Test func datesInWords() {
        #expect(ru.date("2026-10-15") == "15 октября 2026\u{A0}г.")
        #expect(ru.date("2026-03-01") == "1 марта 2026\u{A0}г.")
        #expect(ru.date("2026-05") == "май 2026\u{A0}г.")
        #expect(ru.date("2026") == "2026\u{A0}г.")
        #expect(ru.date("2026-13-01") == "2026-13-01")
        #expect(ru.date("soon") == "soon")
        #expect(en.date("2026-10-15") == "2026-10-15")
    }

    /// Every number a report shows is rounded once, the same way, whatever the language.
    @Test func sameRoundingInEveryLanguage() {
        var generator = SplitMix64(seed: 17)
        for _ in 0..<2000 {
            let value = Double(generator.next() % 50_001) / 10_000
            #expect(ru.score(value) == en.score(value).replacingOccurrences(of: ".", with: ","))
            #expect(ru.percent(value / 5) == en.percent(value / 5).replacingOccurrences(of: ".", with: ",").replacingOccurrences(of: "%", with: "\u{A0}%"))
        }
    }
}
