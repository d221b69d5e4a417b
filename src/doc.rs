//! The document model: one loaded report with its decoded text, card, outline and metrics.
//!
//! Nothing is ever deleted from a document: `text` holds every line of the file as decoded;
//! cleaning only marks the range of lines that is the report's own text
//! ([`Card::body_first_line`] ..= [`Card::body_last_line`]).

pub mod card;
pub mod load;
pub(crate) mod parts;
pub mod samples;

pub use card::Card;
pub use load::{load_paths, LoadError};

use crate::metrics::{self, Metric};
use crate::outline::{self, Heading};

/// The source format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (`.txt`, `.text`, `.md`).
    Text,
    /// An HTML page; `text` holds the extracted text, one block element per line.
    Html,
}

/// One loaded report.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as given (bundled samples: `samples/NAME.txt`).
    pub path: String,
    /// The encoding as detected (`UTF-8`, `GB18030`, `UTF-16LE`, …).
    pub encoding: String,
    /// The source format.
    pub format: Format,
    /// Every decoded line joined by `\n` (CRLF and CR normalised).
    text: String,
    /// Byte offset of the start of each line in `text`.
    line_starts: Vec<usize>,
    /// The document card (title, dates, signer, body range …).
    pub card: Card,
    /// The outline, in line order.
    pub headings: Vec<Heading>,
    /// The stated quantities, in document order.
    pub metrics: Vec<Metric>,
    /// Problems met loading that did not stop it (`invalid UTF-8 at byte 812, shown as
    /// U+FFFD`); empty for most documents. Set by the loader after [`Document::new`].
    pub warnings: Vec<String>,
    /// [`Document::text_hash`], once known.
    text_hash: TextHash,
}

/// The hash of a document's text, computed at most once: the cache, the remembered places and
/// the stored search index all key on it, and hashing 400 MB three times showed in a warm
/// start. Left out of `Debug` (whether it was computed yet is not part of the document).
#[derive(Clone, Default)]
struct TextHash(std::sync::OnceLock<u64>);

impl std::fmt::Debug for TextHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TextHash")
    }
}

impl Document {
    /// Builds a document from decoded text: splits lines, parses card, outline and metrics.
    pub fn new(
        path: impl Into<String>,
        encoding: impl Into<String>,
        format: Format,
        text: String,
    ) -> Self {
        let text = normalize_line_ends(text);
        let line_starts = line_starts(&text);
        let mut doc = Document {
            path: path.into(),
            encoding: encoding.into(),
            format,
            text,
            line_starts,
            card: Card::default(),
            headings: Vec::new(),
            metrics: Vec::new(),
            warnings: Vec::new(),
            text_hash: TextHash::default(),
        };
        doc.headings = outline::parse(doc.lines());
        doc.card = card::parse(&doc);
        // Quantities in site navigation and footers are not the report's.
        let (first, last) = (doc.card.body_first_line, doc.card.body_last_line);
        doc.metrics = metrics::extract(doc.lines(), &doc.headings);
        doc.metrics.retain(|m| (first..=last).contains(&m.line));
        // Kept for the whole run: no spare capacity.
        doc.headings.shrink_to_fit();
        doc.metrics.shrink_to_fit();
        doc
    }

    /// The whole decoded text, lines joined by `\n`.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The hash of the text ([`crate::store::content_hash`] of its bytes), computed once.
    pub fn text_hash(&self) -> u64 {
        *self.text_hash.0.get_or_init(|| crate::store::content_hash(self.text.as_bytes()))
    }

    /// Records the hash of the text when the loader knows it already (the text is the file's
    /// bytes, hashed on reading). `hash` must be [`crate::store::content_hash`] of the text.
    pub(crate) fn set_text_hash(&self, hash: u64) {
        let _ = self.text_hash.0.set(hash);
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Line `n` (1-based) without its line end; empty past the end.
    pub fn line(&self, n: usize) -> &str {
        if n == 0 || n > self.line_starts.len() {
            return "";
        }
        let start = self.line_starts[n - 1];
        let end = match self.line_starts.get(n) {
            Some(&next) => next - 1,
            // The last line: leave out a final line end.
            None => self.text.len() - usize::from(self.text.ends_with('\n')),
        };
        self.text.get(start..end).unwrap_or("")
    }

    /// All lines, line 1 first.
    pub fn lines(&self) -> impl Iterator<Item = &str> + '_ {
        (1..=self.line_count()).map(move |n| self.line(n))
    }

    /// Byte offset of the start of line `n` (1-based) in [`Document::text`].
    pub fn line_start(&self, n: usize) -> usize {
        self.line_starts.get(n.saturating_sub(1)).copied().unwrap_or(self.text.len())
    }

    /// The title for display: the card's title, else the file name.
    pub fn title(&self) -> &str {
        match &self.card.title {
            Some(t) => t,
            None => self.file_name(),
        }
    }

    /// A short name for lists and charts: the issuing body named at the start of the title
    /// (up to `关于` or the year; of several bodies the last) and the year covered, e.g.
    /// `渭南高新区管委会 2020`; the file name when the title names no body.
    pub fn short_title(&self) -> String {
        let title = self.title();
        let cut = title
            .char_indices()
            .find(|&(i, c)| {
                title[i..].starts_with("关于")
                    || (c.is_ascii_digit()
                        && title[i..].chars().take(5).collect::<String>().ends_with('年'))
            })
            .map_or(title.len(), |(i, _)| i);
        let body = title[..cut].split_whitespace().last().unwrap_or("");
        let name = if body.is_empty() || cut == title.len() {
            self.file_name().rsplit_once('.').map_or(self.file_name(), |(stem, _)| stem)
        } else {
            body
        };
        match self.card.year {
            Some(y) if !name.contains(&y.to_string()) => format!("{name} {y}"),
            _ => name.to_string(),
        }
    }

    /// The enclosing heading of `metric` (one of this document's metrics), if any.
    pub fn metric_heading(&self, metric: &Metric) -> Option<&Heading> {
        self.headings.get(metric.heading?)
    }

    /// The last component of the path.
    pub fn file_name(&self) -> &str {
        self.path.rsplit(['/', '\\']).next().unwrap_or(&self.path)
    }

    /// The cleaned reading text: the body lines only, as `(line number, text)`.
    pub fn body_lines(&self) -> impl Iterator<Item = (usize, &str)> + '_ {
        let (first, last) = (self.card.body_first_line.max(1), self.card.body_last_line);
        (first..=last.min(self.line_count())).map(move |n| (n, self.line(n)))
    }
}

/// Byte offsets of the line starts of `text` (line ends already `\n`).
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    // The memchr crate's vectorised search: this loop was a twentieth of a warm start.
    starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
    // A final line end does not open another (empty) line.
    if starts.len() > 1 && starts.last() == Some(&text.len()) {
        starts.pop();
    }
    starts
}

/// Turns CRLF and lone CR line ends into `\n`, in place (a large file is not copied).
fn normalize_line_ends(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    let mut bytes = text.into_bytes();
    let (mut read, mut write) = (0, 0);
    while let Some(&b) = bytes.get(read) {
        read += 1;
        if b == b'\r' {
            bytes[write] = b'\n';
            if bytes.get(read) == Some(&b'\n') {
                read += 1;
            }
        } else {
            bytes[write] = b;
        }
        write += 1;
    }
    bytes.truncate(write);
    // Only ASCII bytes were replaced or removed: still UTF-8, the fallback is never taken.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_numbered_from_one_and_line_ends_normalised() {
        let d = Document::new("x.txt", "UTF-8", Format::Text, "a\r\nb\rc\n".into());
        assert_eq!(d.line_count(), 3);
        assert_eq!(d.lines().collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!(d.line(0), "");
        assert_eq!(d.line(4), "");
        let d = Document::new("x.txt", "UTF-8", Format::Text, "一\r\r\n二\r\n\r三\r".into());
        assert_eq!(d.lines().collect::<Vec<_>>(), ["一", "", "二", "", "三"]);
        assert_eq!(d.text(), "一\n\n二\n\n三\n");
    }

    #[test]
    fn short_titles_name_the_body_and_the_year() {
        let short = |text: &str| {
            Document::new("dir/x-2020.txt", "UTF-8", Format::Text, text.into()).short_title()
        };
        let body = "\n一、工作情况\n2020年,我区坚持依法行政,取得新成效,现将有关情况报告如下。";
        assert_eq!(
            short(&format!("天津滨海高新区2020年法治政府建设报告{body}")),
            "天津滨海高新区 2020"
        );
        assert_eq!(
            short(&format!("渭南高新区管委会关于2020年度法治政府建设工作的报告{body}")),
            "渭南高新区管委会 2020"
        );
        assert_eq!(
            short(&format!("中共厦门市委火炬高新区工委 厦门火炬高新区管委会关于2020年法治政府建设工作情况的报告{body}")),
            "厦门火炬高新区管委会 2020"
        );
    }
}
