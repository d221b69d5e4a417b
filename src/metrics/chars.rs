//! Character helpers for the scanner: full-width and traditional forms normalised, and stepping
//! through a line by byte offsets without ever slicing inside a character.

use crate::text::script;

/// The simplified, half-width form of a character as far as the extractor cares.
///
/// Full-width ASCII (`１` `％` `．`) becomes ASCII, and traditional characters (`億` `萬` `餘`
/// `項` `個` …, as reports from Hong Kong, Macao and Taiwan and older national ones write
/// them) become simplified by OpenCC's table ([`script::simplify`]), so one rule table serves
/// both scripts. One character always gives one character, so offsets stay those of the line.
#[inline]
pub fn norm(c: char) -> char {
    // This runs at nearly every character of a line: most characters are below the CJK
    // punctuation and go back unlooked-at; an ideograph costs one bit test.
    let u = c as u32;
    if u < 0x3000 {
        return c;
    }
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => script::simplify(c),
    }
}

/// The normalised character starting at byte `pos` and its byte length in the line.
pub fn at(line: &str, pos: usize) -> Option<(char, usize)> {
    let c = line.get(pos..)?.chars().next()?;
    Some((norm(c), c.len_utf8()))
}

/// The normalised character ending at byte `pos` and its byte length in the line.
pub fn before(line: &str, pos: usize) -> Option<(char, usize)> {
    let c = line.get(..pos)?.chars().next_back()?;
    Some((norm(c), c.len_utf8()))
}

/// If the normalised text from `pos` starts with `word`, the byte offset where it ends.
pub fn starts_with(line: &str, pos: usize, word: &str) -> Option<usize> {
    let mut p = pos;
    for w in word.chars() {
        let (c, len) = at(line, p)?;
        if c != w {
            return None;
        }
        p += len;
    }
    Some(p)
}

/// If the normalised text ending at `pos` ends with `word`, the byte offset where it starts.
pub fn ends_with(line: &str, pos: usize, word: &str) -> Option<usize> {
    let mut p = pos;
    for w in word.chars().rev() {
        let (c, len) = before(line, p)?;
        if c != w {
            return None;
        }
        p -= len;
    }
    Some(p)
}

/// The longest word of `words` that the text from `pos` starts with, and where it ends.
/// Words are first compared on their first character, so that a long list costs little where
/// nothing matches (the lists hold no empty word).
pub fn longest_at<'w>(line: &str, pos: usize, words: &[&'w str]) -> Option<(&'w str, usize)> {
    let (first, _) = at(line, pos)?;
    // The first byte rules out most words before any decoding.
    let lead = first.encode_utf8(&mut [0; 4]).as_bytes()[0];
    words
        .iter()
        .filter(|w| w.as_bytes().first() == Some(&lead) && first_char(w) == Some(first))
        .filter_map(|w| starts_with(line, pos, w).map(|end| (*w, end)))
        .max_by_key(|(w, _)| w.len())
}

/// The longest word of `words` that the text ending at `pos` ends with, and where it starts.
/// Words are first compared on their last character (the lists hold no empty word).
pub fn longest_before<'w>(line: &str, pos: usize, words: &[&'w str]) -> Option<(&'w str, usize)> {
    let (last, _) = before(line, pos)?;
    words
        .iter()
        .filter(|w| w.chars().next_back().is_some_and(|c| c == last))
        .filter_map(|w| ends_with(line, pos, w).map(|start| (*w, start)))
        .max_by_key(|(w, _)| w.len())
}

/// The first character of `word`. Comparing it is much cheaper than `word.starts_with(c)`,
/// which encodes `c` and calls `memcmp`: the word lists are scanned at every candidate position.
pub fn first_char(word: &str) -> Option<char> {
    word.chars().next()
}

/// An ASCII digit after normalisation (`7`, `７`).
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// A character of a Chinese numeral (`〇` … `九`, `两`, `十` `百` `千` `万` `亿`, `几`).
pub fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '两'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
            | '几'
    )
}

/// Whether `c` as written may start a number: its [`norm`] form is a digit or a Chinese
/// numeral. The scanner skips every other character without looking further.
#[inline]
pub fn starts_number(c: char) -> bool {
    let u = c as u32;
    // One bit per ideograph: this runs on every character of every line.
    if let Some(numeral) = NUMERALS.contains(u) {
        return numeral;
    }
    c.is_ascii_digit() || ('０'..='９').contains(&c) || c == '〇'
}

/// The start of the CJK unified ideographs.
const IDEOGRAPHS: u32 = 0x4E00;

/// The ideographs that may start a number: the numerals and every traditional form that
/// [`script`] folds to one (`億` `萬` `兩` `幾` …).
const NUMERALS: IdeographSet = IdeographSet::with_traditional(&[
    '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '两', '十', '百', '千', '万', '亿',
    '几',
]);

/// A set of CJK unified ideographs (U+4E00..U+A000), one bit each: a test is a load and a mask.
struct IdeographSet([u64; 0x5200 / 64]);

impl IdeographSet {
    /// The set of `chars` (all must be ideographs in the range).
    const fn of(chars: &[char]) -> IdeographSet {
        let mut bits = [0u64; 0x5200 / 64];
        let mut k = 0;
        while k < chars.len() {
            let i = (chars[k] as u32 - IDEOGRAPHS) as usize;
            bits[i / 64] |= 1 << (i % 64);
            k += 1;
        }
        IdeographSet(bits)
    }

    /// The set of `chars` and of every ideograph whose simplified form is one of them.
    const fn with_traditional(chars: &[char]) -> IdeographSet {
        let mut set = IdeographSet::of(chars);
        let mut u = IDEOGRAPHS;
        while u < IDEOGRAPHS + 0x5200 {
            if let Some(c) = char::from_u32(u) {
                let s = script::simplify_unified(c);
                let mut k = 0;
                while s != c && k < chars.len() {
                    if chars[k] == s {
                        let i = (u - IDEOGRAPHS) as usize;
                        set.0[i / 64] |= 1 << (i % 64);
                    }
                    k += 1;
                }
            }
            u += 1;
        }
        set
    }

    /// Whether the ideograph `u` is in the set; `None` when `u` is not in the range.
    #[inline]
    fn contains(&self, u: u32) -> Option<bool> {
        let i = u.checked_sub(IDEOGRAPHS)? as usize;
        let word = self.0.get(i / 64)?;
        Some(word & (1 << (i % 64)) != 0)
    }
}

/// Punctuation that ends a clause (the label never crosses it).
pub fn is_clause_end(c: char) -> bool {
    matches!(c, ',' | '，' | '。' | ';' | '；' | ':' | '：' | '!' | '！' | '?' | '？' | '、' | '\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_and_traditional_forms_fold() {
        assert_eq!(norm('５'), '5');
        assert_eq!(norm('％'), '%');
        assert_eq!(norm('億'), '亿');
        assert_eq!(norm('餘'), '余');
        assert_eq!(norm('個'), '个');
        assert_eq!(norm('件'), '件');
        // Beyond the magnitudes: the units and words of the rule tables in traditional form.
        assert_eq!(norm('噸'), '吨');
        assert_eq!(norm('點'), '点');
        assert_eq!(norm('韆'), '千');
    }

    #[test]
    fn traditional_words_of_a_real_report_match_the_simplified_ones() {
        // `…十八億餘元` (1954 government work report): `亿` and `余` are found as written.
        let line = "因爲材料使用的浪費損失十八億餘元";
        let pos = line.find('億').unwrap_or(0);
        assert_eq!(starts_with(line, pos, "亿余元"), Some(line.len()));
        assert_eq!(longest_before(line, line.len(), &["元", "万元"]), Some(("元", line.len() - 3)));
        assert!(starts_number('萬') && starts_number('億') && starts_number('兩'));
    }

    #[test]
    fn stepping_never_splits_a_character() {
        let line = "近4000家";
        assert_eq!(at(line, 1), None, "offset 1 is inside 近");
        assert_eq!(at(line, 0), Some(('近', 3)));
        assert_eq!(before(line, 3), Some(('近', 3)));
        assert_eq!(before(line, 2), None);
        assert_eq!(starts_with(line, 7, "家"), Some(10));
        assert_eq!(ends_with(line, 3, "近"), Some(0));
    }

    #[test]
    fn number_starts_are_the_normalised_digits_and_numerals() {
        // Every character whose normalised form starts a number, and nothing else.
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let n = norm(c);
            assert_eq!(starts_number(c), is_digit(n) || is_cn_numeral(n), "{c:?}");
        }
    }

    #[test]
    fn longest_word_wins() {
        let line = "超过91%";
        assert_eq!(longest_at(line, 0, &["超", "超过"]), Some(("超过", 6)));
        assert_eq!(longest_before(line, 6, &["过", "超过"]), Some(("超过", 0)));
    }
}
