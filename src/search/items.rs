//! Search items: each document's title, its headings, its text split into sentences and
//! clauses, and its metrics. An item refers to its document's text by line and byte span; only
//! metric items own a (short) text of their own.

use serde::Serialize;

use crate::doc::Document;
use crate::metrics::Metric;

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A document title.
    Doc,
    /// A heading of the outline.
    Heading,
    /// A sentence or clause of the text.
    Text,
    /// A stated quantity.
    Metric,
}

impl Kind {
    /// The kind named `doc`, `heading`, `text` or `metric`.
    pub fn parse(s: &str) -> Option<Kind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "doc" | "title" => Some(Kind::Doc),
            "heading" => Some(Kind::Heading),
            "text" => Some(Kind::Text),
            "metric" => Some(Kind::Metric),
            _ => None,
        }
    }

    /// The name used in JSON and `--kind`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Doc => "doc",
            Kind::Heading => "heading",
            Kind::Text => "text",
            Kind::Metric => "metric",
        }
    }
}

/// One searchable item: 20 bytes, as there are millions (at 20,000 reports, four million).
/// The enclosing heading is not stored: it follows from the line
/// ([`super::Index::heading_of`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Item {
    /// Index of the document.
    pub doc: u32,
    /// 1-based line.
    pub line: u32,
    /// Byte span in the line.
    pub start: u32,
    /// End of the byte span in the line; for a metric, the number of its metric instead (in
    /// the document's metrics while items are made, then in the index's metric texts); its
    /// span ends where its raw text does.
    pub end: u32,
    /// Folded length in characters (saturating), for the length penalty and score bounds.
    pub chars: u16,
    /// What the item is.
    pub kind: Kind,
}

/// The text a metric item is matched and shown as: label and raw text.
pub fn metric_text(m: &Metric) -> String {
    if m.label.is_empty() {
        m.raw.to_string()
    } else {
        format!("{} {}", m.label, m.raw)
    }
}

/// Whether `c` ends a sentence or clause (before or after folding).
fn ends_clause(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '\u{FF01}' | '\u{FF1F}' | '\u{FF1B}')
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Splits `line[from..]` into trimmed clauses, as byte spans of `line`.
fn clauses(line: &str, from: usize, out: &mut Vec<(usize, usize)>) {
    let mut start = from;
    let mut push = |s: usize, e: usize| {
        let piece = &line[s..e];
        let lead = piece.len() - piece.trim_start_matches(is_blank).len();
        let trail = piece.len() - piece.trim_end_matches(is_blank).len();
        let (s, e) = (s + lead, e - trail);
        if s < e && line[s..e].chars().any(char::is_alphanumeric) {
            out.push((s, e));
        }
    };
    for (i, c) in line[from..].char_indices() {
        if ends_clause(c) {
            let end = from + i + c.len_utf8();
            push(start, end);
            start = end;
        }
    }
    if start < line.len() {
        push(start, line.len());
    }
}

/// The byte span of heading `title` (with its marker) in `line`.
fn heading_span(line: &str, marker: &str, title: &str) -> (usize, usize) {
    let lead = line.len() - line.trim_start_matches(is_blank).len();
    let start = line[lead..].find(marker).map_or(lead, |p| lead + p);
    let end = match line[start..].find(title) {
        Some(p) if !title.is_empty() => start + p + title.len(),
        _ => line[start..].find(ends_clause).map_or(line.len(), |p| start + p),
    };
    (start, end.max(start))
}

/// The items of one document, in line order (title first, metrics last).
pub(crate) fn doc_items(doc_index: u32, doc: &Document) -> Vec<Item> {
    let mut items = Vec::new();
    let item = |kind, line: usize, (start, end): (usize, usize)| Item {
        doc: doc_index,
        line: line as u32,
        start: start as u32,
        end: end as u32,
        chars: 0,
        kind,
    };
    // The title: shown as the card's title; located on the first line that starts it.
    let title = doc.title();
    let probe: String = title.chars().take(6).collect();
    let title_line = (1..=doc.line_count().min(30))
        .find(|&n| !probe.is_empty() && doc.line(n).contains(&probe))
        .unwrap_or(1);
    let tl = doc.line(title_line);
    let tspan = tl.find(title).map_or((0, tl.len()), |p| (p, p + title.len()));
    items.push(item(Kind::Doc, title_line, tspan));

    let headings = &doc.headings;
    let mut next_heading = 0;
    let mut spans = Vec::new();
    for (n, line) in doc.body_lines() {
        let mut from = 0;
        while next_heading < headings.len() && headings[next_heading].line <= n {
            let h = &headings[next_heading];
            if h.line == n {
                let span = heading_span(line, &h.marker, &h.title);
                items.push(item(Kind::Heading, n, span));
                from = span.1;
            }
            next_heading += 1;
        }
        spans.clear();
        clauses(line, from, &mut spans);
        items.extend(spans.iter().map(|&s| item(Kind::Text, n, s)));
    }
    for (i, m) in doc.metrics.iter().enumerate() {
        items.push(item(Kind::Metric, m.line, (m.start, i)));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(line: &str) -> Vec<&str> {
        let mut v = Vec::new();
        clauses(line, 0, &mut v);
        v.into_iter().map(|(s, e)| &line[s..e]).collect()
    }

    #[test]
    fn text_splits_at_sentence_and_clause_ends_full_width_or_not() {
        assert_eq!(
            pieces("  一是甲。二是乙;三是丙!丁?戊"),
            ["一是甲。", "二是乙;", "三是丙!", "丁?", "戊"]
        );
        assert_eq!(pieces("一;二;"), ["一;", "二;"]);
        assert!(pieces("。。 ——").is_empty());
    }

    #[test]
    fn heading_span_covers_marker_and_title() {
        let line = "(二)做好行政复议、行政诉讼工作。一是认真";
        let (s, e) = heading_span(line, "(二)", "做好行政复议、行政诉讼工作");
        assert_eq!(&line[s..e], "(二)做好行政复议、行政诉讼工作");
    }
}
