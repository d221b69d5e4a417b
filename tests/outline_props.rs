//! Property tests of the outline parser: arbitrary and report-like text never panics, and the
//! outline's invariants hold (line order, levels rising by at most one, markers where the
//! headings are: at the line start, at `col`, or across the line break of a split marker).

use gongwen::outline::{self, Heading};
use gongwen::text::fold;
use proptest::prelude::*;

/// Lines that look like a report: optional indent, often a marker (ASCII, full-width,
/// compatibility and near-miss forms), then text rich in numerals, stops and combining marks.
fn report_line() -> impl Strategy<Value = String> {
    let indent = "[ \t\u{3000}\u{a0}\u{200b}\u{feff}]{0,2}";
    let marker = "(第[一二十百零1-9]{1,3}(部分|章|节|条)|[一二三十〇]{1,3}[、是]|[((][一二十1-9０-９]{1,3}[))]、?|[0-9０-９]{1,3}[.、．]|[①②⑳\u{2488}\u{2474}\u{3220}]、?)?";
    let text = "[一二三十〇0-9１.、。;:；：,，()（）是文字 \u{301}\u{338}]{0,12}";
    (indent, marker, text).prop_map(|(a, b, c)| format!("{a}{b}{c}"))
}

/// A document: either report-like lines or arbitrary strings (which may contain line breaks,
/// which `parse` must take as ordinary characters of one line).
fn document() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        prop::collection::vec(report_line(), 0..40),
        prop::collection::vec(any::<String>(), 0..20),
    ]
}

fn parse(lines: &[String]) -> Vec<Heading> {
    outline::parse(lines.iter().map(String::as_str))
}

/// `s` with ASCII `(),:;` written full-width.
fn wide(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '(' | ')' | ',' | ':' | ';' => {
                char::from_u32(c as u32 - 0x21 + 0xff01).expect("full-width form exists")
            }
            c => c,
        })
        .collect()
}

proptest! {
    #[test]
    fn headings_come_in_line_order_within_the_document(lines in document()) {
        let h = parse(&lines);
        for pair in h.windows(2) {
            prop_assert!(pair[0].line < pair[1].line, "{:?} then {:?}", pair[0], pair[1]);
        }
        for x in &h {
            prop_assert!((1..=lines.len()).contains(&x.line), "{x:?} outside {} lines", lines.len());
        }
    }

    #[test]
    fn levels_start_at_one_and_rise_by_at_most_one(lines in document()) {
        let mut previous = 0;
        for x in parse(&lines) {
            prop_assert!(x.level >= 1 && x.level <= previous + 1, "{x:?} after level {previous}");
            previous = x.level;
        }
    }

    #[test]
    fn every_heading_line_starts_with_its_marker(lines in document()) {
        for x in parse(&lines) {
            let line = fold(&lines[x.line - 1]);
            let next = lines.get(x.line).map(|l| fold(l)).unwrap_or_default();
            // Where the marker is: at `col` inside a run-together line, else at the line start.
            let at: String = match x.col {
                Some(c) => line.chars().skip(c).collect(),
                None => line.trim_start_matches(outline::is_indent).to_string(),
            };
            // A marker split from its title reads on across the line break.
            let joined = format!("{}{}", at.trim_end_matches(outline::is_indent), next.trim_start_matches(outline::is_indent));
            prop_assert!(!x.title.is_empty() || !x.marker.is_empty(), "{x:?}");
            prop_assert!(joined.starts_with(&fold(&x.marker)), "{x:?} in {line:?}");
            // A title wrapped onto the lines after it (hard-wrapped text) reads on across the
            // line breaks, and may drop the spaces PDF extraction puts beside digits.
            let title = fold(&x.title).replace(' ', "");
            let after: String = lines.iter().skip(x.line - 1).take(8).map(|l| fold(l)).collect();
            let after = after.replace(' ', "");
            prop_assert!(after.contains(&title), "{x:?} in {line:?}");
        }
    }

    #[test]
    fn full_width_punctuation_changes_nothing_but_the_marker_form(lines in document()) {
        let fold_all = |h: Vec<Heading>| -> Vec<(usize, usize, String, String)> {
            h.into_iter().map(|x| (x.line, x.level, fold(&x.marker), fold(&x.title))).collect()
        };
        let widened: Vec<String> = lines.iter().map(|l| wide(l)).collect();
        prop_assert_eq!(fold_all(parse(&lines)), fold_all(parse(&widened)));
    }
}

/// The properties above say little unless the report-like lines often are headings, at several
/// levels: check the generator does produce them.
#[test]
fn report_like_documents_contain_nested_headings() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = prop::collection::vec(report_line(), 20..40);
    let (mut headings, mut deep) = (0, 0);
    for _ in 0..50 {
        let lines = strategy.new_tree(&mut runner).expect("a value").current();
        let h = parse(&lines);
        headings += h.len();
        deep += h.iter().filter(|x| x.level >= 3).count();
    }
    assert!(headings >= 200 && deep >= 50, "{headings} headings, {deep} at level 3 or deeper");
}
