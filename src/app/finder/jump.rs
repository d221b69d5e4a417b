//! From a hit to the reader: Enter in the finder, `n`/`N` in the reader. The reader shows the
//! hit's document with its line on screen and the match highlighted; the outline follows.

use std::ops::Range;

use super::LastSearch;
use crate::app::{App, Note};
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

    /// Shows `hit` in the reader with what matched highlighted.
    fn show_hit(&mut self, hit: &Hit) {
        let range = match (&self.finder.index, &self.finder.last) {
            (Some(index), Some(last)) => hit_range(index, &last.query, hit),
            _ => hit.span.clone(),
        };
        self.show_span(hit.doc, hit.line, range);
    }
}
