//! `gongwen search`: the finder's engine on the command line.

use std::sync::Arc;
use std::time::Instant;

use serde_json::{json, Value};

use super::output::Out;
use super::SearchArgs;
use crate::search::{Hit, Index, Kind, Origin, Query};
use crate::store::Cache;

/// Hits per query when `--limit` is not given.
const DEFAULT_LIMIT: usize = 20;

/// Runs `gongwen search`; returns the exit code.
pub fn run(args: &SearchArgs, cache: &Cache) -> i32 {
    let kind = match args.kind.as_deref().map(|k| (k, Kind::parse(k))) {
        None => None,
        Some((_, Some(k))) => Some(k),
        Some((k, None)) => {
            eprintln!("gongwen: --kind {k}: expected doc, heading, text or metric");
            return 2;
        }
    };
    // With --queries, a positional argument is a path, not a query.
    let mut paths = args.paths.clone();
    let queries: Vec<String> = match (&args.queries, &args.query) {
        (Some(file), q) => {
            if let Some(q) = q {
                paths.insert(0, q.into());
            }
            match std::fs::read_to_string(file) {
                Ok(t) => {
                    t.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
                }
                Err(e) => {
                    eprintln!("gongwen: {}: {e}", file.display());
                    return 2;
                }
            }
        }
        (None, Some(q)) => vec![q.clone()],
        (None, None) => {
            eprintln!(
                "gongwen: search needs a QUERY or --queries FILE (see gongwen search --help)"
            );
            return 2;
        }
    };
    let parsed: Vec<Query> = match queries.iter().map(|q| Query::parse_in(q, kind)).collect() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("gongwen: query: {e}");
            return 2;
        }
    };
    let t0 = Instant::now();
    // A warm start reads the cached index while the documents load (a second core's work
    // instead of a wait after them); it is used only if it fits them.
    let (docs, prefetched) = std::thread::scope(|s| {
        let prefetch = (cache.is_enabled() && !paths.is_empty()).then(|| {
            s.spawn(|| {
                let (files, _) = crate::doc::load::expand_paths(&paths);
                let shown: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
                Index::prefetch(&shown, cache)
            })
        });
        let docs = super::load(&paths, cache);
        (docs, prefetch.map(|h| h.join().ok().flatten()))
    });
    let docs = match docs {
        Ok(d) => d,
        Err(code) => return code,
    };
    let docs: Vec<Arc<_>> = docs.into_iter().map(Arc::new).collect();
    let load_ms = ms(t0);
    let t1 = Instant::now();
    let (index, origin) = match prefetched {
        // Looked for: the cached index if it fits, else none fits and it is built.
        Some(found) => match found.and_then(|p| p.attach(&docs)) {
            Some(index) => (index, Origin::Cache),
            None => (Index::build(&docs), Origin::Built),
        },
        None => Index::load_or_build(&docs, cache),
    };
    let index_ms = ms(t1);
    if args.timings {
        let cached = origin == Origin::Cache;
        let stats = cache.stats();
        let t = json!({"docs": docs.len(), "docs_cached": stats.hits, "items": index.len(), "load_ms": load_ms, "index_ms": index_ms, "index_cached": cached});
        eprintln!("{t}");
    }
    let limit = match args.limit {
        Some(0) => usize::MAX,
        Some(n) => n,
        None => DEFAULT_LIMIT,
    };
    let mut out = Out::new();
    let many = args.queries.is_some();
    'queries: for (text, q) in queries.iter().zip(&parsed) {
        let t = Instant::now();
        let hits = index.search(q, limit);
        if args.timings {
            eprintln!("{}", json!({"query": text, "query_ms": ms(t), "hits": hits.len()}));
        }
        for hit in &hits {
            let more = if args.json {
                let mut v = to_json(&index, hit);
                if many {
                    v["query"] = json!(text);
                }
                out.json(&v)
            } else {
                out.line(&human(&index, hit, many.then_some(text.as_str())))
            };
            if !more {
                break 'queries;
            }
        }
    }
    let code = out.finish();
    // Stored once the answers are out, so the write does not delay them. Like the document
    // cache's, a failed write only costs the next run the build (said with --timings).
    if origin == Origin::Built && cache.is_enabled() {
        let t = Instant::now();
        let stored = index.store(cache);
        if args.timings {
            let error = stored.err();
            eprintln!("{}", json!({"index_store_ms": ms(t), "index_store_error": error}));
        }
    }
    super::leave((index, docs));
    code
}

fn ms(t: Instant) -> f64 {
    (t.elapsed().as_secs_f64() * 1e5).round() / 100.0
}

/// The stable JSON object of CLI.md for one hit.
pub fn to_json(index: &Index, hit: &Hit) -> Value {
    let doc = index.doc(hit);
    let mut v = json!({
        "path": doc.path,
        "title": doc.title(),
        "line": hit.line,
        "kind": hit.kind.name(),
        "text": index.text(hit),
        "heading": index.heading_title(hit),
        "score": hit.score,
    });
    if let Some(m) = index.metric(hit) {
        v["raw"] = json!(m.raw);
        v["value"] = super::metrics::json_number(m.value);
        v["unit"] = json!(m.unit);
        v["approx"] = json!(m.approx);
        v["label"] = json!(m.label);
    }
    v
}

/// One line for people: `path:line  kind  text  · heading`, one hit per line.
fn human(index: &Index, hit: &Hit, query: Option<&str>) -> String {
    let doc = index.doc(hit);
    let mut s = String::new();
    if let Some(q) = query {
        s.push_str(q);
        s.push('\t');
    }
    s.push_str(&format!("{}:{}  {:<7} {}", doc.path, hit.line, hit.kind.name(), index.text(hit)));
    if let Some(h) = index.heading_title(hit) {
        s.push_str("  · ");
        s.push_str(h);
    }
    s
}
