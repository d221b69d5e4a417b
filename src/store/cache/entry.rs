//! What the cache keeps of one document: its parse results in a serde form of their own, and
//! its text only when re-decoding the source would not give it back.
//!
//! The model types are mirrored here rather than given `Deserialize`: their `Serialize` is the
//! CLI's JSON (which leaves some fields out), and the conversions below name every field, so a
//! field added to the model fails to compile here until the cache keeps it too.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use crate::doc::{Card, Document, Format};
use crate::metrics::Metric;
use crate::outline::{Heading, Style};

/// A document's parse results.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct CachedDoc {
    encoding: String,
    html: bool,
    text: CachedText,
    card: CachedCard,
    headings: Vec<CachedHeading>,
    metrics: Vec<CachedMetric>,
    warnings: Vec<String>,
}

/// Where the text comes from on a hit.
#[derive(Debug, Serialize, Deserialize)]
enum CachedText {
    /// Decoding the source bytes with the named encoding gives the text back (checked when
    /// the entry was written): plain text files, the common case, store no text.
    Decode,
    /// The text itself: HTML extraction, or a decoding that re-decoding would not reproduce.
    Stored(String),
}

#[derive(Debug, Serialize, Deserialize)]
struct CachedCard {
    title: Option<String>,
    year: Option<i32>,
    published: Option<String>,
    issuer: Option<String>,
    date: Option<String>,
    doc_number: Option<String>,
    signer: Option<String>,
    addressee: Option<String>,
    cc: Option<String>,
    body_first_line: usize,
    body_last_line: usize,
}

#[derive(Debug, Serialize, Deserialize)]
struct CachedHeading {
    line: usize,
    level: usize,
    marker: CompactString,
    title: CompactString,
    style: u8,
    col: Option<usize>,
}

#[derive(Debug, Serialize, Deserialize)]
struct CachedMetric {
    line: usize,
    start: usize,
    raw: CompactString,
    value: f64,
    unit: CompactString,
    approx: bool,
    label: CompactString,
    heading: Option<usize>,
}

impl CachedDoc {
    /// The entry for `doc`; `same_as_source`: its text is the source file's bytes as they
    /// are, so the entry need not keep it.
    pub(super) fn new(doc: &Document, same_as_source: bool) -> CachedDoc {
        let html = doc.format == Format::Html;
        let text = if same_as_source && !html {
            CachedText::Decode
        } else {
            CachedText::Stored(doc.text().to_string())
        };
        CachedDoc {
            encoding: doc.encoding.clone(),
            html,
            text,
            card: card_out(&doc.card),
            headings: doc.headings.iter().map(heading_out).collect(),
            metrics: doc.metrics.iter().map(metric_out).collect(),
            warnings: doc.warnings.clone(),
        }
    }

    /// The document back, named `path`, its text from `bytes` (taken, not copied) or the
    /// entry; the bytes back when the entry does not fit (an unknown style, bytes that no
    /// longer decode).
    /// `hash` is the content hash of `bytes`: the text's own when the text is the bytes.
    pub(super) fn into_document(
        self,
        path: String,
        bytes: Vec<u8>,
        hash: u64,
    ) -> Result<Document, Vec<u8>> {
        let Some(headings) = self.headings.into_iter().map(heading_in).collect::<Option<Vec<_>>>()
        else {
            return Err(bytes);
        };
        let (text, known_hash) = match self.text {
            CachedText::Decode => (decode(bytes, &self.encoding)?, Some(hash)),
            CachedText::Stored(t) => (t, None),
        };
        let format = if self.html { Format::Html } else { Format::Text };
        let mut doc = Document::from_parts(
            path,
            self.encoding,
            format,
            text,
            card_in(self.card),
            headings,
            self.metrics.into_iter().map(metric_in).collect(),
        );
        doc.warnings = self.warnings;
        if let Some(h) = known_hash {
            doc.set_text_hash(h);
        }
        Ok(doc)
    }
}

/// Decodes `bytes` strictly with the encoding the loader named; only text that is the bytes as
/// they are (UTF-8 without a byte order mark) is cached this way, and it becomes the text in
/// place. Anything else: the bytes back.
fn decode(bytes: Vec<u8>, encoding: &str) -> Result<String, Vec<u8>> {
    if encoding != "UTF-8" || bytes.starts_with(b"\xEF\xBB\xBF") {
        return Err(bytes);
    }
    // encoding_rs validates UTF-8 several times faster than `std::str::from_utf8` on Chinese
    // text, and hands the text out as it is; copying it is cheaper than having std check it
    // again (that check was a fifth of a warm start's CPU time at 20,000 reports).
    match encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(&bytes) {
        Some(text) => Ok(text.into_owned()),
        None => Err(bytes),
    }
}

fn card_out(c: &Card) -> CachedCard {
    let Card {
        title,
        year,
        published,
        issuer,
        date,
        doc_number,
        signer,
        addressee,
        cc,
        body_first_line,
        body_last_line,
    } = c.clone();
    CachedCard {
        title,
        year,
        published,
        issuer,
        date,
        doc_number,
        signer,
        addressee,
        cc,
        body_first_line,
        body_last_line,
    }
}

fn card_in(c: CachedCard) -> Card {
    Card {
        title: c.title,
        year: c.year,
        published: c.published,
        issuer: c.issuer,
        date: c.date,
        doc_number: c.doc_number,
        signer: c.signer,
        addressee: c.addressee,
        cc: c.cc,
        body_first_line: c.body_first_line,
        body_last_line: c.body_last_line,
    }
}

/// Styles in a fixed order: the position is what is stored.
const STYLES: [Style; 12] = [
    Style::Part,
    Style::Section,
    Style::Article,
    Style::CnDun,
    Style::CnParen,
    Style::NumDot,
    Style::NumParen,
    Style::Circled,
    Style::CnShi,
    Style::Ordinal,
    Style::Standalone,
    Style::Lead,
];

fn style_code(s: Style) -> u8 {
    // Exhaustive, so a new style fails to compile until it has a code.
    match s {
        Style::Part => 0,
        Style::Section => 1,
        Style::Article => 2,
        Style::CnDun => 3,
        Style::CnParen => 4,
        Style::NumDot => 5,
        Style::NumParen => 6,
        Style::Circled => 7,
        Style::CnShi => 8,
        Style::Ordinal => 9,
        Style::Standalone => 10,
        Style::Lead => 11,
    }
}

fn heading_out(h: &Heading) -> CachedHeading {
    let Heading { line, level, marker, title, style, col } = h.clone();
    CachedHeading { line, level, marker, title, style: style_code(style), col }
}

fn heading_in(h: CachedHeading) -> Option<Heading> {
    let style = *STYLES.get(usize::from(h.style))?;
    Some(Heading {
        line: h.line,
        level: h.level,
        marker: h.marker,
        title: h.title,
        style,
        col: h.col,
    })
}

fn metric_out(m: &Metric) -> CachedMetric {
    let Metric { line, start, raw, value, unit, approx, label, heading } = m.clone();
    CachedMetric { line, start, raw, value, unit, approx, label, heading }
}

fn metric_in(m: CachedMetric) -> Metric {
    Metric {
        line: m.line,
        start: m.start,
        raw: m.raw,
        value: m.value,
        unit: m.unit,
        approx: m.approx,
        label: m.label,
        heading: m.heading,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_codes_round_trip() {
        for (i, s) in STYLES.iter().enumerate() {
            assert_eq!(usize::from(style_code(*s)), i);
        }
    }

    #[test]
    fn headings_round_trip_with_their_col_and_every_style() {
        for (i, &style) in STYLES.iter().enumerate() {
            let h = Heading {
                line: i + 1,
                level: 1,
                marker: "（四）".into(),
                title: "加强对煤炭资源的规划管理".into(),
                style,
                col: (i % 2 == 0).then_some(1409),
            };
            let bytes = postcard::to_stdvec(&heading_out(&h)).expect("serialise");
            let back: CachedHeading = postcard::from_bytes(&bytes).expect("deserialise");
            assert_eq!(heading_in(back), Some(h));
        }
    }

    #[test]
    fn only_the_bytes_as_they_are_decode_from_the_source() {
        let ok = |b: &[u8], enc: &str| decode(b.to_vec(), enc).ok();
        assert_eq!(ok("中文ab".as_bytes(), "UTF-8").as_deref(), Some("中文ab"));
        assert_eq!(ok(b"\xEF\xBB\xBFab", "UTF-8"), None, "a BOM: the entry keeps the text");
        assert_eq!(ok(b"a\xFFb", "UTF-8"), None);
        assert_eq!(ok(b"\xD6\xD0\xCE\xC4", "GB18030"), None, "decoded text is kept instead");
        assert_eq!(decode(b"a\xFFb".to_vec(), "UTF-8"), Err(b"a\xFFb".to_vec()), "bytes back");
    }
}
