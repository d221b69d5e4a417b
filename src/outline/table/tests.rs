//! Tables flattened one cell per line and page numbers, on real lines of PDF-extracted
//! reports (`tests/pdftext/`).

use super::{in_table, is_page_number, is_value_cell};
use crate::outline::parse;

#[test]
fn value_cells_are_numbers_alone() {
    // (line, is a value cell) from the 信息公开 and budget tables.
    let cases: &[(&str, bool)] = &[
        ("0", true),
        ("21", true),
        ("7730.28", true),
        ("156,211,123", true),
        ("４１１９", true),
        ("-1-", false),
        ("2023 年，洪泽区政府信息公开工作取得一定的成效，但对照", false),
        ("156,211,123 一、一般公共服务支出", false),
        ("信息内容", false),
    ];
    for &(line, want) in cases {
        assert_eq!(is_value_cell(line), want, "{line:?}");
    }
}

#[test]
fn page_numbers_are_recognised() {
    let cases: &[(&str, bool)] = &[
        ("-1-", true),
        ("- 2 -", true),
        ("\u{c}-3-", true),
        ("—4—", true),
        ("第 3 页", true),
        ("第3页 共5页", true),
        ("11", false),
        ("第二十条第（一）项", false),
        ("2023 年", false),
    ];
    for &(line, want) in cases {
        assert_eq!(is_page_number(line), want, "{line:?}");
    }
}

/// The titles `parse` finds in `lines`.
fn titles(lines: &[&str]) -> Vec<String> {
    parse(lines.iter().copied()).into_iter().map(|h| format!("{}{}", h.marker, h.title)).collect()
}

#[test]
fn row_labels_of_the_statutory_tables_are_no_headings() {
    // Lines of hongze-2023-xxgk-annual-report.txt, blank lines kept as pdftotext wrote them.
    let lines = [
        "府网站日常监测机制。",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容",
        "",
        "本年制发件数",
        "",
        "规章",
        "",
        "0",
        "",
        "0",
        "",
        "0",
        "三、收到和处理政府信息公开申请情况",
        "申请人情况",
        "21",
        "",
        "0",
        "二、上年结转政府信息公开申请数量",
        "",
        "0",
        "",
        "0",
        "（一）予以公开",
        "",
        "0",
        "三 、本 年 度办 理 结果",
        "",
        "一、本年新收政府信息公开申请数量",
        "",
        "1.属于国家秘密",
        "2.其他法律行政止公开",
        "（三）不予公开",
        "",
        "四、结转下年度继续办理",
        "",
        "0",
        "",
        "0",
        "（六）其他处理",
        "",
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议",
        "",
        "10",
        "",
        "0",
        "五、存在的主要问题及改进情况",
        "2023 年，洪泽区政府信息公开工作取得一定的成效，但对照",
        "上级要求，仍存在一定差距。",
    ];
    let want = [
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
    ];
    let mut with_first = vec!["一、总体情况", "（一）主动公开情况。主要通过政府门户网站。"];
    with_first.extend(lines);
    let got = titles(&with_first);
    assert_eq!(got[2..], want, "{got:?}");
}

#[test]
fn a_heading_followed_by_prose_after_the_last_table_is_kept() {
    // The end of the last budget table of 上海市普陀区人民政府万里街道办事处24年预算.txt.
    let lines = [
        "公务接待费",
        "小计",
        "47.91",
        "0",
        "1.35",
        "其他相关情况说明",
        "一、2024年“三公”经费预算情况说明",
        "2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。其中：",
        "（一）因公出国（境）费0万元，比2023年预算持平。主要原因是因公出国（境）费保持不变。",
    ];
    assert_eq!(in_table(&lines)[..7], [true; 7]);
    let got = titles(&lines);
    assert_eq!(
        got[..2],
        ["一、2024年“三公”经费预算情况说明", "（一）因公出国（境）费0万元，比2023年预算持平"],
        "{got:?}"
    );
}

#[test]
fn prose_with_numbers_is_no_table() {
    // Two sentences end before three value cells could gather: no table.
    let lines = [
        "一、总体情况",
        "2023 年，我区在政",
        "府网站平台主动公开政府信息 1136 条。",
        "21",
        "二、主动公开政府信息情况",
        "0",
        "规章。",
    ];
    assert!(in_table(&lines).iter().all(|&t| !t));
}
