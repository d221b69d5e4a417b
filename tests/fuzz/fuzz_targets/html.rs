//! Arbitrary markup through the HTML text extractor and the `<meta charset>` sniffer. Must
//! never panic nor leave blank lines or carriage returns in the text.
#![no_main]

use gongwen::doc::load::html;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = html::meta_charset(data);
    let source = String::from_utf8_lossy(data);
    let _ = html::looks_like_html(&source);
    let text = html::extract(&source);
    assert!(!text.contains('\r'));
    assert!(text.is_empty() || text.split('\n').all(|l| !l.trim().is_empty()));
});
