//! Hard-wrapped PDF text, on real lines of `tests/pdftext/` (pdftotext output).

use super::{continues_paragraph, full, margin, tidy};
use crate::outline::parse;

const HONGZE: &str = include_str!("../../../tests/pdftext/hongze-2023-xxgk-annual-report.txt");
const GUANGDONG: &str = include_str!("../../../tests/pdftext/lo-gwr-prov2025-guangdong.txt");
const CLEAN: &str = include_str!("../../../tests/real/gwr-prov2025-guangdong.txt");

fn lines(s: &str) -> Vec<&str> {
    s.split('\n').collect()
}

#[test]
fn a_pdf_text_has_a_margin_and_a_paragraph_per_line_text_has_none() {
    let m = margin(&lines(HONGZE)).expect("hard-wrapped");
    assert!((50..=60).contains(&m), "{m}");
    let m = margin(&lines(GUANGDONG)).expect("hard-wrapped");
    assert!((90..=100).contains(&m), "{m}");
    assert_eq!(margin(&lines(CLEAN)), None);
}

#[test]
fn a_wrapped_line_starting_like_a_marker_continues_its_paragraph() {
    let l = lines(GUANGDONG);
    let m = margin(&l).expect("hard-wrapped");
    // (line number in the fixture, continues the paragraph before it)
    let cases: &[(usize, bool)] = &[
        // `…七是深入推进…建设；` at the margin, then `八是提升县域医疗服务水平…`.
        (655, true),
        (656, true),
        // After `…作出积极贡献。` comes a new paragraph.
        (7, false),
    ];
    for &(n, want) in cases {
        assert_eq!(continues_paragraph(&l, n - 1, m), want, "line {n}: {:?}", l[n - 1]);
    }
    let outline = parse(l.iter().copied());
    assert!(outline.iter().all(|h| h.line != 655 && h.line != 656), "{outline:?}");
}

#[test]
fn a_heading_reaching_the_margin_gets_its_title_from_the_next_line() {
    // The opening of hongze-2023-xxgk-annual-report.txt, then a heading wrapped at its margin
    // (the wording of a wrapped row label of its table).
    let mut l: Vec<&str> = lines(HONGZE)[..21].to_vec();
    l.extend([
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形的，",
        "按一件计算）",
        "本年新收申请中部分公开的，按照区分处理的原则办理，对可以公",
        "开的部分予以公开。",
        "（三）政府信息管理情况",
        "加强区政府门户网站及政务新媒体日常管理，运用第三方检",
    ]);
    let h = parse(l.iter().copied());
    let titles: Vec<&str> = h.iter().map(|h| h.title.as_str()).collect();
    assert!(
        titles.contains(&"部分公开（区分处理的，只计这一情形，不计其他情形的，按一件计算）"),
        "{titles:?}"
    );
    // A heading ending before the margin is whole.
    assert!(titles.contains(&"政府信息管理情况"), "{titles:?}");
    assert!(titles.contains(&"总体情况"), "{titles:?}");
}

#[test]
fn extraction_spaces_are_dropped_from_titles() {
    let cases: &[(&str, Option<&str>)] = &[
        ("2024 年工作回顾", Some("2024年工作回顾")),
        ("三 、本 年 度办 理 结果", Some("三、本年度办理结果")),
        ("R&D 就业人员数", Some("R&D就业人员数")),
        ("总体情况", None),
        ("GDP growth", None),
    ];
    for &(t, want) in cases {
        assert_eq!(tidy(t).as_deref(), want, "{t:?}");
    }
    let l = lines(GUANGDONG);
    let h = parse(l.iter().copied());
    assert_eq!(
        h.iter().find(|h| h.marker == "一、").map(|h| h.title.as_str()),
        Some("2024年工作回顾")
    );
}

#[test]
fn a_line_far_past_the_margin_is_no_wrapped_line() {
    // Hongze's margin (50-60 columns): its wrapped lines end there, a whole paragraph runs on.
    let m = margin(&lines(HONGZE)).expect("hard-wrapped");
    let wrapped = "2023 年，洪泽区人民政府坚持以习近平新时代中国特色社会";
    assert!(full(wrapped, m), "{wrapped}");
    let whole = "（一）主动公开情况。主要通过政府门户网站主动公开政府文件、项目审批、通知公告等各类政府信息。2023 年，我区在政府网站平台主动公开政府信息 1136 条。";
    assert!(!full(whole, m), "a paragraph kept whole ends far past the margin");
    assert!(!full("健康发展 。", m), "short of the margin");
}
