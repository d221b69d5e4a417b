//! Property tests of the metrics extractor: arbitrary text never panics, every metric's `raw` is
//! the source text at its `start`, values are finite and non-negative, metrics come in order.

use gongwen::metrics::{extract, extract_line, value_text};
use proptest::prelude::*;

/// Pieces that exercise every rule: digits in both widths, Chinese numerals and magnitudes,
/// approximation words, units, separators, quotes and brackets, traditional forms.
const PIECES: &[&str] = &[
    "0",
    "1",
    "2",
    "5",
    "9",
    "０",
    "７",
    ".",
    "．",
    ",",
    "，",
    "-",
    "~",
    "—",
    ":",
    "/",
    "%",
    "％",
    "一",
    "二",
    "两",
    "三",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "〇",
    "零",
    "几",
    "億",
    "萬",
    "餘",
    "個",
    "近",
    "超过",
    "余",
    "多",
    "以上",
    "左右",
    "不少于",
    "上",
    "件",
    "家",
    "人次",
    "个工作日",
    "元",
    "万元",
    "分",
    "年",
    "月",
    "日",
    "号",
    "第",
    "每",
    "“",
    "”",
    "《",
    "》",
    "(",
    ")",
    "〔",
    "〕",
    "至",
    "百分之",
    "企业",
    "办理",
    "的",
    "共",
    "。",
    "、",
    " ",
    "ICP",
    "备",
    "时",
    "\u{0}",
    "é",
];

fn assert_invariants(line: &str) -> Result<(), TestCaseError> {
    let got = extract_line(line);
    let mut last = 0;
    for m in &got {
        let at = line.get(m.start..m.start + m.raw.len());
        prop_assert_eq!(at, Some(m.raw.as_str()), "raw not at start in {:?}", line);
        prop_assert!(!m.raw.is_empty());
        prop_assert!(m.value.is_finite() && m.value >= 0.0, "value {} in {:?}", m.value, line);
        prop_assert!(!value_text(m).contains('e'), "exponent in {}", value_text(m));
        prop_assert!(m.start >= last, "metrics out of order in {:?}", line);
        last = m.start + m.raw.len();
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_keeps_the_invariants(line in any::<String>()) {
        assert_invariants(&line)?;
    }

    #[test]
    fn report_like_text_keeps_the_invariants(
        pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40)
    ) {
        assert_invariants(&pieces.concat())?;
    }

    #[test]
    fn documents_number_their_lines(
        lines in proptest::collection::vec(
            proptest::collection::vec(proptest::sample::select(PIECES), 0..12), 0..6)
    ) {
        let lines: Vec<String> = lines.into_iter().map(|p| p.concat()).collect();
        let got = extract(lines.iter().map(String::as_str), &[]);
        for m in &got {
            prop_assert!(m.line >= 1 && m.line <= lines.len());
            let line = &lines[m.line - 1];
            prop_assert_eq!(line.get(m.start..m.start + m.raw.len()), Some(m.raw.as_str()));
        }
        prop_assert!(got.windows(2).all(|w| (w[0].line, w[0].start) < (w[1].line, w[1].start)));
    }
}
