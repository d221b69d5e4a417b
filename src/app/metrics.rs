//! The metrics table's state: every metric of the loaded documents, filtered by the search
//! module's metric query (`复议 >5`, `资金 >1亿`) and sorted by a column. The selection stays on its metric through
//! filtering and sorting whenever that metric is still listed.

use std::sync::Arc;

use std::cmp::Ordering;

use super::Focus;
use crate::doc::Document;
use crate::metrics::{format_value, Metric};
use crate::search::Query;
use crate::text::width;

/// A metric by position: the document's index and the metric's index in its `metrics`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MetricRef {
    /// Index of the document in `App::docs`.
    pub doc: usize,
    /// Index of the metric in that document's `metrics`.
    pub index: usize,
}

impl MetricRef {
    /// The document and the metric, if both still exist.
    pub fn get<'a>(&self, docs: &'a [Arc<Document>]) -> Option<(&'a Document, &'a Metric)> {
        let doc: &Document = docs.get(self.doc)?;
        Some((doc, doc.metrics.get(self.index)?))
    }
}

/// A column the table can be sorted by, in the order `s` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Document order, then line order (the order of reading).
    #[default]
    Document,
    /// What is counted.
    Label,
    /// The normalised value.
    Value,
    /// The unit.
    Unit,
    /// The enclosing heading.
    Heading,
}

impl SortKey {
    /// The next column.
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Document => SortKey::Label,
            SortKey::Label => SortKey::Value,
            SortKey::Value => SortKey::Unit,
            SortKey::Unit => SortKey::Heading,
            SortKey::Heading => SortKey::Document,
        }
    }

    /// The direction a column starts in: values largest first, everything else ascending.
    pub fn starts_descending(self) -> bool {
        self == SortKey::Value
    }

    fn compare<'a>(self, a: (&'a Document, &'a Metric), b: (&'a Document, &'a Metric)) -> Ordering {
        let (ma, mb) = (a.1, b.1);
        match self {
            SortKey::Document => Ordering::Equal, // the tie-break is document order
            SortKey::Label => ma.label.cmp(&mb.label),
            SortKey::Value => ma.value.total_cmp(&mb.value),
            SortKey::Unit => ma.unit.cmp(&mb.unit),
            SortKey::Heading => {
                let title =
                    |(d, m): (&'a Document, &'a Metric)| d.metric_heading(m).map(|h| &h.title);
                title(a).cmp(&title(b))
            }
        }
    }
}

/// The metrics table.
#[derive(Debug, Clone, Default)]
pub struct MetricsState {
    /// The filter as typed.
    pub query: String,
    /// Why the filter does not parse (the rows keep the last good filter meanwhile).
    pub error: Option<String>,
    /// The sort column.
    pub sort: SortKey,
    /// Whether the sort runs largest (or last) first.
    pub descending: bool,
    /// The listed metrics, filtered and sorted.
    pub rows: Vec<MetricRef>,
    /// How many metrics the loaded documents have in all.
    pub total: usize,
    /// Index of the selected row.
    pub selected: usize,
    /// The first row on screen.
    pub offset: usize,
    /// The pane that had the focus before the table opened.
    pub from: Focus,
    /// The widest cell of each sized column over all listed rows (kept with the rows, so the
    /// drawing neither measures every row each frame nor jumps while scrolling).
    pub widths: Widths,
}

/// Display widths of the widest document name, value and unit listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Widths {
    /// The widest `Document::short_title`.
    pub doc: usize,
    /// The widest [`shown_value`].
    pub value: usize,
    /// The widest unit.
    pub unit: usize,
}

/// A value as the table and the compare view show it: `≈` when approximate, then `1.59亿` or
/// `15,000`.
pub fn shown_value(m: &Metric) -> String {
    format!("{}{}", if m.approx { "≈" } else { "" }, format_value(m.value, &m.unit))
}

impl MetricsState {
    /// The selected metric.
    pub fn selected(&self) -> Option<MetricRef> {
        self.rows.get(self.selected).copied()
    }

    /// Recomputes the rows for the current filter and sort, keeping the selected metric
    /// selected when it is still listed (the first row otherwise).
    pub fn refresh(&mut self, docs: &[Arc<Document>]) {
        let keep = self.selected();
        // The finder's metric query language: `复议 >5`, `资金 >1亿`, `'literal`, `!not`.
        let filter = match Query::parse_metric(&self.query) {
            Ok(f) => f,
            Err(e) => {
                self.error = Some(e.to_string());
                return;
            }
        };
        self.error = None;
        let all = self.query.trim().is_empty();
        self.total = docs.iter().map(|d| d.metrics.len()).sum();
        let mut rows: Vec<MetricRef> = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            for (i, m) in doc.metrics.iter().enumerate() {
                if all || filter.matches_metric(m) {
                    rows.push(MetricRef { doc: d, index: i });
                }
            }
        }
        let titles: Vec<usize> = docs.iter().map(|d| width(&d.short_title())).collect();
        self.widths = rows.iter().fold(Widths::default(), |w, r| match r.get(docs) {
            Some((_, m)) => Widths {
                doc: w.doc.max(titles.get(r.doc).copied().unwrap_or(0)),
                value: w.value.max(width(&shown_value(m))),
                unit: w.unit.max(width(&m.unit)),
            },
            None => w,
        });
        self.rows = rows;
        self.sort_rows(docs, keep);
    }

    /// Sorts the rows, keeping `keep` selected when listed (the first row otherwise).
    fn sort_rows(&mut self, docs: &[Arc<Document>], keep: Option<MetricRef>) {
        let (key, descending) = (self.sort, self.descending);
        self.rows.sort_by(|a, b| {
            let ord = match (a.get(docs), b.get(docs)) {
                (Some(x), Some(y)) => key.compare(x, y),
                _ => Ordering::Equal,
            };
            let ord = if descending { ord.reverse() } else { ord };
            // Ties, and the document column itself, in reading order.
            let natural = (a.doc, a.index).cmp(&(b.doc, b.index));
            let natural =
                if descending && key == SortKey::Document { natural.reverse() } else { natural };
            ord.then(natural)
        });
        self.selected = keep.and_then(|k| self.rows.iter().position(|&r| r == k)).unwrap_or(0);
    }

    /// `s`: sorts by the next column, in that column's starting direction.
    pub fn cycle_sort(&mut self, docs: &[Arc<Document>]) {
        self.sort = self.sort.next();
        self.descending = self.sort.starts_descending();
        self.sort_rows(docs, self.selected());
    }

    /// `S`: reverses the direction of the sort.
    pub fn reverse_sort(&mut self, docs: &[Arc<Document>]) {
        self.descending = !self.descending;
        self.sort_rows(docs, self.selected());
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Scrolls so that the selection is on screen in a list `height` rows tall.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
    }
}
