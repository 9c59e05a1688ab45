import Testing
@testable import CBMKit

@Suite("Language codes in questionnaires")
struct LanguageCodeTests {
    @Test(arguments: ["en", "ru", "kk", "uzb", "pt-BR", "zh-Hant", "es-419", "sr-Latn-RS"])
    func accepted(code: String) { #expect(isLanguageCode(code)) }

    @Test(arguments: ["", "e", "EN", "Ru", "english", "en_US", "en-", "-en", "en--US", "en-U", "en-abcde", "ру", "en ", "é"])
    func refused(code: String) { #expect(!isLanguageCode(code)) }
}
