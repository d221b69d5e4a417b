//! Search benchmark (issue 4): a generated folder of reports (default 7,000, ~140 MB), index
//! build time and memory, then per-query p50/p95 for plain, pinyin, literal, scoped and
//! metric queries, beside a brute-force SkimMatcherV2 scan of every item and `fzf --filter`
//! over the same item texts.
//!
//! `cargo bench --bench search` (release). `GONGWEN_BENCH_REPORTS=N` changes the size,
//! `GONGWEN_BENCH_RUNS=N` the runs per query.

#[path = "support/corpus.rs"]
mod corpus;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use gongwen::doc::{Document, Format};
use gongwen::search::{Index, Query};
use rayon::prelude::*;

const QUERIES: [(&str, &str); 14] = [
    ("行政复议", "plain"),
    ("法治政府建设", "plain"),
    ("营商环境 优化", "plain, 2 words"),
    ("复议 !诉讼", "exclude"),
    ("xzfy", "pinyin initials"),
    ("xingzheng", "pinyin full"),
    ("xm", "pinyin heteronym"),
    ("'互联网+监管", "literal"),
    ("'OA", "literal Latin"),
    ("#复议", "heading scope"),
    ("@高新区", "title scope"),
    ("=复议 >5", "metric"),
    ("=资金 >1亿", "metric 亿"),
    ("执法案卷评查", "plain long"),
];

fn env(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Reads and decodes one report (UTF-8, else GB18030) like the loader does.
fn load(path: &Path) -> Document {
    let bytes = std::fs::read(path).unwrap_or_default();
    let (text, enc) = match String::from_utf8(bytes) {
        Ok(t) => (t, "UTF-8"),
        Err(e) => (encoding_rs::GB18030.decode(e.as_bytes()).0.into_owned(), "GB18030"),
    };
    Document::new(path.display().to_string(), enc, Format::Text, text)
}

/// CPU time (user + system) of this process so far, in ms.
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let ticks: f64 = [11, 12].iter().filter_map(|&i| fields.get(i)?.parse::<f64>().ok()).sum();
    ticks * 10.0
}

/// CPU time of all this process's threads so far, in ms (nanosecond resolution, from
/// /proc/self/task/*/schedstat): unlike wall time, barely affected by other processes.
fn cpu_ns_ms() -> f64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else { return 0.0 };
    let ns: u64 = tasks
        .filter_map(Result::ok)
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum();
    ns as f64 / 1e6
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// The words fzf gets: scopes and value filters removed (fzf knows `'` and `!` itself).
fn fzf_query(q: &str) -> String {
    let q = q.trim_start_matches(['#', '@', '=']);
    q.split_whitespace().filter(|w| !w.starts_with(['>', '<'])).collect::<Vec<_>>().join(" ")
}

fn fzf_available() -> bool {
    Command::new("fzf").arg("--version").stdout(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// Wall time of `fzf --filter` over `items` (one item per line); the best of `runs`.
fn fzf_time(items: &Path, q: &str, runs: usize) -> Option<(f64, usize)> {
    let mut best: Option<(f64, usize)> = None;
    for _ in 0..runs {
        let input = std::fs::File::open(items).ok()?;
        let t = Instant::now();
        let out = Command::new("fzf").args(["--filter", q]).stdin(input).output().ok()?;
        let el = ms(t.elapsed());
        let n = out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count();
        if best.is_none_or(|b| el < b.0) {
            best = Some((el, n));
        }
    }
    best
}

/// Approximate heap of the documents by part (glibc chunks: 8 bytes overhead, 16-aligned,
/// at least 32), to see where the documents' RSS goes.
fn print_doc_heap(docs: &[Arc<Document>]) {
    let chunk = |n: usize| if n == 0 { 0 } else { (n + 8).div_ceil(16).max(2) * 16 };
    // Compact strings keep up to 24 bytes inline.
    let s = |x: &str| if x.len() > 24 { chunk(x.len()) } else { 0 };
    let (mut text, mut lines, mut heads, mut mets, mut nm, mut nh) = (0, 0, 0, 0, 0, 0);
    for d in docs {
        text += chunk(d.text().len());
        lines += chunk(d.line_count() * std::mem::size_of::<usize>());
        heads += chunk(d.headings.len() * std::mem::size_of::<gongwen::outline::Heading>())
            + d.headings.iter().map(|h| s(&h.marker) + s(&h.title)).sum::<usize>();
        nh += d.headings.len();
        nm += d.metrics.len();
        mets += chunk(d.metrics.len() * std::mem::size_of::<gongwen::metrics::Metric>());
        mets += d.metrics.iter().map(|m| s(&m.raw) + s(&m.unit) + s(&m.label)).sum::<usize>();
    }
    println!(
        "documents heap (approx.): text {:.0} MB, line starts {:.0} MB, {} headings {:.0} MB, {} metrics {:.0} MB",
        text as f64 / 1e6, lines as f64 / 1e6, nh, heads as f64 / 1e6, nm, mets as f64 / 1e6
    );
}

fn main() {
    let n = env("GONGWEN_BENCH_REPORTS", 7000);
    let runs = env("GONGWEN_BENCH_RUNS", 20);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench-data");
    let dir = root.join(format!("reports-{n}"));
    let t = Instant::now();
    let paths = corpus::generate(&dir, n, 42).expect("generate the corpus");
    let corpus_bytes: u64 =
        paths.iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum();
    println!(
        "corpus: {} reports, {:.1} MB in {} (ready in {:.1} s)",
        n,
        corpus_bytes as f64 / 1e6,
        dir.display(),
        t.elapsed().as_secs_f64()
    );

    let rss0 = rss_kb();
    let t = Instant::now();
    let docs: Vec<Arc<Document>> = paths.par_iter().map(|p| Arc::new(load(p))).collect();
    let load_ms = ms(t.elapsed());
    let rss1 = rss_kb();
    let (t, cpu) = (Instant::now(), cpu_ms());
    let index = Index::build(&docs);
    let index_ms = ms(t.elapsed());
    let index_cpu = cpu_ms() - cpu;
    let rss2 = rss_kb();
    print_doc_heap(&docs);
    println!(
        "load {:.0} ms; index {:.0} ms ({:.0} ms CPU), {} items, index heap {:.0} MB; RSS: before {:.0} MB, documents {:.0} MB, with index {:.0} MB ({:.2}x corpus; index alone {:.2}x)",
        load_ms,
        index_ms,
        index_cpu,
        index.len(),
        index.heap_bytes() as f64 / 1e6,
        rss0 as f64 / 1e3,
        rss1 as f64 / 1e3,
        rss2 as f64 / 1e3,
        rss2 as f64 * 1e3 / corpus_bytes as f64,
        (rss2 - rss1) as f64 * 1e3 / corpus_bytes as f64,
    );

    // The same item texts for the brute-force scan and fzf.
    let texts: Vec<&str> = index.item_texts().map(|(_, t)| t).collect();
    let items_file = root.join(format!("items-{n}.txt"));
    {
        let mut f =
            std::io::BufWriter::new(std::fs::File::create(&items_file).expect("items file"));
        for t in &texts {
            let _ = writeln!(f, "{}", t.replace('\n', " "));
        }
    }
    let fzf = fzf_available();
    if !fzf {
        println!("fzf not on PATH: the fzf column is skipped");
    }

    println!();
    println!("| query | kind | hits | p50 ms | p95 ms | CPU ms | brute-force p50 ms | fzf ms | vs brute | vs fzf |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut all_p95 = Vec::new();
    // GONGWEN_BENCH_QUERY='Q1|Q2': time only those queries, without the baselines (for profiling).
    let only = std::env::var("GONGWEN_BENCH_QUERY").ok();
    let queries: Vec<(&str, &str)> = match &only {
        Some(q) => q.split('|').map(|q| (q, "given")).collect(),
        None => QUERIES.to_vec(),
    };
    for (q, kind) in queries {
        let query = Query::parse(q).expect("benchmark query parses");
        let mut times = Vec::with_capacity(runs);
        let mut hits = 0;
        let cpu0 = cpu_ns_ms();
        for _ in 0..runs {
            let t = Instant::now();
            let h = index.search(&query, 50);
            times.push(ms(t.elapsed()));
            hits = h.len();
        }
        let cpu_per_query = (cpu_ns_ms() - cpu0) / runs as f64;
        times.sort_by(f64::total_cmp);
        let (p50, p95) = (percentile(&times, 0.5), percentile(&times, 0.95));
        all_p95.push(p95);
        // Brute force: one SkimMatcherV2 over every item, on one thread, as a plain finder would.
        if only.is_some() {
            println!("{}; CPU {cpu_per_query:.2} ms per query", index.profile(&query, 50));
            println!("| `{q}` | {kind} | {hits} | {p50:.2} | {p95:.2} | {cpu_per_query:.2} | - | - | - | - |");
            continue;
        }
        let skim = SkimMatcherV2::default();
        let fq = fzf_query(q);
        let mut brute = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            let mut found: Vec<(i64, usize)> = texts
                .iter()
                .enumerate()
                .filter_map(|(i, t)| skim.fuzzy_match(t, &fq).map(|s| (s, i)))
                .collect();
            found.sort_unstable_by(|a, b| b.cmp(a));
            found.truncate(50);
            brute.push(ms(t.elapsed()));
        }
        brute.sort_by(f64::total_cmp);
        let brute_p50 = brute[1];
        let fzf_ms = if fzf { fzf_time(&items_file, &fq, 2).map(|r| r.0) } else { None };
        println!(
            "| `{}` | {} | {} | {:.2} | {:.2} | {:.2} | {:.0} | {} | {:.0}x | {} |",
            q,
            kind,
            hits,
            p50,
            p95,
            cpu_per_query,
            brute_p50,
            fzf_ms.map_or("-".into(), |f| format!("{f:.0}")),
            brute_p50 / p50.max(1e-3),
            fzf_ms.map_or("-".into(), |f| format!("{:.0}x", f / p50.max(1e-3))),
        );
    }
    all_p95.sort_by(f64::total_cmp);
    println!();
    println!("worst p95 over the queries: {:.2} ms", all_p95.last().copied().unwrap_or(0.0));
}
