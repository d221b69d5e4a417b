//! A file's bytes through the whole loader: decoding (BOMs, UTF-8, UTF-16, GB18030, Big5,
//! binary refusal), the HTML text extractor when the bytes look like a page or the first byte
//! says "named .html", and `Document::new` (lines, outline, card, metrics). Must never panic.
#![no_main]

use gongwen::doc::load::{decode, html};
use gongwen::doc::{Document, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (html_name, bytes) = match data.split_first() {
        Some((&flag, rest)) => (flag & 1 == 1, rest),
        None => (false, data),
    };
    let Ok(d) = decode::decode_with_hint(bytes, html::meta_charset(bytes)) else { return };
    let (format, text) = if html_name || html::looks_like_html(&d.text) {
        (Format::Html, html::extract(&d.text))
    } else {
        (Format::Text, d.text)
    };
    let doc = Document::new("fuzz.txt", d.encoding, format, text);
    assert!(!doc.text().contains('\r'));
    for h in &doc.headings {
        assert!(h.line >= 1 && h.line <= doc.line_count());
    }
});
