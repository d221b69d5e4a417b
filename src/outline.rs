//! The outline of a report: headings recognised from the official numbering and their levels,
//! exactly as `shared/spec/OUTLINE.md` describes.
//!
//! A heading is a line that starts (after leading spaces) with a numbering marker followed by a
//! title; markers inside a paragraph are text. Levels come from the order in which the styles nest
//! in this document (a stack of styles), not from a fixed table.
//!
//! Choices the spec leaves open, made here:
//! * `marker` is the marker as written: full-width brackets stay full-width; compare through
//!   [`crate::text::fold`] when the form does not matter.
//! * Spaces between the marker and the title are not part of the title (`第一章　总则` → `总则`).
//! * A line whose title would be empty (`一、`, `一、。正文`) is not a heading: an outline entry
//!   with nothing to show helps no one, and the spec already says a bare marker is not one.
//! * A zero-width space or byte-order mark before the marker counts as indentation.
//! * `(一)、` and `①、`: a stray `、` after a closing bracket or circled number belongs to the
//!   marker, so the title does not start with it.

mod marker;
#[cfg(test)]
mod tests;

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
    /// `一是`.
    CnShi,
}

/// One heading of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// 1-based line in the decoded file.
    pub line: usize,
    /// 1 is the top level.
    pub level: usize,
    /// The marker as written (`一、`, `(一)`; full-width brackets stay full-width).
    pub marker: CompactString,
    /// The title: text after the marker up to the first `。;:`. Strings of up to 24 bytes
    /// (every marker, short titles) are kept inline, without a heap allocation.
    pub title: CompactString,
    /// The numbering style.
    #[serde(skip)]
    pub style: Style,
}

/// Parses the outline of a document given as its lines (line 1 first).
///
/// Linear in the size of the text: each line is examined only at its start, and its title is
/// scanned once up to the first stop.
pub fn parse<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<Heading> {
    let mut stack: Vec<Style> = Vec::new();
    let mut headings = Vec::new();
    for (i, line) in lines.into_iter().enumerate() {
        let Some((style, marker, title)) = heading_of(line) else { continue };
        // A style already open means a sibling at its depth; a new style opens a deeper level.
        match stack.iter().position(|&s| s == style) {
            Some(p) => stack.truncate(p + 1),
            None => stack.push(style),
        }
        headings.push(Heading {
            line: i + 1,
            level: stack.len(),
            marker: marker.into(),
            title: title.into(),
            style,
        });
    }
    headings
}

/// Whether `c` is one of the leading spaces a heading may be indented with: the spec's ASCII
/// space, tab, ideographic space and no-break space, and also the invisible zero-width space and
/// byte-order mark that web pages and editors leave at a line start, since no reader sees them.
pub fn is_indent(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\u{200b}' | '\u{feff}')
}

/// The style, marker and title of `line` when it is a heading.
fn heading_of(line: &str) -> Option<(Style, &str, &str)> {
    let text = line.trim_start_matches(is_indent);
    let m = marker::recognise(text)?;
    let (marker, rest) = text.split_at(m.len);
    let title = title_of(rest);
    (!title.is_empty()).then_some((m.style, marker, title))
}

/// The title in the text after a marker: up to the first `。` or semicolon or colon (ASCII or
/// full-width), without the surrounding spaces and without trailing commas (ASCII or full-width)
/// and `、`.
fn title_of(rest: &str) -> &str {
    let end = rest.find(['。', ';', '\u{ff1b}', ':', '\u{ff1a}']).unwrap_or(rest.len());
    rest[..end]
        .trim_start_matches(char::is_whitespace)
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '\u{ff0c}' | '、'))
}
