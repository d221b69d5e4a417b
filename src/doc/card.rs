//! The document card: the official document elements (title, year, published date, 发文字号,
//! 签发人, 主送机关, 发文机关署名, 成文日期, 抄送) and the range of body lines that excludes site
//! navigation, share buttons, footers, ICP numbers and contact blocks.
//!
//! The body range of a page with no visible text at all is `1..=0` (`body_first_line` 1,
//! `body_last_line` 0): empty, so [`Document::body_lines`] yields nothing. Every other page has
//! `1 <= body_first_line <= body_last_line <= line_count`.

mod body;
mod closing;
pub mod dates;
pub mod fields;
pub mod noise;
mod title;
mod year;

#[cfg(test)]
mod tests;

use serde::Serialize;

use self::body::{Layout, Page};
use self::noise::LineKind;
use super::Document;

pub use self::noise::is_chrome;

/// The card of one document. Unknown fields are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Card {
    /// The report's title, joined when split over lines.
    pub title: Option<String>,
    /// The year the report covers.
    pub year: Option<i32>,
    /// Published date (`YYYY-MM-DD`) from the page's 发布日期/发布时间.
    pub published: Option<String>,
    /// 发文机关署名.
    pub issuer: Option<String>,
    /// 成文日期, ISO.
    pub date: Option<String>,
    /// 发文字号.
    pub doc_number: Option<String>,
    /// 签发人.
    pub signer: Option<String>,
    /// 主送机关.
    pub addressee: Option<String>,
    /// 抄送.
    pub cc: Option<String>,
    /// First line (1-based) of the report's own text.
    pub body_first_line: usize,
    /// Last line (1-based) of the report's own text.
    pub body_last_line: usize,
}

/// Reads the card of a document whose lines and outline are already known.
pub fn parse(doc: &Document) -> Card {
    let page = Page::new(doc);
    let layout = body::layout(&page);
    let Some((first, last)) = layout.body else {
        return Card { body_first_line: 1, body_last_line: 0, ..Card::default() };
    };
    // Lines outside the body (head first, then tail) carry the page's metadata.
    let outside: Vec<usize> = (0..first).chain(last + 1..page.len()).collect();
    // The head without the title lines: where the 发文字号 and 签发人 stand.
    let head: Vec<usize> = (0..first).filter(|i| !layout.title.contains(i)).collect();
    let labelled =
        |label: &str| outside.iter().find_map(|&i| label_at(&page, (first, last), i, label, true));

    let title =
        labelled("标题").or_else(|| labelled("名称")).or_else(|| title_text(&page, &layout));
    let closing = layout.closing.as_ref();
    let first_is_addressee = fields::addressee(page.raw[first]);
    let date = closing
        .map(|c| c.date.iso())
        .or_else(|| labelled("成文日期").and_then(|v| dates::find_date(&v).map(|(d, _)| d.iso())));
    // In the head any 发文字号 is the report's own; in the tail (lists of related documents)
    // only a labelled one is.
    let doc_number = head.iter().find_map(|&i| doc_number_in(page.raw[i])).or_else(|| {
        labelled("发文字号").or_else(|| labelled("文号")).and_then(|v| doc_number_in(&v))
    });
    let year = year::find(&year::Sources {
        page: &page,
        body: (first, last),
        title: title.as_deref(),
        signed: closing
            .map(|c| c.date.year)
            .or_else(|| date.as_deref().and_then(|d| d.get(..4)).and_then(|y| y.parse().ok())),
        doc_number: doc_number.as_deref(),
    });
    Card {
        year,
        title,
        published: published(&page, (first, last), &outside, &head),
        issuer: closing.and_then(|c| c.issuer.clone()).or_else(|| labelled("发文机关")),
        date,
        doc_number,
        signer: head.iter().find_map(|&i| fields::signer(page.raw[i])),
        addressee: first_is_addressee,
        cc: (first..=last).rev().take(30).find_map(|i| fields::cc(page.raw[i])),
        body_first_line: first + 1,
        body_last_line: last + 1,
    }
}

/// The first 发文字号 in `s`.
fn doc_number_in(s: &str) -> Option<String> {
    fields::find_doc_number(s).map(|r| s[r].to_string())
}

/// The title lines, each cleaned of chrome, joined without a separator (a title broken over
/// lines is broken inside a phrase).
///
/// With no title lines, a first body line that runs on for hundreds of characters (its line
/// breaks lost) may open with the title ([`title::glued`]).
fn title_text(page: &Page, layout: &Layout) -> Option<String> {
    let t: String = layout.title.iter().map(|&i| title::clean(page.raw[i])).collect();
    let t = title::close_up(&t);
    if !t.is_empty() {
        return Some(t);
    }
    let (first, _) = layout.body?;
    let n = &page.norm[first];
    (n.len() > RUN_ON_BYTES).then(|| title::glued(n)).flatten()
}

/// A line longer than this (bytes; a thousand characters or so) has lost its line breaks.
const RUN_ON_BYTES: usize = 3000;

/// The published date: a labelled date (`发布日期:` …) outside the body, head first; else a
/// numeric date (`2024-03-04`, not `2024年`, which titles and subtitles use) in the head.
fn published(
    page: &Page,
    body: (usize, usize),
    outside: &[usize],
    head: &[usize],
) -> Option<String> {
    let labelled = outside.iter().find_map(|&i| {
        noise::DATE_LABELS.iter().find_map(|l| {
            let v = label_at(page, body, i, l, false)?;
            dates::date_at_start(&v).map(|(d, _)| d.iso())
        })
    });
    labelled.or_else(|| {
        head.iter().find_map(|&i| {
            let n = &page.norm[i];
            let (d, r) = dates::find_date(n)?;
            n[r].contains(['-', '/', '.']).then(|| d.iso())
        })
    })
}

/// The value after `label` on line `i`; when the label ends its line (a metadata table whose
/// cells became lines), the next non-blank line outside the body, if it is plain text.
fn label_at(
    page: &Page,
    (first, last): (usize, usize),
    i: usize,
    label: &str,
    colon: bool,
) -> Option<String> {
    let v = fields::tidy(fields::after_label(page.raw[i], label, colon)?);
    if !v.is_empty() {
        return Some(v);
    }
    let next = (i + 1..page.len()).find(|&j| page.kind[j] != LineKind::Blank)?;
    let outside = next < first || next > last;
    (outside && page.kind[next] == LineKind::Text).then(|| fields::tidy(page.raw[next]))
}
