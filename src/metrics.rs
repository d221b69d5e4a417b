//! The quantities a report states (`shared/spec/METRICS.md`): number, magnitude, unit,
//! approximation, label and enclosing heading.

use serde::Serialize;

use crate::outline::Heading;

/// One stated quantity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metric {
    /// 1-based line.
    pub line: usize,
    /// Byte offset of `raw` within its line.
    #[serde(skip)]
    pub start: usize,
    /// The exact source text, approximation words included.
    pub raw: String,
    /// The normalised value (`1.59亿元` → 159000000).
    pub value: f64,
    /// The unit after normalisation (`元`, `件`, `%`).
    pub unit: String,
    /// Whether an approximation word (`近` `余` `以上` …) qualifies it.
    pub approx: bool,
    /// What is counted.
    pub label: String,
    /// The title of the enclosing heading, if any.
    pub heading: Option<String>,
}

/// Extracts the metrics of a document given as its lines, with the headings already parsed.
pub fn extract<'a>(lines: impl IntoIterator<Item = &'a str>, headings: &[Heading]) -> Vec<Metric> {
    let _ = (lines.into_iter(), headings);
    Vec::new()
}
