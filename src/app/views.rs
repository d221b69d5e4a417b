//! The full-screen views over the reader — the metrics table and the compare view — and the
//! jump from a metric to its place in the reader, highlighted.

use super::metrics::MetricRef;
use super::rows::Mode;
use super::{Action, App, Focus, Highlight};

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

    /// `c`: compares the selected metric's kind (its label as is) across the documents.
    fn open_compare(&mut self) {
        let Some((_, m)) = self.metrics.selected().and_then(|r| r.get(&self.docs)) else {
            return;
        };
        self.compare.label = m.label.clone();
        self.compare.selected = 0;
        self.compare.offset = 0;
        self.compare.from = self.focus;
        self.focus = Focus::Compare;
        self.compare.refresh(&self.docs);
        // Start on the metric the comparison was asked from.
        let from = self.metrics.selected();
        let at = self.compare.rows().position(|r| Some(r) == from);
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
            Action::OpenCompare if table => self.open_compare(),
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
        let (line, start, end) = (m.line, m.start, m.start + m.raw.len());
        self.focus = Focus::Reader;
        self.sync();
        self.reader.goto(&self.docs, r.doc, line);
        let shown = |app: &App| {
            let rows = app.reader.rows();
            rows.and_then(|rows| rows.rows.get(app.reader.top)).is_some_and(|row| row.line == line)
        };
        if !shown(self) && self.reader.mode == Mode::Clean {
            self.reader.toggle_mode(&self.docs);
            self.reader.goto(&self.docs, r.doc, line);
        }
        // The line starts at the top; a long paragraph scrolls on until the number is shown.
        if let Some(rows) = self.reader.rows() {
            let at = rows.row_of(line, start);
            if at >= self.reader.top + self.reader.height.max(1) {
                self.reader.top = at;
            }
        }
        self.highlight = Some(Highlight { doc: r.doc, line, range: start..end });
        self.outline.open_doc(&self.docs, r.doc);
        self.follow();
    }
}

#[cfg(test)]
mod tests;
