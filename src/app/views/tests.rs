//! Update tests of the metrics table and the compare view: actions in, state out.

use super::super::metrics::SortKey;
use super::super::*;
use crate::doc::Format;
use crate::metrics::Metric;
use crate::outline::{Heading, Style};

/// A report of 60 lines with the given headings `(line, title)` and metrics
/// `(line, raw, value, unit, label)`, each given explicitly (independent of the parsers).
fn doc(
    name: &str,
    heads: &[(usize, &str)],
    metrics: &[(usize, &str, f64, &str, &str)],
) -> Document {
    let mut lines: Vec<String> = (1..=60).map(|i| format!("第{i}行正文。")).collect();
    for &(line, title) in heads {
        lines[line - 1] = title.to_string();
    }
    for &(line, raw, ..) in metrics {
        lines[line - 1].push_str(&format!("共计{raw}。"));
    }
    let mut d = Document::new(name, "UTF-8", Format::Text, lines.join("\n"));
    d.headings = heads
        .iter()
        .map(|&(line, title)| Heading {
            line,
            level: 1,
            marker: Default::default(),
            title: title.into(),
            style: Style::CnDun,
            col: None,
        })
        .collect();
    d.metrics = metrics
        .iter()
        .map(|&(line, raw, value, unit, label)| {
            let text = d.line(line);
            let start = text.find(&format!("共计{raw}")).map_or(0, |p| p + "共计".len());
            let heading = d.headings.iter().rposition(|h| h.line <= line);
            Metric {
                line,
                start,
                raw: raw.into(),
                value,
                unit: unit.into(),
                approx: false,
                label: label.into(),
                heading,
            }
        })
        .collect();
    d.card.body_first_line = 1;
    d.card.body_last_line = d.line_count();
    d
}

fn app() -> App {
    let mut app = App::new(100, 20);
    app.add_document(doc(
        "a.txt",
        &[(1, "一、行政复议"), (30, "二、资金保障")],
        &[(2, "6件", 6.0, "件", "行政复议案件"), (45, "1.59亿元", 1.59e8, "元", "投入资金")],
    ));
    app.add_document(doc(
        "b.txt",
        &[(1, "一、总体情况"), (40, "二、争议化解")],
        &[(50, "12件", 12.0, "件", "行政复议案件"), (52, "300万元", 3e6, "元", "涉及金额")],
    ));
    app
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

/// The listed metrics as (document, line).
fn listed(app: &App) -> Vec<(usize, usize)> {
    let rows =
        app.metrics.rows.iter().filter_map(|r| r.get(&app.docs).map(|(_, m)| (r.doc, m.line)));
    rows.collect()
}

fn selected_line(app: &App) -> Option<(usize, usize)> {
    let r = app.metrics.selected()?;
    r.get(&app.docs).map(|(_, m)| (r.doc, m.line))
}

#[test]
fn the_table_lists_every_metric_and_typing_filters_it() {
    let mut app = app();
    app.update(Action::OpenMetrics);
    assert_eq!(app.focus, Focus::Metrics);
    assert_eq!(listed(&app), [(0, 2), (0, 45), (1, 50), (1, 52)], "reading order");
    typed(&mut app, "复议");
    assert_eq!(listed(&app), [(0, 2), (1, 50)]);
    typed(&mut app, " >10");
    assert_eq!(listed(&app), [(1, 50)], "value filter");
    for _ in 0..4 {
        app.update(Action::DeleteChar);
    }
    assert_eq!(app.metrics.query, "复议");
    assert_eq!(listed(&app).len(), 2);
    // Amounts with 万 and 亿 in the comparison.
    app.update(Action::DeleteChar);
    app.update(Action::DeleteChar);
    typed(&mut app, ">=300万");
    assert_eq!(listed(&app), [(0, 45), (1, 52)]);
    typed(&mut app, " <1亿");
    assert_eq!(listed(&app), [(1, 52)]);
}

#[test]
fn a_broken_comparison_is_reported_and_keeps_the_rows() {
    let mut app = app();
    app.update(Action::OpenMetrics);
    typed(&mut app, "资金 >");
    assert!(app.metrics.error.is_some(), "`>` without a number is an error");
    assert_eq!(listed(&app), [(0, 45)], "the last good filter still applies");
    typed(&mut app, "1");
    assert_eq!(app.metrics.error, None);
}

#[test]
fn sorting_cycles_columns_and_keeps_the_selection() {
    let mut app = app();
    app.update(Action::OpenMetrics);
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(selected_line(&app), Some((1, 50)));
    app.update(Action::CycleSort);
    assert_eq!(app.metrics.sort, SortKey::Label);
    app.update(Action::CycleSort);
    assert_eq!((app.metrics.sort, app.metrics.descending), (SortKey::Value, true));
    assert_eq!(listed(&app), [(0, 45), (1, 52), (1, 50), (0, 2)], "largest first");
    assert_eq!(selected_line(&app), Some((1, 50)), "the selected metric stays selected");
    app.update(Action::ReverseSort);
    assert_eq!(listed(&app), [(0, 2), (1, 50), (1, 52), (0, 45)]);
    for _ in 0..3 {
        app.update(Action::CycleSort);
    }
    assert_eq!(app.metrics.sort, SortKey::Document);
    // A filter that hides the selection selects the first row.
    typed(&mut app, "资金");
    assert_eq!(selected_line(&app), Some((0, 45)));
}

#[test]
fn enter_shows_the_metric_in_the_reader_highlighted() {
    let mut app = app();
    app.update(Action::OpenMetrics);
    typed(&mut app, "金额");
    app.update(Action::Open);
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.reader.doc, 1);
    let rows = app.reader.rows().expect("wrapped");
    let shown: Vec<usize> =
        rows.rows.iter().skip(app.reader.top).take(app.reader.height).map(|r| r.line).collect();
    assert!(shown.contains(&52), "line 52 on screen: {shown:?}");
    let h = app.highlight.clone().expect("the number is highlighted");
    assert_eq!((h.doc, h.line), (1, 52));
    assert_eq!(&app.docs[1].line(52)[h.range], "300万元");
    // The outline follows: the heading of line 52.
    let node = app.outline.selected_node().expect("a selection");
    assert_eq!((node.doc, node.heading), (1, Some(1)));
    // Esc in the reader clears the highlight.
    app.update(Action::Close);
    assert_eq!(app.highlight, None);
}

#[test]
fn compare_groups_by_unit_and_esc_goes_back_step_by_step() {
    let mut app = app();
    app.update(Action::SwitchFocus);
    app.update(Action::OpenMetrics);
    app.update(Action::OpenCompare);
    assert_eq!(app.focus, Focus::Compare);
    assert_eq!(app.compare.label, "行政复议案件");
    let units: Vec<&str> = app.compare.groups.iter().map(|g| g.unit.as_str()).collect();
    assert_eq!(units, ["件"]);
    let ranked: Vec<usize> = app.compare.rows().map(|r| r.doc).collect();
    assert_eq!(ranked, [1, 0], "12件 before 6件");
    assert_eq!(app.compare.selected().map(|r| r.doc), Some(0), "starts on the metric asked from");
    // Editing the label: every 金 metric, 元 apart from 件.
    for _ in 0..6 {
        app.update(Action::DeleteChar);
    }
    assert!(app.compare.is_empty());
    typed(&mut app, "金");
    let units: Vec<&str> = app.compare.groups.iter().map(|g| g.unit.as_str()).collect();
    assert_eq!(units, ["元"]);
    assert_eq!(app.compare.rows().map(|r| r.doc).collect::<Vec<_>>(), [0, 1]);
    app.update(Action::Close);
    assert_eq!(app.focus, Focus::Metrics);
    app.update(Action::Close);
    assert_eq!(app.focus, Focus::Outline, "back to the pane the table was opened from");
}

#[test]
fn enter_in_compare_jumps_like_the_table() {
    let mut app = app();
    app.update(Action::OpenMetrics);
    typed(&mut app, "资金");
    app.update(Action::OpenCompare);
    app.update(Action::Open);
    assert_eq!((app.focus, app.reader.doc), (Focus::Reader, 0));
    assert_eq!(app.highlight.as_ref().map(|h| h.line), Some(45));
}

#[test]
fn documents_loaded_while_the_table_is_open_join_it() {
    let mut app = app();
    app.update(Action::OpenMetrics);
    typed(&mut app, "复议");
    app.add_document(doc("c.txt", &[], &[(3, "9件", 9.0, "件", "行政复议申请")]));
    assert_eq!(listed(&app), [(0, 2), (1, 50), (2, 3)]);
}

#[test]
fn view_keys_move_the_selection_and_not_the_reader() {
    let mut app = app();
    app.update(Action::OpenMetrics);
    app.update(Action::Bottom);
    assert_eq!(app.metrics.selected, 3);
    app.update(Action::Top);
    app.update(Action::NextDoc);
    app.update(Action::SwitchFocus);
    assert_eq!((app.reader.doc, app.reader.top, app.focus), (0, 0, Focus::Metrics));
}

#[test]
fn c_in_the_reader_compares_the_highlighted_metric_or_the_first_on_screen() {
    let mut app = app();
    app.update(Action::OpenCompare);
    assert_eq!(app.focus, Focus::Compare, "line 2 of a.txt states 6件");
    assert_eq!(app.compare.label, "行政复议案件");
    app.update(Action::Close);
    assert_eq!(app.focus, Focus::Reader);
    // Nothing on screen: a note, no view.
    app.update(Action::NextDoc);
    assert_eq!(app.reader.line(), Some(1), "b.txt states nothing before line 50");
    app.update(Action::OpenCompare);
    assert_eq!((app.focus, app.note), (Focus::Reader, Some(Note::NoMetric)));
    // After a jump, the highlighted metric is the one compared, even with another above it.
    app.update(Action::OpenMetrics);
    typed(&mut app, "金额");
    app.update(Action::Open);
    app.update(Action::OpenCompare);
    assert_eq!(app.compare.label, "涉及金额");
    assert_eq!(app.compare.selected().map(|r| (r.doc, r.index)), Some((1, 1)));
}

#[test]
fn a_number_deep_in_a_long_paragraph_is_scrolled_into_view() {
    let mut app = App::new(60, 12);
    let long = format!("{}共计42件。", "依法行政工作持续推进,法治政府建设取得新成效。".repeat(40));
    let mut d = Document::new("long.txt", "UTF-8", Format::Text, format!("标题\n{long}\n结尾"));
    d.card.body_first_line = 1;
    d.card.body_last_line = 3;
    d.metrics = vec![Metric {
        line: 2,
        start: long.find("42件").expect("in the line"),
        raw: "42件".into(),
        value: 42.0,
        unit: "件".into(),
        approx: false,
        label: "共计".into(),
        heading: None,
    }];
    app.add_document(d);
    app.update(Action::OpenMetrics);
    app.update(Action::Open);
    let rows = app.reader.rows().expect("wrapped");
    let start = app.docs[0].metrics[0].start;
    let at = rows.row_of(2, start);
    assert!(at > app.reader.height, "the number is beyond the first screen of its line");
    assert!(
        (app.reader.top..app.reader.top + app.reader.height).contains(&at),
        "row {at} on screen from {}",
        app.reader.top
    );
}

#[test]
fn a_metric_outside_the_report_text_opens_the_original_file() {
    let mut app = App::new(100, 20);
    let mut d = doc("a.txt", &[(1, "一、行政复议")], &[(2, "6件", 6.0, "件", "行政复议案件")]);
    d.card.body_first_line = 10; // line 2 is outside the report's own text
    app.add_document(d);
    app.update(Action::OpenMetrics);
    app.update(Action::Open);
    assert_eq!(app.reader.mode, super::super::rows::Mode::Raw);
    assert_eq!(app.reader.line(), Some(2));
}

#[test]
fn clicking_a_row_selects_it() {
    let mut app = app();
    app.update(Action::OpenMetrics);
    let list = app.geometry.view_list;
    app.update(Action::Click(list.x + 3, list.y + 2));
    assert_eq!(app.metrics.selected, 2);
    app.update(Action::Click(list.x + 3, list.y + 9));
    assert_eq!(app.metrics.selected, 2, "below the last row: nothing");
    app.update(Action::OpenCompare);
    // 件: header, 12件, 6件 → the second line is the first row.
    app.update(Action::Click(list.x + 3, list.y + 2));
    assert_eq!(app.compare.selected, 1);
    app.update(Action::Click(list.x + 3, list.y));
    assert_eq!(app.compare.selected, 1, "a header is not a row");
}

#[test]
fn any_size_and_any_view_action_is_safe() {
    let actions = [
        Action::OpenMetrics,
        Action::Input('复'),
        Action::Input('>'),
        Action::Bottom,
        Action::CycleSort,
        Action::ReverseSort,
        Action::Click(0, 0),
        Action::Click(5, 3),
        Action::Wheel(5, 5, true),
        Action::OpenCompare,
        Action::DeleteChar,
        Action::DeleteChar,
        Action::PageDown,
        Action::Open,
        Action::OpenCompare,
        Action::Close,
        Action::Close,
    ];
    for (w, h) in [(0, 0), (1, 1), (3, 2), (30, 4), (30, 8), (200, 3)] {
        let mut app = app();
        app.update(Action::Resize(w, h));
        for a in actions {
            app.update(a); // no panic, whatever the size
        }
    }
    let mut empty = App::new(80, 24);
    for a in actions {
        empty.update(a);
    }
    assert!(empty.metrics.rows.is_empty() && empty.highlight.is_none());
}
