/// "1 row", "3 rows": a count with an English noun, plural when the count is not 1 (for
/// messages that are in English only; the string tables count in every language).
func countedNoun(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
