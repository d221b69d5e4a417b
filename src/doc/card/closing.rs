//! The closing of a report: the 成文日期 line and the 发文机关署名 above it (or before the date
//! on the same line), and what may follow them (附注, 抄送, 印发, 附件).

use super::body::Page;
use super::dates::{self, Date};
use super::fields;
use super::noise::LineKind;

/// How far back from the body's end the signature and 成文日期 are looked for (non-blank lines).
const REACH: usize = 12;

/// The 成文日期 and the signature of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closing {
    /// The date's line (0-based).
    pub line: usize,
    /// The 成文日期.
    pub date: Date,
    /// The 发文机关署名, organisations joined by one space.
    pub issuer: Option<String>,
}

/// The last line among the body's last non-blank lines that is a date alone (an `…印发` line
/// is the printing date, not this one) or organisations followed by a date, with the
/// organisation lines just above it (blank lines and a `(盖章)` between are allowed).
pub fn find(page: &Page, first: usize, last: usize) -> Option<Closing> {
    let candidates = (first..=last).rev().filter(|&i| page.kind[i] != LineKind::Blank);
    for line in candidates.take(REACH) {
        let raw = page.raw[line];
        if page.norm[line].contains("印发") {
            continue;
        }
        if let Some(date) = dates::parse_date(raw) {
            return Some(Closing { line, date, issuer: issuer_above(page, first, line) });
        }
        let same_line = dates::find_date(raw).filter(|(_, r)| raw[r.end..].trim().is_empty());
        if let Some((date, r)) = same_line {
            if let Some(org) = fields::org_line(&raw[..r.start]) {
                return Some(Closing { line, date, issuer: Some(org) });
            }
        }
    }
    None
}

/// The signature: up to three organisation lines directly above line `date`.
fn issuer_above(page: &Page, first: usize, date: usize) -> Option<String> {
    let mut orgs = Vec::new();
    for i in (first..date).rev() {
        let n = &page.norm[i];
        if matches!(page.kind[i], LineKind::Blank | LineKind::Punct) || is_seal_note(n) {
            continue;
        }
        match fields::org_line(page.raw[i]) {
            Some(org) if orgs.len() < 3 => orgs.push(org),
            _ => break,
        }
    }
    orgs.reverse();
    (!orgs.is_empty()).then(|| orgs.join(" "))
}

/// A bracketed seal note under a signature (`(盖章)`, `(印章)`).
fn is_seal_note(n: &str) -> bool {
    n.starts_with('(') && n.ends_with(')') && n.chars().count() <= 8
}

/// What may follow a signed date and still be the report's own text: a bracketed note (the
/// 附注 `(联系人:…)`), the 抄送 line, the 印发 line (版记), or an 附件 heading.
pub fn after_signature(n: &str) -> bool {
    n.starts_with('(')
        || n.starts_with("联系人")
        || n.starts_with("抄送")
        || n.starts_with("附件")
        || n.contains("印发")
}
