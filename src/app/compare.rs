//! The compare view's state: one kind of metric across the documents (those whose label
//! contains the words typed), ranked, in groups by unit so that 件 and 元 never share a scale.
//!
//! The screen lists each group as a header line, its rows, and a blank line before the next
//! group; [`CompareState::line_of`] maps a row to that layout so scrolling stays exact.

use std::sync::Arc;

use std::collections::HashMap;

use super::metrics::MetricRef;
use super::Focus;
use crate::doc::Document;
use crate::metrics::compare::compare;

/// The rows that share one unit, largest value first.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareGroup {
    /// The unit (`件`, `元`, `%` …).
    pub unit: String,
    /// The largest value (the full length of a bar).
    pub max: f64,
    /// The metrics, ranked.
    pub rows: Vec<MetricRef>,
}

/// The compare view.
#[derive(Debug, Clone, Default)]
pub struct CompareState {
    /// The label words compared, as typed.
    pub label: String,
    /// The groups, the one with the most rows first.
    pub groups: Vec<CompareGroup>,
    /// Index of the selected row, counting through all groups.
    pub selected: usize,
    /// The first screen line shown.
    pub offset: usize,
    /// The view that opened it.
    pub from: Focus,
}

impl CompareState {
    /// Recomputes the groups for the label, keeping the selected metric selected when it is
    /// still listed.
    pub fn refresh(&mut self, docs: &[Arc<Document>]) {
        let keep = self.selected();
        let index: HashMap<*const Document, usize> =
            docs.iter().enumerate().map(|(i, d)| (Arc::as_ptr(d), i)).collect();
        self.groups = compare(docs.iter().map(|d| &**d), &self.label)
            .into_iter()
            .map(|g| CompareGroup {
                max: g.max(),
                unit: g.unit.clone(),
                rows: g.rows.iter().filter_map(|r| locate(&index, r.doc, r.metric)).collect(),
            })
            .collect();
        self.selected = keep.and_then(|k| self.rows().position(|r| r == k)).unwrap_or(0);
    }

    /// All rows, group after group.
    pub fn rows(&self) -> impl Iterator<Item = MetricRef> + '_ {
        self.groups.iter().flat_map(|g| g.rows.iter().copied())
    }

    /// Number of rows in all groups.
    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.rows.len()).sum()
    }

    /// Whether nothing matches.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The selected metric.
    pub fn selected(&self) -> Option<MetricRef> {
        self.rows().nth(self.selected)
    }

    /// Screen lines of the whole list: per group a header and its rows, a blank line between.
    pub fn lines(&self) -> usize {
        let n = self.groups.len();
        self.len() + n + n.saturating_sub(1)
    }

    /// The screen line of row `i` (counting through all groups), and whether it is the first
    /// of its group.
    pub fn line_of(&self, i: usize) -> (usize, bool) {
        let (mut line, mut before) = (0, 0);
        for g in &self.groups {
            if i < before + g.rows.len() {
                return (line + 1 + i - before, i == before);
            }
            before += g.rows.len();
            line += g.rows.len() + 2;
        }
        (line, false)
    }

    /// The row shown on screen line `line` of the list, if that line is a row.
    pub fn row_at(&self, line: usize) -> Option<usize> {
        let (mut top, mut before) = (0, 0);
        for g in &self.groups {
            let n = g.rows.len();
            if line > top && line <= top + n {
                return Some(before + line - top - 1);
            }
            before += n;
            top += n + 2;
        }
        None
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Scrolls so that the selected row, and its group's header when it is the group's first
    /// row, are on screen in a list `height` lines tall.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        let (line, first) = self.line_of(self.selected);
        let top = if first { line - 1 } else { line };
        if top < self.offset {
            self.offset = top;
        } else if line >= self.offset + height {
            self.offset = line + 1 - height;
        }
        self.offset = self.offset.min(self.lines().saturating_sub(height));
    }
}

/// The position of `metric` of `doc` among the loaded documents (`index`: by address).
fn locate(
    index: &HashMap<*const Document, usize>,
    doc: &Document,
    metric: &crate::metrics::Metric,
) -> Option<MetricRef> {
    let d = *index.get(&std::ptr::from_ref(doc))?;
    let index = doc.metrics.iter().position(|m| std::ptr::eq(m, metric))?;
    Some(MetricRef { doc: d, index })
}
