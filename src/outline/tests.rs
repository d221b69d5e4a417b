//! Table-driven unit tests of the outline parser: styles, full-width forms, false positives,
//! titles and the level stack.

use super::{parse, Heading, Style};
use crate::text::fold;

/// The one heading `line` gives, if any.
fn one(line: &str) -> Option<Heading> {
    let mut h = parse([line]);
    assert!(h.len() <= 1);
    h.pop()
}

/// `s` with its ASCII brackets, punctuation and digits written full-width, as most reports do.
fn wide(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '(' | ')' | ',' | ':' | ';' | '.' | '0'..='9' => {
                char::from_u32(c as u32 - 0x21 + 0xff01).expect("full-width form exists")
            }
            c => c,
        })
        .collect()
}

/// (line, style, marker, title) of lines that are headings.
const HEADINGS: &[(&str, Style, &str, &str)] = &[
    ("第一部分总体情况", Style::Part, "第一部分", "总体情况"),
    ("第2部分 工作安排", Style::Part, "第2部分", "工作安排"),
    ("第二章 总则", Style::Part, "第二章", "总则"),
    ("第12章 附则", Style::Part, "第12章", "附则"),
    ("第三节 行政执法", Style::Section, "第三节", "行政执法"),
    ("第十二条 本办法自公布之日起施行。", Style::Article, "第十二条", "本办法自公布之日起施行"),
    ("第一百零五条 附则", Style::Article, "第一百零五条", "附则"),
    ("第三節 行政執法", Style::Section, "第三節", "行政執法"),
    ("第十條 附則", Style::Article, "第十條", "附則"),
    ("一、总体情况", Style::CnDun, "一、", "总体情况"),
    ("十二、其他事项", Style::CnDun, "十二、", "其他事项"),
    ("二十三、其他事项", Style::CnDun, "二十三、", "其他事项"),
    ("(一)深入宣传贯彻。党工委中心组", Style::CnParen, "(一)", "深入宣传贯彻"),
    ("(十一)规范入区审核", Style::CnParen, "(十一)", "规范入区审核"),
    ("1.简政放权。今年3月", Style::NumDot, "1.", "简政放权"),
    ("1、依法开展疫情防控,用法治手段", Style::NumDot, "1、", "依法开展疫情防控,用法治手段"),
    ("12.优化营商环境", Style::NumDot, "12.", "优化营商环境"),
    ("(1)以案促管", Style::NumParen, "(1)", "以案促管"),
    ("(12)以案促管", Style::NumParen, "(12)", "以案促管"),
    ("①做好公示", Style::Circled, "①", "做好公示"),
    ("⑳做好公示", Style::Circled, "⑳", "做好公示"),
    ("一是强化法治建设组织领导。坚持", Style::CnShi, "一是", "强化法治建设组织领导"),
    ("十一是加强队伍建设", Style::CnShi, "十一是", "加强队伍建设"),
    // Leading spaces of every kind the spec names.
    ("  一、总体情况", Style::CnDun, "一、", "总体情况"),
    ("\t(一)总体情况", Style::CnParen, "(一)", "总体情况"),
    ("\u{3000}\u{3000}1.总体情况", Style::NumDot, "1.", "总体情况"),
    ("\u{a0}1.总体情况", Style::NumDot, "1.", "总体情况"),
    // Invisible characters a reader cannot see count as indentation.
    ("\u{feff}一、总体情况", Style::CnDun, "一、", "总体情况"),
    ("\u{200b}(一)总体情况", Style::CnParen, "(一)", "总体情况"),
    // Compatibility characters fold into the styles they spell.
    ("\u{2488}简政放权", Style::NumDot, "\u{2488}", "简政放权"),
    ("\u{2474}以案促管", Style::NumParen, "\u{2474}", "以案促管"),
    ("\u{3220}依法履职", Style::CnParen, "\u{3220}", "依法履职"),
    // A stray 、 after a bracket or a circled number is part of the numbering.
    ("(一)、依法履职", Style::CnParen, "(一)、", "依法履职"),
    ("①、做好公示", Style::Circled, "①、", "做好公示"),
    // The range guards are narrow: a following number that is not the next one is title text.
    ("一、2020年工作情况", Style::CnDun, "一、", "2020年工作情况"),
    ("一、二〇二〇年工作情况", Style::CnDun, "一、", "二〇二〇年工作情况"),
    ("二、一年来的主要工作", Style::CnDun, "二、", "一年来的主要工作"),
    ("一、二十条措施落实情况", Style::CnDun, "一、", "二十条措施落实情况"),
    ("1、2020年重点工作", Style::NumDot, "1、", "2020年重点工作"),
    ("1. 5G基站建设", Style::NumDot, "1.", "5G基站建设"),
    ("二、“三农”工作", Style::CnDun, "二、", "“三农”工作"),
    // Real lines: a bare ordinal opening its paragraph (gwr-national-1955, 1958), `一要` like
    // `一是` (gwr-national-2001).
    ("第一,基本建设规模的大小问题。", Style::Ordinal, "第一,", "基本建设规模的大小问题"),
    ("第一、关于基本建设", Style::Ordinal, "第一、", "关于基本建设"),
    ("二要进一步发展进出口贸易。", Style::CnShi, "二要", "进一步发展进出口贸易"),
    // Any white space indents: em space (gwr-prov2025-shanghai), en space, form feed, word
    // joiner, zero-width joiner.
    ("\u{2003}\u{2003}一、2024年工作回顾", Style::CnDun, "一、", "2024年工作回顾"),
    ("\u{2002}(一)总体情况", Style::CnParen, "(一)", "总体情况"),
    ("\u{c}二、2025年工作安排", Style::CnDun, "二、", "2025年工作安排"),
    ("\u{2060}1.总体情况", Style::NumDot, "1.", "总体情况"),
    ("\u{200d}\u{2009}(1)总体情况", Style::NumParen, "(1)", "总体情况"),
];

#[test]
fn every_style_is_recognised_with_its_marker_and_title() {
    for &(line, style, marker, title) in HEADINGS {
        let h = one(line).unwrap_or_else(|| panic!("{line:?} should be a heading"));
        assert_eq!(
            (h.style, h.marker.as_str(), h.title.as_str()),
            (style, marker, title),
            "{line:?}"
        );
    }
}

#[test]
fn full_width_forms_give_the_same_heading_and_keep_the_marker_as_written() {
    for &(line, style, marker, title) in HEADINGS {
        let w = wide(line);
        let h = one(&w).unwrap_or_else(|| panic!("{w:?} should be a heading"));
        assert_eq!(h.style, style, "{w:?}");
        assert_eq!(h.marker, wide(marker), "{w:?}: marker as written");
        assert_eq!(fold(&h.title), fold(title), "{w:?}");
    }
}

#[test]
fn mixed_brackets_are_one_style() {
    for line in ["\u{ff08}一)依法履职", "(一\u{ff09}依法履职", "\u{ff08}一\u{ff09}依法履职"]
    {
        let h = one(line).unwrap_or_else(|| panic!("{line:?} should be a heading"));
        assert_eq!((h.style, h.title.as_str()), (Style::CnParen, "依法履职"), "{line:?}");
    }
    let h = one("\u{ff08}1)以案促管").expect("num-paren");
    assert_eq!(h.style, Style::NumParen);
}

/// Lines a careful reader would not list as headings, each with the rule that rejects it.
const NOT_HEADINGS: &[(&str, &str)] = &[
    ("一、二线城市房价保持稳定", "numeral + 、 + next numeral is a range"),
    ("三、四月份开展专项检查", "numeral + 、 + next numeral is a range"),
    ("十、十一月份完成验收", "numeral + 、 + next numeral is a range"),
    ("1、2、3号楼已交付使用", "number + 、 + next number is a list"),
    ("11、12月份开展培训", "number + 、 + next number is a list"),
    ("①②号线同步建设", "circled + next circled is a list"),
    ("1.5万件", "a dot between digits is a decimal point"),
    ("12.4”国家宪法日", "a dot between digits is a decimal point"),
    ("2019年,我区坚持以习近平新时代", "four digits are a year, not a marker"),
    ("2020年1月4日", "a date line"),
    ("100%完成整改", "three digits are a quantity"),
    ("123.工作安排", "numbering has one or two digits"),
    ("(2019)12号", "numbering has one or two digits"),
    ("0、开头", "numbering starts at one"),
    ("一二、工作", "not a well-formed numeral"),
    ("二〇二〇年工作总结", "a year in Chinese numerals"),
    ("十一月份开展培训", "a numeral without a separator"),
    ("(联系人:邓国燊)", "no numeral in the brackets"),
    ("工作中一是加强领导,二是完善制度", "mid-paragraph markers are text"),
    ("我区(一)加强领导", "mid-paragraph markers are text"),
    ("一、", "a marker with nothing after it"),
    ("  (一)  ", "a marker with nothing after it"),
    ("1.", "a marker with nothing after it"),
    ("一是", "a marker with nothing after it"),
    ("第一部分", "a marker with nothing after it"),
    ("一、。正文", "an empty title"),
    ("(一):正文", "an empty title"),
    ("1.,", "an empty title"),
    ("", "an empty line"),
];

#[test]
fn false_positives_are_not_headings() {
    for &(line, why) in NOT_HEADINGS {
        assert_eq!(one(line), None, "{line:?} is not a heading: {why}");
        let w = wide(line);
        assert_eq!(one(&w), None, "{w:?} is not a heading: {why}");
    }
}

#[test]
fn title_stops_at_the_first_full_stop_semicolon_or_colon() {
    let cases = [
        ("一、依法行政。正文;更多", "依法行政"),
        ("一、依法行政;正文。", "依法行政"),
        ("一、依法行政\u{ff1b}正文", "依法行政"),
        ("一、依法行政:正文", "依法行政"),
        ("一、依法行政\u{ff1a}正文", "依法行政"),
        ("一、依法行政,加快建设法治政府", "依法行政,加快建设法治政府"),
        ("一、依法行政, ", "依法行政"),
        ("一、依法行政\u{ff0c}\u{3000}", "依法行政"),
        ("一、依法行政、", "依法行政"),
        ("(三)充分发挥司法职能。\u{a0}", "充分发挥司法职能"),
        ("第一章\u{3000}总则", "总则"),
        ("1.  简政 放权  ", "简政 放权"),
        ("1.“12.4”国家宪法日", "“12.4”国家宪法日"),
    ];
    for (line, title) in cases {
        let h = one(line).unwrap_or_else(|| panic!("{line:?} should be a heading"));
        assert_eq!(h.title, title, "{line:?}");
    }
}

#[test]
fn a_long_run_on_heading_keeps_its_whole_first_sentence() {
    let sentence = "深入贯彻落实习近平新时代中国特色社会主义思想".repeat(20);
    let h = one(&format!("(一){sentence}。随后是正文")).expect("heading");
    assert_eq!(h.title, sentence);
}

/// Levels of the headings of `lines`.
fn levels(lines: &[&str]) -> Vec<usize> {
    parse(lines.iter().copied()).iter().map(|h| h.level).collect()
}

#[test]
fn levels_follow_the_zhongshan_example_of_the_spec() {
    let lines = [
        "一、2019年度推进法治政府建设的主要举措和成效",
        "(一)依法全面履行政府职能",
        "1.区综合执法局全面履行公正文明执法",
        "一是做好事前事中事后公示。",
        "2.区市场监督管理局立足职能",
        "(1)以案促管",
        "(二)完善依法行政制度体系",
        "二、2019年党政主要负责人履行职责",
    ];
    assert_eq!(levels(&lines), [1, 2, 3, 4, 3, 4, 2, 1]);
}

#[test]
fn levels_come_from_this_documents_nesting_not_a_fixed_table() {
    // `1、` directly under `一、` is level 2 here, though `1.` is level 3 under `(一)` elsewhere.
    assert_eq!(
        levels(&["一、成效", "1、开展防控", "2、改革攻坚", "二、不足", "一是意识"]),
        [1, 2, 2, 1, 2]
    );
    // A document that starts deep starts at level 1.
    assert_eq!(levels(&["(一)规范审核", "1.受理", "(二)推进标准化"]), [1, 2, 1]);
    // Popping back to a style drops everything opened below it.
    assert_eq!(
        levels(&["一、甲", "(一)乙", "1.丙", "(1)丁", "二、戊", "1.己"]),
        [1, 2, 3, 4, 1, 2]
    );
}

#[test]
fn line_numbers_are_one_based_indexes_of_the_given_lines() {
    let h = parse(["标题", "", "  一、总体情况", "正文", "(一)分项"]);
    let lines: Vec<usize> = h.iter().map(|h| h.line).collect();
    assert_eq!(lines, [3, 5]);
}

#[test]
fn absurd_input_neither_panics_nor_misreads() {
    // A 20 MB line that opens with a marker: its title is the whole line.
    let huge = format!("一、{}", "法".repeat(20_000_000 / 3));
    let h = one(&huge).expect("heading");
    assert_eq!(h.title.len(), huge.len() - "一、".len());
    // A 20 MB line of spaces, and one of digits.
    assert_eq!(one(&" ".repeat(20_000_000)), None);
    assert_eq!(one(&"1".repeat(20_000_000)), None);
    // 5,000 markers on one line: one heading whose title is the rest of the line.
    let repeated = "(一)".repeat(5_000);
    let h = one(&repeated).expect("heading");
    assert_eq!(h.title, "(一)".repeat(4_999));
    // 5,000 lines of the same marker: 5,000 siblings.
    let lines = vec!["(一)规范审核"; 5_000];
    let h = parse(lines.iter().copied());
    assert_eq!(h.len(), 5_000);
    assert!(h.iter().all(|h| h.level == 1));
}

#[test]
fn a_marker_split_from_its_title_is_one_heading_on_the_markers_line() {
    // gwr-national-1955.txt: Wikisource put the marker on a line of its own.
    let h = parse(["　　", "一、", "开垦宜于耕种的荒地。我国的人口很多，但已耕的土地还很少。"]);
    let got: Vec<_> = h.iter().map(|h| (h.line, h.marker.as_str(), h.title.as_str())).collect();
    assert_eq!(got, [(2, "一、", "开垦宜于耕种的荒地")]);
    // gwr-national-1955.txt: `第一，` alone; gwr-national-1994.txt: `一是` alone.
    let h = parse(["第一，", "支援工业建设和国防建设；"]);
    assert_eq!(
        (h[0].style, h[0].marker.as_str(), h[0].title.as_str()),
        (Style::Ordinal, "第一，", "支援工业建设和国防建设")
    );
    let h = parse(["一是", "依法打击危害人民生命财产安全和破坏现代化建设的各种刑事犯罪活动；"]);
    assert_eq!((h[0].style, h[0].line), (Style::CnShi, 1));
    // A marker cut in two: the bracket on one line, the numeral on the next.
    let h = parse(["（", "三）加强法治政府建设。全面推进依法行政。"]);
    let got: Vec<_> = h.iter().map(|h| (h.line, h.marker.as_str(), h.title.as_str())).collect();
    assert_eq!(got, [(1, "（三）", "加强法治政府建设")]);
}

#[test]
fn a_split_line_that_is_no_marker_stays_text() {
    // gwr-national-2014.txt: `M` / `2` / `增长13.6%`, a subscript cut out.
    assert_eq!(parse(["2", "增长13.6%，符合调控要求。"]), []);
    // The next line is a heading of its own: the bare marker before it is not joined to it.
    let h = parse(["一、", "（一）深入宣传贯彻。"]);
    let got: Vec<_> = h.iter().map(|h| (h.line, h.marker.as_str())).collect();
    assert_eq!(got, [(2, "（一）")]);
}
