//! Helpers of the hostile-input tests: writing inputs, the good sample, running the binary,
//! measuring its peak memory.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use gongwen::doc::load::{load_file, LoadError};
use gongwen::doc::Document;

/// The good document loaded beside every bad input: a repository sample.
pub fn good() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/samples/weinan-hitech-2020.txt")
}

/// The good sample loaded alone.
pub fn good_doc() -> Document {
    load_file(&good()).expect("the sample loads")
}

/// `paths` followed by the good sample.
pub fn with_good(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths.iter().cloned().chain([good()]).collect()
}

/// Writes `bytes` to `dir/name` (folders made as needed); returns the path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(&path, bytes).expect("write");
    path
}

/// A path as messages show it.
pub fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// The expected error for `path`.
pub fn error(path: &Path, reason: &str) -> LoadError {
    LoadError { path: shown(path), reason: reason.into() }
}

/// Runs the real binary with stdin closed.
pub fn gongwen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the gongwen binary runs")
}

/// Runs `gongwen ARGS BAD… GOOD`: asserts success, no panic, `messages` lines on stderr, and
/// exactly the good sample's outline on stdout (`outline --json`); returns stderr.
pub fn cli_beside_good(args: &[&str], bad: &[&Path], messages: usize) -> String {
    let bad: Vec<String> = bad.iter().map(|p| shown(p)).collect();
    let good = shown(&good());
    let mut all: Vec<&str> = args.to_vec();
    all.extend(bad.iter().map(String::as_str));
    all.push(&good);
    let out = gongwen(&all);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "the good file loaded, so success: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.lines().count(), messages, "one line per problem:\n{stderr}");
    let docs = json_lines(&out.stdout);
    assert_eq!(docs.len(), 1, "only the good sample loads");
    assert_eq!(docs[0]["path"], good);
    let headings = docs[0]["headings"].as_array().map_or(0, Vec::len);
    assert_eq!(headings, good_doc().headings.len());
    stderr
}

/// Asserts that stderr has the line `gongwen: PATH: REASON…`.
pub fn assert_message(stderr: &str, path: &Path, reason: &str) {
    let prefix = format!("gongwen: {}: ", shown(path));
    let line = stderr.lines().find(|l| l.starts_with(&prefix));
    let line = line.unwrap_or_else(|| panic!("no message for {} in:\n{stderr}", shown(path)));
    assert!(line[prefix.len()..].starts_with(reason), "{line}");
}

/// Parses JSON Lines.
pub fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line: {l}: {e}")))
        .collect()
}

/// A run of the binary with its peak resident memory.
pub struct Measured {
    pub output: Output,
    /// VmHWM in kB, last read before the process ended (0 when /proc is not readable).
    pub peak_kb: u64,
    pub elapsed: Duration,
}

/// Runs the binary, polling `/proc/PID/status` for its peak resident set (VmHWM) meanwhile.
pub fn run_measured(args: &[&str]) -> Measured {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the gongwen binary runs");
    let status_file = format!("/proc/{}/status", child.id());
    // Read the pipes on threads so a full pipe cannot stall the child.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut v).map(|_| v)
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut v).map(|_| v)
    });
    let mut peak_kb = 0;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        // The zombie keeps no memory figures, so the last live reading stands.
        if let Some(kb) = fs::read_to_string(&status_file).ok().as_deref().and_then(vm_hwm_kb) {
            peak_kb = peak_kb.max(kb);
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = out.join().expect("thread").expect("read stdout");
    let stderr = err.join().expect("thread").expect("read stderr");
    Measured { output: Output { status, stdout, stderr }, peak_kb, elapsed: start.elapsed() }
}

fn vm_hwm_kb(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// `n` bytes of deterministic noise (a linear congruential generator).
pub fn lcg_bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 56) as u8
        })
        .collect()
}
