//! `gongwen info`: each document's card, as aligned text or JSON Lines.

use std::path::PathBuf;

use serde_json::json;

use super::output::Out;
use crate::doc::Document;
use crate::store::Cache;

/// Runs `gongwen info`; returns the exit code.
pub fn run(json: bool, paths: &[PathBuf], cache: &Cache) -> i32 {
    super::per_document(json, paths, cache, to_json, card)
}

/// The stable JSON object of CLI.md for one document's card.
pub fn to_json(doc: &Document) -> serde_json::Value {
    let c = &doc.card;
    json!({
        "path": doc.path,
        "title": c.title,
        "year": c.year,
        "published": c.published,
        "issuer": c.issuer,
        "date": c.date,
        "doc_number": c.doc_number,
        "signer": c.signer,
        "addressee": c.addressee,
        "cc": c.cc,
        "encoding": doc.encoding,
        "lines": doc.line_count(),
        "body_first_line": c.body_first_line,
        "body_last_line": c.body_last_line,
        "headings": doc.headings.len(),
        "metrics": doc.metrics.len(),
    })
}

/// For people: one `label  value` row per known field; unknown fields are left out.
fn card(out: &mut Out, doc: &Document, blank_before: bool) -> bool {
    let c = &doc.card;
    let year = c.year.map(|y| y.to_string());
    let body = format!("lines {}–{} of {}", c.body_first_line, c.body_last_line, doc.line_count());
    let counts = format!("{} headings, {} metrics", doc.headings.len(), doc.metrics.len());
    let rows: [(&str, Option<&str>); 13] = [
        ("path", Some(&doc.path)),
        ("title", c.title.as_deref()),
        ("year", year.as_deref()),
        ("published", c.published.as_deref()),
        ("doc number", c.doc_number.as_deref()),
        ("signer", c.signer.as_deref()),
        ("addressee", c.addressee.as_deref()),
        ("issuer", c.issuer.as_deref()),
        ("date", c.date.as_deref()),
        ("cc", c.cc.as_deref()),
        ("encoding", Some(&doc.encoding)),
        ("body", Some(&body)),
        ("outline", Some(&counts)),
    ];
    if blank_before && !out.line("") {
        return false;
    }
    for (label, value) in rows {
        if let Some(v) = value {
            if !out.line(&format!("{label:<10} {v}")) {
                return false;
            }
        }
    }
    true
}
