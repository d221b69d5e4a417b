//! The outline of a report: headings recognised from the official numbering and their levels,
//! exactly as `shared/spec/OUTLINE.md` describes.

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
    /// The marker as written (`一、`, `(一)`).
    pub marker: String,
    /// The title: text after the marker up to the first `。;:`.
    pub title: String,
    /// The numbering style.
    #[serde(skip)]
    pub style: Style,
}

/// Parses the outline of a document given as its lines (line 1 first).
pub fn parse<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<Heading> {
    let _ = lines.into_iter();
    Vec::new()
}
