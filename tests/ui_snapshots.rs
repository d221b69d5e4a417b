//! Whole-screen snapshots of the reader on the bundled samples (ratatui's TestBackend + insta),
//! and checks on cell styles and terminal safety that a snapshot of text alone cannot show.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongwen::app::{Action, App};
use gongwen::doc::{load::load_samples, Document, Format};
use gongwen::ui::{render, Theme};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;

#[path = "support/screen.rs"]
mod screen;
use screen::text;

fn samples_app(w: u16, h: u16) -> App {
    let mut app = App::new(w, h);
    for d in load_samples() {
        app.add_document(d);
    }
    app.set_progress(None);
    app
}

fn draw(app: &App, theme: &Theme) -> Buffer {
    let (w, h) = (app.geometry.status.width, app.geometry.status.y + 1);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(app, theme, f)).unwrap();
    t.backend().buffer().clone()
}

fn screen(app: &App) -> String {
    text(&draw(app, &Theme::default()))
}

/// The cell position of the first occurrence of `needle` on screen.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let first = needle.chars().next()?;
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            if buf[(x, y)].symbol().starts_with(first) {
                let mut s = String::new();
                let mut cx = x;
                while cx < buf.area.width && s.len() < needle.len() {
                    let sym = buf[(cx, y)].symbol();
                    s.push_str(sym);
                    cx += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
                }
                if s.starts_with(needle) {
                    return Some((x, y));
                }
            }
        }
    }
    None
}

#[test]
fn samples_at_80x24() {
    insta::assert_snapshot!(screen(&samples_app(80, 24)));
}

#[test]
fn samples_at_140x40() {
    insta::assert_snapshot!(screen(&samples_app(140, 40)));
}

#[test]
fn samples_after_heading_jumps_at_80x24() {
    let mut app = samples_app(80, 24);
    for a in [Action::NextHeading, Action::NextHeading, Action::NextHeading] {
        app.update(a);
    }
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn help_overlay() {
    use gongwen::app::Focus;
    use gongwen::ui::keymap::{applies, KEYMAP};
    let mut app = samples_app(80, 24);
    app.update(Action::ToggleHelp);
    let s = screen(&app);
    // Generated from the key table: every binding of the panes has its help text on screen.
    let panes =
        |b: &&gongwen::ui::keymap::Binding| applies(b, Focus::Reader) || applies(b, Focus::Outline);
    for b in KEYMAP.iter().filter(panes) {
        assert!(s.contains(b.help), "help lacks {:?}", b.help);
    }
    insta::assert_snapshot!(s);
    // In the metrics table, its own keys.
    app.update(Action::ToggleHelp);
    app.update(Action::OpenMetrics);
    app.update(Action::ToggleHelp);
    let s = screen(&app);
    for b in KEYMAP.iter().filter(|b| applies(b, Focus::Metrics)) {
        assert!(s.contains(b.help), "metrics help lacks {:?}:\n{s}", b.help);
    }
    insta::assert_snapshot!("help_overlay_in_the_metrics_table", s);
}

#[test]
fn collapsed_outline() {
    let mut app = samples_app(80, 24);
    for a in [Action::SwitchFocus, Action::Top, Action::Collapse, Action::Down] {
        app.update(a);
    }
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn narrow_one_pane_layout() {
    let mut app = samples_app(60, 20);
    let reader = screen(&app);
    app.update(Action::SwitchFocus);
    let outline = screen(&app);
    insta::assert_snapshot!(format!("{reader}\n{outline}"));
}

#[test]
fn original_file_mode() {
    let mut app = samples_app(80, 24);
    app.update(Action::ToggleRaw);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn every_size_draws_without_panic_or_overflow() {
    for (w, h) in [(1, 1), (2, 1), (1, 2), (3, 3), (10, 4), (30, 8), (69, 10), (70, 10), (200, 5)] {
        let mut app = samples_app(w, h);
        app.update(Action::ToggleHelp);
        let _ = draw(&app, &Theme::default());
        app.update(Action::ToggleHelp);
        app.update(Action::SwitchFocus);
        let _ = draw(&app, &Theme::default());
    }
    // 0 rows during a resize: nothing to draw, nothing to break.
    let app = samples_app(80, 0);
    let mut t = Terminal::new(TestBackend::new(80, 0)).unwrap();
    t.draw(|f| render(&app, &Theme::default(), f)).unwrap();
}

#[test]
fn headings_are_styled_by_level_and_the_status_line_stands_out() {
    let app = samples_app(80, 24);
    let theme = Theme::default();
    let buf = draw(&app, &theme);
    let doc = &app.docs[0];
    let h = doc.headings.iter().find(|h| h.level == 1).expect("the first sample has headings");
    let needle = format!("{}{}", h.marker, h.title);
    // In the reader (right of the outline), the level-1 heading has the level-1 style.
    let (x, y) = (0..buf.area.height)
        .filter_map(|y| {
            let row = (app.geometry.text.x..buf.area.width)
                .find(|&x| buf[(x, y)].symbol().starts_with(needle.chars().next().unwrap()))?;
            Some((row, y))
        })
        .find(|&(x, y)| find_in_row(&buf, y, x, &needle))
        .expect("the heading is on the first screen");
    assert_eq!(buf[(x, y)].fg, theme.heading[0].fg.unwrap());
    let status_y = app.geometry.status.y;
    assert_eq!(buf[(0, status_y)].bg, theme.status.bg.unwrap());
}

fn find_in_row(buf: &Buffer, y: u16, x: u16, needle: &str) -> bool {
    let mut s = String::new();
    let mut cx = x;
    while cx < buf.area.width && s.len() < needle.len() {
        let sym = buf[(cx, y)].symbol();
        s.push_str(sym);
        cx += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
    }
    s.starts_with(needle)
}

#[test]
fn metrics_are_highlighted_where_the_extractor_found_them() {
    let mut app = App::new(100, 30);
    let d =
        Document::new("m.txt", "UTF-8", Format::Text, "共办理案件4070件,涉及资金1.59亿元。".into());
    let mut d = d;
    if d.metrics.is_empty() {
        // Independent of the extractor's progress: one metric as the extractor reports it.
        d.metrics.push(gongwen::metrics::Metric {
            line: 1,
            start: "共办理案件".len(),
            raw: "4070件".into(),
            value: 4070.0,
            unit: "件".into(),
            approx: false,
            label: "案件".into(),
            heading: None,
        });
    }
    let m = d.metrics[0].clone();
    app.add_document(d);
    let theme = Theme::default();
    let buf = draw(&app, &theme);
    let (x, y) = find(&buf, &m.raw).expect("the metric is on screen");
    assert_eq!(buf[(x, y)].fg, theme.metric.fg.unwrap());
    let (bx, by) = find(&buf, "共办理").unwrap();
    assert_ne!(buf[(bx, by)].fg, theme.metric.fg.unwrap(), "plain text is not highlighted");
}

#[test]
fn hostile_text_never_reaches_the_terminal_as_controls() {
    let hostile = "标题\x1b]2;X\x07正文\x1b[2J清屏\u{9b}31m红\u{202e}反向\u{200b}文字\r\n\ttab";
    let mut app = App::new(80, 24);
    let mut d = Document::new("\x1b[31mevil\x07.txt", "UTF-8", Format::Text, hostile.into());
    d.card.title = Some("恶意\x1b]0;pwned\x07标题".into());
    app.add_document(d);
    app.add_error(&gongwen::doc::LoadError {
        path: "bad\x1b[2J.txt".into(),
        reason: "x\x07".into(),
    });
    let theme = Theme::default();
    for raw in [false, true] {
        if raw {
            app.update(Action::ToggleRaw);
        }
        let buf = draw(&app, &theme);
        for cell in buf.content() {
            let bad = cell.symbol().chars().any(|c| {
                c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            });
            assert!(!bad, "control character in cell {:?}", cell.symbol());
        }
        let s = text(&buf);
        assert!(s.contains("␛]2;X␇正文␛[2J清屏"), "{s}");
        let (x, y) = find(&buf, "␛]2;X").unwrap();
        assert_eq!(buf[(x, y)].fg, theme.control.fg.unwrap(), "placeholders are marked");
    }
}

#[test]
fn popups_are_not_overdrawn_by_wide_glyphs_beside_them() {
    let mut app = samples_app(100, 30);
    for a in [Action::NextHeading, Action::NextHeading, Action::NextHeading, Action::ToggleHelp] {
        app.update(a);
    }
    let buf = draw(&app, &Theme::default());
    // Every row of the popup keeps its left border: no wide glyph ends inside it.
    // The popup's top-left corner (the panes' corners are on row 0).
    let (bx, by) = (1..buf.area.height)
        .find_map(|y| (0..buf.area.width).find(|&x| buf[(x, y)].symbol() == "╭").map(|x| (x, y)))
        .unwrap_or_else(|| {
            let row: Vec<String> = (10..18).map(|x| buf[(x, 4)].symbol().to_string()).collect();
            panic!("no popup corner: {row:?}")
        });
    let mut y = by + 1;
    while buf[(bx, y)].symbol() == "│" {
        let left = buf[(bx - 1, y)].symbol();
        assert!(
            unicode_width::UnicodeWidthStr::width(left) <= 1,
            "row {y}: {left:?} covers the border"
        );
        y += 1;
    }
    assert!(y > by + 10, "the popup has its left border on every row");
}

#[test]
fn loading_progress_and_messages_show_while_the_rest_loads() {
    let mut app = App::new(100, 30);
    app.set_progress(Some(7));
    let mut docs = load_samples().into_iter();
    app.add_document(docs.next().unwrap());
    app.add_document(docs.next().unwrap());
    app.add_error(&gongwen::doc::LoadError {
        path: "坏文件.doc".into(),
        reason: "binary file".into(),
    });
    let s = screen(&app);
    let status = s.lines().last().unwrap_or("");
    assert!(status.contains("loading 3/7"), "{status}");
    assert!(s.contains("坏文件.doc: binary file"), "the error is listed:\n{s}");
    assert!(s.contains("法治"), "the loaded document can be read meanwhile:\n{s}");
    app.update(Action::Close);
    let s = screen(&app);
    assert!(!s.contains("坏文件.doc"));
    assert!(s.lines().last().unwrap_or("").contains("1 message (!)"));
}

#[test]
fn no_color_draws_without_any_colour() {
    let theme = Theme::load(None, true).unwrap();
    let mut app = samples_app(100, 30);
    app.update(Action::NextHeading);
    let buf = draw(&app, &theme);
    use ratatui::style::Color;
    for cell in buf.content() {
        assert!(matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset), "{cell:?}");
    }
    // Still legible: the status line and the selection stand out without colour.
    let status_y = app.geometry.status.y;
    assert!(buf[(0, status_y)].modifier.contains(ratatui::style::Modifier::REVERSED));
}

/// The samples with the metrics table open, `filter` typed.
fn metrics_app(w: u16, h: u16, filter: &str) -> App {
    let mut app = samples_app(w, h);
    app.update(Action::OpenMetrics);
    for c in filter.chars() {
        app.update(Action::Input(c));
    }
    app
}

/// The compare view of the samples' `行政` metrics, reached as a user does: a row's `c`, then
/// the label edited.
fn compare_app(w: u16, h: u16) -> App {
    let mut app = metrics_app(w, h, "行政");
    app.update(Action::OpenCompare);
    while !app.compare.label.is_empty() {
        app.update(Action::DeleteChar);
    }
    for c in "行政".chars() {
        app.update(Action::Input(c));
    }
    app
}

#[test]
fn metrics_table_at_80x24() {
    let mut app = metrics_app(80, 24, "");
    app.update(Action::Down);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn metrics_table_at_140x40() {
    let mut app = metrics_app(140, 40, "");
    app.update(Action::CycleSort);
    app.update(Action::CycleSort);
    app.update(Action::Top);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn metrics_table_filtered_at_80x24() {
    insta::assert_snapshot!(screen(&metrics_app(80, 24, "行政 >10")));
}

#[test]
fn compare_chart_at_80x24() {
    insta::assert_snapshot!(screen(&compare_app(80, 24)));
}

#[test]
fn compare_chart_at_140x40() {
    insta::assert_snapshot!(screen(&compare_app(140, 40)));
}

#[test]
fn the_metrics_table_marks_values_and_selection_with_theme_styles() {
    let app = metrics_app(100, 30, "");
    let theme = Theme::default();
    let buf = draw(&app, &theme);
    let (_, m) = app.metrics.rows.first().and_then(|r| r.get(&app.docs)).unwrap();
    let value = gongwen::metrics::format_value(m.value, &m.unit);
    let (x, y) = find(&buf, &value).expect("the first value is on screen");
    // The first row is selected: reversed; the value keeps the metric colour.
    assert_eq!(buf[(x, y)].fg, theme.metric.fg.unwrap());
    assert!(buf[(x, y)].modifier.contains(ratatui::style::Modifier::REVERSED));
    let (_, y2) = find(&buf, "Heading").expect("the header");
    assert!(y2 < y);
}

#[test]
fn a_metric_jumped_to_is_drawn_in_the_hit_style() {
    let mut app = metrics_app(100, 30, "复议");
    app.update(Action::Open);
    let theme = Theme::default();
    let buf = draw(&app, &theme);
    let h = app.highlight.clone().expect("a highlight");
    let raw = &app.docs[h.doc].line(h.line)[h.range];
    let (x, y) = find(&buf, raw).expect("the number is on screen");
    assert!(x >= app.geometry.text.x, "in the reading pane");
    assert_eq!(buf[(x, y)].bg, theme.hit.bg.unwrap());
}

#[test]
fn metrics_views_draw_at_every_size() {
    for (w, h) in [(1, 1), (2, 2), (10, 4), (30, 8), (69, 10), (200, 5)] {
        let app = compare_app(w, h);
        let _ = draw(&app, &Theme::default());
        let app = metrics_app(w, h, "行政");
        let _ = draw(&app, &Theme::default());
    }
}

#[test]
fn a_filter_that_does_not_parse_says_why_and_keeps_the_rows() {
    let app = metrics_app(100, 30, "资金 >");
    let error = app.metrics.error.clone().expect("`>` without a number is refused");
    let theme = Theme::default();
    let buf = draw(&app, &theme);
    let s = text(&buf);
    let filter_line = s.lines().nth(1).unwrap_or("");
    assert!(filter_line.contains(&error), "{filter_line}");
    let (x, y) = find(&buf, &error).unwrap();
    assert_eq!(buf[(x, y)].fg, theme.error.fg.unwrap());
    let body = s.lines().skip(3).filter(|l| l.contains("资金")).count();
    assert!(body > 0, "the rows of the last good filter (资金) stay:\n{s}");
}

/// A report scraped into one line (tests/real/oneline) at 80×24: the reader shows its
/// paragraphs, each heading at the start of a row of its own and styled by its level.
#[test]
fn a_run_together_report_at_80x24_shows_its_paragraphs_and_headings() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/real/oneline/other-statecouncil-coal-industry-opinions-2005-oneline.txt"
    );
    let doc = gongwen::doc::load::load_file(std::path::Path::new(path)).unwrap();
    let mut app = App::new(80, 24);
    app.add_document(doc);
    app.set_progress(None);
    app.update(Action::NextHeading);
    app.update(Action::NextHeading);
    let theme = Theme::default();
    let buf = draw(&app, &theme);
    insta::assert_snapshot!(text(&buf));
    // Two `]` from the top: the second heading of the line (`（一）`) starts the top row.
    let doc = &app.docs[0];
    let h = &doc.headings[1];
    let needle = format!("{}{}", h.marker, h.title);
    let (x, y) = (app.geometry.text.x, app.geometry.text.y);
    assert!(find_in_row(&buf, y, x, &needle), "{needle} starts the top row");
    assert_eq!(buf[(x, y)].fg, theme.heading[h.level.min(theme.heading.len()) - 1].fg.unwrap());
}
