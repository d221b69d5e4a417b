//! Where the report's own text lies on the page: the title lines, and the first and last body
//! lines. Nothing is removed; only line indices are computed.
//!
//! Choices the spec leaves open (when in doubt, the body keeps text):
//! - Chrome and metadata lines split the page into stretches; one inside the report (a
//!   `来源:` line under its first paragraph, a photo credit, a share widget) does not end it.
//!   A stretch after chrome is the report's when it holds an outline heading or at least a
//!   tenth of the prose before it ([`TAIL_SHARE`]); a footer's teaser, a related-links list or
//!   a licence note is less.
//! - A first stretch with no heading and under a tenth of the prose after it is page text
//!   above the report (the title is then looked for above the report's real start).
//! - Every outline heading lies in the body; an appendix (附件, 名词解释) is the report's.

use super::closing::{self, Closing};
use super::dates;
use super::fields;
use super::noise::{self, LineKind};
use super::title;
use crate::doc::Document;

/// One page, line by line, as the card's rules see it (indices are 0-based here).
pub struct Page<'a> {
    /// The lines as written.
    pub raw: Vec<&'a str>,
    /// The lines [`noise::norm`]ed.
    pub norm: NormLines,
    /// What each line is.
    pub kind: Vec<LineKind>,
    /// Whether the outline parser made the line a heading (an extra signal only).
    pub heading: Vec<bool>,
    /// The outline's headings (0-based line, title), in document order.
    pub headings: Vec<(usize, &'a str)>,
}

impl<'a> Page<'a> {
    /// Reads every line of `doc`.
    pub fn new(doc: &'a Document) -> Page<'a> {
        let raw: Vec<&str> = doc.lines().collect();
        let norm = NormLines::new(&raw);
        let kind = (0..raw.len()).map(|i| noise::classify(&norm[i])).collect();
        let mut heading = vec![false; raw.len()];
        let mut headings = Vec::with_capacity(doc.headings.len());
        for h in &doc.headings {
            if let Some(i) = h.line.checked_sub(1).filter(|&i| i < raw.len()) {
                heading[i] = true;
                headings.push((i, h.title.as_str()));
            }
        }
        Page { raw, norm, kind, heading, headings }
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.raw.len()
    }

    /// A line of the report's prose rather than of its title block: a heading, a sentence
    /// (`。`), an addressee or salutation (ends with `:`; a short line ending with `!`, as
    /// `各位代表!` `同志们!`), or longer than any title (over 100 characters).
    pub fn body_like(&self, i: usize) -> bool {
        let n = &self.norm[i];
        self.kind[i] == LineKind::Text
            && (self.heading[i]
                || n.contains('。')
                || n.ends_with(':')
                || is_exclamation(n)
                || n.chars().count() > 100
                || starts_with_marker(n))
    }

    /// A line under a title that still belongs to the title block: a date alone, an author
    /// (organisation names only), a bracketed note (`(2021年1月)`) or a `——` subtitle.
    fn title_block_extra(&self, i: usize) -> bool {
        let n = &self.norm[i];
        dates::parse_date(n).is_some()
            || fields::org_line(self.raw[i]).is_some()
            || (n.starts_with('(') && n.ends_with(')') && !n.contains('。'))
            || title::is_subtitle(n)
    }

    /// A line that may be (part of) the title: text that is neither prose, nor a date alone,
    /// nor a `——` subtitle.
    pub fn title_like(&self, i: usize) -> bool {
        self.kind[i] == LineKind::Text
            && !self.body_like(i)
            && dates::parse_date(&self.norm[i]).is_none()
            && !title::is_subtitle(&self.norm[i])
    }

    /// The prose characters of line `i`: its length when it is [`Page::body_like`], else 0.
    fn prose(&self, i: usize) -> usize {
        if self.body_like(i) {
            self.norm[i].chars().count()
        } else {
            0
        }
    }
}

/// The [`noise::norm`]ed lines of a page in one buffer: a page has thousands of lines, and a
/// string each cost an allocation each.
pub struct NormLines {
    /// The lines one after another.
    text: String,
    /// Where each line ends in `text`.
    ends: Vec<usize>,
}

impl NormLines {
    /// Normalises every line of `raw`.
    fn new(raw: &[&str]) -> NormLines {
        let mut text = String::with_capacity(raw.iter().map(|l| l.len()).sum());
        let mut ends = Vec::with_capacity(raw.len());
        for line in raw {
            noise::norm_into(line, &mut text);
            ends.push(text.len());
        }
        NormLines { text, ends }
    }
}

impl std::ops::Index<usize> for NormLines {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p]);
        &self.text[start..self.ends[i]]
    }
}

/// The report's place on the page (0-based line indices).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The title's lines, in order (empty when none was found).
    pub title: Vec<usize>,
    /// First and last body line; `None` when the page has no visible text.
    pub body: Option<(usize, usize)>,
    /// The signed 成文日期, when the body ends with one.
    pub closing: Option<Closing>,
}

/// A short line ending with `!`: a salutation (`各位代表!`, `同志们!`) or an exclamation, never
/// a title.
fn is_exclamation(n: &str) -> bool {
    n.ends_with('!') && n.chars().count() <= 12
}

/// True when `n` starts with an official heading marker: `一、` `(一)` `1.` `1、` `第一部分`.
pub fn starts_with_marker(n: &str) -> bool {
    let cn = |c: char| "一二三四五六七八九十".contains(c);
    let first_non = |s: &str, f: &dyn Fn(char) -> bool| s.chars().find(|&c| !f(c));
    let mut cs = n.chars();
    match cs.next() {
        Some(c) if cn(c) => first_non(n, &cn) == Some('、'),
        Some('(') => {
            let inner = cs.as_str();
            inner.starts_with(|c: char| cn(c) || c.is_ascii_digit())
                && first_non(inner, &|c| cn(c) || c.is_ascii_digit()) == Some(')')
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = n.trim_start_matches(|c: char| c.is_ascii_digit());
            let mut r = rest.chars();
            matches!(r.next(), Some('、') | Some('.'))
                && !r.next().is_some_and(|c| c.is_ascii_digit())
        }
        Some('第') => {
            let rest = cs.as_str().trim_start_matches(cn);
            rest.len() < cs.as_str().len() && rest.starts_with(['部', '章', '节', '条'])
        }
        _ => false,
    }
}

/// Finds the title lines and the body range of `page`.
pub fn layout(page: &Page) -> Layout {
    let len = page.len();
    // The title block ends where the prose starts.
    let head_end = (0..len).find(|&i| page.body_like(i)).unwrap_or(len);
    let mut title = title::pick(page, head_end);
    let after_title = title.last().map_or(0, |&t| t + 1);
    let text = |i: &usize| page.kind[*i] == LineKind::Text;
    // The body starts at the first prose line after the title (the addressee counts: it is
    // body-like), taking in the text lines directly above it that are not part of the title
    // block, so that a first paragraph hard-wrapped into short lines stays whole while page
    // text separated from the prose by a blank or chrome line stays out.
    let first = (after_title..len).find(|&i| page.body_like(i)).map(|mut b| {
        while b > after_title && text(&(b - 1)) && !page.title_block_extra(b - 1) {
            b -= 1;
        }
        b
    });
    let first = first.or_else(|| (after_title..len).find(text)).or_else(|| (0..len).find(text));
    let Some(first) = first else {
        // No text at all: keep every visible line rather than show an empty report.
        let visible = |i: &usize| page.kind[*i] != LineKind::Blank;
        let body = (0..len).find(visible).zip((0..len).rev().find(visible));
        return Layout { title, body, closing: None };
    };
    let (start, mut last) = prose_range(page, first);
    if start > first {
        // The prose before the report was page text: the title may stand below it.
        let again = title::pick(page, start);
        if !again.is_empty() {
            title = again;
        }
    }
    let first = start;
    let closing = closing::find(page, first, last);
    // A signed date closes the report: after it only a 附注, 抄送, 印发 or 附件 belongs to it,
    // so page text nothing recognised as chrome is still cut there.
    if let Some(c) = closing.as_ref().filter(|c| c.issuer.is_some()) {
        let mut end = c.line;
        for i in c.line + 1..=last {
            if page.kind[i] != LineKind::Text {
                continue;
            }
            if !closing::after_signature(&page.norm[i]) {
                break;
            }
            end = i;
            if page.norm[i].starts_with("附件") {
                // An appendix runs to the end of the body.
                end = last;
                break;
            }
        }
        last = end;
    }
    // No heading is ever left out of the body.
    if let Some(h) = (last + 1..len).rev().find(|&i| page.heading[i]) {
        last = h;
    }
    let first = (after_title..first).find(|&i| page.heading[i]).unwrap_or(first);
    Layout { title, body: Some((first, last)), closing }
}

/// A stretch of the page between chrome or metadata lines.
#[derive(Debug, Default)]
struct Stretch {
    /// First and last text line, if it has any.
    text: Option<(usize, usize)>,
    /// Characters of prose in it ([`Page::prose`]).
    prose: usize,
    /// Whether it holds an outline heading.
    heading: bool,
}

/// The stretches of text from line `from` on, split at chrome and metadata lines.
fn stretches(page: &Page, from: usize) -> Vec<Stretch> {
    let mut out = vec![Stretch::default()];
    for i in from..page.len() {
        match page.kind[i] {
            LineKind::Chrome | LineKind::Meta => {
                if out.last().is_some_and(|s| s.text.is_some()) {
                    out.push(Stretch::default());
                }
            }
            LineKind::Text => {
                let Some(s) = out.last_mut() else { continue };
                s.text = Some(s.text.map_or((i, i), |(a, _)| (a, i)));
                s.prose += page.prose(i);
                s.heading |= page.heading[i];
            }
            LineKind::Blank | LineKind::Punct => {}
        }
    }
    out
}

/// How much smaller than the report before it a stretch after chrome may be and still be the
/// report's (a footer's related-news teaser or a licence note is a sliver of it).
const TAIL_SHARE: usize = 10;

/// The body's first and last text line, the body starting at text line `first`: chrome or
/// metadata inside the report (a `来源:` line under its first paragraph, a photo credit, a
/// toolbar) does not end it. A stretch after chrome belongs to the report when it holds a
/// heading or at least a tenth as much prose as the report before it; the body ends with the
/// last such stretch. A first stretch that is a sliver (no heading, less than a tenth of the
/// prose after it) is page text above the report, or the title block's last line (a
/// delivery line `2025年1月13日在…会议上…作政府工作报告。` over a `来源:` line).
fn prose_range(page: &Page, first: usize) -> (usize, usize) {
    let parts = stretches(page, first);
    let parts: Vec<(&Stretch, (usize, usize))> =
        parts.iter().filter_map(|s| s.text.map(|t| (s, t))).collect();
    let Some(&(head, (_, head_last))) = parts.first() else { return (first, first) };
    let sliver =
        parts.get(1).is_some_and(|(next, _)| !head.heading && head.prose * TAIL_SHARE < next.prose);
    let skip = usize::from(sliver);
    let start = parts.get(skip).map_or(first, |(_, (a, _))| *a);
    let mut last = if sliver { start } else { head_last };
    let mut before = 0;
    for (k, (s, (_, end))) in parts.iter().enumerate().skip(skip) {
        if k == skip || s.heading || (s.prose > 0 && s.prose * TAIL_SHARE >= before) {
            last = *end;
        }
        before += s.prose;
    }
    (start, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_markers() {
        for s in [
            "一、总体情况",
            "十二、其他",
            "(一)依法行政",
            "(1)数量",
            "1.简政放权",
            "2、改革",
            "第一部分 总体",
        ] {
            assert!(starts_with_marker(s), "{s}");
        }
        for s in ["一是加强", "2020年,我区", "1.5万件", "第1号", "(2021-2025年)", "第十"]
        {
            assert!(!starts_with_marker(s), "{s}");
        }
    }
}
