//! The cache as users meet it through the command line: a second run reads the cache (parsed
//! documents and the search index) and prints exactly what the first printed, `--no-cache`
//! prints the same without reading or writing it, a file changed between runs is read and
//! searched as it is now, and a damaged index file is rebuilt without a word.
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
        // The folder's entries are kept together: one pack, not a file per report.
        assert_eq!(files(&cache.path().join("packs")).len(), 1, "{args:?}: one pack");
        assert!(files(&cache.path().join("docs")).is_empty(), "{args:?}: no entry files");
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
    assert_eq!(
        files(&cache.path().join("packs")).len(),
        1,
        "one pack for the folder, not one per run"
    );
    assert_eq!(files(&cache.path().join("index")).len(), 1, "one search index for the folder");
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
    assert!(!before.contains("新增的一句话"));
    let path = reports.path().join(gongwen::doc::samples::SAMPLES[0].0);
    let mut text = std::fs::read_to_string(&path).expect("read");
    text.push_str("\n五、新增的一节\n补充说明。\n");
    std::fs::write(&path, text).expect("rewrite");
    let after = outline(cache.path());
    assert!(after.contains("新增的一节"), "the changed file was parsed again");
    let fresh = tempfile::tempdir().expect("tempdir");
    assert_eq!(after, outline(fresh.path()), "as a first run prints it");
}

/// The queries of the search tests: plain, pinyin initials, full pinyin, heteronym, literal,
/// heading scope, title scope, exclusion, metric filter, and the text added by the tests.
const QUERIES: &str =
    "行政复议\nxzfy\nxingzheng\nxm\n'互联网+监管\n#复议\n@高新区\n复议 !诉讼\n=复议 >5\n𠀀𠀁新增\n";

/// [`reports`] and a few generated ones: variants of the samples with other numbers, one in a
/// subfolder, and a heading with characters beyond the BMP.
fn more_reports() -> tempfile::TempDir {
    let dir = reports();
    std::fs::create_dir(dir.path().join("sub")).expect("subfolder");
    for (i, (name, bytes)) in gongwen::doc::samples::SAMPLES.iter().enumerate() {
        let text =
            String::from_utf8_lossy(bytes).replace("行政复议", &format!("行政复议{}", i + 7));
        let text = format!("{text}\n九、𠀀𠀁新增事项{i}\n全年办理行政复议案件{}件。\n", 10 + i);
        let folder = if i % 2 == 0 { "sub" } else { "" };
        std::fs::write(dir.path().join(folder).join(format!("v{i}-{name}")), text).expect("write");
    }
    dir
}

/// `gongwen search --json --timings --queries FILE DIR [extra]`: its output, and whether the
/// index came from the cache (as `--timings` says). Its messages (stderr but for the timings)
/// must be the documents' warnings only, the same every run.
fn search(cache: &Path, dir: &Path, extra: &[&str]) -> (String, bool) {
    let queries = dir.join("queries.lst");
    std::fs::write(&queries, QUERIES).expect("write queries");
    let q = queries.to_str().expect("UTF-8 temp path");
    let args =
        [&["search", "--json", "--limit", "0", "--timings", "--queries", q][..], extra].concat();
    let out = gongwen(cache, &args, dir);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let head = stderr.lines().find(|l| l.contains("index_ms")).expect("--timings line");
    let cached = serde_json::from_str::<serde_json::Value>(head).expect("timings JSON")
        ["index_cached"]
        .as_bool()
        .expect("index_cached");
    let messages: Vec<&str> = stderr.lines().filter(|l| !l.starts_with('{')).collect();
    assert!(messages.iter().all(|m| m.contains(": warning: ")), "{extra:?}: {messages:?}");
    (String::from_utf8_lossy(&out.stdout).into_owned(), cached)
}

#[test]
fn search_answers_the_same_with_the_index_built_read_from_the_cache_or_without_cache() {
    let reports = more_reports();
    let cache = tempfile::tempdir().expect("tempdir");
    let (cold, cached) = search(cache.path(), reports.path(), &[]);
    assert!(!cached, "the first run builds the index");
    for q in QUERIES.lines() {
        let q = serde_json::to_string(q).expect("JSON string");
        assert!(cold.contains(&format!("\"query\":{q}")), "{q} finds something");
    }
    let (warm, cached) = search(cache.path(), reports.path(), &[]);
    assert!(cached, "the second run reads the index from the cache");
    assert_eq!(warm, cold, "warm run");
    let unused = tempfile::tempdir().expect("tempdir");
    let (bare, cached) = search(unused.path(), reports.path(), &["--no-cache"]);
    assert!(!cached);
    assert_eq!(bare, cold, "--no-cache");
    assert!(std::fs::read_dir(unused.path()).expect("read").next().is_none(), "nothing written");
    // Another selection in the same folder replaces the folder's index instead of adding one.
    let one = reports.path().join(gongwen::doc::samples::SAMPLES[1].0);
    let out = gongwen(cache.path(), &["search", "--json", "行政复议"], &one);
    assert!(!out.stdout.is_empty());
    assert_eq!(files(&cache.path().join("index")).len(), 2, "the folder and its subfolder");
}

#[test]
fn an_edited_report_is_searched_as_it_is_now() {
    let reports = more_reports();
    let cache = tempfile::tempdir().expect("tempdir");
    let (before, _) = search(cache.path(), reports.path(), &[]);
    assert!(!before.contains("新增的一句话"));
    let path = reports.path().join(gongwen::doc::samples::SAMPLES[3].0);
    let text = std::fs::read_to_string(&path).expect("read");
    // A sentence added in the middle of the report.
    let at = text[text.len() / 2..].find('。').expect("a sentence end") + text.len() / 2;
    let text = format!("{}𠀀𠀁新增的一句话。{}", &text[..at + '。'.len_utf8()], &text[at + 3..]);
    std::fs::write(&path, text).expect("rewrite");
    let (after, cached) = search(cache.path(), reports.path(), &[]);
    assert!(!cached, "the cached index no longer applies");
    assert!(after.contains("𠀀𠀁新增的一句话"), "the new sentence is found");
    let fresh = tempfile::tempdir().expect("tempdir");
    assert_eq!(after, search(fresh.path(), reports.path(), &[]).0, "as a first run finds it");
    let (again, cached) = search(cache.path(), reports.path(), &[]);
    assert!(cached, "the rebuilt index was stored");
    assert_eq!(again, after);
}

#[test]
fn a_damaged_index_file_is_rebuilt_silently() {
    let reports = more_reports();
    let cache = tempfile::tempdir().expect("tempdir");
    let (cold, _) = search(cache.path(), reports.path(), &[]);
    let index = files(&cache.path().join("index")).pop().expect("an index file");
    let whole = std::fs::read(&index).expect("read index");
    let mut flipped = whole.clone();
    flipped[whole.len() / 2] ^= 0x10;
    let damages: [(&str, Vec<u8>); 4] = [
        ("cut in half", whole[..whole.len() / 2].to_vec()),
        ("one bit flipped", flipped),
        ("garbage", vec![0x5A; whole.len()]),
        ("empty", Vec::new()),
    ];
    for (what, bytes) in damages {
        std::fs::write(&index, bytes).expect("damage the index");
        let (out, cached) = search(cache.path(), reports.path(), &[]);
        assert!(!cached, "{what}: not read");
        assert_eq!(out, cold, "{what}: same answers");
        let (out, cached) = search(cache.path(), reports.path(), &[]);
        assert!(cached, "{what}: rebuilt and stored again");
        assert_eq!(out, cold, "{what}: same answers from the rebuilt index");
    }
}

/// `gongwen search --timings` over `dir`: how many documents it loaded, and how many of them
/// came from the cache; and its JSON output for a few queries.
fn load_counts(cache: &Path, dir: &Path) -> (u64, u64, String) {
    let out = gongwen(cache, &["search", "--json", "--timings", "行政复议"], dir);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let head = stderr.lines().find(|l| l.contains("docs_cached")).expect("--timings line");
    let t: serde_json::Value = serde_json::from_str(head).expect("timings JSON");
    let count = |k: &str| t[k].as_u64().expect("a count");
    (count("docs"), count("docs_cached"), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_folders_pack_follows_added_changed_removed_and_damaged_reports() {
    let reports = more_reports();
    let cache = tempfile::tempdir().expect("tempdir");
    let (n, cached, first) = load_counts(cache.path(), reports.path());
    assert_eq!((n, cached), (12, 0), "a first run parses every report");
    assert_eq!(load_counts(cache.path(), reports.path()), (n, n, first.clone()), "all cached");
    let pack = files(&cache.path().join("packs")).pop().expect("the pack");
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);

    // A changed report is parsed again, the others come from the pack, which then keeps it.
    let edited = reports.path().join(gongwen::doc::samples::SAMPLES[0].0);
    let text = std::fs::read_to_string(&edited).expect("read") + "\n全年办理行政复议案件99件。\n";
    std::fs::write(&edited, text).expect("rewrite");
    let (_, cached, changed) = load_counts(cache.path(), reports.path());
    assert_eq!(cached, n - 1, "only the changed report is parsed");
    let fresh = tempfile::tempdir().expect("tempdir");
    assert_eq!(changed, load_counts(fresh.path(), reports.path()).2, "as a first run prints it");
    assert_eq!(load_counts(cache.path(), reports.path()).1, n, "the pack now has it");

    // A removed report leaves the pack.
    let before = size(&pack);
    std::fs::remove_file(reports.path().join("weinan.html")).expect("remove");
    assert_eq!(load_counts(cache.path(), reports.path()).1, n - 1);
    assert!(size(&pack) < before, "its entry is dropped from the pack");
    // An added report is parsed, the rest comes from the pack.
    let (_, weinan) = gongwen::doc::samples::SAMPLES[2];
    std::fs::write(reports.path().join("added.txt"), weinan).expect("add");
    let (docs, cached, _) = load_counts(cache.path(), reports.path());
    assert_eq!((docs, cached), (n, n - 1), "only the added report is parsed");
    assert_eq!(load_counts(cache.path(), reports.path()).1, n, "the pack now has it");
    let (n, _, now) = load_counts(cache.path(), reports.path());

    // A damaged pack changes nothing that is printed, and is rebuilt without a word.
    let bytes = std::fs::read(&pack).expect("read pack");
    let mut flipped = bytes.clone();
    flipped[bytes.len() / 2] ^= 0x40;
    let damaged: [(&str, Vec<u8>); 4] = [
        ("cut", bytes[..bytes.len() * 2 / 3].to_vec()),
        ("bit flip", flipped),
        ("junk", vec![0x5A; 4096]),
        ("empty", Vec::new()),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&pack, bytes).expect("damage the pack");
        let (docs, _, out) = load_counts(cache.path(), reports.path());
        assert_eq!((docs, out.as_str()), (n, now.as_str()), "{what}");
        assert_eq!(load_counts(cache.path(), reports.path()).1, n, "{what}: rebuilt");
    }
    assert_eq!(files(&cache.path().join("packs")).len(), 1, "no temporary files left");
}
