//! The reader's screen rows for one document at one width: every shown line wrapped by
//! [`crate::text::wrap`], as byte ranges into the document's own lines.
//!
//! A line whose paragraph breaks were lost (a report scraped into one line,
//! [`crate::outline::oneline`]) is shown in the cleaned view as the paragraphs it was: it is cut
//! where its paragraph-break runs and its headings are, each piece on rows of its own without the
//! white space around it, so that every heading starts a row. The original view shows the line
//! as it is.

use std::ops::Range;

use crate::doc::Document;
use crate::outline::{is_indent, oneline};
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
    /// For each heading of the document (in its order), the byte in its line where it is
    /// anchored: 0 for a heading that opens its line, the byte of its `col` for one inside a
    /// run-together line.
    pub heading_bytes: Vec<usize>,
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
        let heading_bytes = heading_bytes(doc);
        let mut rows = Vec::new();
        let mut keep = Vec::new();
        let mut push = |n: usize, text: &str, split: bool| {
            let pieces = if split { paragraphs(doc, n, text) } else { vec![] };
            let pieces =
                if pieces.is_empty() { std::iter::once(0..text.len()).collect() } else { pieces };
            for piece in pieces {
                // Metrics (`1.59亿元`) stay on one row when they fit.
                keep.clear();
                let first = doc.metrics.partition_point(|m| m.line < n);
                let on_line = doc.metrics[first..].iter().take_while(|m| m.line == n);
                keep.extend(
                    on_line
                        .filter(|m| piece.start <= m.start && m.start + m.raw.len() <= piece.end)
                        .map(|m| m.start - piece.start..m.start - piece.start + m.raw.len()),
                );
                keep.sort_by_key(|r| r.start);
                for range in wrap_keeping(&text[piece.clone()], width, &keep) {
                    let range = range.start + piece.start..range.end + piece.start;
                    rows.push(Row { line: n, range });
                }
            }
        };
        match mode {
            Mode::Raw => (1..=doc.line_count()).for_each(|n| push(n, doc.line(n), false)),
            Mode::Clean => {
                let mut blank = true; // no blank rows at the top
                for (n, text) in doc.body_lines() {
                    let is_blank = text.trim().is_empty();
                    if is_blank && blank {
                        continue;
                    }
                    blank = is_blank;
                    push(n, text, true);
                }
                if blank && rows.len() > 1 {
                    rows.pop();
                }
            }
        }
        Rows { rows, heading_bytes }
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

/// The anchor byte of every heading of `doc` ([`Rows::heading_bytes`]). The headings of one line
/// come in column order, so each line is walked once however many headings it has.
fn heading_bytes(doc: &Document) -> Vec<usize> {
    let mut out = Vec::with_capacity(doc.headings.len());
    let mut k = 0;
    while let Some(first) = doc.headings.get(k) {
        let text = doc.line(first.line);
        let same = doc.headings[k..].iter().take_while(|h| h.line == first.line).count();
        let mut chars = text.char_indices().enumerate();
        for h in &doc.headings[k..k + same] {
            out.push(match h.col {
                None | Some(0) => 0,
                Some(c) => chars.find(|&(cp, _)| cp == c).map_or(text.len(), |(_, (b, _))| b),
            });
        }
        k += same;
    }
    out
}

/// The byte ranges of the paragraphs of line `n` when its breaks were lost, without the white
/// space around them; empty for an ordinary line (shown whole).
fn paragraphs(doc: &Document, n: usize, text: &str) -> Vec<Range<usize>> {
    let first = doc.headings.partition_point(|h| h.line < n);
    let on_line = doc.headings[first..].iter().take_while(|h| h.line == n);
    let cols: Vec<usize> = on_line.filter_map(|h| h.col).collect();
    if cols.is_empty() && !oneline::is_long(text) {
        return Vec::new();
    }
    let breaks = oneline::paragraph_breaks(text, &cols);
    if breaks.is_empty() {
        return Vec::new();
    }
    // Code points to bytes, in one walk.
    let mut starts = vec![0];
    let mut next = breaks.iter().peekable();
    for (cp, (byte, _)) in text.char_indices().enumerate() {
        while next.peek().is_some_and(|&&b| b <= cp) {
            if next.next() == Some(&cp) {
                starts.push(byte);
            }
        }
        if next.peek().is_none() {
            break;
        }
    }
    let space = |c: char| c.is_whitespace() || is_indent(c);
    let mut out = Vec::with_capacity(starts.len());
    for (i, &s) in starts.iter().enumerate() {
        let e = starts.get(i + 1).copied().unwrap_or(text.len());
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start_matches(space).len();
        let kept = piece.trim_matches(space);
        if !kept.is_empty() {
            out.push(s + lead..s + lead + kept.len());
        }
    }
    out
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
