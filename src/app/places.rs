//! Remembered places in the reader: reading positions restored when a document shows up again,
//! bookmarks (`b` toggles, `'` lists), and the documents that the watcher adds, reloads or
//! removes while the reader runs.
//!
//! Pure like the rest of `app`: the [`Places`] store is plain data here. Reading it from disk,
//! computing a document's [`DocKey`] (which resolves the path) and saving are the loop's
//! effects: it passes keys in with [`App::add_keyed_document`] and saves when
//! [`App::take_save_request`] says so, and on quit after [`App::remember`].

use std::sync::Arc;

use super::outline::OutlineState;
use super::{Action, App, Focus, Note};
use crate::doc::Document;
use crate::store::{DocKey, Places, Position};

/// Longest label made from a line's text.
const LABEL_CHARS: usize = 30;

/// The reader's remembered places and what it knows to look them up.
#[derive(Debug, Clone, Default)]
pub struct Remembered {
    /// The store, as read at start and changed since.
    pub store: Places,
    /// Per document (same index as `App::docs`): its key; `None` when not known.
    keys: Vec<Option<DocKey>>,
    /// The store changed in a way worth saving at once (a bookmark).
    save_wanted: bool,
    /// The user has moved: a document loaded later no longer takes over the reader.
    pub(super) touched: bool,
    /// The document read when the places were last asked to be saved.
    saved_doc: Option<usize>,
}

/// One row of the bookmark list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkEntry {
    /// Index of the document.
    pub doc: usize,
    /// The 1-based line.
    pub line: usize,
    /// The bookmark's label.
    pub label: String,
}

/// The bookmark list popup.
#[derive(Debug, Clone, Default)]
pub struct MarkList {
    /// Whether it is shown (it then has the keys).
    pub open: bool,
    /// The bookmarks of the loaded documents, in document and line order.
    pub entries: Vec<MarkEntry>,
    /// Index of the selected entry.
    pub selected: usize,
}

/// A label for a bookmark on `line`: the start of its text.
pub fn label_of(doc: &Document, line: usize) -> String {
    let text = doc.line(line).trim();
    let mut label: String = text.chars().take(LABEL_CHARS).collect();
    if text.chars().nth(LABEL_CHARS).is_some() {
        label.push('…');
    }
    label
}

impl App {
    /// Takes the places read at start; their messages (a corrupt file set aside) join the
    /// message list, opened so they are seen.
    pub fn set_places(&mut self, store: Places, messages: Vec<String>) {
        self.places.store = store;
        if !messages.is_empty() {
            self.messages.extend(messages);
            self.messages_open = true;
        }
    }

    /// The key of document `d`.
    fn key(&self, d: usize) -> Option<DocKey> {
        self.places.keys.get(d).cloned().flatten()
    }

    /// Adds a loaded document known by `key`. It opens where it was last read; the document
    /// read last before quitting takes the reader, unless the user has already moved.
    pub fn add_keyed_document(&mut self, doc: impl Into<Arc<Document>>, key: Option<DocKey>) {
        self.add_document(doc);
        let d = self.docs.len() - 1;
        self.places.keys.resize(d, None);
        self.places.keys.push(key.clone());
        let Some(key) = key else { return };
        if let Some(p) = self.places.store.position(&key) {
            self.reader.set_place(d, (p.line, p.offset));
        }
        if self.places.touched {
            return;
        }
        if d == self.reader.doc {
            if let (Some(p), Some(rows)) = (self.places.store.position(&key), self.reader.rows()) {
                self.reader.top = rows.row_of(p.line, p.offset);
            }
            self.follow();
        } else if self.places.store.last() == Some(&key) {
            self.reader.resume(&self.docs, d);
            self.outline.open_doc(&self.docs, d);
            self.follow();
        }
        self.sync();
    }

    /// Writes every visited document's reading position, which one is read now, and the
    /// finder's history into the store (to be saved by the loop).
    pub fn remember(&mut self) {
        for d in 0..self.docs.len() {
            if let (Some(key), Some((line, offset))) = (self.key(d), self.reader.place(d)) {
                self.places.store.set_position(&key, Position { line, offset });
            }
        }
        if let Some(key) = self.key(self.reader.doc) {
            self.places.store.set_last(&key);
        }
        for q in self.finder.history.iter().rev() {
            self.places.store.push_history(q);
        }
    }

    /// Whether the store should be saved now (cleared by asking): after a bookmark changed,
    /// and when the user has moved to another document, so that a crash loses little.
    pub fn take_save_request(&mut self) -> bool {
        let doc = Some(self.reader.doc).filter(|_| self.places.touched && !self.docs.is_empty());
        let switched = doc.is_some() && doc != self.places.saved_doc;
        if switched {
            self.places.saved_doc = doc;
        }
        std::mem::take(&mut self.places.save_wanted) || switched
    }

    /// `b`: sets or removes a bookmark on the line at the top of the reader.
    pub(super) fn toggle_bookmark(&mut self) {
        let d = self.reader.doc;
        let (Some(key), Some(line), Some(doc)) =
            (self.key(d), self.reader.line(), self.docs.get(d))
        else {
            return;
        };
        let label = label_of(doc, line);
        let set = self.places.store.toggle_bookmark(&key, line, Some(label));
        self.note = Some(if set { Note::BookmarkSet(line) } else { Note::BookmarkRemoved(line) });
        self.places.save_wanted = true;
    }

    /// `'`: lists the bookmarks of every loaded document.
    pub(super) fn open_marks(&mut self) {
        let mut entries = Vec::new();
        for (d, doc) in self.docs.iter().enumerate() {
            let Some(key) = self.key(d) else { continue };
            for b in self.places.store.bookmarks(&key) {
                let label = b.label.clone().unwrap_or_else(|| label_of(doc, b.line));
                entries.push(MarkEntry { doc: d, line: b.line, label });
            }
        }
        if entries.is_empty() {
            self.note = Some(Note::NoBookmarks);
            return;
        }
        // Start at the first bookmark at or after the reading position.
        let here = (self.reader.doc, self.reader.line().unwrap_or(0));
        let selected = entries.iter().position(|e| (e.doc, e.line) >= here).unwrap_or(0);
        self.marks = MarkList { open: true, entries, selected };
    }

    /// A key while the bookmark list is open.
    pub(super) fn marks_action(&mut self, action: Action) {
        let m = &mut self.marks;
        let last = m.entries.len().saturating_sub(1);
        match action {
            Action::Down => m.selected = (m.selected + 1).min(last),
            Action::Up => m.selected = m.selected.saturating_sub(1),
            Action::Top => m.selected = 0,
            Action::Bottom => m.selected = last,
            Action::Close | Action::OpenBookmarks => m.open = false,
            Action::DeleteBookmark => self.delete_selected_mark(),
            Action::Open => {
                let Some(e) = m.entries.get(m.selected).cloned() else { return };
                m.open = false;
                self.reader.goto(&self.docs, e.doc, e.line);
                self.outline.open_doc(&self.docs, e.doc);
                self.focus = Focus::Reader;
                self.follow();
            }
            _ => {}
        }
    }

    fn delete_selected_mark(&mut self) {
        let Some(e) = self.marks.entries.get(self.marks.selected).cloned() else { return };
        if let Some(key) = self.key(e.doc) {
            self.places.store.toggle_bookmark(&key, e.line, None);
            self.places.save_wanted = true;
        }
        let m = &mut self.marks;
        m.entries.remove(m.selected);
        m.selected = m.selected.min(m.entries.len().saturating_sub(1));
        m.open = !m.entries.is_empty();
    }

    /// Whether line `line` of document `d` has a bookmark.
    pub fn is_bookmarked(&self, d: usize, line: usize) -> bool {
        self.key(d).is_some_and(|k| self.places.store.bookmarks(&k).iter().any(|b| b.line == line))
    }

    /// A document file was written to or appeared (the watcher): the new text replaces the
    /// document of that path, keeping the reading position (same source line, clamped), or
    /// joins the others in path order.
    pub fn upsert_document(&mut self, doc: impl Into<Arc<Document>>, key: Option<DocKey>) {
        let doc = doc.into();
        self.places.keys.resize(self.docs.len(), None);
        if let Some(i) = self.docs.iter().position(|d| d.path == doc.path) {
            self.docs[i] = doc;
            self.places.keys[i] = key;
            self.reader.renumber(&self.docs, Some, self.reader.doc);
        } else {
            let at = self.docs.partition_point(|d| d.path < doc.path);
            self.docs.insert(at, doc);
            self.places.keys.insert(at, key);
            self.marks = MarkList::default(); // its document numbers have moved
            let map = |i: usize| Some(if i >= at { i + 1 } else { i });
            let current = if self.docs.len() == 1 { 0 } else { self.reader.doc };
            self.reader.renumber(&self.docs, map, map(current).unwrap_or(0));
        }
        self.after_change();
    }

    /// A document file is gone (the watcher). If it was being read, the reader moves to its
    /// neighbour and says so.
    pub fn remove_document(&mut self, path: &str) {
        let Some(i) = self.docs.iter().position(|d| d.path == path) else { return };
        self.docs.remove(i);
        if i < self.places.keys.len() {
            self.places.keys.remove(i);
        }
        let map = |j: usize| match j.cmp(&i) {
            std::cmp::Ordering::Less => Some(j),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => Some(j - 1),
        };
        let current = self.reader.doc;
        let next = map(current).unwrap_or(i.min(self.docs.len().saturating_sub(1)));
        if current == i {
            self.note = Some(Note::DocRemoved);
        }
        self.reader.renumber(&self.docs, map, next);
        self.marks = MarkList::default();
        self.after_change();
    }

    /// Rebuilds the outline for the new set of documents (the one read is open).
    fn after_change(&mut self) {
        self.highlight = None; // its document number may have moved
        let mut outline = OutlineState::default();
        for (d, doc) in self.docs.iter().enumerate() {
            outline.push_doc(doc, d == self.reader.doc);
        }
        self.outline = outline;
        self.follow();
        self.sync();
    }
}

#[cfg(test)]
mod tests;
