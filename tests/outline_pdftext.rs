//! The outline of PDF-extracted text (`tests/pdftext/`, see its SOURCES.md): the reports
//! converted to PDF here have the numbered headings of the same reports as paragraphs
//! (`tests/real/`), and the 信息公开 annual report has its true outline, not its table rows.

use gongwen::outline::{self, Heading};
use std::collections::HashMap;

fn outline_of(path: &str) -> Vec<Heading> {
    let text = std::fs::read_to_string(path).expect("fixture");
    outline::parse(text.split('\n'))
}

/// Numbered headings as (marker, title without spaces), counted.
fn numbered(h: &[Heading]) -> HashMap<(String, String), usize> {
    let mut out = HashMap::new();
    for x in h.iter().filter(|x| !x.marker.is_empty()) {
        *out.entry((x.marker.to_string(), x.title.replace(' ', ""))).or_default() += 1;
    }
    out
}

#[test]
fn pdf_texts_have_the_numbered_headings_of_the_same_reports_as_paragraphs() {
    let (mut matched, mut found, mut expected) = (0, 0, 0);
    for p in ["beijing", "guangdong", "hebei", "henan", "jilin", "xizang"] {
        let got = numbered(&outline_of(&format!("tests/pdftext/lo-gwr-prov2025-{p}.txt")));
        let want = numbered(&outline_of(&format!("tests/real/gwr-prov2025-{p}.txt")));
        matched += want.iter().map(|(k, n)| got.get(k).map_or(0, |g| *g.min(n))).sum::<usize>();
        found += got.values().sum::<usize>();
        expected += want.values().sum::<usize>();
    }
    // Before the PDF rules: wrapped lines opening with `八是` and titles with `2024 年`.
    assert!(matched * 100 >= found * 99, "{matched} of {found} found");
    assert!(matched * 100 >= expected * 99, "{matched} of {expected} expected");
}

#[test]
fn the_information_disclosure_report_lists_its_sections_not_its_table_rows() {
    let h = outline_of("tests/pdftext/hongze-2023-xxgk-annual-report.txt");
    let got: Vec<String> = h.iter().map(|x| format!("{}{}", x.marker, x.title)).collect();
    let want = [
        "一、总体情况",
        "（一）主动公开情况",
        "（二）依申请公开情况",
        "（三）政府信息管理情况",
        "（四）政府信息公开平台建设情况",
        "（五）政府信息公开监督保障情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ];
    assert_eq!(got, want);
}
