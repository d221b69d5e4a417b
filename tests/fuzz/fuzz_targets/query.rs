//! Arbitrary queries through the query parser and a search of the bundled samples, with the
//! highlights of the best hits. Must never panic; highlights fall on character boundaries.
#![no_main]

use std::sync::{Arc, OnceLock};

use gongwen::search::{Index, Query};
use libfuzzer_sys::fuzz_target;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let docs: Vec<Arc<_>> =
            gongwen::doc::load::load_samples().into_iter().map(Arc::new).collect();
        Index::build(&docs)
    })
}

fuzz_target!(|input: &str| {
    let _ = Query::parse_metric(input);
    let Ok(q) = Query::parse(input) else { return };
    let index = index();
    for hit in index.search(&q, 10) {
        let text = index.text(&hit);
        for r in index.highlight(&q, &hit) {
            assert!(text.get(r).is_some());
        }
    }
});
