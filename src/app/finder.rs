//! The finder's state: the query line, the newest results, the selection, the history, and the
//! last search that `n`/`N` step through in the reader.
//!
//! # Who owns what
//!
//! The query *editing* (Emacs keys, undo, kill and yank) belongs to a `tui-textarea` owned by
//! `term`, which depends on the terminal crates; this module stays pure. After every key the
//! text area handles, `term` hands the new text and caret to [`App::set_finder_query`]. The app
//! is the source of truth: when it changes the query itself (history recall), `term` sees that
//! the text area differs from [`FinderState::query`] and resets it. The view draws the query
//! line from this state and puts the real terminal cursor at [`FinderState::caret`].
//!
//! Searching is an effect: a changed query bumps [`FinderState::generation`] and leaves a
//! request that `term` takes with [`App::take_search_request`] and submits to the search
//! worker; results come back through [`App::finder_results`], and any generation but the
//! newest is dropped, so a slow stale search never overwrites a newer one.

use std::fmt;
use std::sync::Arc;

use crate::search::{Hit, Index, Query, Results};

/// Hits asked of the worker per query.
pub const RESULT_LIMIT: usize = 500;

mod jump;
mod layout;

pub use jump::hit_range;
pub use layout::{FinderLayout, PREVIEW_MIN_WIDTH};

/// Where the reader was when the finder opened, to go back there on Esc.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Saved {
    doc: usize,
    anchor: Option<(usize, usize)>,
    mode: super::rows::Mode,
    focus: super::Focus,
    highlight: Option<super::Highlight>,
}

/// The search that `n` and `N` step through.
#[derive(Debug, Clone)]
pub struct LastSearch {
    /// The parsed query (for highlighting).
    pub query: Arc<Query>,
    /// Its hits, best first.
    pub hits: Vec<Hit>,
    /// The hit shown now.
    pub current: usize,
}

/// The finder's state.
#[derive(Clone, Default)]
pub struct FinderState {
    /// Whether the finder is shown (it then receives the keys).
    pub open: bool,
    /// The query line.
    pub query: String,
    /// Characters before the caret.
    pub caret: usize,
    /// Increased with every change of the query; results of older ones are dropped.
    pub generation: u64,
    /// The newest results (for `generation`, or the last ones while a newer query runs).
    pub results: Option<Results>,
    /// The selected result.
    pub selected: usize,
    /// The first result row on screen.
    pub offset: usize,
    /// Past queries, newest first.
    pub history: Vec<String>,
    /// The history entry recalled, if any.
    history_pos: Option<usize>,
    /// What was typed before recalling history.
    draft: String,
    /// The search index, once built (documents still loading are not in it yet).
    pub index: Option<Arc<Index>>,
    /// The search `term` should submit next.
    request: Option<(u64, String)>,
    saved: Option<Saved>,
    /// The last search opened with Enter, for `n`/`N`.
    pub last: Option<LastSearch>,
}

impl fmt::Debug for FinderState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FinderState")
            .field("open", &self.open)
            .field("query", &self.query)
            .field("generation", &self.generation)
            .field("selected", &self.selected)
            .field("indexed", &self.index.as_ref().map(|i| i.docs().len()))
            .finish_non_exhaustive()
    }
}

impl FinderState {
    /// The hits of the newest results (empty before any).
    pub fn hits(&self) -> &[Hit] {
        self.results.as_ref().map_or(&[], |r| &r.hits)
    }

    /// The parsed query of the results shown.
    pub fn shown_query(&self) -> Option<&Arc<Query>> {
        self.results.as_ref().and_then(|r| r.query.as_ref().ok())
    }

    /// Whether the results shown are for the query as typed now.
    pub fn current(&self) -> bool {
        self.results.as_ref().is_some_and(|r| r.generation == self.generation)
    }

    /// Moves the selection by `delta`, within the hits.
    pub fn move_by(&mut self, delta: isize) {
        let n = self.hits().len();
        if n == 0 {
            return;
        }
        self.selected = self.selected.saturating_add_signed(delta).min(n - 1);
    }

    /// Keeps the selection among the `rows` rows on screen.
    pub fn scroll_into_view(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
    }

    /// Replaces the query (a new generation; the search is requested).
    fn replace(&mut self, text: String) {
        if text == self.query {
            return;
        }
        self.caret = text.chars().count();
        self.query = text;
        self.changed();
    }

    /// The query changed: new generation, selection back to the top, search requested.
    fn changed(&mut self) {
        self.generation += 1;
        self.selected = 0;
        self.offset = 0;
        self.request = Some((self.generation, self.query.clone()));
    }

    /// Recalls an older (`back`) or newer history entry; past the newest, the draft returns.
    pub fn recall(&mut self, back: bool) {
        let pos = match (self.history_pos, back) {
            (None, true) if !self.history.is_empty() => {
                self.draft = self.query.clone();
                Some(0)
            }
            (None, _) => return,
            (Some(p), true) => Some((p + 1).min(self.history.len().saturating_sub(1))),
            (Some(0), false) => None,
            (Some(p), false) => Some(p - 1),
        };
        let text = match pos {
            Some(p) => self.history.get(p).cloned().unwrap_or_default(),
            None => std::mem::take(&mut self.draft),
        };
        self.replace(text);
        self.history_pos = pos;
    }

    /// Puts `query` first in the history (once).
    pub fn remember(&mut self, query: &str) {
        let q = query.trim();
        if q.is_empty() {
            return;
        }
        self.history.retain(|h| h != q);
        self.history.insert(0, q.to_string());
        self.history.truncate(HISTORY_LIMIT);
    }
}

/// Queries kept in the history (as many as the store keeps).
const HISTORY_LIMIT: usize = crate::store::places::HISTORY_LIMIT;

/// The generation and query of a search to run.
pub type Request = (u64, String);

impl super::App {
    /// `/` or Ctrl-p: opens the finder over the reader, remembering where the reader is.
    pub(super) fn open_finder(&mut self) {
        let anchor = self.reader.rows().and_then(|r| r.anchor(self.reader.top));
        self.finder.saved = Some(Saved {
            doc: self.reader.doc,
            anchor,
            mode: self.reader.mode,
            focus: self.focus,
            highlight: self.highlight.clone(),
        });
        self.finder.open = true;
        self.finder.history_pos = None;
        if !self.finder.query.is_empty() && !self.finder.current() {
            self.finder.changed();
        }
    }

    /// The query line as edited now, and the caret (in characters).
    pub fn set_finder_query(&mut self, text: &str, caret: usize) {
        let f = &mut self.finder;
        f.caret = caret.min(text.chars().count());
        if text != f.query {
            f.query = text.to_string();
            f.history_pos = None;
            f.changed();
        }
    }

    /// The search index is ready (built off the UI thread); a query typed before runs now.
    pub fn set_index(&mut self, index: Arc<Index>) {
        self.finder.index = Some(index);
        if !self.finder.query.is_empty() {
            self.finder.changed();
        }
    }

    /// The search to submit, once an index is there; an empty query clears the results.
    pub fn take_search_request(&mut self) -> Option<Request> {
        self.finder.index.as_ref()?;
        let (generation, text) = self.finder.request.take()?;
        if text.trim().is_empty() {
            self.finder.results = None;
            return None;
        }
        Some((generation, text))
    }

    /// Results from the worker; false (and ignored) when a newer query has been typed since.
    pub fn finder_results(&mut self, results: Results) -> bool {
        if results.generation != self.finder.generation {
            return false;
        }
        self.finder.results = Some(results);
        let n = self.finder.hits().len();
        self.finder.selected = self.finder.selected.min(n.saturating_sub(1));
        true
    }

    /// Keys while the finder is open.
    pub(super) fn finder_action(&mut self, action: super::Action) {
        use super::Action;
        let list = self.finder_layout().list;
        let page = list.height.max(1) as isize;
        let f = &mut self.finder;
        match action {
            Action::Wheel(_, _, down) => f.move_by(if down { 3 } else { -3 }),
            // A click selects a result; a click on the selected one opens it.
            Action::Click(x, y) if list.contains(x, y) => {
                let i = f.offset + usize::from(y - list.y);
                if i == f.selected {
                    self.open_hit();
                } else if i < f.hits().len() {
                    f.selected = i;
                }
            }
            Action::Down => f.move_by(1),
            Action::Up => f.move_by(-1),
            Action::PageDown => f.move_by(page),
            Action::PageUp => f.move_by(-page),
            Action::HistoryBack => f.recall(true),
            Action::HistoryForward => f.recall(false),
            Action::Open => self.open_hit(),
            Action::Close => self.close_finder(),
            _ => {}
        }
    }

    /// Where the finder is drawn now.
    pub fn finder_layout(&self) -> FinderLayout {
        FinderLayout::new(self.size.0, self.size.1)
    }

    /// Esc: closes the finder and puts the reader back exactly where it was.
    fn close_finder(&mut self) {
        self.finder.open = false;
        let Some(s) = self.finder.saved.take() else { return };
        self.reader.doc = s.doc;
        self.reader.mode = s.mode;
        self.reader.ensure(&self.docs);
        self.reader.top = match (s.anchor, self.reader.rows()) {
            (Some((line, byte)), Some(rows)) => rows.row_of(line, byte),
            _ => 0,
        };
        self.focus = s.focus;
        self.highlight = s.highlight;
        self.follow();
    }
}

#[cfg(test)]
mod tests;
