//! The quantities a report states (`shared/spec/METRICS.md`): number, magnitude, unit,
//! approximation, label and enclosing heading.
//!
//! One pass per line (`scan`) finds number + magnitude + unit with the approximation words
//! around them (`number`, `units`) and drops what is not a count (`exclude`); `label` then names
//! what each counts; `format` writes values. Decisions beyond the spec, each with its reason at
//! the rule:
//!
//! * a range (`3-5家`, `3至5家`, `10%-20%`) is one metric: raw is the whole range, value its
//!   lower bound, `approx: true` — like `余` and `以上`, it states "at least";
//! * Chinese numerals count only from ten up (`十个` `百余名` `近百个`); spelled-out numbers
//!   below ten enumerate kinds (`两项试点` `三项制度`) and the gold never requires them;
//! * `以上` after a percentage is a threshold (`网办率达到95%以上` → `95%`, exact), as in the gold;
//! * `十几` is 10, approximate; `几十` and `数十` are too vague to report.

mod chars;
mod exclude;
mod format;
mod label;
mod number;
mod scan;
mod units;

pub mod compare;

use compact_str::CompactString;

use crate::outline::Heading;

pub use format::{format_quantity, format_value, plain};

/// One stated quantity.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    /// 1-based line.
    pub line: usize,
    /// Byte offset of `raw` within its line.
    pub start: usize,
    /// The exact source text, approximation words included (kept inline, without a heap
    /// allocation, up to 24 bytes: nearly every quantity).
    pub raw: CompactString,
    /// The normalised value (`1.59亿元` → 159000000).
    pub value: f64,
    /// The unit after normalisation (`元`, `件`, `%`).
    pub unit: CompactString,
    /// Whether an approximation word (`近` `余` `以上` …) qualifies it.
    pub approx: bool,
    /// What is counted.
    pub label: CompactString,
    /// Index into the document's headings of the enclosing heading, if any (its title:
    /// [`crate::doc::Document::metric_heading`]); a reference rather than a copy of the title,
    /// which cost more than the rest of the metric.
    pub heading: Option<usize>,
}

/// Extracts the metrics of a document given as its lines, with the headings already parsed.
///
/// Metrics come in document order; each refers to the last heading at or above its line.
pub fn extract<'a>(lines: impl IntoIterator<Item = &'a str>, headings: &[Heading]) -> Vec<Metric> {
    let mut out = Vec::new();
    for (i, line) in lines.into_iter().enumerate() {
        let n = i + 1;
        let found = extract_line(line);
        if found.is_empty() {
            continue;
        }
        let k = headings.partition_point(|h| h.line <= n);
        let heading = k.checked_sub(1);
        out.extend(found.into_iter().map(|m| Metric { line: n, heading, ..m }));
    }
    out
}

/// Extracts the metrics of one line on its own: `line` is 0 (not placed in a document) and
/// `heading` is `None`; [`extract`] fills both.
pub fn extract_line(line: &str) -> Vec<Metric> {
    let found = scan::scan(line);
    let labels = label::labels(line, &found);
    found
        .into_iter()
        .zip(labels)
        .map(|(f, label)| Metric {
            line: 0,
            start: f.start,
            raw: line.get(f.start..f.end).unwrap_or_default().into(),
            value: f.value,
            unit: f.unit.into(),
            approx: f.approx,
            label: label.into(),
            heading: None,
        })
        .collect()
}

/// The value of a metric as a plain decimal for the CLI, CSV and JSON: never scientific
/// notation, no trailing `.0` (`159000000`, `98.34`).
pub fn value_text(metric: &Metric) -> String {
    plain(metric.value)
}

#[cfg(test)]
mod tests;
