//! Snapshots of the finder over the samples (TestBackend + insta) at 80×24 and 140×40 (with the
//! preview), and checks a text snapshot cannot show: the hit style on the matches, the real
//! cursor at the caret (CJK counted two columns), the reader's highlight after Enter.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::time::Duration;

use gongwen::app::{Action, App};
use gongwen::doc::load::load_samples;
use gongwen::search::{Index, Query, Results};
use gongwen::ui::{render, Theme};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::Terminal;

#[path = "support/screen.rs"]
mod screen;
use screen::text;

/// The samples loaded and indexed (synchronously here; the reader does it off the UI thread).
fn indexed_app(w: u16, h: u16) -> App {
    let mut app = App::new(w, h);
    let docs = load_samples();
    let arcs: Vec<_> = docs.iter().cloned().map(Arc::new).collect();
    for d in docs {
        app.add_document(d);
    }
    app.set_progress(None);
    app.set_index(Arc::new(Index::build(&arcs)));
    app
}

/// Opens the finder, types `query` and delivers the worker's answer (run here directly).
fn type_query(app: &mut App, query: &str) {
    app.update(Action::OpenFinder);
    app.set_finder_query(query, query.chars().count());
    let Some((generation, text)) = app.take_search_request() else { return };
    let index = app.finder.index.clone().unwrap();
    let q = Query::parse(&text).unwrap();
    let hits = index.search(&q, 500);
    let total = hits.len();
    let query = Ok(Arc::new(q));
    let r = Results { generation, query, hits, total, exhaustive: true, elapsed: Duration::ZERO };
    assert!(app.finder_results(r));
}

/// Draws; returns the buffer and where the real cursor was put (`None` when hidden).
fn draw(app: &App) -> (Buffer, Option<Position>) {
    use ratatui::backend::Backend;
    let (w, h) = (app.geometry.status.width, app.geometry.status.y + 1);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(app, &Theme::default(), f)).unwrap();
    let at = t.backend_mut().get_cursor_position().unwrap();
    let wanted = gongwen::ui::finder::cursor(app).map(Position::from);
    if let Some(w) = wanted {
        assert_eq!(at, w, "the terminal cursor is where the finder puts it");
    }
    (t.backend().buffer().clone(), wanted)
}

/// Cells of row `y` styled as hits, as text.
fn hit_text(buf: &Buffer, y: u16) -> String {
    let hit = Theme::default().hit;
    (0..buf.area.width)
        .map(|x| &buf[(x, y)])
        .filter(|c| c.bg == hit.bg.unwrap() && c.fg == hit.fg.unwrap())
        .map(|c| c.symbol().to_string())
        .collect()
}

#[test]
fn finder_xzfy_at_80x24() {
    let mut app = indexed_app(80, 24);
    type_query(&mut app, "xzfy");
    let (buf, _) = draw(&app);
    insta::assert_snapshot!(text(&buf));
}

#[test]
fn finder_xzfy_at_140x40_with_the_preview() {
    let mut app = indexed_app(140, 40);
    type_query(&mut app, "xzfy");
    app.update(Action::Down);
    let (buf, _) = draw(&app);
    insta::assert_snapshot!(text(&buf));
}

#[test]
fn result_rows_mark_what_matched_in_the_hit_style() {
    let mut app = indexed_app(80, 24);
    type_query(&mut app, "xzfy");
    let (buf, _) = draw(&app);
    let list = app.finder_layout().list;
    let rows: Vec<String> = (list.y..list.y + list.height).map(|y| hit_text(&buf, y)).collect();
    // Every row shown has its match marked; the best ones are 行政复议 (x-z-f-y).
    let shown = app.finder.hits().len().min(usize::from(list.height));
    assert!(shown >= 10, "{rows:?}");
    assert!(rows[..shown].iter().all(|r| r.chars().count() == 4), "{rows:?}");
    assert!(rows[..5].iter().all(|r| r.as_str() == "行政复议"), "{rows:?}");
}

#[test]
fn the_cursor_stands_at_the_caret_counting_wide_characters() {
    let mut app = indexed_app(80, 24);
    type_query(&mut app, "行政x");
    let input = app.finder_layout().input;
    let (_, cursor) = draw(&app);
    // "› " then two wide characters and one narrow one.
    assert_eq!(cursor, Some(Position::new(input.x + 2 + 5, input.y)));
    app.set_finder_query("行政x", 1);
    let (_, cursor) = draw(&app);
    assert_eq!(cursor, Some(Position::new(input.x + 2 + 2, input.y)));
    app.update(Action::Close);
    let (_, cursor) = draw(&app);
    assert_eq!(cursor, None, "no cursor once the finder is closed");
}

#[test]
fn before_the_index_the_finder_says_it_is_indexing() {
    let mut app = App::new(80, 24);
    for d in load_samples() {
        app.add_document(d);
    }
    app.set_progress(None);
    app.update(Action::OpenFinder);
    app.set_finder_query("xzfy", 4);
    let (buf, _) = draw(&app);
    assert!(text(&buf).contains("indexing…"), "{}", text(&buf));
}

#[test]
fn enter_shows_the_passage_highlighted_in_the_reader() {
    let mut app = indexed_app(80, 24);
    type_query(&mut app, "xzfy");
    app.update(Action::Open);
    let (buf, cursor) = draw(&app);
    assert_eq!(cursor, None);
    let t = app.geometry.text;
    let marked: Vec<String> = (t.y..t.y + t.height).map(|y| hit_text(&buf, y)).collect();
    assert!(marked.iter().any(|m| m == "行政复议"), "{marked:?}\n{}", text(&buf));
    insta::assert_snapshot!(text(&buf));
}

#[test]
fn while_documents_load_the_finder_says_how_many_are_searched() {
    let mut app = App::new(100, 30);
    let docs = load_samples();
    app.set_progress(Some(docs.len()));
    // Two documents loaded and indexed, the others still loading.
    let arcs: Vec<_> = docs.iter().take(2).cloned().map(Arc::new).collect();
    for d in docs.into_iter().take(2) {
        app.add_document(d);
    }
    app.set_index(Arc::new(Index::build(&arcs)));
    type_query(&mut app, "xzfy");
    let (buf, _) = draw(&app);
    let top = text(&buf).lines().nth(1).unwrap().to_string();
    assert!(top.contains("2 of 5 documents so far"), "{top}");
    app.add_document(load_samples().remove(2));
    app.set_progress(None);
    let (buf, _) = draw(&app);
    let top = text(&buf).lines().nth(1).unwrap().to_string();
    assert!(top.contains("2 of 3 documents so far"), "{top}");
}

#[test]
fn any_size_draws_without_panicking_even_before_the_resize_arrives() {
    let mut app = indexed_app(80, 24);
    type_query(&mut app, "xzfy");
    for (w, h) in [(1, 1), (2, 3), (10, 5), (30, 8), (119, 30), (120, 30), (200, 60)] {
        app.update(Action::Resize(w, h));
        let (buf, cursor) = draw(&app);
        assert_eq!(buf.area.width, w);
        if let Some(c) = cursor {
            assert!(c.x < w && c.y < h, "{c:?} outside {w}x{h}");
        }
        // A terminal already resized to something else than the app knows.
        let mut t = Terminal::new(TestBackend::new(w / 2 + 1, h / 2 + 1)).unwrap();
        t.draw(|f| render(&app, &Theme::default(), f)).unwrap();
    }
}
