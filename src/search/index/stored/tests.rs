//! Round trips and damaged input for the stored index: a decoded index answers like the one
//! it was written from, and anything else is rejected without a panic.

use std::sync::{Arc, OnceLock};

use proptest::prelude::*;

use super::*;
use crate::doc::{Document, Format};
use crate::search::Query;

/// The samples and a few variants with other numbers, names and a heading beyond the BMP.
fn docs() -> Vec<Arc<Document>> {
    let mut docs: Vec<Arc<Document>> =
        crate::doc::load::load_samples().into_iter().map(Arc::new).collect();
    for (i, d) in docs.clone().iter().enumerate() {
        let text = format!("{}\n七、𠀀𠀁其他事项\n共办理复议案件{}件。\n", d.text(), 100 + i);
        docs.push(Arc::new(Document::new(format!("more/{i}.txt"), "UTF-8", Format::Text, text)));
    }
    docs
}

const QUERIES: [&str; 9] = [
    "行政复议",
    "法治政府建设",
    "xzfy",
    "xingzheng",
    "'互联网+监管",
    "#复议",
    "=复议 >5",
    "𠀀𠀁",
    "复议 !诉讼",
];

fn answers(index: &Index) -> Vec<Vec<(crate::search::Hit, String)>> {
    QUERIES
        .iter()
        .map(|q| {
            let q = Query::parse(q).expect("query parses");
            index
                .search(&q, 50)
                .into_iter()
                .map(|h| (h.clone(), index.text(&h).to_string()))
                .collect()
        })
        .collect()
}

/// The documents, their index, and its stored bytes (built once for all cases).
fn fixture() -> &'static (Vec<Arc<Document>>, Index, Vec<u8>) {
    static F: OnceLock<(Vec<Arc<Document>>, Index, Vec<u8>)> = OnceLock::new();
    F.get_or_init(|| {
        let docs = docs();
        let index = Index::build(&docs);
        let mut bytes = Vec::new();
        index.write_to(&mut bytes).expect("write to memory");
        (docs, index, bytes)
    })
}

fn read(bytes: &[u8], docs: &[Arc<Document>]) -> Option<Index> {
    Index::read_from(bytes, bytes.len() as u64, docs)
}

#[test]
fn a_read_index_answers_every_query_like_the_built_one() {
    let (docs, index, bytes) = fixture();
    let back = read(bytes, docs).expect("the index reads back");
    let (want, got) = (answers(index), answers(&back));
    assert!(want.iter().all(|hits| !hits.is_empty()), "every query finds something");
    assert_eq!(got, want);
    assert_eq!(back.len(), index.len());
}

#[test]
fn an_index_is_not_read_for_other_documents() {
    let (docs, _, bytes) = fixture();
    let mut edited = docs.clone();
    let d = &docs[1];
    let text = d.text().replacen("行政", "行政 ", 1);
    edited[1] = Arc::new(Document::new(d.path.clone(), "UTF-8", d.format, text));
    assert!(read(bytes, &edited).is_none(), "one document's text changed");
    let mut swapped = docs.clone();
    swapped.swap(0, 1);
    assert!(read(bytes, &swapped).is_none(), "another order");
    assert!(read(bytes, &docs[1..]).is_none(), "fewer documents");
    let mut moved = docs.clone();
    moved[0] = Arc::new(Document::new("elsewhere/a.txt", "UTF-8", d.format, docs[0].text().into()));
    assert!(read(bytes, &moved).is_none(), "another path");
}

#[test]
fn a_stored_index_is_found_again_for_the_same_documents_only() {
    let (docs, index, _) = fixture();
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = Cache::open(dir.path());
    let paths: Vec<String> = docs.iter().map(|d| d.path.clone()).collect();
    assert!(!Index::is_cached_for(&paths, &cache));
    assert!(Index::from_cache(docs, &cache).is_none());
    index.store(&cache).expect("store");
    assert!(Index::is_cached_for(&paths, &cache));
    assert!(!Index::is_cached_for(&paths[1..], &cache), "other paths");
    let (read, origin) = Index::load_or_build(docs, &cache);
    assert_eq!(origin, Origin::Cache);
    assert_eq!(answers(&read), answers(index));
    // Read before the documents are loaded, then attached to them.
    let early = Index::prefetch(&paths, &cache).expect("prefetched");
    assert_eq!(answers(&early.attach(docs).expect("same documents")), answers(index));
    let mut edited = docs.clone();
    let d = &docs[2];
    edited[2] =
        Arc::new(Document::new(d.path.clone(), "UTF-8", d.format, format!("{}。", d.text())));
    let early = Index::prefetch(&paths, &cache).expect("prefetched");
    assert!(early.attach(&edited).is_none(), "a changed text does not take a stale index");
    assert_eq!(Index::load_or_build(&edited, &cache).1, Origin::Built);
    // A disabled cache keeps nothing.
    let off = Cache::disabled();
    index.store(&off).expect("nothing to do");
    assert!(Index::from_cache(docs, &off).is_none());
}

#[test]
fn documents_keyed_as_they_arrive_take_the_index_exactly_when_keyed_at_once_would() {
    let (docs, index, _) = fixture();
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = Cache::open(dir.path());
    index.store(&cache).expect("store");
    let paths: Vec<String> = docs.iter().map(|d| d.path.clone()).collect();
    let keyed = |docs: &[Arc<Document>]| {
        let mut key = DocsKey::new();
        docs.chunks(3).for_each(|batch| key.add(batch));
        key
    };
    let early = Index::prefetch(&paths, &cache).expect("prefetched");
    let back = early.attach_keyed(docs, &keyed(docs)).expect("same documents");
    assert_eq!(answers(&back), answers(index));
    let mut edited = docs.clone();
    let d = &docs[4];
    edited[4] =
        Arc::new(Document::new(d.path.clone(), "UTF-8", d.format, format!("{}。", d.text())));
    let mut swapped = docs.clone();
    swapped.swap(2, 3);
    for (other, why) in [(&edited, "a changed text"), (&swapped, "another order")] {
        let early = Index::prefetch(&paths, &cache).expect("prefetched");
        assert!(early.attach_keyed(other, &keyed(other)).is_none(), "{why}");
    }
    let early = Index::prefetch(&paths, &cache).expect("prefetched");
    assert!(early.attach_keyed(&docs[1..], &keyed(&docs[1..])).is_none(), "fewer documents");
}

#[test]
fn an_index_with_a_reference_out_of_range_is_neither_prefetched_nor_read() {
    let (docs, index, bytes) = fixture();
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = Cache::open(dir.path());
    let paths: Vec<String> = docs.iter().map(|d| d.path.clone()).collect();
    index.store(&cache).expect("store");
    assert!(Index::prefetch(&paths, &cache).is_some(), "the whole one is");
    // Stored with a valid checksum, but one item names a document past the last.
    let (_, parts) = read_parts(&bytes[..], bytes.len() as u64, |_| true).expect("reads");
    parts.damaged(docs).store(&cache).expect("store");
    assert!(Index::is_cached_for(&paths, &cache), "the header is right");
    assert!(Index::prefetch(&paths, &cache).is_none());
    assert_eq!(Index::load_or_build(docs, &cache).1, Origin::Built);
}

#[test]
fn stored_parts_fit_only_documents_with_the_metrics_their_items_name() {
    let (docs, _, bytes) = fixture();
    let parts = || read_parts(&bytes[..], bytes.len() as u64, |_| true).expect("reads").1;
    let needs = parts().check(docs.len(), false).expect("whole");
    let (i, d) = docs.iter().enumerate().find(|(_, d)| !d.metrics.is_empty()).expect("metrics");
    let mut fewer = docs.clone();
    let mut stripped = (**d).clone();
    stripped.metrics.pop();
    fewer[i] = Arc::new(stripped);
    assert!(parts().attach(&needs, &fewer).is_none(), "a metric item with no metric");
    assert!(parts().attach(&needs, &docs[1..]).is_none(), "fewer documents");
    assert!(parts().attach(&needs, docs).is_some());
    // Checked on the shared pool, the same.
    assert!(parts().check(docs.len(), true).is_some());
    assert!(parts().check(docs.len() - 1, true).is_none(), "an item of no document");
}

#[test]
fn garbage_and_empty_input_are_rejected() {
    let (docs, _, _) = fixture();
    assert!(read(b"", docs).is_none());
    assert!(read(&[0xFF; 4096], docs).is_none());
    assert!(read(b"gwindex\x01 but not really an index at all", docs).is_none());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_cut_index_is_rejected(at in 0.0..1.0f64) {
        let (docs, _, bytes) = fixture();
        let cut = ((bytes.len() as f64) * at) as usize;
        prop_assert!(read(&bytes[..cut], docs).is_none());
    }

    #[test]
    fn a_flipped_bit_is_rejected(at in 0.0..1.0f64, bit in 0..8u8) {
        let (docs, _, bytes) = fixture();
        let mut damaged = bytes.clone();
        let i = (((bytes.len() as f64) * at) as usize).min(bytes.len() - 1);
        damaged[i] ^= 1 << bit;
        prop_assert!(read(&damaged, docs).is_none());
    }

    #[test]
    fn overwritten_bytes_are_rejected(at in 0.0..1.0f64, junk in proptest::collection::vec(any::<u8>(), 1..64)) {
        let (docs, _, bytes) = fixture();
        let mut damaged = bytes.clone();
        let i = ((bytes.len() as f64) * at) as usize;
        let end = (i + junk.len()).min(bytes.len());
        damaged[i..end].copy_from_slice(&junk[..end - i]);
        prop_assume!(damaged != *bytes);
        prop_assert!(read(&damaged, docs).is_none());
    }
}
