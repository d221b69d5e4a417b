//! Update tests: sequences of actions against `App`, asserting on what the user would see.

use super::*;
use crate::doc::Format;
use crate::outline::{Heading, Style};

/// A document whose headings are given explicitly (independent of the outline parser).
fn doc(name: &str, lines: &[&str], heads: &[(usize, usize)]) -> Document {
    let mut d = Document::new(name, "UTF-8", Format::Text, lines.join("\n"));
    d.headings = heads
        .iter()
        .map(|&(line, level)| Heading {
            line,
            level,
            marker: Default::default(),
            title: lines[line - 1].into(),
            style: Style::CnDun,
            col: None,
        })
        .collect();
    // The whole file is the body, whatever the card parser makes of this synthetic text.
    d.card.body_first_line = 1;
    d.card.body_last_line = d.line_count();
    d
}

/// Two reports of 60 lines; headings at lines 1 (level 1), 10 (level 2), 30 (level 1).
fn app() -> App {
    let mut app = App::new(100, 20);
    for name in ["a.txt", "b.txt"] {
        let mut lines: Vec<String> = (1..=60).map(|i| format!("第{i}行正文。")).collect();
        lines[0] = "一、总体情况".into();
        lines[9] = "(一)工作举措".into();
        lines[29] = "二、存在问题".into();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        app.add_document(doc(name, &refs, &[(1, 1), (10, 2), (30, 1)]));
    }
    app
}

fn top_line(app: &App) -> usize {
    app.reader.line().unwrap_or(0)
}

fn selected(app: &App) -> (usize, Option<usize>) {
    app.outline.selected_node().map(|n| (n.doc, n.heading)).unwrap_or((99, None))
}

#[test]
fn scrolling_moves_the_reading_position_and_stops_at_the_ends() {
    let mut app = app();
    assert_eq!(top_line(&app), 1);
    app.update(Action::Down);
    assert_eq!(top_line(&app), 2);
    app.update(Action::Up);
    app.update(Action::Up);
    assert_eq!(top_line(&app), 1);
    app.update(Action::Bottom);
    let height = app.reader.height;
    assert_eq!(app.reader.top + height, app.reader.total(), "the last screen is full");
    assert_eq!(app.reader.percent(), 100);
    app.update(Action::PageDown);
    assert_eq!(app.reader.top + height, app.reader.total());
    app.update(Action::Top);
    assert_eq!(app.reader.top, 0);
    app.update(Action::HalfPageDown);
    assert_eq!(app.reader.top, height / 2);
}

#[test]
fn heading_jumps_follow_in_the_outline() {
    let mut app = app();
    app.update(Action::NextHeading);
    assert_eq!(top_line(&app), 10);
    assert_eq!(selected(&app), (0, Some(1)));
    app.update(Action::NextHeading);
    assert_eq!(top_line(&app), 30);
    assert_eq!(selected(&app), (0, Some(2)));
    app.update(Action::NextHeading);
    assert_eq!(app.note, Some(Note::NoMore), "no heading after the last");
    app.update(Action::PrevHeading);
    assert_eq!(top_line(&app), 10);
    // Scrolling inside a section keeps its heading selected.
    app.update(Action::Down);
    assert_eq!(selected(&app), (0, Some(1)));
}

#[test]
fn document_jumps_open_the_next_document_in_the_outline() {
    let mut app = app();
    assert_eq!(app.outline.nodes.len(), 5, "first document open, second closed");
    app.update(Action::NextDoc);
    assert_eq!(app.reader.doc, 1);
    assert_eq!(app.reader.top, 0);
    assert_eq!(selected(&app), (1, Some(0)));
    assert_eq!(app.outline.nodes.len(), 8);
    app.update(Action::NextDoc);
    assert_eq!(app.reader.doc, 1);
    app.update(Action::PrevDoc);
    assert_eq!(app.reader.doc, 0);
}

#[test]
fn enter_on_an_outline_node_scrolls_the_reader_there() {
    let mut app = app();
    app.update(Action::SwitchFocus);
    assert_eq!(app.focus, Focus::Outline);
    assert_eq!(selected(&app), (0, Some(0)), "the selection starts at the reading position");
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(selected(&app), (0, Some(2)));
    assert_eq!(top_line(&app), 1, "moving the selection does not move the reader");
    app.update(Action::Open);
    assert_eq!(top_line(&app), 30);
    assert_eq!(app.focus, Focus::Outline, "two panes: focus stays in the outline");
    app.update(Action::Bottom);
    app.update(Action::Open);
    assert_eq!((app.reader.doc, app.reader.top), (1, 0));
}

#[test]
fn outline_keys_fold_and_unfold() {
    let mut app = app();
    app.update(Action::SwitchFocus);
    app.update(Action::Top);
    app.update(Action::Collapse);
    assert_eq!(app.outline.nodes.len(), 2);
    app.update(Action::Expand);
    assert_eq!(app.outline.nodes.len(), 5);
    app.update(Action::ToggleNode);
    assert_eq!(app.outline.nodes.len(), 2);
}

#[test]
fn raw_mode_and_resizing_keep_the_reading_position() {
    let mut app = app();
    app.update(Action::NextHeading);
    app.update(Action::NextHeading);
    app.update(Action::ToggleRaw);
    assert_eq!(app.reader.mode, rows::Mode::Raw);
    assert_eq!(top_line(&app), 30);
    app.update(Action::Resize(72, 30));
    assert_eq!(top_line(&app), 30);
    app.update(Action::Resize(30, 8));
    app.update(Action::Resize(100, 20));
    assert_eq!(top_line(&app), 30);
}

#[test]
fn help_takes_the_keys_until_closed() {
    let mut app = app();
    app.update(Action::ToggleHelp);
    assert!(app.help);
    app.update(Action::Down);
    assert_eq!(app.reader.top, 0, "keys do not reach the reader under the help");
    app.update(Action::ToggleHelp);
    assert!(!app.help);
    app.update(Action::ToggleHelp);
    app.update(Action::Quit);
    assert!(app.quit);
}

#[test]
fn one_pane_layout_switches_to_the_reader_on_open() {
    let mut app = app();
    app.update(Action::Resize(60, 20));
    assert!(app.geometry.single_pane());
    app.update(Action::SwitchFocus);
    assert!(!app.geometry.outline.is_empty() && app.geometry.reader.is_empty());
    app.update(Action::Bottom);
    app.update(Action::Open);
    assert_eq!(app.focus, Focus::Reader);
    assert!(!app.geometry.reader.is_empty());
    assert_eq!(app.reader.doc, 1);
}

#[test]
fn load_errors_are_listed_until_dismissed() {
    let mut app = app();
    app.set_progress(Some(3));
    app.add_error(&LoadError { path: "x.doc".into(), reason: "binary file".into() });
    assert!(app.messages_open);
    assert_eq!(app.messages, ["x.doc: binary file"]);
    assert_eq!(app.progress, Some(Progress { done: 1, total: 3 }));
    app.update(Action::Close);
    assert!(!app.messages_open);
    app.update(Action::ShowMessages);
    assert!(app.messages_open);
    app.set_progress(None);
    assert_eq!(app.progress, None);
}

#[test]
fn mouse_clicks_open_outline_rows_and_the_wheel_scrolls() {
    let mut app = app();
    let list = app.geometry.list;
    app.update(Action::Click(list.x + 1, list.y + 3));
    assert_eq!(app.focus, Focus::Outline);
    assert_eq!(top_line(&app), 30);
    let text = app.geometry.text;
    app.update(Action::Wheel(text.x, text.y, true));
    assert_eq!(top_line(&app), 33);
    app.update(Action::Click(text.x, text.y));
    assert_eq!(app.focus, Focus::Reader);
}

#[test]
fn any_size_and_any_action_is_safe() {
    let actions = [
        Action::Down,
        Action::PageDown,
        Action::Bottom,
        Action::NextHeading,
        Action::PrevHeading,
        Action::NextDoc,
        Action::ToggleRaw,
        Action::SwitchFocus,
        Action::Open,
        Action::Collapse,
        Action::Expand,
        Action::Click(0, 0),
        Action::Wheel(0, 0, true),
    ];
    for (w, h) in [(0, 0), (1, 1), (1, 0), (0, 5), (3, 2), (30, 8), (200, 3)] {
        let mut app = app();
        app.update(Action::Resize(w, h));
        for a in actions {
            app.update(a);
        }
    }
    let mut empty = App::new(80, 24);
    for a in actions {
        empty.update(a);
    }
    assert!(empty.current_doc().is_none());
}

#[test]
fn toggling_raw_inside_a_long_paragraph_keeps_the_row() {
    let mut app = App::new(100, 20);
    let long = "依法行政工作持续推进,法治政府建设取得新成效。".repeat(200);
    app.add_document(doc("long.txt", &["标题", "", &long, "", "结尾"], &[]));
    for _ in 0..30 {
        app.update(Action::Down);
    }
    let anchor = app.reader.rows().and_then(|r| r.anchor(app.reader.top));
    app.update(Action::ToggleRaw);
    app.update(Action::ToggleRaw);
    assert_eq!(app.reader.rows().and_then(|r| r.anchor(app.reader.top)), anchor);
    assert_eq!(top_line(&app), 3);
}

#[test]
fn documents_reopen_where_they_were_left() {
    let mut app = app();
    app.update(Action::NextHeading);
    app.update(Action::NextHeading);
    assert_eq!(top_line(&app), 30);
    app.update(Action::NextDoc);
    assert_eq!((app.reader.doc, top_line(&app)), (1, 1), "a new document opens at its top");
    app.update(Action::Down);
    app.update(Action::PrevDoc);
    assert_eq!((app.reader.doc, top_line(&app)), (0, 30));
    app.update(Action::NextDoc);
    assert_eq!((app.reader.doc, top_line(&app)), (1, 2));
    // Opening a document from the outline root goes to its top.
    app.update(Action::SwitchFocus);
    app.update(Action::Top);
    app.update(Action::Open);
    assert_eq!((app.reader.doc, app.reader.top), (0, 0));
}

/// A report scraped into one line (tests/real/oneline): the reader shows it as paragraphs, each
/// heading starting a row of its own, and the outline and `]` go to the heading itself.
#[test]
fn a_run_together_report_reads_as_paragraphs_with_its_headings_on_rows_of_their_own() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/real/oneline/other-statecouncil-coal-industry-opinions-2005-oneline.txt"
    ))
    .expect("corpus file");
    let mut d = Document::new("coal.txt", "UTF-8", Format::Text, text);
    d.card.body_first_line = 1;
    d.card.body_last_line = d.line_count();
    let cols: Vec<usize> = d.headings.iter().filter_map(|h| h.col).collect();
    assert!(cols.len() > 20, "the outline parser finds the headings inside the line");
    let mut app = App::new(100, 30);
    app.add_document(d);
    let doc = Arc::clone(&app.docs[0]);
    let rows = app.reader.rows().expect("wrapped");
    let starts: Vec<usize> = rows.rows.iter().map(|r| r.range.start).collect();
    let line = doc.line(1);
    for (h, &byte) in doc.headings.iter().zip(&rows.heading_bytes) {
        assert!(starts.contains(&byte), "{} starts a row", h.title);
        assert!(line[byte..].starts_with(h.marker.as_str()), "{} anchored at its marker", h.title);
    }
    assert!(rows.len() > 100, "wrapped to the 100-column pane, not one row");
    // `]` lands on each heading in turn, the outline following.
    let mut seen = 0;
    while app.reader.jump_heading(&app.docs, true) {
        seen += 1;
        let top = &app.reader.rows().expect("wrapped").rows[app.reader.top];
        let k = app.reader.heading(&app.docs).expect("a heading above");
        assert_eq!(top.range.start, app.reader.rows().expect("wrapped").heading_bytes[k]);
    }
    assert!(seen >= doc.headings.len() - 3, "{seen} of {} headings reached", doc.headings.len());
    // Opening a heading from the outline shows it at the top.
    let k = doc.headings.len() / 2;
    app.update(Action::SwitchFocus);
    app.outline.select(&app.docs, 0, Some(k));
    app.update(Action::Open);
    let rows = app.reader.rows().expect("wrapped");
    assert_eq!(rows.rows[app.reader.top].range.start, rows.heading_bytes[k]);
}
