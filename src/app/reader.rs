//! The reading pane's state: which document, which mode, the top row, and the wrapped rows
//! cached per (document, width, mode) so that scrolling and heading jumps stay exact.

use std::sync::Arc;

use std::collections::HashMap;

use super::rows::{Mode, Rows};
use crate::doc::Document;
use crate::outline::Heading;

/// How many wrapped documents to keep before the cache is emptied.
const CACHE_LIMIT: usize = 8;

/// The reading pane's state.
#[derive(Debug, Clone, Default)]
pub struct ReaderState {
    /// Index of the document shown.
    pub doc: usize,
    /// The first row on screen.
    pub top: usize,
    /// Cleaned text or the original file.
    pub mode: Mode,
    /// Text columns.
    pub width: usize,
    /// Text rows.
    pub height: usize,
    cache: HashMap<(usize, usize, Mode), Rows>,
    /// Where each document was left: `(line, byte)` at the top.
    places: HashMap<usize, (usize, usize)>,
}

impl ReaderState {
    /// The rows of the current document at the current width (after [`Self::ensure`]).
    pub fn rows(&self) -> Option<&Rows> {
        self.cache.get(&(self.doc, self.width, self.mode))
    }

    /// Wraps the current document if it is not cached yet.
    pub fn ensure(&mut self, docs: &[Arc<Document>]) {
        let key = (self.doc, self.width, self.mode);
        if self.width == 0 || self.cache.contains_key(&key) {
            return;
        }
        let Some(doc) = docs.get(self.doc) else { return };
        if self.cache.len() >= CACHE_LIMIT {
            self.cache.clear();
        }
        self.cache.insert(key, Rows::build(doc, self.width, self.mode));
    }

    /// Number of rows of the current document (0 before it is wrapped).
    pub fn total(&self) -> usize {
        self.rows().map_or(0, Rows::len)
    }

    /// The largest top row that still fills the screen.
    fn max_top(&self) -> usize {
        self.total().saturating_sub(self.height.max(1))
    }

    /// Scrolls by `delta` rows, never down past the last full screen (a heading jump may have
    /// put the top beyond it; scrolling down then stays put).
    pub fn scroll(&mut self, delta: isize) {
        let max = self.max_top();
        if delta < 0 {
            self.top = self.top.saturating_sub(delta.unsigned_abs());
        } else if self.top < max {
            self.top = (self.top + delta.unsigned_abs()).min(max);
        }
    }

    /// Goes to the first or the last screen.
    pub fn to_end(&mut self, last: bool) {
        self.top = if last { self.max_top() } else { 0 };
    }

    /// Resizes the text area, keeping the same text at the top.
    pub fn set_size(&mut self, docs: &[Arc<Document>], width: usize, height: usize) {
        if width == 0 || height == 0 {
            return; // the pane is hidden or squashed: keep the last layout
        }
        let anchor = self.rows().and_then(|r| r.anchor(self.top));
        self.width = width;
        self.height = height;
        self.ensure(docs);
        if let (Some((line, byte)), Some(rows)) = (anchor, self.rows()) {
            self.top = rows.row_of(line, byte);
        }
    }

    /// Switches between cleaned text and the original file, keeping the line at the top (from
    /// the top of the text, the other text is shown from its own top).
    pub fn toggle_mode(&mut self, docs: &[Arc<Document>]) {
        let anchor =
            if self.top == 0 { None } else { self.rows().and_then(|r| r.anchor(self.top)) };
        self.mode = match self.mode {
            Mode::Clean => Mode::Raw,
            Mode::Raw => Mode::Clean,
        };
        self.ensure(docs);
        self.top = match (anchor, self.rows()) {
            (Some((line, byte)), Some(rows)) => rows.row_of(line, byte),
            _ => 0,
        };
    }

    /// Opens document `doc` where it was last left (its top the first time).
    pub fn resume(&mut self, docs: &[Arc<Document>], doc: usize) {
        let place = self.places.get(&doc).copied();
        self.goto(docs, doc, 0);
        if let (Some((line, byte)), Some(rows)) = (place, self.rows()) {
            self.top = rows.row_of(line, byte);
        }
    }

    /// Opens document `doc` at line `line` (1-based; 0 for the top).
    pub fn goto(&mut self, docs: &[Arc<Document>], doc: usize, line: usize) {
        if let Some(anchor) = self.rows().and_then(|r| r.anchor(self.top)) {
            self.places.insert(self.doc, anchor);
        }
        self.doc = doc;
        self.ensure(docs);
        self.top = match self.rows() {
            Some(rows) if line > 0 => rows.row_of_line(line),
            _ => 0,
        };
    }

    /// Where document `doc` is, or was left: the `(line, byte)` at the top.
    pub fn place(&self, doc: usize) -> Option<(usize, usize)> {
        if doc == self.doc {
            if let Some(anchor) = self.rows().and_then(|r| r.anchor(self.top)) {
                return Some(anchor);
            }
        }
        self.places.get(&doc).copied()
    }

    /// Sets where document `doc` was left (it opens there next time it is shown).
    pub fn set_place(&mut self, doc: usize, place: (usize, usize)) {
        self.places.insert(doc, place);
    }

    /// After the documents changed (reloaded, added, removed): forgets the wrapped rows,
    /// renumbers the places by `map` (old index → new one, `None` when gone), and shows
    /// `doc` (a new index) at its place, the same source line and byte clamped to the new text.
    pub fn renumber(
        &mut self,
        docs: &[Arc<Document>],
        map: impl Fn(usize) -> Option<usize>,
        doc: usize,
    ) {
        let current = self.place(self.doc);
        let mut places: HashMap<usize, (usize, usize)> =
            self.places.drain().filter_map(|(d, p)| Some((map(d)?, p))).collect();
        if let (Some(p), Some(d)) = (current, map(self.doc)) {
            places.insert(d, p);
        }
        self.places = places;
        self.cache.clear();
        self.doc = doc;
        self.ensure(docs);
        let place = self.places.get(&doc).copied();
        self.top = match (place, self.rows()) {
            (Some((line, byte)), Some(rows)) => rows.row_of(line, byte),
            _ => 0,
        };
    }

    /// The document line at the top of the screen.
    pub fn line(&self) -> Option<usize> {
        self.rows().and_then(|r| r.rows.get(self.top)).map(|r| r.line)
    }

    /// Opens document `doc` at its heading `k` (the row where the heading starts, also inside a
    /// run-together line).
    pub fn goto_heading(&mut self, docs: &[Arc<Document>], doc: usize, k: usize) {
        let line = docs.get(doc).and_then(|d| d.headings.get(k)).map_or(0, |h| h.line);
        self.goto(docs, doc, line);
        if let Some(rows) = self.rows() {
            if let Some(&byte) = rows.heading_bytes.get(k) {
                self.top = rows.row_of(line, byte);
            }
        }
    }

    /// Moves to the next (or previous) heading shown in this mode; false when there is none.
    pub fn jump_heading(&mut self, docs: &[Arc<Document>], forward: bool) -> bool {
        let (Some(doc), Some(rows)) = (docs.get(self.doc), self.rows()) else { return false };
        let shown = |(h, &byte): (&Heading, &usize)| {
            let i = rows.row_of(h.line, byte);
            rows.rows.get(i).filter(|r| r.line == h.line).map(|_| i)
        };
        let mut starts = doc.headings.iter().zip(&rows.heading_bytes).filter_map(shown);
        let target =
            if forward { starts.find(|&i| i > self.top) } else { starts.rfind(|&i| i < self.top) };
        match target {
            Some(i) => {
                self.top = i;
                true
            }
            None => false,
        }
    }

    /// Index of the innermost heading at or above the top row.
    pub fn heading(&self, docs: &[Arc<Document>]) -> Option<usize> {
        let rows = self.rows()?;
        let top = rows.rows.get(self.top)?;
        let heads = &docs.get(self.doc)?.headings;
        let at = |(h, &byte): (&Heading, &usize)| (h.line, byte) <= (top.line, top.range.start);
        heads.iter().zip(&rows.heading_bytes).rposition(at)
    }

    /// Percent of the document read: the bottom of the screen, 100 at the end.
    pub fn percent(&self) -> usize {
        let total = self.total();
        if total == 0 {
            return 100;
        }
        ((self.top + self.height).min(total) * 100) / total
    }
}

/// The chain of headings that contains heading `i` (outermost first, `i` last).
pub fn heading_path(heads: &[Heading], i: usize) -> Vec<&Heading> {
    let mut path = Vec::new();
    let mut cur = Some(i);
    while let Some(k) = cur {
        let Some(h) = heads.get(k) else { break };
        path.push(h);
        cur = super::outline::parent(heads, k);
    }
    path.reverse();
    path
}
