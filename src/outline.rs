//! The outline of a report: headings recognised from the official numbering and their levels,
//! exactly as `shared/spec/OUTLINE.md` describes, and the other ways real reports mark headings
//! (its "Other ways" section).
//!
//! A heading is a line that starts (after leading white space) with a numbering marker followed
//! by a title; markers inside a paragraph are text. Levels come from the order in which the
//! styles nest in this document (a stack of styles), not from a fixed table. Beyond the numbered
//! lines:
//! * [`oneline`]: a line far longer than any paragraph (text whose line breaks were lost) is
//!   read for the headings inside it; those carry [`Heading::col`].
//! * A marker alone on its line whose title is the next line (`一、` / `开垦宜于耕种的荒地。…`,
//!   `(` / `三)…`) is one heading, on the marker's line.
//! * [`unnumbered`]: part titles standing alone, a bare numeral alone on its line, and runs of
//!   short lead lines written in place of numbers.
//!
//! Choices the spec leaves open, made here:
//! * `marker` is the marker as written: full-width brackets stay full-width; compare through
//!   [`crate::text::fold`] when the form does not matter.
//! * Spaces between the marker and the title are not part of the title (`第一章　总则` → `总则`).
//! * A line whose title would be empty (`一、`, `一、。正文`) is not a heading, unless the next
//!   line gives the title (the split marker above); a bare numeral alone on its line (`一`) is
//!   the one heading with an empty title, since its marker is all it has.
//! * Leading white space is any white space: every Unicode space (category Zs), tab, form feed,
//!   and the invisible zero-width space, zero-width (non-)joiner, word joiner and byte-order mark
//!   ([`is_indent`]).
//! * `(一)、` and `①、`: a stray `、` after a closing bracket or circled number belongs to the
//!   marker, so the title does not start with it.
//! * `一要 / 二要` are the cn-shi style, like `一是`; `第一,` / `第二、` opening a line are the
//!   [`Style::Ordinal`] style.
//! * `col` is `None` for a heading at the start of its line (what every multi-line report has)
//!   and `Some(offset)` only for a heading found inside a run-together line.

mod marker;
pub mod oneline;
pub mod table;
#[cfg(test)]
mod tests;
pub mod unnumbered;
pub mod wrapped;

use compact_str::CompactString;
use serde::Serialize;

/// The numbering style of a heading marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    /// `第一部分`, `第二章`.
    Part,
    /// `第一节`.
    Section,
    /// `第一条`.
    Article,
    /// `一、`.
    CnDun,
    /// `(一)`.
    CnParen,
    /// `1.` `1、`.
    NumDot,
    /// `(1)`.
    NumParen,
    /// `①`.
    Circled,
    /// `一是`, `一要`.
    CnShi,
    /// `第一,` `第二、`: a bare ordinal opening its paragraph.
    Ordinal,
    /// A part title standing alone between paragraphs (`关于国内建设`, `结束语`); no marker.
    Standalone,
    /// A short lead line written in place of a number (`产业结构持续优化。` followed by its
    /// paragraph), one of a run of them; no marker.
    Lead,
}

/// One heading of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// 1-based line in the decoded file.
    pub line: usize,
    /// 1 is the top level.
    pub level: usize,
    /// The marker as written (`一、`, `(一)`; full-width brackets stay full-width); empty for
    /// the unnumbered styles.
    pub marker: CompactString,
    /// The title: text after the marker up to the first `。;:`. Strings of up to 24 bytes
    /// (every marker, short titles) are kept inline, without a heap allocation.
    pub title: CompactString,
    /// The numbering style.
    #[serde(skip)]
    pub style: Style,
    /// For a heading inside a run-together line ([`oneline`]): the 0-based code-point offset of
    /// its marker in the line. `None` for a heading at the start of its line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub col: Option<usize>,
}

/// A heading found, before its level is known.
#[derive(Debug, Clone)]
struct Found<'a> {
    style: Style,
    marker: CompactString,
    title: &'a str,
    value: u32,
}

/// The stack of open styles, with the last number seen in each (the numbering sequence), and
/// the last number of every style ever seen.
#[derive(Debug, Default)]
struct Stack {
    open: Vec<(Style, u32)>,
    last: [u32; STYLE_COUNT],
}

/// How many styles there are (for [`Stack::last`]).
const STYLE_COUNT: usize = 12;

impl Stack {
    /// Opens or returns to `style` (the spec's level rule); returns the level.
    fn enter(&mut self, style: Style, value: u32) -> usize {
        match self.open.iter().position(|&(s, _)| s == style) {
            Some(p) => {
                self.open.truncate(p + 1);
                self.open[p].1 = value;
            }
            None => self.open.push((style, value)),
        }
        if let Some(l) = self.last.get_mut(style as usize) {
            *l = value;
        }
        self.open.len()
    }

    /// Whether `value` continues the numbering of `style`: the next number of a style already
    /// open, a first number opening a new style, a numbering that runs on across parts (`(四)`
    /// under `二、` when `(三)` was the last one under `一、`, as State Council documents number
    /// them), or a top-level numbering that starts over after it had counted on (an attachment
    /// has its own `一、`).
    fn continues(&self, style: Style, value: u32) -> bool {
        match self.open.iter().position(|&(s, _)| s == style) {
            Some(p) => value == self.open[p].1 + 1 || (p == 0 && value == 1 && self.open[p].1 >= 2),
            None => value == 1 || self.runs_on(style, value),
        }
    }

    /// Whether `value` is the next number after the last one of `style`, wherever it was.
    fn runs_on(&self, style: Style, value: u32) -> bool {
        self.last.get(style as usize).is_some_and(|&l| l > 0 && value == l + 1)
    }

    /// Whether `value` is the next number of `style` where it is open: the strict
    /// continuation a numbered line inside a table needs ([`table`]).
    fn next_of_open(&self, style: Style, value: u32) -> bool {
        self.open.iter().any(|&(s, v)| s == style && value == v + 1)
    }

    fn has(&self, style: Style) -> bool {
        self.open.iter().any(|&(s, _)| s == style)
    }
}

/// Parses the outline of a document given as its lines (line 1 first).
///
/// Linear in the size of the text: each line is examined at its start, its title is scanned
/// once up to the first stop, and a run-together line is walked once ([`oneline`]).
pub fn parse<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<Heading> {
    let lines: Vec<&str> = lines.into_iter().collect();
    let layout = wrapped::layout(&lines);
    let unnumbered = unnumbered::find(&lines, layout);
    let tables = table::in_table(&lines);
    let mut extra = unnumbered.iter().peekable();
    let mut stack = Stack::default();
    let mut headings = Vec::new();
    for (i, &line) in lines.iter().enumerate() {
        if oneline::is_long(line) {
            oneline::scan(line, i + 1, &mut stack, &mut headings);
            continue;
        }
        while extra.next_if(|u| u.line < i + 1).is_some() {}
        let found = heading_of(line)
            .or_else(|| split_heading(line, lines.get(i + 1).copied()))
            .or_else(|| {
                let u = extra.next_if(|u| u.line == i + 1)?;
                // A bare numeral alone must continue its numbering (`一` … `二`).
                (u.style != Style::CnDun || stack.continues(u.style, u.value)).then(|| Found {
                    style: u.style,
                    marker: u.marker.into(),
                    title: u.title,
                    value: u.value,
                })
            });
        let Some(f) = found else { continue };
        if layout.margin.is_some_and(|m| wrapped::continues_paragraph(&lines, i, m)) {
            continue;
        }
        let whole = layout.margin.and_then(|m| wrapped::continued(&lines, i, f.title, m));
        let last = whole.as_ref().map_or(i, |w| w.1);
        if tables[i] && !table::keeps_heading(&lines, last, stack.next_of_open(f.style, f.value)) {
            continue;
        }
        push(&mut stack, &mut headings, i + 1, f, None);
        let h = headings.last_mut().expect("just pushed");
        if let Some((t, _)) = whole {
            h.title = t.into();
        }
        if layout.paged {
            if let Some(t) = wrapped::tidy(&h.title) {
                h.title = t.into();
            }
        }
    }
    headings
}

fn push(stack: &mut Stack, out: &mut Vec<Heading>, line: usize, f: Found, col: Option<usize>) {
    let level = stack.enter(f.style, f.value);
    out.push(Heading { line, level, marker: f.marker, title: f.title.into(), style: f.style, col });
}

/// Whether `c` is leading white space a heading may be indented with: every Unicode white
/// space (ASCII space, tab, form feed, U+3000, U+00A0, U+2002, U+2003 and the rest of
/// category Zs) and the invisible zero-width space, zero-width (non-)joiner, word joiner and
/// byte-order mark that web pages and editors leave at a line start, since no reader sees them.
pub fn is_indent(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// The style, marker and title of `line` when it is a heading.
fn heading_of(line: &str) -> Option<Found<'_>> {
    let text = line.trim_start_matches(is_indent);
    let m = marker::recognise(text)?;
    let (marker, rest) = text.split_at(m.len);
    let title = title_of(rest);
    (!title.is_empty()).then(|| Found {
        style: m.style,
        marker: marker.into(),
        title,
        value: m.value,
    })
}

/// A marker split from its title by a line break: `line` holds the marker, or its first part,
/// and nothing else (`一、`, `(`, `(三`), and `next` completes it with the title (`三)…`). The
/// marker is taken as written across both lines when it spans them.
fn split_heading<'a>(line: &'a str, next: Option<&'a str>) -> Option<Found<'a>> {
    let head = line.trim_matches(is_indent);
    // Only a line short enough to be part of a marker, and not a heading of its own.
    if head.is_empty() || head.chars().count() > 8 {
        return None;
    }
    let next = next?.trim_start_matches(is_indent);
    if next.is_empty() || heading_of(next).is_some() {
        return None;
    }
    // Bounded: the head is at most 8 characters and a marker fits in the next 24.
    let tail_end = next.char_indices().nth(24).map_or(next.len(), |(b, _)| b);
    let joined = format!("{head}{}", &next[..tail_end]);
    let m = marker::recognise(&joined)?;
    if m.len < head.len() {
        return None;
    }
    // The part of the marker on the next line, then the title after it.
    let rest = &next[m.len - head.len()..];
    let title = title_of(rest);
    if title.is_empty() {
        return None;
    }
    let mut marker = CompactString::from(head);
    marker.push_str(&next[..m.len - head.len()]);
    Some(Found { style: m.style, marker, title, value: m.value })
}

/// The title in the text after a marker: up to the first `。` or semicolon or colon (ASCII or
/// full-width), without the surrounding spaces and without trailing commas (ASCII or full-width)
/// and `、`.
fn title_of(rest: &str) -> &str {
    let end = rest.find(['。', ';', '\u{ff1b}', ':', '\u{ff1a}']).unwrap_or(rest.len());
    trim_title(&rest[..end])
}

/// A title without its surrounding white space, trailing commas and `、`.
fn trim_title(t: &str) -> &str {
    t.trim_start_matches(is_indent)
        .trim_end_matches(|c: char| is_indent(c) || matches!(c, ',' | '\u{ff0c}' | '、'))
}
