//! Run-together lines, on text copied from `tests/real/oneline/`: the headings found inside a
//! line, their `col`, where paragraphs break, and the markers that stay text.

use super::{paragraph_breaks, LONG_LINE};
use crate::outline::{parse, Heading};

/// Prose without markers, to make a test line long enough to count as run-together.
fn filler() -> String {
    "煤炭是我国重要的基础能源和原料，在国民经济中具有重要的战略地位。".repeat(LONG_LINE / 30 + 1)
}

/// (marker, title, col, level) of the headings of the one line `line`.
fn found(line: &str) -> Vec<(String, String, Option<usize>, usize)> {
    parse([line])
        .into_iter()
        .map(|h: Heading| (h.marker.into(), h.title.into(), h.col, h.level))
        .collect()
}

fn cp(line: &str, needle: &str) -> usize {
    line[..line.find(needle).expect("needle in line")].chars().count()
}

#[test]
fn state_council_text_run_together_gets_its_outline_back() {
    // other-statecouncil-coal-industry-opinions-2005-oneline.txt: title, 文号, 主送 and the
    // headings with no separator; (四) goes on numbering across the parts.
    let line = format!(
        "国务院关于促进煤炭工业健康发展的若干意见国发〔2005〕18号各省、自治区、直辖市人民政府：{f}提出以下意见:一、指导思想、发展目标和基本原则（一）指导思想。以邓小平理论和“三个代表”重要思想为指导。{f}（二）发展目标。从2005年起，用３～５年时间。{f}二、强化规划和管理，完善煤炭资源开发监管体系（三）加强对煤炭资源的规划管理。{f}",
        f = filler()
    );
    let got = found(&line);
    let want = [
        ("一、", "指导思想、发展目标和基本原则", cp(&line, "一、指导"), 1),
        ("（一）", "指导思想", cp(&line, "（一）"), 2),
        ("（二）", "发展目标", cp(&line, "（二）"), 2),
        ("二、", "强化规划和管理，完善煤炭资源开发监管体系", cp(&line, "二、强化"), 1),
        ("（三）", "加强对煤炭资源的规划管理", cp(&line, "（三）"), 2),
    ];
    let want: Vec<_> =
        want.iter().map(|&(m, t, c, l)| (m.to_string(), t.to_string(), Some(c), l)).collect();
    assert_eq!(got, want);
}

#[test]
fn paragraph_break_runs_open_headings_and_end_their_titles() {
    // gwr-prov-2023-shanghai-oneline.txt: paragraphs were joined by `  \u{2003}\u{2003}`.
    let line = format!(
        "上海市政府工作报告  上海市市长\u{3000}龚正  各位代表：  \u{2003}\u{2003}现在，我代表上海市人民政府，向大会报告工作，请予审议。  \u{2003}\u{2003}一、过去五年工作回顾  \u{2003}\u{2003}市第十五届人民代表大会第一次会议以来的五年。{f}",
        f = filler()
    );
    assert_eq!(
        found(&line),
        [("一、".into(), "过去五年工作回顾".into(), Some(cp(&line, "一、")), 1)]
    );
    // gwr-prov-2024-shanghai-oneline.txt: a single space between paragraphs.
    let line = format!(
        "各位代表： 现在，我代表上海市人民政府，向大会报告工作，请予审议。请各位政协委员和其他列席人员提出意见。 一、2023年工作回顾 过去一年，我们坚持以习近平新时代中国特色社会主义思想为指导。{f}",
        f = filler()
    );
    assert_eq!(
        found(&line),
        [("一、".into(), "2023年工作回顾".into(), Some(cp(&line, "一、")), 1)]
    );
}

#[test]
fn markers_that_do_not_continue_the_numbering_stay_text() {
    let lines = [
        // `三、` after a sentence with no `二、` before.
        format!("{f}三、加强组织领导。{f}", f = filler()),
        // `1.` inside a sentence, `一是` after one (an enumeration inside a paragraph).
        format!("{f}增长1.5%，其中1.工业。一是经济运行稳步恢复。{f}", f = filler()),
        // `统一、规范` in mid-sentence is no `一、`.
        format!("{f}建立全国统一、规范的市场。{f}", f = filler()),
    ];
    for line in &lines {
        assert_eq!(found(line), [], "{}", &line[..90]);
    }
}

#[test]
fn a_letter_spaced_title_ends_with_its_last_letter() {
    // other-statecouncil-power-reform-plan-2002-oneline.txt: the plan's title, letter-spaced,
    // runs straight into its first heading.
    let line = format!(
        "国务院关于印发电力体制改革方案的通知。{f}国务院二〇〇二年二月十日(本文有删减)电 力 体 制 改 革 方 案一、加快电力体制改革的必要性（一）改革开放以来，我国电力工业发展迅速。{f}",
        f = filler()
    );
    let got = found(&line);
    let want: Vec<(String, String, Option<usize>, usize)> = vec![
        ("一、".into(), "加快电力体制改革的必要性".into(), Some(cp(&line, "一、加快")), 1),
        (
            "（一）".into(),
            "改革开放以来，我国电力工业发展迅速".into(),
            Some(cp(&line, "（一）")),
            2,
        ),
    ];
    assert_eq!(got, want);
}

#[test]
fn a_line_shorter_than_the_threshold_is_read_as_before() {
    // Only the marker at the start counts in an ordinary paragraph, however many follow.
    let line = "一、总体情况。过去一年。二、存在问题。三、下一步打算。";
    assert!(line.chars().count() < LONG_LINE);
    let h = parse([line]);
    assert_eq!(h.len(), 1);
    assert_eq!((h[0].title.as_str(), h[0].col), ("总体情况", None));
    assert_eq!(paragraph_breaks(line, &[]), Vec::<usize>::new());
}

#[test]
fn paragraph_breaks_are_runs_single_spaces_between_paragraphs_and_heading_cols() {
    let f = filler();
    let line = format!(
        "{f}  \u{2003}\u{2003}甲段落。 乙段落。<U+00A0>丙段落。电 力 体 制 改 革 方 案。PM 2.5浓度。上海市市长\u{3000}龚正。"
    );
    let at = |s: &str| cp(&line, s);
    let want = vec![at("甲段落"), at("乙段落"), at("丙段落"), 7];
    let mut want_sorted = want.clone();
    want_sorted.sort_unstable();
    assert_eq!(paragraph_breaks(&line, &[7, at("乙段落")]), want_sorted);
}

#[test]
fn a_twenty_megabyte_line_is_read_in_linear_time() {
    // Markers after every sentence, none continuing the numbering after the first; escapes
    // and spaces everywhere.
    let unit = "。（一）三、1.<U+00A0> 甲 ";
    let line = unit.repeat(20_000_000 / unit.len());
    let start = std::time::Instant::now();
    let h = parse([line.as_str()]);
    assert_eq!(h.len(), 2, "{:?}", &h[..h.len().min(5)]);
    let breaks = paragraph_breaks(&line, &[]);
    assert!(!breaks.is_empty());
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}
