//! Time to first frame of the reader, measured like a user sees it: the real binary in tmux,
//! from pressing Enter on the command line to the first screen with the outline pane, then to
//! the first reading text, then to the end of loading, and (in runs of their own) until a query
//! typed at once searches every document; and the reader's CPU use once idle.
//!
//! `cargo bench --bench first_frame` (needs tmux). Generates `bench-data/frame-2000/`
//! (gitignored): 2,000 reports varied from the samples (`support/corpus.rs`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/corpus.rs"]
mod corpus;
#[path = "../tests/support/tmux.rs"]
mod tmux;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_gongwen");
const RUNS: usize = 5;
const REPORTS: usize = 2000;

/// The cache the reader runs with (the pane's environment is otherwise cleared).
fn cache_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("bench-data/first-frame-cache")
}

/// The generated folder of `n` reports (made once).
fn corpus(n: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("bench-data/frame-{n}"));
    corpus::generate(&dir, n, 7).unwrap();
    dir
}

struct Times {
    frame: Duration,
    text: Duration,
    loaded: Duration,
}

fn measure(args: &str) -> (Times, f64) {
    let t = Tmux::start(120, 40);
    let start = Instant::now();
    t.type_line(&format!("exec env GONGWEN_CACHE_DIR='{}' {BIN} {args}", cache_dir().display()));
    let mut frame = None;
    let mut text = None;
    let loaded = loop {
        let s = t.screen();
        if frame.is_none() && s.contains("Outline") {
            frame = Some(start.elapsed());
        }
        if text.is_none() && s.contains("法治") {
            text = Some(start.elapsed());
        }
        if text.is_some() && !s.contains("loading") && s.contains('%') {
            break start.elapsed();
        }
        // A folder of 20,000 reports takes longer to load than a test may wait.
        assert!(start.elapsed() < tmux::DEADLINE * 6, "never finished loading:\n{s}");
        // Polling tmux without a pause would take a core from the reader it measures.
        std::thread::sleep(Duration::from_millis(5));
    };
    let times = Times { frame: frame.unwrap(), text: text.unwrap(), loaded };
    (times, idle_cpu(&t))
}

/// Time until the whole folder is searchable: the finder is opened and a query typed as soon
/// as the first frame shows, then the finder's title must show a hit count over the full
/// index (no "… documents so far" note, no "indexing"/"loading" in the list).
fn searchable(args: &str) -> Duration {
    let t = Tmux::start(120, 40);
    let start = Instant::now();
    t.type_line(&format!("exec env GONGWEN_CACHE_DIR='{}' {BIN} {args}", cache_dir().display()));
    while !t.screen().contains("Outline") {
        assert!(start.elapsed() < tmux::DEADLINE, "no first frame");
    }
    t.keys(&["/"]);
    t.run(&["send-keys", "-t", "t", "-l", "xzfy"]);
    loop {
        let s = t.screen();
        let counted = s.lines().any(|l| l.contains('╭') && l.contains(" / "));
        if counted && !s.contains("so far") && !s.contains("indexing") && !s.contains("loading") {
            return start.elapsed();
        }
        assert!(start.elapsed() < tmux::DEADLINE * 6, "never searchable:\n{s}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// CPU seconds per second the reader uses while nobody touches it.
fn idle_cpu(t: &Tmux) -> f64 {
    let pid = t.var("pane_pid");
    let ticks = || -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
        let f: Vec<&str> = rest.split_whitespace().collect();
        // utime and stime are fields 14 and 15 (after the name: 12 and 13).
        f.get(11).and_then(|u| u.parse::<u64>().ok()).unwrap_or(0)
            + f.get(12).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0)
    };
    let span = Duration::from_secs(3);
    let before = ticks();
    std::thread::sleep(span);
    let after = ticks();
    (after - before) as f64 / 100.0 / span.as_secs_f64()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn report(label: &str, args: &str) {
    let mut frames = Vec::new();
    let mut texts = Vec::new();
    let mut loads = Vec::new();
    let mut cpu: f64 = 0.0;
    for _ in 0..RUNS {
        let (t, c) = measure(args);
        frames.push(t.frame);
        texts.push(t.text);
        loads.push(t.loaded);
        cpu = cpu.max(c);
    }
    let found = median((0..RUNS).map(|_| searchable(args)).collect());
    println!(
        "{label}: first frame {:?}, first text {:?}, all loaded {:?}, all searchable {found:?} (median of {RUNS}); idle CPU at most {:.1}%",
        median(frames),
        median(texts),
        median(loads),
        cpu * 100.0
    );
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs it once as a smoke test.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    report("samples (5 reports)", "");
    // `GONGWEN_BENCH_REPORTS=20000 cargo bench --bench first_frame` for the scale figures.
    let n = std::env::var("GONGWEN_BENCH_REPORTS").ok().and_then(|v| v.parse().ok());
    let n = n.unwrap_or(REPORTS);
    let dir = corpus(n);
    // Warm starts: the cache (documents and search index) filled once through the CLI, as a
    // first start would leave it had it run until its index was written.
    let mut fill = std::process::Command::new(BIN);
    fill.args(["search", "--limit", "1", "行政"]).arg(&dir).env("GONGWEN_CACHE_DIR", cache_dir());
    assert!(fill.output().unwrap().status.success());
    report(&format!("{n} reports (folder)"), &dir.display().to_string());
}
