//! The full-screen views over the reader — the metrics table and the compare view — and the
//! jump from a metric to its place in the reader, highlighted.

use super::metrics::MetricRef;
use super::rows::Mode;
use super::{Action, App, Focus, Highlight, Note};

/// Rows the mouse wheel moves a view's selection.
const WHEEL_ROWS: isize = 3;

impl App {
    /// `m`: opens the metrics table over the panes.
    pub(super) fn open_metrics(&mut self) {
        if !self.focus.takes_text() {
            self.metrics.from = self.focus;
        }
        self.focus = Focus::Metrics;
        self.metrics.refresh(&self.docs);
    }

    /// `c` in the reader: compares the highlighted metric, or else the first one on screen.
    pub(super) fn compare_on_screen(&mut self) {
        match self.metric_on_screen() {
            Some(r) => self.open_compare(r),
            None => self.note = Some(Note::NoMetric),
        }
    }

    /// The metric `c` in the reader compares: the highlighted one when it is on screen, else
    /// the first one on screen.
    fn metric_on_screen(&self) -> Option<MetricRef> {
        let (doc, rows) = (self.current_doc()?, self.reader.rows()?);
        let d = self.reader.doc;
        let screen = rows.rows.iter().skip(self.reader.top).take(self.reader.height.max(1));
        let mut first = None;
        for row in screen {
            let from = doc.metrics.partition_point(|m| m.line < row.line);
            for (i, m) in doc.metrics.iter().enumerate().skip(from) {
                if m.line != row.line {
                    break;
                }
                if !row.range.contains(&m.start) {
                    continue;
                }
                let hit = self
                    .highlight
                    .as_ref()
                    .is_some_and(|h| h.doc == d && h.line == m.line && h.range.start == m.start);
                if hit {
                    return Some(MetricRef { doc: d, index: i });
                }
                first = first.or(Some(MetricRef { doc: d, index: i }));
            }
        }
        first
    }

    /// Compares the kind of metric `r` (its label as is) across the documents.
    fn open_compare(&mut self, r: MetricRef) {
        let Some((_, m)) = r.get(&self.docs) else { return };
        self.compare.label = m.label.to_string();
        self.compare.selected = 0;
        self.compare.offset = 0;
        self.compare.from = self.focus;
        self.focus = Focus::Compare;
        self.compare.refresh(&self.docs);
        // Start on the metric the comparison was asked from.
        let at = self.compare.rows().position(|x| x == r);
        self.compare.selected = at.unwrap_or(0);
    }

    /// Esc: compare → table → the pane the table was opened from; in the reader it clears the
    /// highlight.
    pub(super) fn close_view(&mut self) {
        self.focus = match self.focus {
            Focus::Compare => self.compare.from,
            Focus::Metrics => self.metrics.from,
            other => {
                self.highlight = None;
                other
            }
        };
    }

    /// Actions in the metrics table and the compare view.
    pub(super) fn view_action(&mut self, action: Action) {
        let page = self.geometry.view_list.height.max(1) as isize;
        let table = self.focus == Focus::Metrics;
        let delta = match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::HalfPageDown => (page / 2).max(1),
            Action::HalfPageUp => -(page / 2).max(1),
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            Action::Wheel(_, _, down) => {
                if down {
                    WHEEL_ROWS
                } else {
                    -WHEEL_ROWS
                }
            }
            _ => 0,
        };
        if delta != 0 {
            if table {
                self.metrics.move_by(delta);
            } else {
                self.compare.move_by(delta);
            }
            return;
        }
        match action {
            Action::Click(x, y) if self.geometry.view_list.contains(x, y) => {
                let dy = usize::from(y - self.geometry.view_list.y);
                if table {
                    let i = self.metrics.offset + dy;
                    if i < self.metrics.rows.len() {
                        self.metrics.selected = i;
                    }
                } else if let Some(i) = self.compare.row_at(self.compare.offset + dy) {
                    self.compare.selected = i;
                }
            }
            Action::Input(_) | Action::DeleteChar => {
                let line = if table { &mut self.metrics.query } else { &mut self.compare.label };
                match action {
                    Action::Input(c) if !c.is_control() => line.push(c),
                    Action::DeleteChar => {
                        line.pop();
                    }
                    _ => {}
                }
                if table {
                    self.metrics.refresh(&self.docs);
                } else {
                    self.compare.refresh(&self.docs);
                }
            }
            Action::CycleSort if table => self.metrics.cycle_sort(&self.docs),
            Action::ReverseSort if table => self.metrics.reverse_sort(&self.docs),
            Action::OpenCompare if table => {
                if let Some(r) = self.metrics.selected() {
                    self.open_compare(r);
                }
            }
            Action::Open => {
                let target = if table { self.metrics.selected() } else { self.compare.selected() };
                if let Some(r) = target {
                    self.jump(r);
                }
            }
            _ => {}
        }
    }

    /// Shows metric `r` in the reader: its document at its line, the number highlighted, the
    /// outline following. A metric outside the report's own text shows in the original file.
    pub fn jump(&mut self, r: MetricRef) {
        let Some((_, m)) = r.get(&self.docs) else { return };
        self.show_span(r.doc, m.line, m.start..m.start + m.raw.len());
    }

    /// Shows bytes `range` of line `line` of document `doc` in the reader, highlighted, the
    /// outline following (a metric jumped to, a search hit). A line outside the report's own
    /// text shows in the original file.
    pub fn show_span(&mut self, doc: usize, line: usize, range: std::ops::Range<usize>) {
        self.focus = Focus::Reader;
        self.sync();
        self.reader.goto(&self.docs, doc, line);
        let shown = |app: &App| {
            let rows = app.reader.rows();
            rows.and_then(|rows| rows.rows.get(app.reader.top)).is_some_and(|row| row.line == line)
        };
        if !shown(self) && self.reader.mode == Mode::Clean {
            self.reader.toggle_mode(&self.docs);
            self.reader.goto(&self.docs, doc, line);
        }
        // The line starts at the top; a long paragraph scrolls on until the span is shown.
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

#[cfg(test)]
mod tests;
