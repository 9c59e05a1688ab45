/// The allowed word nearest to a misspelt one, if it is close enough to be a likely typo:
/// a few letters off, or sharing a long beginning (`border-police` → `border-guard`).
///
/// Cheap lower bounds on the edit distance (the difference in length, and in the letters
/// used) skip most candidates without computing it, so that a file with thousands of wrong
/// ids is still checked quickly; beyond 500 candidates no suggestion is made at all.
func closestMatch(to word: String, in candidates: [String]) -> String? {
    guard candidates.count <= 500 else { return nil }
    // The beginning of exactly one allowed word (`vet` → `veterinary`, `wto` → `wto-tfa`).
    let typed = word.lowercased()
    if typed.count >= 2 {
        let starting = candidates.filter { $0.lowercased().hasPrefix(typed) && $0.count > typed.count }
        if starting.count == 1 { return starting[0] }
    }
    let lowered = Array(word.lowercased().prefix(200))
    let letters = LetterCounts(lowered)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let other = Array(candidate.prefix(200))
        let prefix = zip(lowered, other).prefix { $0 == $1 }.count
        let sharesBeginning = prefix >= max(4, min(lowered.count, candidate.count) / 2)
        let limit = max(2, candidate.count / 3)
        if !sharesBeginning {
            // Each bound is at most the edit distance: skip when either is over the limit.
            if abs(lowered.count - other.count) > limit || letters.difference(LetterCounts(other)) > limit { continue }
        }
        let distance = editDistance(lowered, other)
        guard distance <= limit || sharesBeginning else { continue }
        if best == nil || distance < best!.distance { best = (candidate, distance) }
    }
    return best?.candidate
}

/// How often each letter occurs (in 64 buckets). Each edit changes the counts by at most one
/// in each direction, so the difference of two words' counts is at most their edit distance.
private struct LetterCounts {
    var counts = [Int](repeating: 0, count: 64)

    init(_ characters: [Character]) {
        for character in characters { counts[Int(character.unicodeScalars.first!.value & 63)] += 1 }
    }

    func difference(_ other: LetterCounts) -> Int {
        var more = 0
        var fewer = 0
        for bucket in 0..<64 {
            let delta = counts[bucket] - other.counts[bucket]
            if delta > 0 { more += delta } else { fewer -= delta }
        }
        return max(more, fewer)
    }
}

/// Levenshtein distance, counting a swap of two neighbouring letters as one edit.
func editDistance(_ a: String, _ b: String) -> Int {
    editDistance(Array(a.prefix(200)), Array(b.prefix(200)))
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], previous2[j - 2] + 1)
            }
        }
        previous2 = previous
        previous = current
    }
    return previous[b.count]
}
