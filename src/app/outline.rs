//! The outline pane's state: a tree of documents and their headings, expand/collapse, the
//! selection and its scroll offset. Plain data; the tree is flattened into visible rows.

use std::sync::Arc;

use crate::doc::Document;
use crate::outline::Heading;

/// One visible row of the outline tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    /// Index of the document.
    pub doc: usize,
    /// Index of the heading in `doc.headings`; `None` for the document's root.
    pub heading: Option<usize>,
    /// 0 for a document, the heading level below it.
    pub depth: usize,
    /// Whether there is anything to expand.
    pub has_children: bool,
    /// Whether the children are shown.
    pub open: bool,
}

/// The outline tree's state.
#[derive(Debug, Clone, Default)]
pub struct OutlineState {
    /// Per document: whether its headings are shown.
    open_doc: Vec<bool>,
    /// Per document, per heading: whether its sub-headings are shown.
    open_heading: Vec<Vec<bool>>,
    /// The visible rows, top to bottom.
    pub nodes: Vec<Node>,
    /// Index of the selected row in `nodes`.
    pub selected: usize,
    /// The first row on screen.
    pub offset: usize,
}

/// Whether heading `i` has sub-headings.
fn has_children(heads: &[Heading], i: usize) -> bool {
    match (heads.get(i), heads.get(i + 1)) {
        (Some(h), Some(next)) => next.level > h.level,
        _ => false,
    }
}

/// The heading that contains heading `i`.
pub fn parent(heads: &[Heading], i: usize) -> Option<usize> {
    let level = heads.get(i)?.level;
    heads[..i].iter().rposition(|h| h.level < level)
}

impl OutlineState {
    /// Adds the next document's root (and its headings when `open`), keeping the selection.
    pub fn push_doc(&mut self, doc: &Document, open: bool) {
        self.open_doc.push(open);
        // Top-level headings start open, deeper ones closed: the first two levels show.
        self.open_heading.push(doc.headings.iter().map(|h| h.level < 2).collect());
        let d = self.open_doc.len() - 1;
        let mut nodes = Vec::new();
        self.doc_nodes(d, doc, &mut nodes);
        self.nodes.extend(nodes);
    }

    /// The visible rows of document `d`.
    fn doc_nodes(&self, d: usize, doc: &Document, out: &mut Vec<Node>) {
        let open = self.open_doc.get(d).copied().unwrap_or(false);
        let heads = &doc.headings;
        out.push(Node { doc: d, heading: None, depth: 0, has_children: !heads.is_empty(), open });
        if !open {
            return;
        }
        let mut hidden_below: Option<usize> = None;
        for (i, h) in heads.iter().enumerate() {
            if let Some(level) = hidden_below {
                if h.level > level {
                    continue;
                }
                hidden_below = None;
            }
            let open = self.open_heading.get(d).and_then(|v| v.get(i)).copied().unwrap_or(false);
            let has = has_children(heads, i);
            out.push(Node { doc: d, heading: Some(i), depth: h.level, has_children: has, open });
            if has && !open {
                hidden_below = Some(h.level);
            }
        }
    }

    /// Recomputes the visible rows after an expand or collapse, keeping the selected item or
    /// its nearest visible ancestor selected.
    fn rebuild(&mut self, docs: &[Arc<Document>]) {
        let keep = self.nodes.get(self.selected).map(|n| (n.doc, n.heading));
        let mut nodes = Vec::with_capacity(self.nodes.len());
        for (d, doc) in docs.iter().enumerate() {
            self.doc_nodes(d, doc, &mut nodes);
        }
        self.nodes = nodes;
        if let Some((d, h)) = keep {
            self.select(docs, d, h);
        }
    }

    /// The selected row.
    pub fn selected_node(&self) -> Option<Node> {
        self.nodes.get(self.selected).copied()
    }

    /// Selects the row of `(doc, heading)` or, when hidden, its nearest visible ancestor.
    pub fn select(&mut self, docs: &[Arc<Document>], doc: usize, heading: Option<usize>) {
        let mut h = heading;
        loop {
            if let Some(i) = self.nodes.iter().position(|n| n.doc == doc && n.heading == h) {
                self.selected = i;
                return;
            }
            match h {
                Some(i) => h = docs.get(doc).and_then(|d| parent(&d.headings, i)),
                None => return,
            }
        }
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.nodes.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Selects the first or the last row.
    pub fn to_end(&mut self, last: bool) {
        self.selected = if last { self.nodes.len().saturating_sub(1) } else { 0 };
    }

    /// Opens or closes `node`'s children.
    fn set_open(&mut self, docs: &[Arc<Document>], node: Node, open: bool) {
        let slot = match node.heading {
            None => self.open_doc.get_mut(node.doc),
            Some(i) => self.open_heading.get_mut(node.doc).and_then(|v| v.get_mut(i)),
        };
        if let Some(s) = slot {
            *s = open;
        }
        self.rebuild(docs);
    }

    /// `h`/←: closes an open node, else moves to the parent.
    pub fn collapse(&mut self, docs: &[Arc<Document>]) {
        let Some(node) = self.selected_node() else { return };
        if node.has_children && node.open {
            self.set_open(docs, node, false);
        } else if let Some(i) = node.heading {
            let up = docs.get(node.doc).and_then(|d| parent(&d.headings, i));
            self.select(docs, node.doc, up);
        }
    }

    /// `l`/→: opens a closed node, else moves to its first child.
    pub fn expand(&mut self, docs: &[Arc<Document>]) {
        let Some(node) = self.selected_node() else { return };
        if node.has_children && !node.open {
            self.set_open(docs, node, true);
        } else if node.has_children {
            self.move_by(1);
        }
    }

    /// Opens or closes the selected node.
    pub fn toggle(&mut self, docs: &[Arc<Document>]) {
        if let Some(node) = self.selected_node().filter(|n| n.has_children) {
            self.set_open(docs, node, !node.open);
        }
    }

    /// Opens document `doc` (when the reader enters it) so that its headings can follow.
    pub fn open_doc(&mut self, docs: &[Arc<Document>], doc: usize) {
        if self.open_doc.get(doc) == Some(&false) {
            if let Some(root) = self.nodes.iter().find(|n| n.doc == doc && n.heading.is_none()) {
                let root = *root;
                let keep = self.selected;
                self.set_open(docs, root, true);
                self.selected = keep.min(self.nodes.len().saturating_sub(1));
            }
        }
    }

    /// Scrolls so that the selection is on screen in a list `height` rows tall.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        let max = self.nodes.len().saturating_sub(height);
        self.offset = self.offset.min(max);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::Style;

    fn doc_with(levels: &[usize]) -> Document {
        let mut d = Document::new("a.txt", "UTF-8", crate::doc::Format::Text, "x".into());
        d.headings = levels
            .iter()
            .enumerate()
            .map(|(i, &level)| Heading {
                line: i + 1,
                level,
                marker: format!("{i}.").into(),
                title: format!("h{i}").into(),
                style: Style::NumDot,
                col: None,
            })
            .collect();
        d
    }

    fn shown(o: &OutlineState) -> Vec<Option<usize>> {
        o.nodes.iter().map(|n| n.heading).collect()
    }

    #[test]
    fn first_two_levels_show_and_deeper_ones_fold() {
        let docs = vec![Arc::new(doc_with(&[1, 2, 3, 3, 2, 1]))];
        let mut o = OutlineState::default();
        o.push_doc(&docs[0], true);
        assert_eq!(shown(&o), [None, Some(0), Some(1), Some(4), Some(5)]);
        o.selected = 2;
        o.expand(&docs);
        assert_eq!(shown(&o), [None, Some(0), Some(1), Some(2), Some(3), Some(4), Some(5)]);
        o.expand(&docs); // already open: go to the first child
        assert_eq!(o.selected_node().and_then(|n| n.heading), Some(2));
        o.collapse(&docs); // a leaf: go to the parent
        assert_eq!(o.selected_node().and_then(|n| n.heading), Some(1));
    }

    #[test]
    fn collapsing_a_document_keeps_the_selection_on_its_root() {
        let docs = vec![Arc::new(doc_with(&[1, 1])), Arc::new(doc_with(&[1]))];
        let mut o = OutlineState::default();
        o.push_doc(&docs[0], true);
        o.push_doc(&docs[1], false);
        assert_eq!(o.nodes.len(), 4);
        o.select(&docs, 0, Some(1));
        o.to_end(false);
        o.collapse(&docs);
        assert_eq!(o.nodes.len(), 2);
        assert_eq!(o.selected_node().map(|n| (n.doc, n.heading)), Some((0, None)));
    }

    #[test]
    fn selecting_a_hidden_heading_selects_its_visible_ancestor() {
        let docs = vec![Arc::new(doc_with(&[1, 2, 3]))];
        let mut o = OutlineState::default();
        o.push_doc(&docs[0], true);
        o.select(&docs, 0, Some(2));
        assert_eq!(o.selected_node().and_then(|n| n.heading), Some(1));
    }

    #[test]
    fn scrolling_keeps_the_selection_visible() {
        let docs: Vec<Arc<Document>> = (0..30).map(|_| Arc::new(doc_with(&[]))).collect();
        let mut o = OutlineState::default();
        docs.iter().for_each(|d| o.push_doc(d, false));
        o.selected = 25;
        o.scroll_into_view(10);
        assert_eq!(o.offset, 16);
        o.to_end(false);
        o.scroll_into_view(10);
        assert_eq!(o.offset, 0);
    }
}
