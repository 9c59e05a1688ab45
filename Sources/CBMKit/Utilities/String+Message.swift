extension String {
    /// A value shown inside a message: one line, at most 60 characters.
    /// Characters that cannot be seen (zero-width, bidirectional controls, unusual spaces
    /// and line breaks) are shown as `\u{200B}`, so that `coun\u{200B}try` is not shown as
    /// `country`, and nothing in a message can reorder or hide the text around it.
    var shortenedForMessage: String {
        var characters: [Character] = []
        for character in self {
            if characters.count > 60 { break }
            characters.append(character)
        }
        let cut = characters.count > 60
        var oneLine = ""
        for character in characters.prefix(cut ? 57 : 60) {
            if character == "\n" || character == "\r\n" || character == "\r" {
                oneLine += " "
                continue
            }
            for scalar in character.unicodeScalars {
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator:
                    oneLine += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                case .spaceSeparator where scalar != " ":
                    oneLine += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                default:
                    oneLine.unicodeScalars.append(scalar)
                }
            }
        }
        return cut ? oneLine + "…" : oneLine
    }
}
