//! Update tests of the finder: typing, results by generation, Enter, Esc, n/N, history.

use std::sync::Arc;
use std::time::Duration;

use crate::app::{Action, App, Focus, Note};
use crate::doc::load::load_samples;
use crate::search::{Index, Query, Results};

/// The samples at 100×30 with the index built (synchronously, as the loader would).
fn app() -> App {
    let mut app = App::new(100, 30);
    let docs = load_samples();
    let arcs: Vec<_> = docs.iter().cloned().map(Arc::new).collect();
    for d in docs {
        app.add_document(d);
    }
    app.set_progress(None);
    app.set_index(Arc::new(Index::build(&arcs)));
    app
}

/// What the worker would answer to a request.
fn answer(app: &App, generation: u64, text: &str) -> Results {
    let index = app.finder.index.clone().expect("index");
    let q = Query::parse(text).expect("query parses");
    let hits = index.search(&q, 50);
    let total = hits.len();
    let query = Ok(Arc::new(q));
    Results { generation, query, hits, total, exhaustive: true, elapsed: Duration::ZERO }
}

/// Opens the finder, types `text` and delivers the search's results.
fn find(app: &mut App, text: &str) {
    app.update(Action::OpenFinder);
    app.set_finder_query(text, text.chars().count());
    match app.take_search_request() {
        Some((g, q)) => {
            assert_eq!(q, text);
            let r = answer(app, g, &q);
            assert!(app.finder_results(r));
        }
        // Reopened with the same query: its results are still there.
        None => assert!(app.finder.current() && !app.finder.hits().is_empty()),
    }
}

/// The text the reader highlights.
fn highlighted(app: &App) -> &str {
    let h = app.highlight.as_ref().expect("a highlight");
    assert_eq!(h.doc, app.reader.doc, "the highlight is in the document shown");
    &app.docs[h.doc].line(h.line)[h.range.clone()]
}

/// Whether the highlighted line is on screen.
fn highlight_on_screen(app: &App) -> bool {
    let h = app.highlight.as_ref().expect("a highlight");
    let rows = app.reader.rows().expect("rows");
    let (top, height) = (app.reader.top, app.reader.height);
    rows.rows[top..(top + height).min(rows.len())].iter().any(|r| r.line == h.line)
}

#[test]
fn typing_requests_a_search_and_only_the_newest_results_are_shown() {
    let mut app = app();
    app.update(Action::OpenFinder);
    assert!(app.finder.open);
    app.set_finder_query("x", 1);
    let (g1, _) = app.take_search_request().expect("first request");
    app.set_finder_query("xzfy", 4);
    let (g2, q2) = app.take_search_request().expect("second request");
    assert!(g2 > g1);
    assert_eq!(app.take_search_request(), None, "one request per change");
    // The newer answer arrives first; the stale one must not replace it.
    assert!(app.finder_results(answer(&app, g2, &q2)));
    assert!(!app.finder_results(answer(&app, g1, "x")));
    let index = app.finder.index.clone().expect("index");
    let hits = app.finder.hits();
    assert!(!hits.is_empty());
    assert!(hits.iter().take(5).all(|h| index.text(h).contains("行政复议")), "xzfy is 行政复议");
}

#[test]
fn before_the_index_is_built_the_query_waits() {
    let mut app = App::new(80, 24);
    for d in load_samples() {
        app.add_document(d);
    }
    app.update(Action::OpenFinder);
    app.set_finder_query("xzfy", 4);
    assert_eq!(app.take_search_request(), None, "no index yet");
    app.set_index(Arc::new(Index::build(&app.docs)));
    let (g, q) = app.take_search_request().expect("the typed query runs once indexed");
    assert_eq!((g, q.as_str()), (app.finder.generation, "xzfy"));
}

#[test]
fn enter_shows_the_hit_highlighted_and_the_outline_follows() {
    let mut app = app();
    find(&mut app, "xzfy");
    app.update(Action::Down);
    let hit = app.finder.hits()[1].clone();
    app.update(Action::Open);
    assert!(!app.finder.open);
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.reader.doc, hit.doc);
    assert_eq!(highlighted(&app), "行政复议");
    assert!(highlight_on_screen(&app));
    let node = app.outline.selected_node().expect("a selected node");
    assert_eq!(node.doc, hit.doc, "the outline follows the reader");
    assert_eq!(app.finder.history.first().map(String::as_str), Some("xzfy"));
}

#[test]
fn esc_restores_the_reading_position() {
    let mut app = app();
    app.update(Action::NextDoc);
    app.update(Action::PageDown);
    app.update(Action::SwitchFocus);
    let before = (app.reader.doc, app.reader.top, app.focus);
    find(&mut app, "xzfy");
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Close);
    assert!(!app.finder.open);
    assert_eq!((app.reader.doc, app.reader.top, app.focus), before);
    assert_eq!(app.highlight, None);
}

#[test]
fn n_and_shift_n_step_through_the_hits_and_wrap_around() {
    let mut app = app();
    app.update(Action::NextHit);
    assert_eq!(app.note, Some(Note::NoSearch));
    find(&mut app, "xzfy");
    let total = app.finder.hits().len();
    assert!(total > 2);
    app.update(Action::Open);
    app.update(Action::NextHit);
    assert_eq!(app.note, Some(Note::Hit(2, total)));
    assert_eq!(highlighted(&app), "行政复议");
    assert!(highlight_on_screen(&app));
    app.update(Action::PrevHit);
    app.update(Action::PrevHit);
    assert_eq!(app.note, Some(Note::Hit(total, total)), "wraps to the last hit");
    let last = app.finder.last.as_ref().expect("last search").hits[total - 1].clone();
    assert_eq!(
        (app.reader.doc, app.highlight.as_ref().map(|h| h.line)),
        (last.doc, Some(last.line))
    );
    app.update(Action::NextHit);
    assert_eq!(app.note, Some(Note::Hit(1, total)));
}

#[test]
fn up_and_down_recall_the_history_and_return_to_the_draft() {
    let mut app = app();
    for q in ["xzfy", "行政诉讼"] {
        find(&mut app, q);
        app.update(Action::Open);
    }
    app.update(Action::OpenFinder);
    app.set_finder_query("abc", 3);
    app.update(Action::HistoryBack);
    assert_eq!(app.finder.query, "行政诉讼");
    app.update(Action::HistoryBack);
    assert_eq!(app.finder.query, "xzfy");
    app.update(Action::HistoryBack);
    assert_eq!(app.finder.query, "xzfy", "stays at the oldest");
    app.update(Action::HistoryForward);
    app.update(Action::HistoryForward);
    assert_eq!(app.finder.query, "abc", "back to what was typed");
    let (_, q) = app.take_search_request().expect("a recalled query is searched");
    assert_eq!(q, "abc");
}

#[test]
fn the_selection_stays_within_the_results_and_on_screen() {
    let mut app = App::new(80, 12);
    let docs = load_samples();
    let arcs: Vec<_> = docs.iter().cloned().map(Arc::new).collect();
    docs.into_iter().for_each(|d| app.add_document(d));
    app.set_index(Arc::new(Index::build(&arcs)));
    find(&mut app, "xzfy");
    let n = app.finder.hits().len();
    for _ in 0..n + 5 {
        app.update(Action::Down);
    }
    assert_eq!(app.finder.selected, n - 1);
    let rows = usize::from(app.finder_layout().list.height);
    assert!(
        app.finder.selected < app.finder.offset + rows && app.finder.selected >= app.finder.offset
    );
    app.update(Action::PageUp);
    app.update(Action::Up);
    assert!(app.finder.selected < n - 1);
}

#[test]
fn a_click_selects_a_result_and_a_second_click_opens_it() {
    let mut app = app();
    find(&mut app, "xzfy");
    let list = app.finder_layout().list;
    app.update(Action::Click(list.x + 2, list.y + 2));
    assert_eq!(app.finder.selected, 2);
    assert!(app.finder.open);
    app.update(Action::Wheel(list.x, list.y, true));
    assert_eq!(app.finder.selected, 5);
    app.update(Action::Click(list.x + 2, list.y + 5));
    assert!(!app.finder.open, "a click on the selected result opens it");
    assert_eq!(highlighted(&app), "行政复议");
}

#[test]
fn the_finder_opened_over_the_metrics_table_returns_to_it() {
    let mut app = app();
    app.update(Action::OpenMetrics);
    assert_eq!(app.focus, Focus::Metrics);
    find(&mut app, "xzfy");
    app.update(Action::Close);
    assert_eq!(app.focus, Focus::Metrics, "Esc goes back to the table");
    find(&mut app, "xzfy");
    app.update(Action::Open);
    assert_eq!(app.focus, Focus::Reader, "Enter shows the hit in the reader");
    assert_eq!(highlighted(&app), "行政复议");
    app.update(Action::Close);
    assert_eq!(app.highlight, None, "Esc in the reader clears the highlight");
}
