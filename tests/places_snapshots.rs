//! Snapshots of the bookmark list and the bookmark mark in the reader, on the bundled samples.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongwen::app::{Action, App};
use gongwen::doc::load::load_samples;
use gongwen::store::{DocKey, Places};
use gongwen::ui::{render, Theme};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;

#[path = "support/screen.rs"]
mod screen;
use screen::text;

fn samples_app(w: u16, h: u16) -> App {
    let mut app = App::new(w, h);
    app.set_places(Places::default(), Vec::new());
    for d in load_samples() {
        let key = DocKey::bundled(&d.path, d.text());
        app.add_keyed_document(d, Some(key));
    }
    app.set_progress(None);
    app
}

fn draw(app: &App) -> Buffer {
    let (w, h) = (app.geometry.status.width, app.geometry.status.y + 1);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(app, &Theme::default(), f)).unwrap();
    t.backend().buffer().clone()
}

/// Two bookmarks in the first sample, one in the second.
fn bookmarked(w: u16, h: u16) -> App {
    let mut app = samples_app(w, h);
    app.update(Action::NextHeading);
    app.update(Action::ToggleBookmark);
    app.update(Action::NextHeading);
    app.update(Action::Down);
    app.update(Action::ToggleBookmark);
    app.update(Action::NextDoc);
    app.update(Action::NextHeading);
    app.update(Action::ToggleBookmark);
    app.update(Action::PrevDoc);
    app
}

#[test]
fn the_bookmark_list_at_80x24() {
    let mut app = bookmarked(80, 24);
    app.update(Action::OpenBookmarks);
    app.update(Action::Down);
    insta::assert_snapshot!(text(&draw(&app)));
}

#[test]
fn bookmarked_lines_are_marked_left_of_the_text() {
    let mut app = bookmarked(100, 30);
    app.update(Action::Top);
    let buf = draw(&app);
    let x = app.geometry.text.x - 1;
    let marked: Vec<u16> = (0..buf.area.height).filter(|&y| buf[(x, y)].symbol() == "*").collect();
    assert_eq!(marked.len(), 2, "two bookmarks on the first screen:\n{}", text(&buf));
    // Removing one removes its mark.
    app.update(Action::OpenBookmarks);
    app.update(Action::DeleteBookmark);
    app.update(Action::Close);
    let buf = draw(&app);
    let marked = (0..buf.area.height).filter(|&y| buf[(x, y)].symbol() == "*").count();
    assert_eq!(marked, 1);
}
