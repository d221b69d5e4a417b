//! The document card of each bundled sample against its gold file (`tests/gold/*.json`): every
//! card field, and no site-chrome (`noise`) substring inside the body range.

use std::path::Path;

use gongwen::doc::{Document, Format};
use serde_json::Value;

const SAMPLES: &[&str] = &[
    "foshan-hitech-2023",
    "tianjin-binhai-hitech-2020",
    "weinan-hitech-2020",
    "xiamen-torch-hitech-2019",
    "zhongshan-torch-2019",
];

fn load(name: &str) -> (Document, Value) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold_text = std::fs::read_to_string(root.join(format!("tests/gold/{name}.json")))
        .unwrap_or_else(|e| panic!("{name}: gold file: {e}"));
    let gold: Value = serde_json::from_str(&gold_text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let file = gold["file"].as_str().unwrap_or_else(|| panic!("{name}: gold has no file"));
    let path = format!("tests/samples/{file}");
    let text = std::fs::read_to_string(root.join(&path))
        .unwrap_or_else(|e| panic!("{name}: sample {path}: {e}"));
    (Document::new(path, "UTF-8", Format::Text, text), gold)
}

/// The card as JSON values, so that `None` compares with gold `null`.
fn card_fields(doc: &Document) -> Vec<(&'static str, Value)> {
    let c = &doc.card;
    let s = |v: &Option<String>| v.clone().map_or(Value::Null, Value::from);
    vec![
        ("title", s(&c.title)),
        ("year", c.year.map_or(Value::Null, Value::from)),
        ("published", s(&c.published)),
        ("issuer", s(&c.issuer)),
        ("date", s(&c.date)),
        ("doc_number", s(&c.doc_number)),
        ("signer", s(&c.signer)),
        ("addressee", s(&c.addressee)),
        ("cc", s(&c.cc)),
        ("body_first_line", Value::from(c.body_first_line)),
        ("body_last_line", Value::from(c.body_last_line)),
    ]
}

#[test]
fn every_card_field_matches_the_gold() {
    let mut failures = Vec::new();
    for name in SAMPLES {
        let (doc, gold) = load(name);
        for (field, got) in card_fields(&doc) {
            if got != gold[field] {
                failures.push(format!("{name}: {field}: got {got}, gold {}", gold[field]));
            }
        }
    }
    assert!(failures.is_empty(), "card fields differ from the gold:\n{}", failures.join("\n"));
}

#[test]
fn no_site_chrome_inside_the_body() {
    let mut failures = Vec::new();
    for name in SAMPLES {
        let (doc, gold) = load(name);
        let noise = gold["noise"].as_array().unwrap_or_else(|| panic!("{name}: no noise list"));
        for (n, line) in doc.body_lines() {
            for marker in noise.iter().filter_map(Value::as_str) {
                if line.contains(marker) {
                    failures.push(format!("{name}: line {n} in the body holds {marker:?}: {line}"));
                }
            }
        }
        // The chrome must still be in the document: cleaning deletes nothing.
        for marker in noise.iter().filter_map(Value::as_str) {
            assert!(doc.text().contains(marker), "{name}: noise {marker:?} not in the file");
        }
    }
    assert!(failures.is_empty(), "site chrome inside the body:\n{}", failures.join("\n"));
}

#[test]
fn full_width_punctuation_reads_like_ascii() {
    // Real pages write `:` `(` `)` and full-width digits; the samples here are folded to ASCII.
    let mut failures = Vec::new();
    for name in SAMPLES {
        let (doc, _) = load(name);
        let wide: String = doc
            .text()
            .chars()
            .map(|c| match c {
                ':' => ':',
                '(' => '(',
                ')' => ')',
                '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
                _ => c,
            })
            .collect();
        let wide_doc = Document::new(doc.path.clone(), "UTF-8", Format::Text, wide);
        let fold = |v: Value| Value::from(gongwen::text::fold(v.as_str().unwrap_or("")));
        for ((field, a), (_, b)) in card_fields(&doc).into_iter().zip(card_fields(&wide_doc)) {
            let same = match (&a, &b) {
                (Value::String(_), Value::String(_)) => fold(a.clone()) == fold(b.clone()),
                _ => a == b,
            };
            if !same {
                failures.push(format!("{name}: {field}: ascii {a}, full-width {b}"));
            }
        }
    }
    assert!(failures.is_empty(), "full-width forms change the card:\n{}", failures.join("\n"));
}
