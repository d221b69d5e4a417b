//! The card over every real report of `tests/real/` (issue 11, points 1 and 5): the body keeps
//! the report (at least 80% of the page's non-blank text, every heading inside it), and the
//! title is never a salutation, dateline, chrome line or invisible character.

use std::path::{Path, PathBuf};

use gongwen::doc::{card, load};

fn real_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real");
    let (files, errors) = load::expand_paths(&[root]);
    assert!(errors.is_empty(), "{errors:?}");
    files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")).collect()
}

fn non_blank(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

#[test]
fn every_real_report_keeps_its_text_and_a_printed_title() {
    let files = real_files();
    assert!(files.len() >= 100, "{} files", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let doc = load::load_file(path).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        let c = &doc.card;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let body = c.body_first_line..=c.body_last_line;
        let total: usize = doc.lines().map(non_blank).sum();
        let kept: usize = body.clone().map(|n| non_blank(doc.line(n))).sum();
        if kept * 10 < total * 8 {
            failures.push(format!("{name}: body {body:?} keeps {kept} of {total}"));
        }
        if let Some(h) = doc.headings.iter().find(|h| !body.contains(&h.line)) {
            failures.push(format!("{name}: heading at line {} outside {body:?}", h.line));
        }
        if let Some(t) = &c.title {
            let bad = card::is_chrome(t)
                || t.ends_with(['！', '!', '：', ':'])
                || t.contains(['\u{200B}', '\u{200C}', '\u{200D}', '\u{FEFF}'])
                || t.starts_with("——")
                || t.contains("日电")
                || t.contains("法宝")
                || t.contains("原文链接");
            if bad {
                failures.push(format!("{name}: title {t:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
