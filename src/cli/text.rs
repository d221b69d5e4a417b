//! `gongwen text`: the cleaned reading text of documents.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::output::Out;
use crate::store::Cache;

/// Runs `gongwen text`; returns the exit code.
pub fn run(all: bool, paths: &[PathBuf], cache: &Cache) -> i32 {
    let docs = match super::load(paths, cache) {
        Ok(d) => d,
        Err(code) => return code,
    };
    // On a terminal, text from a document must not act as control sequences; in a pipe the
    // bytes go through as decoded so scripts see the document as it is.
    let tty = std::io::stdout().is_terminal();
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
            let line = doc.line(n);
            let shown = if tty { crate::text::terminal_safe(line) } else { line.into() };
            if !out.line(&shown) {
                break 'docs;
            }
        }
    }
    out.finish()
}
