//! Measures the document cache on a generated folder: `cargo bench --bench store --
//! N [DIR]` writes N reports varied from the samples (`support/corpus.rs`) under DIR/reports
//! (default: a temporary folder), then times loading them without the cache, with an empty
//! cache (parse and write the folder's pack), and with a full cache (warm start).

#[path = "support/corpus.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::time::Instant;

use gongwen::store::cache::Cache;
use rayon::prelude::*;

/// CPU seconds used by the process so far, all threads (Linux `/proc/self/stat`, 10 ms
/// ticks): on a machine shared with other work, CPU / 2 is what the wall time would be on two
/// idle cores.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<f64> = rest.split_whitespace().filter_map(|f| f.parse().ok()).collect();
    // The state letter does not parse: utime and stime (fields 14 and 15) are at 10 and 11.
    (fields.get(10).unwrap_or(&0.0) + fields.get(11).unwrap_or(&0.0)) / 100.0
}

/// Loads the folder `reports` as the reader and the CLI do: its files through the cache's pack
/// for that folder (`files`, the folder's files, only set the count expected).
fn load_all(cache: &Cache, reports: &Path, files: &[PathBuf]) -> (f64, usize) {
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let (docs, _) = gongwen::doc::load::load_paths_cached(&[reports.to_path_buf()], cache);
    assert_eq!(docs.len(), files.len(), "every report loads");
    let headings = docs.iter().map(|d| d.headings.len()).sum();
    let s = t.elapsed().as_secs_f64();
    print!("[{:.2} s CPU] ", cpu_seconds() - cpu);
    (s, headings)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    // `cargo bench` passes `--bench`; only the positional arguments are ours.
    let args: Vec<String> = std::env::args().filter(|a| !a.starts_with("--")).collect();
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(2000);
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = args.get(2).map_or_else(|| tmp.path().to_path_buf(), PathBuf::from);
    let reports = root.join("reports");
    if args.get(3).is_some_and(|a| a == "warm") {
        // Only the warm start, on a folder and cache made by an earlier run (for profiling).
        let mut files = Vec::new();
        walk(&reports, &mut files);
        files.sort();
        for _ in 0..3 {
            let cache = Cache::open(&root.join("cache"));
            let (s, h) = load_all(&cache, &reports, &files);
            println!("warm:                    {s:.3} s, {h} headings, {:?}", cache.stats());
        }
        return;
    }
    let files = corpus::generate(&reports, n, 7).expect("generate the reports");
    let total: u64 = files.iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum();
    println!("{n} reports, {:.1} MB", total as f64 / 1e6);

    let t = Instant::now();
    let bytes: usize = files
        .par_iter()
        .map(|p| {
            std::fs::read(p).map(|b| gongwen::store::content_hash(&b) as usize & 1).unwrap_or(0)
        })
        .sum();
    println!("read + hash only:        {:.3} s ({bytes})", t.elapsed().as_secs_f64());
    let (s, h) = load_all(&Cache::disabled(), &reports, &files);
    println!("no cache (parse):        {s:.3} s, {h} headings");
    let cache_dir = root.join("cache");
    let _ = std::fs::remove_dir_all(&cache_dir);
    let cache = Cache::open(&cache_dir);
    let (s, h) = load_all(&cache, &reports, &files);
    println!("cold (parse + write):    {s:.3} s, {h} headings, {:?}", cache.stats());
    for _ in 0..3 {
        let cache = Cache::open(&cache_dir);
        let (s, h) = load_all(&cache, &reports, &files);
        println!("warm:                    {s:.3} s, {h} headings, {:?}", cache.stats());
    }
    let mut entries = Vec::new();
    walk(&cache_dir, &mut entries);
    let t = Instant::now();
    let size: usize = entries.par_iter().map(|p| std::fs::read(p).map_or(0, |b| b.len())).sum();
    println!(
        "read entries only:       {:.3} s ({} files, {:.1} MB)",
        t.elapsed().as_secs_f64(),
        entries.len(),
        size as f64 / 1e6
    );
    let pack = root.join("pack.bin");
    let all: Vec<u8> = entries.iter().flat_map(|p| std::fs::read(p).unwrap_or_default()).collect();
    std::fs::write(&pack, &all).expect("write pack");
    let t = Instant::now();
    let len = std::fs::read(&pack).map_or(0, |b| b.len());
    println!("read one pack instead:   {:.3} s ({len} bytes)", t.elapsed().as_secs_f64());
}
