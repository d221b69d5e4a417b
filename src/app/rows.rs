//! The reader's screen rows for one document at one width: every shown line wrapped by
//! [`crate::text::wrap`], as byte ranges into the document's own lines.

use std::ops::Range;

use crate::doc::Document;
use crate::text::wrap::wrap_keeping;

/// One screen row of the reading pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The 1-based document line this row shows part of.
    pub line: usize,
    /// The bytes of that line shown on this row.
    pub range: Range<usize>,
}

/// All rows of one document in one mode at one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    /// The rows, top to bottom; lines in increasing order.
    pub rows: Vec<Row>,
}

/// Which text the reader shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// The report's own text (the card's body range), blank runs collapsed.
    #[default]
    Clean,
    /// Every line of the file as decoded.
    Raw,
}

impl Rows {
    /// Wraps the lines `mode` shows of `doc` to `width` columns.
    pub fn build(doc: &Document, width: usize, mode: Mode) -> Rows {
        let mut rows = Vec::new();
        let mut keep = Vec::new();
        let mut push = |n: usize, text: &str| {
            // Metrics (`1.59亿元`) stay on one row when they fit.
            keep.clear();
            let first = doc.metrics.partition_point(|m| m.line < n);
            let on_line = doc.metrics[first..].iter().take_while(|m| m.line == n);
            keep.extend(on_line.map(|m| m.start..m.start + m.raw.len()));
            keep.sort_by_key(|r| r.start);
            for range in wrap_keeping(text, width, &keep) {
                rows.push(Row { line: n, range });
            }
        };
        match mode {
            Mode::Raw => (1..=doc.line_count()).for_each(|n| push(n, doc.line(n))),
            Mode::Clean => {
                let mut blank = true; // no blank rows at the top
                for (n, text) in doc.body_lines() {
                    let is_blank = text.trim().is_empty();
                    if is_blank && blank {
                        continue;
                    }
                    blank = is_blank;
                    push(n, text);
                }
                if blank && rows.len() > 1 {
                    rows.pop();
                }
            }
        }
        Rows { rows }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The first row showing line `line` or, if that line is not shown, the first row after it
    /// (the last row when none is).
    pub fn row_of_line(&self, line: usize) -> usize {
        let i = self.rows.partition_point(|r| r.line < line);
        i.min(self.rows.len().saturating_sub(1))
    }

    /// The row showing byte `byte` of line `line` (the nearest one when not shown).
    pub fn row_of(&self, line: usize, byte: usize) -> usize {
        // Rows are sorted by (line, start): the anchor is in the last row starting at or
        // before it. A binary search, so a 20 MB line re-anchors at once.
        let after = self
            .rows
            .partition_point(|r| r.line < line || (r.line == line && r.range.start <= byte));
        match after.checked_sub(1).and_then(|i| self.rows.get(i).map(|r| (i, r))) {
            Some((i, r)) if r.line == line => i,
            _ => self.row_of_line(line),
        }
    }

    /// The `(line, byte)` anchor of row `i`, to find the same place after re-wrapping.
    pub fn anchor(&self, i: usize) -> Option<(usize, usize)> {
        self.rows.get(i).map(|r| (r.line, r.range.start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Format;

    fn doc(text: &str) -> Document {
        Document::new("t.txt", "UTF-8", Format::Text, text.to_string())
    }

    #[test]
    fn every_line_is_shown_in_raw_mode_and_long_lines_wrap() {
        let d = doc("甲乙丙丁戊己\n\n\nabc");
        let rows = Rows::build(&d, 4, Mode::Raw);
        let lines: Vec<usize> = rows.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 1, 1, 2, 3, 4]);
    }

    #[test]
    fn clean_mode_collapses_blank_runs() {
        let mut d = doc("\n\n甲\n\n\n\n乙\n\n");
        // The whole file is the body here, whatever the card parser thinks of it.
        d.card.body_first_line = 1;
        d.card.body_last_line = d.line_count();
        let rows = Rows::build(&d, 10, Mode::Clean);
        let lines: Vec<usize> = rows.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [3, 4, 7]);
    }

    #[test]
    fn samples_keep_the_wrapping_rules_with_metrics_kept_whole() {
        use crate::text::sanitize::str_width;
        use crate::text::wrap::{is_closing, is_opening};
        for d in crate::doc::load::load_samples() {
            for width in 20..=120 {
                let rows = Rows::build(&d, width, Mode::Raw);
                for (k, r) in rows.rows.iter().enumerate() {
                    let text = &d.line(r.line)[r.range.clone()];
                    assert!(str_width(text) <= width, "{text:?} wider than {width}");
                    let continued = k > 0 && rows.rows[k - 1].line == r.line;
                    let continues = rows.rows.get(k + 1).is_some_and(|n| n.line == r.line);
                    if continued {
                        assert!(!text.starts_with(is_closing), "{text:?} at {width}");
                    }
                    if continues {
                        assert!(!text.ends_with(is_opening), "{text:?} at {width}");
                    }
                }
            }
        }
    }

    #[test]
    fn anchors_survive_rewrapping() {
        let d = doc("一二三四五六七八九十\n甲");
        let narrow = Rows::build(&d, 4, Mode::Raw);
        let (line, byte) = narrow.anchor(3).expect("row 3 exists");
        assert_eq!((line, byte), (1, 18)); // 七 starts the fourth row of two characters
        let wide = Rows::build(&d, 8, Mode::Raw);
        let i = wide.row_of(line, byte);
        assert!(wide.rows[i].range.contains(&byte), "{:?}", wide.rows[i]);
        assert_eq!(wide.row_of_line(2), wide.len() - 1);
    }
}
