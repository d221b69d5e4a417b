//! From a hit to the reader: Enter in the finder, `n`/`N` in the reader. The reader shows the
//! hit's document with its line on screen and the match highlighted; the outline follows.

use std::ops::Range;

use super::LastSearch;
use crate::app::rows::Mode;
use crate::app::{App, Focus, Highlight, Note};
use crate::search::{Hit, Index, Kind, Query};

/// The byte range of a hit's line to highlight: what the query matched (from the first to the
/// last matched character) in headings and text, the whole item otherwise.
pub fn hit_range(index: &Index, query: &Query, hit: &Hit) -> Range<usize> {
    if matches!(hit.kind, Kind::Heading | Kind::Text) {
        let marks = index.highlight(query, hit);
        if let (Some(first), Some(last)) = (marks.first(), marks.last()) {
            return hit.span.start + first.start..hit.span.start + last.end;
        }
    }
    hit.span.clone()
}

impl App {
    /// Enter: closes the finder and shows the selected hit in the reader.
    pub(super) fn open_hit(&mut self) {
        let f = &mut self.finder;
        let (Some(query), Some(hit)) =
            (f.shown_query().cloned(), f.hits().get(f.selected).cloned())
        else {
            return;
        };
        let hits = f.hits().to_vec();
        let current = f.selected;
        let q = f.query.clone();
        f.remember(&q);
        f.open = false;
        f.saved = None;
        f.last = Some(LastSearch { query, hits, current });
        self.show_hit(&hit);
    }

    /// `n`/`N`: the next or previous hit of the last search, wrapping around.
    pub(crate) fn step_hit(&mut self, forward: bool) {
        let Some(last) = &mut self.finder.last else {
            self.note = Some(Note::NoSearch);
            return;
        };
        let n = last.hits.len();
        if n == 0 {
            return;
        }
        last.current = if forward { (last.current + 1) % n } else { (last.current + n - 1) % n };
        let hit = last.hits[last.current].clone();
        let note = Note::Hit(last.current + 1, n);
        self.show_hit(&hit);
        self.note = Some(note);
    }

    /// Shows `hit` in the reader: its document, its line on screen, the match highlighted,
    /// the outline following. A hit outside the report's own text shows in the original file.
    fn show_hit(&mut self, hit: &Hit) {
        let range = match (&self.finder.index, &self.finder.last) {
            (Some(index), Some(last)) => hit_range(index, &last.query, hit),
            _ => hit.span.clone(),
        };
        if self.focus != Focus::Outline || self.geometry.single_pane() {
            self.focus = Focus::Reader;
        }
        self.sync();
        let (doc, line) = (hit.doc, hit.line);
        self.reader.goto(&self.docs, doc, line);
        let shown = |app: &App| {
            let rows = app.reader.rows();
            rows.and_then(|rows| rows.rows.get(app.reader.top)).is_some_and(|row| row.line == line)
        };
        if !shown(self) && self.reader.mode == Mode::Clean {
            self.reader.toggle_mode(&self.docs);
            self.reader.goto(&self.docs, doc, line);
        }
        // The line starts at the top; a long paragraph scrolls on until the match is shown.
        if let Some(rows) = self.reader.rows() {
            let at = rows.row_of(line, range.start);
            if at >= self.reader.top + self.reader.height.max(1) {
                self.reader.top = at;
            }
        }
        self.highlight = Some(Highlight { doc, line, range });
        self.outline.open_doc(&self.docs, doc);
        self.follow();
    }
}
