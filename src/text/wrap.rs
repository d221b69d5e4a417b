//! Chinese line wrapping by display width.
//!
//! Wrapping works on the original line and returns byte ranges into it, so that metric and
//! search-hit byte spans map straight onto screen rows. Widths are those of the shown form
//! ([`super::sanitize`]). The rules (a subset of the Chinese line-breaking rules, 禁则):
//! no row starts with closing punctuation, no row ends with opening punctuation, runs of ASCII
//! letters and digits (`98.34%`, URLs) stay whole when they fit, wide characters are never split,
//! and no row is wider than the width. One pass, linear in the line length.

use std::ops::Range;

use super::sanitize::char_width;

/// Whether `c` may not start a row (closing punctuation, full-width and ASCII).
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '”'
            | '’'
            | '…'
            | '‥'
            | '．'
            | '％'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
    )
}

/// Whether `c` may not end a row (opening punctuation, full-width and ASCII).
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '（'
            | '《'
            | '「'
            | '『'
            | '【'
            | '〈'
            | '〔'
            | '〖'
            | '〘'
            | '('
            | '['
            | '{'
    )
}

/// Whether the punctuation rules allow a break between `a` and `b`.
fn may_break_punct(a: char, b: char, b_width: usize) -> bool {
    !(b_width == 0 || is_closing(b) || is_opening(a))
}

/// Whether the text may break between `a` and `b` when there is a choice: also keeps runs of
/// ASCII (`98.34%`, URLs), spaces and `——` together.
fn may_break(a: char, b: char) -> bool {
    let word = |c: char| c.is_ascii_graphic();
    !(b == ' ' || (word(a) && word(b)) || (a == '—' && b == '—'))
}

/// Wraps `line` into rows no wider than `width` columns; returns each row's byte range.
///
/// The rows cover the line exactly, in order; an empty line gives one empty row. A single
/// character wider than `width` (a wide glyph at width 1) gets a row of its own.
pub fn wrap(line: &str, width: usize) -> Vec<Range<usize>> {
    wrap_keeping(line, width, &[])
}

/// Like [`wrap`], and the byte ranges in `keep` (sorted by start; metrics such as `1.59亿元`)
/// are not broken when a row can take them whole.
pub fn wrap_keeping(line: &str, width: usize, keep: &[Range<usize>]) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut start = 0; // byte where the current row starts
    let mut used = 0; // columns used by the current row
                      // The latest allowed break in the current row: (byte, columns before it).
    let mut brk: Option<(usize, usize)> = None;
    // The latest break the punctuation rules allow, for rows with no better one (long URLs).
    let mut weak: Option<(usize, usize)> = None;
    let mut prev: Option<char> = None;
    let mut k = 0; // the first keep range that does not end before here
    for (i, c) in line.char_indices() {
        let w = char_width(c);
        while keep.get(k).is_some_and(|r| r.end <= i) {
            k += 1;
        }
        let inside = keep.get(k).is_some_and(|r| r.start < i);
        if let Some(p) = prev {
            if i > start && may_break_punct(p, c, w) {
                weak = Some((i, used));
                if !inside && may_break(p, c) {
                    brk = Some((i, used));
                }
            }
        }
        prev = Some(c);
        // A second round is needed when the text carried over plus `c` still overflows.
        while used + w > width && i > start {
            match brk.or(weak) {
                Some((b, before)) if b > start => {
                    rows.push(start..b);
                    start = b;
                    used -= before;
                }
                _ => {
                    rows.push(start..i);
                    start = i;
                    used = 0;
                }
            }
            brk = None;
            weak = None;
        }
        used += w;
    }
    rows.push(start..line.len());
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sanitize::str_width;

    fn rows(line: &str, width: usize) -> Vec<&str> {
        wrap(line, width).into_iter().map(|r| &line[r]).collect()
    }

    /// Every invariant a reader would notice, for one line at one width.
    fn check(line: &str, width: usize) {
        check_cover(line, width);
        let ranges = wrap(line, width);
        for (k, r) in ranges.iter().enumerate() {
            let row = &line[r.clone()];
            if k > 0 {
                let first = row.chars().next().unwrap_or(' ');
                assert!(
                    !is_closing(first),
                    "row starts with closing punctuation at {width}: {row:?}"
                );
            }
            if k + 1 < ranges.len() {
                let last = row.chars().next_back().unwrap_or(' ');
                assert!(!is_opening(last), "row ends with opening punctuation at {width}: {row:?}");
            }
        }
    }

    /// Rows cover the line in order, split at characters, never wider than the width.
    fn check_cover(line: &str, width: usize) {
        let ranges = wrap(line, width);
        let mut at = 0;
        for r in &ranges {
            assert_eq!(r.start, at, "rows must cover the line in order: {line:?}");
            assert!(line.is_char_boundary(r.start) && line.is_char_boundary(r.end));
            at = r.end;
        }
        assert_eq!(at, line.len());
        for (k, r) in ranges.iter().enumerate() {
            let row = &line[r.clone()];
            let w = str_width(row);
            let single = row.chars().filter(|&c| char_width(c) > 0).count() == 1;
            assert!(w <= width || single, "row wider than {width}: {row:?} ({w})");
            assert!(k + 1 == ranges.len() || !row.is_empty());
        }
    }

    #[test]
    fn all_samples_at_widths_20_to_120_keep_every_rule() {
        for (name, bytes) in crate::doc::samples::SAMPLES {
            let text = String::from_utf8_lossy(bytes);
            for width in 20..=120 {
                for line in text.lines() {
                    check(line, width);
                }
            }
            assert!(text.lines().any(|l| str_width(l) > 120), "{name} has no long line to wrap");
        }
    }

    #[test]
    fn closing_punctuation_pulls_the_previous_character_down() {
        assert_eq!(rows("一二三，四", 6), ["一二", "三，四"]);
        assert_eq!(rows("一二三。”四", 6), ["一二", "三。”", "四"]);
        assert_eq!(rows("一二三四", 6), ["一二三", "四"]);
    }

    #[test]
    fn opening_punctuation_moves_to_the_next_row() {
        assert_eq!(rows("一二《三四》", 6), ["一二", "《三", "四》"]);
        assert_eq!(rows("甲“乙丙”", 4), ["甲", "“乙", "丙”"]);
    }

    #[test]
    fn numbers_with_units_stay_whole_when_they_fit() {
        assert_eq!(rows("共计98.34%的案件", 8), ["共计", "98.34%的", "案件"]);
        assert_eq!(rows("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn metrics_stay_whole_when_they_fit() {
        let line = "审批金额超20亿元。知识产权";
        let at = line.find("20").unwrap_or(0);
        let keep = vec![Range { start: at, end: at + "20亿元".len() }];
        let rows: Vec<&str> = wrap_keeping(line, 14, &keep).into_iter().map(|r| &line[r]).collect();
        assert_eq!(rows, ["审批金额超", "20亿元。知识产", "权"]);
        assert_eq!(wrap(line, 14).len(), 2);
        assert_eq!(&line[wrap(line, 14)[0].clone()], "审批金额超20亿");
    }

    #[test]
    fn wide_characters_are_never_split_and_odd_widths_leave_a_gap() {
        assert_eq!(rows("一二三", 5), ["一二", "三"]);
        assert_eq!(rows("一二", 1), ["一", "二"]);
        assert_eq!(rows("", 10), [""]);
    }

    #[test]
    fn control_characters_are_measured_by_their_placeholders() {
        // ESC shows as one column (␛), a bidi override as none.
        assert_eq!(rows("ab\x1bcd", 2), ["ab", "\x1b", "cd"]);
        assert_eq!(rows("ab\u{202e}cd", 2), ["ab\u{202e}", "cd"]);
    }

    #[test]
    fn cases_proptest_once_found_keep_the_invariants() {
        check_cover("aa{𠀀", 1);
        check_cover("，？、", 2);
        check_cover(" )a{ぁ", 2);
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_text_keeps_the_invariants(s in "(?s).{0,200}", width in 1usize..60) {
            check_cover(&s, width);
        }

        #[test]
        fn prose_keeps_the_punctuation_rules(s in "([一二三四五六七八九十]{1,6}[，。、；：？！]?[（《「“]?){0,60}", width in 6usize..40) {
            // Prose never has more punctuation in a row than a row can absorb.
            check(&s, width);
        }
    }
}
