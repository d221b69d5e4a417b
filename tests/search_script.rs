//! Search across scripts on real reports: the 1954 government work report (partly in
//! traditional characters) beside the 2003 one (simplified). A word typed in either script
//! finds the other, by pinyin too, and the highlight covers the characters as written.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use gongwen::doc::load::load_file;
use gongwen::search::{Hit, Index, Query};

const TRADITIONAL: &str = "gwr-national-1954.txt";
const SIMPLIFIED: &str = "gwr-national-2003.txt";

fn index() -> &'static Index {
    static I: OnceLock<Index> = OnceLock::new();
    I.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real");
        let docs: Vec<_> = [TRADITIONAL, SIMPLIFIED]
            .iter()
            .map(|f| Arc::new(load_file(&dir.join(f)).expect("real report loads")))
            .collect();
        Index::build(&docs)
    })
}

/// The hits of `q` in the document named `file`, with the highlighted text of each.
fn marked_in(q: &str, file: &str) -> Vec<String> {
    let query = Query::parse(q).expect("query parses");
    let hits: Vec<Hit> = index().search(&query, 200);
    hits.iter()
        .filter(|h| index().doc(h).path.ends_with(file))
        .map(|h| {
            let text = index().text(h);
            index().highlight(&query, h).into_iter().map(|r| &text[r]).collect()
        })
        .collect()
}

#[test]
fn simplified_words_find_traditional_text_as_written() {
    // `我們第一届全國人民代表大會第一次會議` (1954).
    let marked = marked_in("全国人民代表大会", TRADITIONAL);
    assert!(marked.iter().any(|m| m == "全國人民代表大會"), "{marked:?}");
    let marked = marked_in("恢复", TRADITIONAL);
    assert!(marked.iter().any(|m| m == "恢復"), "{marked:?}");
}

#[test]
fn traditional_words_find_simplified_text() {
    let marked = marked_in("行政復議", SIMPLIFIED);
    assert!(marked.iter().any(|m| m == "行政复议"), "{marked:?}");
    let marked = marked_in("全國人民代表大會", SIMPLIFIED);
    assert!(marked.iter().any(|m| m == "全国人民代表大会"), "{marked:?}");
    // And the traditional text itself, of course.
    assert!(!marked_in("全國人民代表大會", TRADITIONAL).is_empty());
}

#[test]
fn pinyin_finds_traditional_text() {
    let marked = marked_in("qgrmdbdh", TRADITIONAL);
    assert!(marked.iter().any(|m| m == "全國人民代表大會"), "{marked:?}");
    let marked = marked_in("huifu", TRADITIONAL);
    assert!(marked.iter().any(|m| m == "恢復"), "{marked:?}");
}
