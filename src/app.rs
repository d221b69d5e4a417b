//! The reader's state and its update function: `App::update(Action)` is synchronous, does no
//! I/O and knows nothing of the terminal, so the whole reader can be driven by tests.
//!
//! Documents, load errors and progress arrive through [`App::add_document`],
//! [`App::add_error`] and [`App::set_progress`]; the event loop in `term` calls them.

use std::sync::Arc;

mod action;
pub mod compare;
pub mod finder;
pub mod geometry;
pub mod metrics;
pub mod outline;
pub mod places;
pub mod reader;
pub mod rows;
mod views;

pub use action::{Action, Note};

use crate::doc::{Document, LoadError};
use compare::CompareState;
use finder::FinderState;
use geometry::Geometry;
use metrics::MetricsState;
use outline::OutlineState;
use places::{MarkList, Remembered};
use reader::ReaderState;

/// Which pane receives movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The outline tree.
    Outline,
    /// The reading pane.
    #[default]
    Reader,
    /// The metrics table (over both panes); typing edits its filter.
    Metrics,
    /// The comparison of one kind of metric (over both panes); typing edits its label.
    Compare,
}

impl Focus {
    /// Every focus, for tests over all of them.
    pub const ALL: [Focus; 4] = [Focus::Outline, Focus::Reader, Focus::Metrics, Focus::Compare];

    /// Whether typed characters edit a line (the metrics filter, the compare label).
    pub fn takes_text(self) -> bool {
        matches!(self, Focus::Metrics | Focus::Compare)
    }
}

/// A span of a document line to show as the current hit (a metric jumped to, a search hit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    /// Index of the document.
    pub doc: usize,
    /// The 1-based line.
    pub line: usize,
    /// The bytes of that line.
    pub range: std::ops::Range<usize>,
}

/// Loading progress: documents done (loaded or failed) out of the total found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Paths done.
    pub done: usize,
    /// Paths found (0 while the folders are still being listed).
    pub total: usize,
}

/// Rows the mouse wheel scrolls.
const WHEEL_ROWS: isize = 3;

/// The whole reader state.
#[derive(Debug, Clone, Default)]
pub struct App {
    /// The documents loaded so far, in load order.
    pub docs: Vec<Arc<Document>>,
    /// Which pane has the keys.
    pub focus: Focus,
    /// The reading pane.
    pub reader: ReaderState,
    /// The outline tree.
    pub outline: OutlineState,
    /// Where the panes are.
    pub geometry: Geometry,
    /// Whether the key help is shown.
    pub help: bool,
    /// Load errors, as `path: reason`.
    pub messages: Vec<String>,
    /// Whether the message list is shown.
    pub messages_open: bool,
    /// A transient note for the status line.
    pub note: Option<Note>,
    /// The metrics table.
    pub metrics: MetricsState,
    /// The compare view.
    pub compare: CompareState,
    /// The finder.
    pub finder: FinderState,
    /// The span the reader shows as the current hit.
    pub highlight: Option<Highlight>,
    /// Loading progress; `None` once everything is loaded.
    pub progress: Option<Progress>,
    /// Set when the user quits.
    pub quit: bool,
    /// Reading positions and bookmarks remembered between runs.
    pub places: Remembered,
    /// The bookmark list popup.
    pub marks: MarkList,
    size: (u16, u16),
}

impl App {
    /// An empty reader for a `width`×`height` terminal.
    pub fn new(width: u16, height: u16) -> App {
        let mut app = App::default();
        app.update(Action::Resize(width, height));
        app
    }

    /// Adds a loaded document; the first one opens in the reader. Its load warnings join the
    /// message list (without opening it).
    /// Shared with the search index (`Arc`), so a document is held once.
    pub fn add_document(&mut self, doc: impl Into<Arc<Document>>) {
        let doc = doc.into();
        for w in &doc.warnings {
            self.messages.push(format!("{}: warning: {w}", doc.path));
        }
        self.outline.push_doc(&doc, self.docs.is_empty());
        self.docs.push(doc);
        if self.docs.len() == 1 {
            self.reader.goto(&self.docs, 0, 0);
            self.follow();
        }
        if let Some(p) = &mut self.progress {
            p.done += 1;
        }
        match self.focus {
            Focus::Metrics => self.metrics.refresh(&self.docs),
            Focus::Compare => self.compare.refresh(&self.docs),
            _ => {}
        }
        self.sync();
    }

    /// Adds a load error to the message list (shown until dismissed).
    pub fn add_error(&mut self, err: &LoadError) {
        self.messages.push(err.to_string());
        self.messages_open = true;
        if let Some(p) = &mut self.progress {
            p.done += 1;
        }
    }

    /// Loading has found `total` paths (`Some`) or has finished (`None`).
    pub fn set_progress(&mut self, total: Option<usize>) {
        self.progress =
            total.map(|total| Progress { done: self.progress.map_or(0, |p| p.done), total });
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        self.note = None;
        if !matches!(action, Action::Resize(..)) {
            self.places.touched = true;
        }
        if self.help && !matches!(action, Action::Quit | Action::Resize(..)) {
            if matches!(action, Action::ToggleHelp | Action::Close) {
                self.help = false;
            }
            return;
        }
        if self.marks.open && !matches!(action, Action::Quit | Action::Resize(..)) {
            self.marks_action(action);
            self.sync();
            return;
        }
        if self.finder.open && !matches!(action, Action::Quit | Action::Resize(..)) {
            self.finder_action(action);
            self.sync();
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::OpenBookmarks => self.open_marks(),
            Action::ToggleHelp => self.help = true,
            Action::Close if self.messages_open => self.messages_open = false,
            Action::Close => self.close_view(),
            Action::ShowMessages => self.messages_open = !self.messages.is_empty(),
            Action::SwitchFocus => {
                self.focus = match self.focus {
                    Focus::Outline => Focus::Reader,
                    Focus::Reader => Focus::Outline,
                    other => other,
                };
            }
            Action::OpenFinder => self.open_finder(),
            Action::NextHit | Action::PrevHit => self.step_hit(action == Action::NextHit),
            Action::Resize(w, h) => self.size = (w, h),
            _ if self.focus.takes_text() => self.view_action(action),
            Action::Wheel(x, y, down) => self.wheel(x, y, down),
            Action::Click(x, y) => self.click(x, y),
            Action::OpenMetrics => self.open_metrics(),
            Action::OpenCompare => self.compare_on_screen(),
            _ if self.focus == Focus::Outline => self.outline_action(action),
            _ => self.reader_action(action),
        }
        self.sync();
    }

    /// Actions on the outline tree (the reader-wide ones still go to the reader).
    fn outline_action(&mut self, action: Action) {
        let page = self.geometry.list.height.max(1) as isize;
        let o = &mut self.outline;
        match action {
            Action::Down => o.move_by(1),
            Action::Up => o.move_by(-1),
            Action::HalfPageDown => o.move_by(page / 2),
            Action::HalfPageUp => o.move_by(-page / 2),
            Action::PageDown => o.move_by(page),
            Action::PageUp => o.move_by(-page),
            Action::Top => o.to_end(false),
            Action::Bottom => o.to_end(true),
            Action::Collapse => o.collapse(&self.docs),
            Action::Expand => o.expand(&self.docs),
            Action::ToggleNode => o.toggle(&self.docs),
            Action::Open => self.open_selected(),
            _ => self.reader_action(action),
        }
    }

    /// Actions on the reading pane.
    fn reader_action(&mut self, action: Action) {
        let page = self.reader.height.max(1) as isize;
        let r = &mut self.reader;
        match action {
            Action::Down => r.scroll(1),
            Action::Up => r.scroll(-1),
            Action::HalfPageDown => r.scroll((page / 2).max(1)),
            Action::HalfPageUp => r.scroll(-(page / 2).max(1)),
            Action::PageDown => r.scroll((page - 1).max(1)),
            Action::PageUp => r.scroll(-(page - 1).max(1)),
            Action::Top => r.to_end(false),
            Action::Bottom => r.to_end(true),
            Action::NextHeading | Action::PrevHeading => {
                if !r.jump_heading(&self.docs, action == Action::NextHeading) {
                    self.note = Some(Note::NoMore);
                }
            }
            Action::NextDoc | Action::PrevDoc => {
                let next = if action == Action::NextDoc {
                    Some(r.doc + 1).filter(|&d| d < self.docs.len())
                } else {
                    r.doc.checked_sub(1)
                };
                match next {
                    Some(d) => {
                        r.resume(&self.docs, d);
                        self.outline.open_doc(&self.docs, d);
                    }
                    None => self.note = Some(Note::NoMore),
                }
            }
            Action::ToggleRaw => r.toggle_mode(&self.docs),
            _ => return,
        }
        self.follow();
    }

    /// Shows the selected outline node in the reader.
    fn open_selected(&mut self) {
        let Some(node) = self.outline.selected_node() else { return };
        match node.heading {
            Some(k) => self.reader.goto_heading(&self.docs, node.doc, k),
            None => self.reader.goto(&self.docs, node.doc, 0),
        }
        if self.geometry.single_pane() {
            self.focus = Focus::Reader;
        }
    }

    /// Selects in the outline the heading at the reading position.
    fn follow(&mut self) {
        let heading = self.reader.heading(&self.docs);
        self.outline.select(&self.docs, self.reader.doc, heading);
    }

    /// The wheel scrolls the pane under the pointer.
    fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let delta = if down { WHEEL_ROWS } else { -WHEEL_ROWS };
        if self.geometry.outline.contains(x, y) {
            self.outline.move_by(delta);
        } else if self.geometry.reader.contains(x, y) {
            self.reader.scroll(delta);
            self.follow();
        }
    }

    /// A click on an outline row selects it and opens it; a click on the reader focuses it.
    fn click(&mut self, x: u16, y: u16) {
        let list = self.geometry.list;
        if list.contains(x, y) {
            let i = self.outline.offset + usize::from(y - list.y);
            if i < self.outline.nodes.len() {
                self.focus = Focus::Outline;
                self.outline.selected = i;
                self.open_selected();
            }
        } else if self.geometry.reader.contains(x, y) {
            self.focus = Focus::Reader;
        }
    }

    /// Brings derived state up to date: pane geometry, wrap width, outline scroll.
    fn sync(&mut self) {
        let (w, h) = self.size;
        self.geometry = Geometry::new(w, h, self.focus == Focus::Outline);
        let text = self.geometry.text;
        self.reader.set_size(&self.docs, text.width.into(), text.height.into());
        self.reader.ensure(&self.docs);
        self.outline.scroll_into_view(self.geometry.list.height.into());
        let rows = usize::from(self.geometry.view_list.height);
        self.metrics.scroll_into_view(rows);
        self.compare.scroll_into_view(rows);
        let rows = self.finder_layout().list.height;
        self.finder.scroll_into_view(rows.into());
    }

    /// The document in the reader.
    pub fn current_doc(&self) -> Option<&Document> {
        self.docs.get(self.reader.doc).map(|d| &**d)
    }
}

#[cfg(test)]
mod tests;
