//! Building a document from parse results kept elsewhere (the on-disk cache), without parsing.

use super::{card::Card, line_starts, normalize_line_ends, Document, Format};
use crate::metrics::Metric;
use crate::outline::Heading;

impl Document {
    /// A document from its decoded text and parse results already known (from
    /// [`crate::store::cache`]), without running the parsers. Line ends are normalised as in
    /// [`Document::new`]; other fields (warnings) start empty for the caller to set.
    pub fn from_parts(
        path: impl Into<String>,
        encoding: impl Into<String>,
        format: Format,
        text: String,
        card: Card,
        headings: Vec<Heading>,
        metrics: Vec<Metric>,
    ) -> Document {
        // `new` on no text parses nothing; then the real text and results go in.
        let mut doc = Document::new(path, encoding, format, String::new());
        let text = normalize_line_ends(text);
        doc.line_starts = line_starts(&text);
        doc.text = text;
        doc.card = card;
        doc.headings = headings;
        doc.metrics = metrics;
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_parts_has_the_lines_of_new_without_parsing() {
        for text in ["", "a", "a\n", "a\r\nb\rc\n", "\n\n", "一、总则\n正文\n"] {
            let parsed = Document::new("x.txt", "UTF-8", Format::Text, text.to_string());
            let built = Document::from_parts(
                "x.txt",
                "UTF-8",
                Format::Text,
                text.into(),
                Card::default(),
                vec![],
                vec![],
            );
            assert_eq!(built.text(), parsed.text(), "{text:?}");
            assert_eq!(built.lines().collect::<Vec<_>>(), parsed.lines().collect::<Vec<_>>());
            assert_eq!(built.line_count(), parsed.line_count());
        }
    }
}
