//! Update tests for remembered places, bookmarks and watched documents.

use super::*;
use crate::doc::Format;

fn doc(name: &str, n: usize) -> Document {
    let lines: Vec<String> = (1..=n).map(|i| format!("{name}第{i}行正文。")).collect();
    let mut d = Document::new(name, "UTF-8", Format::Text, lines.join("\n"));
    d.card.body_first_line = 1;
    d.card.body_last_line = d.line_count();
    d
}

fn key(d: &Document) -> Option<DocKey> {
    Some(DocKey::bundled(&d.path, d.text()))
}

fn app_with(store: Places, names: &[&str]) -> App {
    let mut app = App::new(100, 20);
    app.set_places(store, Vec::new());
    for name in names {
        let d = doc(name, 80);
        let k = key(&d);
        app.add_keyed_document(d, k);
    }
    app
}

fn top_line(app: &App) -> usize {
    app.reader.line().unwrap_or(0)
}

#[test]
fn the_position_and_the_document_read_last_come_back() {
    let mut app = app_with(Places::default(), &["a.txt", "b.txt"]);
    app.update(Action::NextDoc);
    for _ in 0..7 {
        app.update(Action::Down);
    }
    assert_eq!((app.reader.doc, top_line(&app)), (1, 8));
    app.update(Action::PrevDoc);
    app.update(Action::Down);
    app.update(Action::NextDoc);
    app.remember();

    let again = app_with(app.places.store.clone(), &["a.txt", "b.txt"]);
    assert_eq!(again.reader.doc, 1, "the document read last is reopened");
    assert_eq!(top_line(&again), 8, "at the line it was left");
    assert_eq!(again.outline.selected_node().map(|n| n.doc), Some(1));
    let mut again = again;
    again.update(Action::PrevDoc);
    assert_eq!(top_line(&again), 2, "the other document also opens where it was left");
}

#[test]
fn an_edited_document_starts_at_the_top() {
    let mut app = app_with(Places::default(), &["a.txt"]);
    app.update(Action::PageDown);
    assert!(top_line(&app) > 1);
    app.remember();
    let mut again = App::new(100, 20);
    again.set_places(app.places.store.clone(), Vec::new());
    let mut edited = doc("a.txt", 81);
    edited.card.body_last_line = edited.line_count();
    let k = key(&edited);
    again.add_keyed_document(edited, k);
    assert_eq!(top_line(&again), 1);
}

#[test]
fn a_document_loaded_after_the_user_moved_does_not_take_over() {
    let mut app = app_with(Places::default(), &["a.txt", "b.txt"]);
    app.update(Action::NextDoc);
    app.remember();
    let mut again = app_with(app.places.store.clone(), &["a.txt"]);
    again.update(Action::Down);
    let d = doc("b.txt", 80);
    let k = key(&d);
    again.add_keyed_document(d, k);
    assert_eq!((again.reader.doc, top_line(&again)), (0, 2));
}

#[test]
fn b_toggles_a_bookmark_and_quote_lists_and_jumps() {
    let mut app = app_with(Places::default(), &["a.txt", "b.txt"]);
    app.update(Action::Top);
    for _ in 0..4 {
        app.update(Action::Down);
    }
    app.update(Action::ToggleBookmark);
    assert_eq!(app.note, Some(Note::BookmarkSet(5)));
    assert!(app.is_bookmarked(0, 5));
    assert!(app.take_save_request(), "a bookmark is saved at once");
    app.update(Action::NextDoc);
    app.update(Action::PageDown);
    let line_b = top_line(&app);
    app.update(Action::ToggleBookmark);

    app.update(Action::OpenBookmarks);
    assert!(app.marks.open);
    let listed: Vec<(usize, usize)> = app.marks.entries.iter().map(|e| (e.doc, e.line)).collect();
    assert_eq!(listed, [(0, 5), (1, line_b)]);
    assert_eq!(app.marks.entries[0].label, "a.txt第5行正文。");
    app.update(Action::Up);
    app.update(Action::Open);
    assert!(!app.marks.open);
    assert_eq!((app.reader.doc, top_line(&app)), (0, 5));

    // b again removes it; d deletes from the list.
    app.update(Action::ToggleBookmark);
    assert_eq!(app.note, Some(Note::BookmarkRemoved(5)));
    app.update(Action::OpenBookmarks);
    assert_eq!(app.marks.entries.len(), 1);
    app.update(Action::DeleteBookmark);
    assert!(!app.marks.open, "the list closes when empty");
    app.update(Action::OpenBookmarks);
    assert_eq!(app.note, Some(Note::NoBookmarks));
}

#[test]
fn the_list_has_the_keys_while_open() {
    let mut app = app_with(Places::default(), &["a.txt"]);
    app.update(Action::ToggleBookmark);
    app.update(Action::OpenBookmarks);
    app.update(Action::NextHeading);
    app.update(Action::PageDown);
    assert_eq!(top_line(&app), 1, "reader keys do nothing under the list");
    app.update(Action::Close);
    assert!(!app.marks.open);
}

#[test]
fn a_changed_document_keeps_the_reading_line_and_an_added_one_joins_in_path_order() {
    let mut app = app_with(Places::default(), &["a.txt", "c.txt"]);
    for _ in 0..9 {
        app.update(Action::Down);
    }
    let changed = doc("a.txt", 90);
    let k = key(&changed);
    app.upsert_document(changed, k);
    assert_eq!(app.docs[0].line_count(), 90);
    assert_eq!((app.reader.doc, top_line(&app)), (0, 10));

    let added = doc("b.txt", 5);
    let k = key(&added);
    app.upsert_document(added, k);
    let paths: Vec<&str> = app.docs.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["a.txt", "b.txt", "c.txt"]);
    assert_eq!((app.reader.doc, top_line(&app)), (0, 10));
    let roots: Vec<usize> =
        app.outline.nodes.iter().filter(|n| n.heading.is_none()).map(|n| n.doc).collect();
    assert_eq!(roots, [0, 1, 2]);

    // Shrunk below the reading line: clamped to the end.
    let shrunk = doc("a.txt", 3);
    let k = key(&shrunk);
    app.upsert_document(shrunk, k);
    assert!(top_line(&app) <= 3);
}

#[test]
fn removing_the_document_read_moves_to_its_neighbour() {
    let mut app = app_with(Places::default(), &["a.txt", "b.txt", "c.txt"]);
    app.update(Action::NextDoc);
    app.update(Action::NextDoc);
    app.update(Action::PrevDoc);
    app.update(Action::Down);
    app.remove_document("a.txt");
    assert_eq!(app.docs.len(), 2);
    assert_eq!((app.reader.doc, top_line(&app)), (0, 2), "still b.txt where it was");
    app.remove_document("b.txt");
    assert_eq!(app.current_doc().map(|d| d.path.as_str()), Some("c.txt"));
    assert_eq!(app.note, Some(Note::DocRemoved));
    app.remove_document("c.txt");
    assert!(app.docs.is_empty());
    assert!(app.outline.nodes.is_empty());
}

#[test]
fn a_set_aside_places_file_is_said_in_the_messages() {
    let mut app = App::new(100, 20);
    app.set_places(Places::default(), vec!["places.json: not valid JSON; set aside".into()]);
    assert!(app.messages_open);
    assert_eq!(app.messages.len(), 1);
    let mut quiet = App::new(100, 20);
    quiet.set_places(Places::default(), Vec::new());
    assert!(!quiet.messages_open);
}

#[test]
fn the_finder_history_is_kept_with_the_places() {
    let mut app = app_with(Places::default(), &["a.txt"]);
    app.finder.history = vec!["xzfy".into(), "复议".into()];
    app.remember();
    assert_eq!(app.places.store.history(), ["xzfy", "复议"], "most recent first, as the finder");
}

#[test]
fn places_are_saved_when_the_user_moves_to_another_document() {
    let mut app = app_with(Places::default(), &["a.txt", "b.txt"]);
    assert!(!app.take_save_request(), "nothing to save before the user moves");
    app.update(Action::Down);
    assert!(app.take_save_request(), "the first move settles the document read");
    app.update(Action::Down);
    assert!(!app.take_save_request(), "scrolling alone does not write");
    app.update(Action::NextDoc);
    assert!(app.take_save_request());
    assert!(!app.take_save_request());
}
