//! The document cache as users meet it through the command line: a second run reads the
//! cache and prints exactly what the first printed, `--no-cache` prints the same without
//! reading or writing it, and a file changed between runs is read as it is now.
//!
//! Every run sets `GONGWEN_CACHE_DIR` to a temporary folder: tests never touch the user's
//! real cache.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn gongwen(cache: &Path, args: &[&str], dir: &Path) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        .arg(dir)
        .env("GONGWEN_CACHE_DIR", cache)
        .stdin(Stdio::null())
        .output()
        .expect("the gongwen binary runs");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

/// The files under `dir`, recursively.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// A folder of reports in the forms the loader handles differently: the UTF-8 samples, one
/// in GBK, and one as a web page (whose text the cache keeps itself).
fn reports() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, bytes) in gongwen::doc::samples::SAMPLES {
        std::fs::write(dir.path().join(name), bytes).expect("write sample");
    }
    let (_, weinan) = gongwen::doc::samples::SAMPLES[2];
    let text = String::from_utf8_lossy(weinan);
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    std::fs::write(dir.path().join("weinan-gbk.txt"), &gbk).expect("write GBK");
    let page: String = text.lines().map(|l| format!("<p>{l}</p>\n")).collect();
    let page = format!("<!DOCTYPE html><html><body><div>首页 > 政务公开</div>{page}</body></html>");
    std::fs::write(dir.path().join("weinan.html"), page).expect("write HTML");
    dir
}

#[test]
fn warm_runs_and_no_cache_runs_print_what_the_first_run_printed() {
    let reports = reports();
    let cache = tempfile::tempdir().expect("tempdir");
    let unused = tempfile::tempdir().expect("tempdir");
    let commands: [&[&str]; 4] = [
        &["outline", "--json"],
        &["info", "--json"],
        &["metrics", "--json"],
        &["search", "--json", "行政复议"],
    ];
    for args in commands {
        let cold = gongwen(cache.path(), args, reports.path());
        assert!(!cold.stdout.is_empty(), "{args:?} printed nothing");
        let written = files(cache.path()).len();
        assert!(written >= 7, "{args:?}: one entry per report after the first run, got {written}");
        let warm = gongwen(cache.path(), args, reports.path());
        assert_eq!(
            String::from_utf8_lossy(&warm.stdout),
            String::from_utf8_lossy(&cold.stdout),
            "{args:?}: warm run"
        );
        assert_eq!(warm.stderr, cold.stderr, "{args:?}: same warnings");
        let no_cache = [args, &["--no-cache"]].concat();
        let bare = gongwen(unused.path(), &no_cache, reports.path());
        assert_eq!(
            String::from_utf8_lossy(&bare.stdout),
            String::from_utf8_lossy(&cold.stdout),
            "{args:?}: --no-cache"
        );
    }
    let entries = files(&cache.path().join("docs"));
    assert_eq!(entries.len(), 7, "one document entry per report, not one per run");
    assert!(
        std::fs::read_dir(unused.path()).expect("read").next().is_none(),
        "--no-cache created nothing in the cache folder"
    );
}

#[test]
fn a_report_changed_between_runs_is_read_as_it_is_now() {
    let reports = reports();
    let cache = tempfile::tempdir().expect("tempdir");
    let outline = |cache: &Path| {
        let out = gongwen(cache, &["outline", "--json"], reports.path());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let before = outline(cache.path());
    assert!(!before.contains("新增的一节"));
    let path = reports.path().join(gongwen::doc::samples::SAMPLES[0].0);
    let mut text = std::fs::read_to_string(&path).expect("read");
    text.push_str("\n五、新增的一节\n补充说明。\n");
    std::fs::write(&path, text).expect("rewrite");
    let after = outline(cache.path());
    assert!(after.contains("新增的一节"), "the changed file was parsed again");
    let fresh = tempfile::tempdir().expect("tempdir");
    assert_eq!(after, outline(fresh.path()), "as a first run prints it");
}
