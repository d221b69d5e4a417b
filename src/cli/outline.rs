//! `gongwen outline`: each document's headings, as an indented tree or JSON Lines.

use std::path::PathBuf;

use serde_json::json;

use super::output::Out;
use crate::doc::Document;
use crate::store::Cache;

/// Runs `gongwen outline`; returns the exit code.
pub fn run(json: bool, paths: &[PathBuf], cache: &Cache) -> i32 {
    super::per_document(json, paths, cache, to_json, tree)
}

/// The stable JSON object of CLI.md for one document's outline. A heading found inside a
/// run-together line also has `col`, the code-point offset of its marker in the line
/// ([`crate::outline::oneline`]); headings at the start of their line leave the field out, so
/// the output of every multi-line report is what it was.
pub fn to_json(doc: &Document) -> serde_json::Value {
    let headings: Vec<_> = doc
        .headings
        .iter()
        .map(|h| {
            let mut o =
                json!({"level": h.level, "marker": h.marker, "title": h.title, "line": h.line});
            if let (Some(col), Some(map)) = (h.col, o.as_object_mut()) {
                map.insert("col".into(), col.into());
            }
            o
        })
        .collect();
    json!({"path": doc.path, "title": doc.title(), "headings": headings})
}

/// For people: the document title, then one heading per line, indented by level, with the
/// line number first so `vim +LINE FILE` is one glance away.
fn tree(out: &mut Out, doc: &Document, blank_before: bool) -> bool {
    if blank_before && !out.line("") {
        return false;
    }
    let header = format!("{}  ({}, {} headings)", doc.title(), doc.path, doc.headings.len());
    if !out.line(&header) {
        return false;
    }
    let width = doc.headings.last().map_or(1, |h| h.line.to_string().len());
    for h in &doc.headings {
        let indent = "  ".repeat(h.level.saturating_sub(1));
        if !out.line(&format!("{:>width$}  {indent}{}{}", h.line, h.marker, h.title)) {
            return false;
        }
    }
    true
}
