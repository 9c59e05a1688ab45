extension AgencyWorkbook {
    /// The workbook's own texts (instructions, hints, dropdown messages) in one language;
    /// the questionnaires' texts come from the questionnaires, as in the CSV sheet.
    ///
    /// Texts use `{placeholder}`s, as the string tables of `Resources/locales` do; they could
    /// move there under `workbook:`. Answer words (`{na}`, `{full}`, …) are those of the
    /// sheet's language (`sheet.values`).
    struct Wording: Sendable {
        let language: String
        let texts: [String: String]

        /// The text of `key` with its placeholders filled in.
        func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
            var text = texts[key] ?? Wording.english.texts[key] ?? key
            for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
            return text
        }

        /// The texts in `language`, or in English when cbm has none in that language.
        static func forLanguage(_ language: String) -> Wording {
            language == "ru" ? russian : english
        }

        static let english = Wording(language: "en", texts: [
            "instructions.sheet": "Instructions",
            "context": "Country: {country}    Period: {period}    Agency: {agency} ({name})",
            "sheet.title": "{title} — {questionnaire} ({id} {version})",
            "sheet.hint.maturity": "Answer in the yellow columns {first} to {last}: choose the level from the list in the cell, then give the evidence and any comment. The other columns are locked.",
            "sheet.hint.compliance": "Answer in the yellow columns {first} to {last}: choose the status from the list in the cell, then give the evidence and any comment. The other columns are locked.",
            "allowed.maturity": "a level from 1 to 5, {na} (does not apply) or {unknown}",
            "allowed.compliance": "a status: {full}, {partial}, {pilot}, {none}, {na} (does not apply) or {unknown}",
            "dropdown.error_title.maturity": "Not a level",
            "dropdown.error_title.compliance": "Not a status",
            "dropdown.error": "This cell takes {allowed}. Choose one from the list, or leave the cell empty to give no answer.",
            "dropdown.prompt_title.maturity": "Level",
            "dropdown.prompt_title.compliance": "Status",
            "dropdown.prompt": "Choose {allowed}.",
            "instructions.heading": "How to fill in this workbook",
            "instructions.sheets": "1. Each sheet after this one holds the questions of one questionnaire ({ids}), one row per question.",
            "instructions.columns": "2. Answer in the yellow columns {answer_letter} ({answer}), {evidence_letter} ({evidence}) and {comment_letter} ({comment}). The other columns are locked so that the questions are not changed by mistake; there is no password.",
            "instructions.levels": "3. For an indicator, choose the level (1 to 5) whose description in columns {first_level} to {last_level} best fits your agency today. Choose {na} if the question does not apply to your agency, and {unknown} if nobody can tell yet.",
            "instructions.statuses": "4. For a provision of a convention, choose {full} (fully implemented), {partial} (partly implemented), {pilot} (pilot only), {none} (not implemented), {na} (does not apply) or {unknown}.",
            "instructions.evidence": "5. As evidence, name what shows the answer is right: a law or regulation, an agreement, a system, a report, figures. Leave a row empty to give no answer.",
            "instructions.rows": "6. Keep the {id} column as it is: it tells which question a row answers. You may sort and filter the rows, but do not delete any.",
            "instructions.send": "7. Save the workbook as an Excel workbook (.xlsx), keeping its name, and send it back to the person who sent it to you.",
            "instructions.send_to": "7. Save the workbook as an Excel workbook (.xlsx), keeping its name, and send it back to {person}.",
            "instructions.levels_heading": "What the levels mean in {title} ({id})",
            "instructions.statuses_heading": "What the statuses mean",
            "status.full": "fully implemented",
            "status.partial": "partly implemented",
            "status.pilot": "pilot only",
            "status.none": "not implemented",
            "status.na": "not applicable",
            "status.unknown": "not known",
        ])

        static let russian = Wording(language: "ru", texts: [
            "instructions.sheet": "Инструкция",
            "context": "Страна: {country}    Период: {period}    Ведомство: {agency} ({name})",
            "sheet.title": "{title} — {questionnaire} ({id} {version})",
            "sheet.hint.maturity": "Отвечайте в желтых столбцах {first}–{last}: выберите уровень из списка в ячейке, затем укажите подтверждающие материалы и при необходимости комментарий. Остальные столбцы защищены от изменений.",
            "sheet.hint.compliance": "Отвечайте в желтых столбцах {first}–{last}: выберите статус из списка в ячейке, затем укажите подтверждающие материалы и при необходимости комментарий. Остальные столбцы защищены от изменений.",
            "allowed.maturity": "уровень от 1 до 5, {na} или {unknown}",
            "allowed.compliance": "статус: {full}, {partial}, {pilot}, {none}, {na} или {unknown}",
            "dropdown.error_title.maturity": "Это не уровень",
            "dropdown.error_title.compliance": "Это не статус",
            "dropdown.error": "В эту ячейку вводится {allowed}. Выберите значение из списка или оставьте ячейку пустой, если ответа нет.",
            "dropdown.prompt_title.maturity": "Уровень",
            "dropdown.prompt_title.compliance": "Статус",
            "dropdown.prompt": "Выберите {allowed}.",
            "instructions.heading": "Как заполнить эту книгу",
            "instructions.sheets": "1. На каждом следующем листе — вопросы одного вопросника ({ids}), по одной строке на вопрос.",
            "instructions.columns": "2. Отвечайте в желтых столбцах {answer_letter} ({answer}), {evidence_letter} ({evidence}) и {comment_letter} ({comment}). Остальные столбцы защищены, чтобы вопросы не изменились по ошибке; пароля нет.",
            "instructions.levels": "3. Для показателя выберите уровень (от 1 до 5), описание которого в столбцах {first_level}–{last_level} лучше всего соответствует нынешнему положению дел в вашем ведомстве. Выберите {na}, если вопрос к вашему ведомству неприменим, и {unknown}, если ответ пока никому не известен.",
            "instructions.statuses": "4. Для положения конвенции выберите {full} (выполнено полностью), {partial} (выполнено частично), {pilot} (только в пилотном режиме), {none} (не выполнено), {na} или {unknown}.",
            "instructions.evidence": "5. В подтверждающих материалах укажите, что подтверждает ответ: закон или иной нормативный акт, соглашение, информационную систему, отчет, цифры. Если ответа нет, оставьте строку пустой.",
            "instructions.rows": "6. Не меняйте столбец «{id}»: по нему видно, на какой вопрос отвечает строка. Строки можно сортировать и фильтровать, но не удаляйте их.",
            "instructions.send": "7. Сохраните файл как книгу Excel (.xlsx), не меняя его имени, и верните его тому, кто вам его прислал.",
            "instructions.send_to": "7. Сохраните файл как книгу Excel (.xlsx), не меняя его имени, и отправьте его: {person}.",
            "instructions.levels_heading": "Что означают уровни в вопроснике «{title}» ({id})",
            "instructions.statuses_heading": "Что означают статусы",
            "status.full": "выполнено полностью",
            "status.partial": "выполнено частично",
            "status.pilot": "только в пилотном режиме",
            "status.none": "не выполнено",
            "status.na": "неприменимо",
            "status.unknown": "неизвестно",
        ])
    }
}
