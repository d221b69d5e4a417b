//! Fuzzing on the stable toolchain (issue 6, item 2): property tests over the whole loading
//! path from raw bytes, the outline on marker soup, and the query parser and search. Bounded
//! so the file runs in CI in seconds; `tests/fuzz` holds the `cargo fuzz` targets for longer
//! runs on nightly (see the README).
//!
//! Not repeated here: arbitrary text through the card (`src/doc/card/tests.rs`), metrics
//! (`tests/metrics_props.rs`), the outline on report-like lines (`tests/outline_props.rs`),
//! short arbitrary files through `load_file` and markup soup through the HTML extractor
//! (`tests/loading.rs`).

use std::sync::{Arc, OnceLock};

use gongwen::doc::load::{decode, html};
use gongwen::doc::{Document, Format};
use gongwen::outline::is_indent;
use gongwen::search::{Index, Kind, Query};
use proptest::prelude::*;

/// Byte pieces that reach every branch of the loader: BOMs, binary signatures, NUL and other
/// controls, line ends, broken UTF-8, GBK and UTF-16 fragments, markup, escapes, numbering.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    let fixed: Vec<Vec<u8>> = [
        &b"\xEF\xBB\xBF"[..],
        b"\xFF\xFE",
        b"\xFE\xFF",
        b"%PDF-",
        b"\x89PNG\r\n\x1A\n",
        b"\0",
        b"\x01",
        b"\x1B[31m",
        b"\x1B]0;t\x07",
        "\u{9b}".as_bytes(),
        "\u{202E}".as_bytes(),
        "\u{200B}".as_bytes(),
        b"\r\n",
        b"\r",
        b"\n",
        b"\n\n",
        b" ",
        "\u{3000}".as_bytes(),
        b"\xFF",
        b"\xC3",
        b"\x80",
        b"\xD6\xD0\xCE\xC4", // 中文 in GBK
        b"\xA4\xA4",         // 中 in Big5
        b"\x2D\x4E",         // 中 in UTF-16LE
        b"\x00\xD8",         // an unpaired surrogate in UTF-16LE
        b"<!DOCTYPE html>",
        b"<html>",
        b"<meta charset=\"gbk\">",
        b"<p>",
        b"</p>",
        b"<script>",
        b"</script>",
        b"<pre>",
        b"<td>",
        b"&nbsp;",
        b"&#x4E2D;",
        "一、".as_bytes(),
        "(一)".as_bytes(),
        "(一)".as_bytes(),
        b"1.",
        b"(1)",
        "①".as_bytes(),
        "一是".as_bytes(),
        "第一部分".as_bytes(),
        "总体情况".as_bytes(),
        "。".as_bytes(),
        "行政复议案件12件".as_bytes(),
        "1.59亿元".as_bytes(),
        "2020年12月31日".as_bytes(),
        "关于2020年度法治政府建设工作的报告".as_bytes(),
        "发布时间:".as_bytes(),
        "首页 > 通知公告".as_bytes(),
    ]
    .iter()
    .map(|p| p.to_vec())
    .collect();
    prop_oneof![
        4 => proptest::sample::select(fixed),
        1 => proptest::collection::vec(any::<u8>(), 0..8),
    ]
}

fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(piece(), 0..120).prop_map(|v| v.concat())
}

/// What the loader does with a file's bytes (`load_file` without the disk): decode, take the
/// text out of a page, build the document.
fn load_bytes(bytes: &[u8], html_name: bool) -> Result<Document, decode::DecodeError> {
    let d = decode::decode_with_hint(bytes, html::meta_charset(bytes))?;
    let (format, text) = if html_name || html::looks_like_html(&d.text) {
        (Format::Html, html::extract(&d.text))
    } else {
        (Format::Text, d.text)
    };
    Ok(Document::new("fuzz.txt", d.encoding, format, text))
}

/// The invariants every loaded document keeps, whatever its bytes.
fn check_document(doc: &Document) -> Result<(), TestCaseError> {
    prop_assert!(!doc.text().contains('\r'), "line ends are normalised");
    let n = doc.line_count();
    prop_assert!(n >= 1);
    let joined: Vec<&str> = doc.lines().collect();
    prop_assert_eq!(joined.join("\n"), doc.text().strip_suffix('\n').unwrap_or(doc.text()));
    let mut last_line = 0;
    for h in &doc.headings {
        prop_assert!(h.line > last_line && h.line <= n, "headings in line order, in range");
        prop_assert!((1..=9).contains(&h.level), "a level per style at most: {}", h.level);
        prop_assert!(!h.title.is_empty());
        let line = doc.line(h.line).trim_start_matches(is_indent);
        prop_assert!(
            line.starts_with(h.marker.as_str()),
            "{:?} does not start with {:?}",
            line,
            h.marker
        );
        last_line = h.line;
    }
    let c = &doc.card;
    prop_assert!(c.body_last_line <= n);
    prop_assert!(c.body_last_line == 0 || c.body_first_line <= c.body_last_line);
    for m in &doc.metrics {
        prop_assert!(m.line >= 1 && m.line <= n);
        let line = doc.line(m.line);
        prop_assert_eq!(line.get(m.start..m.start + m.raw.len()), Some(m.raw.as_str()));
        prop_assert!(m.value.is_finite());
    }
    Ok(())
}

/// The index of the bundled samples, built once for the search properties.
fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let docs: Vec<Arc<Document>> =
            gongwen::doc::load::load_samples().into_iter().map(Arc::new).collect();
        Index::build(&docs)
    })
}

/// Query pieces: the syntax's prefixes and operators, magnitudes, pinyin, hanzi, noise.
fn query() -> impl Strategy<Value = String> {
    let words = [
        "#",
        "@",
        "=",
        "!",
        "'",
        ">",
        ">=",
        "<",
        "<=",
        "5",
        "1.5",
        "万",
        "亿",
        "1亿",
        "复议",
        "行政",
        "xzfy",
        "xingzheng",
        "fuyi",
        "法治",
        "件",
        " ",
        " ",
        "\u{3000}",
        "!",
        "'",
        ">",
        "=",
        "\u{FFFD}",
        "\0",
        "\x1b[",
        "999999999999999999999",
    ];
    prop_oneof![
        3 => proptest::collection::vec(proptest::sample::select(words.to_vec()), 0..8)
            .prop_map(|v| v.concat()),
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_load_or_give_a_reason(bytes in file_bytes(), html_name in any::<bool>()) {
        match load_bytes(&bytes, html_name) {
            Ok(doc) => check_document(&doc)?,
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn any_text_makes_a_consistent_document(text in any::<String>()) {
        check_document(&Document::new("fuzz.txt", "UTF-8", Format::Text, text))?;
    }

    #[test]
    fn any_query_parses_or_says_why_and_searching_it_never_fails(q in query()) {
        let parsed = Query::parse(&q);
        for kind in [Kind::Doc, Kind::Heading, Kind::Text, Kind::Metric] {
            let _ = Query::parse_in(&q, Some(kind));
        }
        let _ = Query::parse_metric(&q);
        match parsed {
            Err(e) => prop_assert!(!e.to_string().is_empty()),
            Ok(parsed) => {
                prop_assert_eq!(parsed.source(), q.as_str());
                let index = index();
                let hits = index.search(&parsed, 20);
                prop_assert!(hits.len() <= 20);
                prop_assert!(hits.windows(2).all(|w| w[0].score >= w[1].score), "best first");
                for hit in hits.iter().take(5) {
                    let text = index.text(hit);
                    for r in index.highlight(&parsed, hit) {
                        prop_assert!(text.get(r.clone()).is_some(), "{:?} in {:?}", r, text);
                    }
                    let line = index.doc(hit).line(hit.line);
                    prop_assert!(line.get(hit.span.clone()).is_some());
                }
            }
        }
    }
}
