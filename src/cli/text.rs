//! `gongwen text`: the cleaned reading text of documents.

use std::path::PathBuf;

use super::output::Out;
use crate::store::Cache;

/// Runs `gongwen text`; returns the exit code.
pub fn run(all: bool, paths: &[PathBuf], cache: &Cache) -> i32 {
    let docs = match super::load(paths, cache) {
        Ok(d) => d,
        Err(code) => return code,
    };
    // On a terminal `Out` makes each line safe (no control sequences); in a pipe the text goes
    // through as decoded so scripts see the document as it is.
    let mut out = Out::new();
    let several = docs.len() > 1;
    'docs: for (i, doc) in docs.iter().enumerate() {
        if several {
            let sep = if i > 0 { "\n" } else { "" };
            if !out.line(&format!("{sep}==> {} <==", doc.path)) {
                break;
            }
        }
        let (first, last) = if all {
            (1, doc.line_count())
        } else {
            (doc.card.body_first_line, doc.card.body_last_line)
        };
        for n in first.max(1)..=last.min(doc.line_count()) {
            if !out.line(doc.line(n)) {
                break 'docs;
            }
        }
    }
    let code = out.finish();
    super::leave(docs);
    code
}
