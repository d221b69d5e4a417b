//! The cache: hits give the document a parse gives, anything changed or broken is a miss.

use std::cell::Cell;
use std::fs::File;
use std::time::{Duration, SystemTime};

use super::*;
use crate::doc::samples::SAMPLES;
use crate::doc::Format;

/// A UTF-8 text parse, as the loader does it for plain text.
fn parse_utf8(path: &Path) -> impl Fn(&[u8]) -> Result<Document, LoadError> + '_ {
    move |bytes| {
        let text = String::from_utf8_lossy(bytes).into_owned();
        Ok(Document::new(path.display().to_string(), "UTF-8", Format::Text, text))
    }
}

/// Everything a document holds, private fields included.
fn all_fields(doc: &Document) -> String {
    format!("{doc:?}")
}

/// Loads through `cache`, counting calls of the parser.
fn load(cache: &Cache, path: &Path, parses: &Cell<usize>) -> Document {
    let parse = parse_utf8(path);
    cache
        .load_or_parse(path, |b| {
            parses.set(parses.get() + 1);
            parse(&b)
        })
        .expect("loads")
}

fn setup() -> (tempfile::TempDir, PathBuf, Cache) {
    let dir = tempfile::tempdir().expect("tempdir");
    let reports = dir.path().join("reports");
    fs::create_dir(&reports).expect("mkdir");
    let cache = Cache::open(&dir.path().join("cache"));
    (dir, reports, cache)
}

#[test]
fn a_cached_load_is_the_document_a_parse_gives() {
    let (_dir, reports, cache) = setup();
    let parses = Cell::new(0);
    for (name, bytes) in SAMPLES {
        let path = reports.join(name);
        fs::write(&path, bytes).expect("write");
        let fresh = load(&cache, &path, &parses);
        let cached = load(&cache, &path, &parses);
        assert!(!fresh.headings.is_empty(), "{name}: the sample has an outline");
        assert_eq!(all_fields(&cached), all_fields(&fresh), "{name}");
        // The text's hash (which places and the stored index key on) as the text has it.
        for doc in [&fresh, &cached] {
            assert_eq!(doc.text_hash(), content_hash(doc.text().as_bytes()), "{name}");
        }
        assert_eq!(all_fields(&fresh), all_fields(&parse_utf8(&path)(bytes).expect("parse")));
    }
    assert_eq!(parses.get(), SAMPLES.len(), "second loads come from the cache");
    assert_eq!(cache.stats(), CacheStats { hits: 5, misses: 5, write_errors: 0 });
}

#[test]
fn every_kind_of_file_the_loader_reads_comes_back_whole() {
    let (_dir, reports, cache) = setup();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("一、总则\r\n正文\r\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (gbk, _, _) = encoding_rs::GB18030.encode("一、总则\r\n（一）依法行政。共办理4070件。\r\n");
    let page = "<!DOCTYPE html><html><head><meta charset=utf-8><title>t</title></head><body>\
                <div>首页 > 通知</div><h1>2023年法治政府建设年度报告</h1><p>一、总则</p>\
                <p>办理行政复议案件120件，同比增长5%。</p></body></html>";
    let files: [(&str, Vec<u8>); 6] = [
        ("bom.txt", b"\xEF\xBB\xBF\xE4\xB8\x80\xE3\x80\x81\xE6\x80\xBB\xE5\x88\x99\n".to_vec()),
        ("utf16.txt", utf16),
        ("gbk.txt", gbk.into_owned()),
        ("page.html", page.as_bytes().to_vec()),
        ("page-named-txt.txt", page.as_bytes().to_vec()),
        ("broken.txt", "一、总则\n共办理4070件。".bytes().chain(*b"\xFF\n").collect()),
    ];
    let mut kinds = Vec::new();
    for (name, bytes) in files {
        let path = reports.join(name);
        fs::write(&path, &bytes).expect("write");
        let fresh = crate::doc::load::load_file(&path).expect("loads");
        let first =
            cache.load_or_parse(&path, |_| crate::doc::load::load_file(&path)).expect("loads");
        let cached =
            cache.load_or_parse(&path, |_| panic!("must come from the cache")).expect("loads");
        assert_eq!(all_fields(&first), all_fields(&fresh), "{name}");
        assert_eq!(all_fields(&cached), all_fields(&fresh), "{name}");
        kinds.push(format!("{} {:?} {}", fresh.encoding, fresh.format, fresh.warnings.len()));
    }
    assert_eq!(cache.stats().hits, 6);
    // The files above do cover what the loader does differently.
    let expected = [
        "UTF-8 Text 0",
        "UTF-16LE Text 0",
        "GB18030 Text 0",
        "UTF-8 Html 0",
        "UTF-8 Html 0",
        "UTF-8 Text 1",
    ];
    assert_eq!(kinds, expected);
}

#[test]
fn gb18030_and_html_documents_come_back_whole() {
    let (_dir, reports, cache) = setup();
    // GB18030 with CRLF (decoded again on a hit); an "HTML" page (its extracted text is kept).
    let gb = reports.join("gb.txt");
    let (bytes, _, _) =
        encoding_rs::GB18030.encode("一、总则\r\n（一）依法行政。\r\n共办理4070件。\r\n");
    fs::write(&gb, &bytes).expect("write");
    let page = reports.join("p.html");
    fs::write(&page, "<html><p>一、总则</p><p>正文</p></html>").expect("write");
    let parse = |path: &Path, bytes: &[u8]| -> Result<Document, LoadError> {
        if path.extension().is_some_and(|e| e == "html") {
            let text = String::from_utf8_lossy(bytes).replace("<html>", "").replace("</html>", "");
            let text = text.replace("<p>", "").replace("</p>", "\n");
            Ok(Document::new(path.display().to_string(), "UTF-8", Format::Html, text))
        } else {
            let (text, _) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            Ok(Document::new(path.display().to_string(), "GB18030", Format::Text, text.into()))
        }
    };
    for path in [&gb, &page] {
        let fresh = cache.load_or_parse(path, |b| parse(path, &b)).expect("loads");
        let cached =
            cache.load_or_parse(path, |_| panic!("must come from the cache")).expect("loads");
        assert_eq!(all_fields(&cached), all_fields(&fresh));
        assert!(!cached.headings.is_empty());
    }
}

#[test]
fn a_changed_file_is_parsed_again() {
    let (_dir, reports, cache) = setup();
    let path = reports.join("a.txt");
    let parses = Cell::new(0);
    fs::write(&path, "一、总则\n正文").expect("write");
    load(&cache, &path, &parses);
    // Same size, other content, mtime put back: only the content hash tells.
    let mtime = fs::metadata(&path).and_then(|m| m.modified()).expect("mtime");
    fs::write(&path, "二、附则\n正文").expect("write");
    File::options().write(true).open(&path).and_then(|f| f.set_modified(mtime)).expect("set mtime");
    let doc = load(&cache, &path, &parses);
    assert_eq!(parses.get(), 2);
    assert_eq!(doc.headings[0].title, "附则");
    // Touched: same content, new mtime.
    let later = SystemTime::now() + Duration::from_secs(5);
    File::options().write(true).open(&path).and_then(|f| f.set_modified(later)).expect("set mtime");
    load(&cache, &path, &parses);
    assert_eq!(parses.get(), 3);
    // Grown.
    fs::write(&path, "二、附则\n正文\n三、其他").expect("write");
    assert_eq!(load(&cache, &path, &parses).headings.len(), 2);
    assert_eq!(parses.get(), 4);
    load(&cache, &path, &parses);
    assert_eq!(parses.get(), 4, "unchanged since: a hit");
}

/// The one entry file under `cache`.
fn the_entry(cache: &Path) -> PathBuf {
    let shard =
        fs::read_dir(cache.join("docs")).expect("docs").next().expect("a shard").expect("entry");
    let file = fs::read_dir(shard.path()).expect("shard").next().expect("a file").expect("entry");
    file.path()
}

#[test]
fn a_corrupt_or_foreign_entry_is_ignored_and_replaced() {
    let (dir, reports, cache) = setup();
    let path = reports.join("a.txt");
    fs::write(&path, "一、总则\n正文").expect("write");
    let parses = Cell::new(0);
    let fresh = load(&cache, &path, &parses);
    let entry = the_entry(&dir.path().join("cache"));
    let good = fs::read(&entry).expect("read");
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x55;
    let wrong_version = [&good[..8], &99u32.to_le_bytes(), &good[12..]].concat();
    for bad in
        [flipped, wrong_version, b"garbage".to_vec(), Vec::new(), good[..good.len() / 2].to_vec()]
    {
        fs::write(&entry, &bad).expect("corrupt");
        let before = parses.get();
        let doc = load(&cache, &path, &parses);
        assert_eq!(parses.get(), before + 1, "a bad entry means a parse");
        assert_eq!(all_fields(&doc), all_fields(&fresh));
        assert_eq!(fs::read(&entry).expect("read"), good, "and is replaced");
        load(&cache, &path, &parses);
        assert_eq!(parses.get(), before + 1, "then hits again");
    }
}

#[test]
fn an_unwritable_cache_still_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    fs::write(&path, "一、总则").expect("write");
    // The cache folder is a file: nothing can be written under it.
    let blocked = dir.path().join("cache");
    fs::write(&blocked, "").expect("write");
    let cache = Cache::open(&blocked);
    let parses = Cell::new(0);
    assert_eq!(load(&cache, &path, &parses).headings.len(), 1);
    assert_eq!(cache.stats().write_errors, 1);
    assert!(cache.write_large("index", "k", 1, |w| w.write_all(b"x")).is_err());
}

#[test]
fn a_disabled_cache_parses_every_time_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    fs::write(&path, "一、总则").expect("write");
    let cache = Cache::disabled();
    let parses = Cell::new(0);
    load(&cache, &path, &parses);
    load(&cache, &path, &parses);
    assert_eq!(parses.get(), 2);
    assert_eq!(fs::read_dir(dir.path()).expect("dir").count(), 1);
    cache.write_large("index", "k", 1, |w| w.write_all(b"x")).expect("nothing to do");
    assert!(cache.read_large("index", "k").is_none());
}

#[test]
fn read_errors_and_parse_errors_are_not_cached() {
    let (_dir, reports, cache) = setup();
    let missing = reports.join("nope.txt");
    let err = cache.load_or_parse(&missing, |_| panic!("nothing to parse")).expect_err("missing");
    assert_eq!(err.reason, "no such file or directory");
    let path = reports.join("bad.txt");
    fs::write(&path, "x").expect("write");
    let refuse =
        |_: Vec<u8>| Err(LoadError { path: "bad.txt".into(), reason: "binary file".into() });
    assert!(cache.load_or_parse(&path, refuse).is_err());
    assert!(cache.load_or_parse(&path, refuse).is_err(), "still parsed, still refused");
}

#[test]
fn a_document_keeps_the_path_it_was_asked_by() {
    let (_dir, reports, cache) = setup();
    let path = reports.join("a.txt");
    fs::write(&path, "一、总则").expect("write");
    let parses = Cell::new(0);
    load(&cache, &path, &parses);
    let roundabout = reports.join(".").join("a.txt");
    let doc = load(&cache, &roundabout, &parses);
    assert_eq!(parses.get(), 1, "the same file, by its absolute path");
    assert_eq!(doc.path, roundabout.display().to_string());
}

#[test]
fn the_cache_dir_can_be_overridden() {
    // Only this test touches the variable.
    std::env::set_var("GONGWEN_CACHE_DIR", "/tmp/gongwen-cache-test");
    assert_eq!(Cache::default_dir(), Some(PathBuf::from("/tmp/gongwen-cache-test")));
    std::env::remove_var("GONGWEN_CACHE_DIR");
}

/// The cache's entry files (`*.bin` under `docs/`).
fn entry_files(cache_dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for sub in fs::read_dir(cache_dir.join("docs")).into_iter().flatten().flatten() {
        out.extend(fs::read_dir(sub.path()).into_iter().flatten().flatten().map(|e| e.path()));
    }
    out
}

fn set_age(path: &Path, age: Duration) {
    let f = File::options().write(true).open(path).expect("open");
    f.set_modified(SystemTime::now() - age).expect("set mtime");
}

#[test]
fn entries_unused_for_two_months_are_pruned_and_used_ones_kept() {
    let (dir, reports, cache) = setup();
    let cache_dir = dir.path().join("cache");
    let parses = Cell::new(0);
    let (kept, gone) = (reports.join("kept.txt"), reports.join("gone.txt"));
    fs::write(&kept, SAMPLES[0].1).expect("write");
    fs::write(&gone, SAMPLES[1].1).expect("write");
    load(&cache, &kept, &parses);
    load(&cache, &gone, &parses);
    let entries = entry_files(&cache_dir);
    assert_eq!(entries.len(), 2);
    // Both entries were last written 40 days ago; then `kept` is opened again, `gone` deleted.
    entries.iter().for_each(|e| set_age(e, Duration::from_secs(40 * 24 * 3600)));
    fs::remove_file(&gone).expect("rm");
    load(&cache, &kept, &parses);
    assert_eq!(parses.get(), 2, "the old entry was still used");
    // 25 days later, pruning: the entry used since stays, the other (65 days) goes.
    let later = SystemTime::now() + Duration::from_secs(25 * 24 * 3600);
    let stray = entries[0].with_file_name("notes.txt");
    fs::write(&stray, "not the cache's").expect("write");
    set_age(&stray, Duration::from_secs(100 * 24 * 3600));
    assert_eq!(prune::prune(&cache_dir, prune::MAX_AGE, later), 1);
    let left = entry_files(&cache_dir);
    assert_eq!(left.len(), 2, "one entry and the stray file left: {left:?}");
    assert!(stray.exists(), "files the cache did not write are left alone");
    load(&cache, &kept, &parses);
    assert_eq!(parses.get(), 2, "the kept entry still serves");
}

#[test]
fn pruning_runs_at_most_once_a_day() {
    let dir = tempfile::tempdir().expect("tempdir");
    let now = SystemTime::now();
    assert!(!prune::due(dir.path(), now), "a new cache has nothing to prune yet");
    assert!(!prune::due(dir.path(), now + Duration::from_secs(3600)));
    let tomorrow = now + Duration::from_secs(25 * 3600);
    assert!(prune::due(dir.path(), tomorrow));
    assert!(!prune::due(dir.path(), tomorrow + Duration::from_secs(60)), "done for that day");
}

#[test]
fn a_pack_unused_for_two_months_is_pruned_and_a_used_one_kept() {
    let (dir, reports, cache) = setup();
    let cache_dir = dir.path().join("cache");
    let (kept, gone) = (reports.join("kept"), reports.join("gone"));
    for folder in [&kept, &gone] {
        fs::create_dir(folder).expect("mkdir");
        fs::write(folder.join("a.txt"), SAMPLES[0].1).expect("write");
    }
    let load_folder = |folder: &Path| {
        let (docs, errors) = crate::doc::load::load_paths_cached(&[folder.to_path_buf()], &cache);
        assert_eq!((docs.len(), errors.len()), (1, 0));
    };
    load_folder(&kept);
    load_folder(&gone);
    let packs: Vec<PathBuf> =
        fs::read_dir(cache_dir.join("packs")).expect("packs").flatten().map(|e| e.path()).collect();
    assert_eq!(packs.len(), 2, "one pack per folder");
    // Both were written 40 days ago; then `kept` is opened again.
    packs.iter().for_each(|p| set_age(p, Duration::from_secs(40 * 24 * 3600)));
    let hits = cache.stats().hits;
    load_folder(&kept);
    assert_eq!(cache.stats().hits, hits + 1, "the old pack still served");
    let later = SystemTime::now() + Duration::from_secs(25 * 24 * 3600);
    assert_eq!(prune::prune(&cache_dir, prune::MAX_AGE, later), 1);
    load_folder(&kept);
    assert_eq!(cache.stats().hits, hits + 2, "the kept pack still serves");
    load_folder(&gone);
    assert_eq!(cache.stats().hits, hits + 2, "the pruned one is parsed again");
}

#[test]
fn a_folder_load_uses_an_entry_file_its_pack_lacks_and_takes_it_in() {
    let (_dir, reports, cache) = setup();
    let path = reports.join("a.txt");
    fs::write(&path, SAMPLES[0].1).expect("write");
    let parses = Cell::new(0);
    load(&cache, &path, &parses);
    // A new cache handle, as a later run opens it: the folder has no pack yet.
    let later = Cache::open(cache.dir.as_deref().expect("enabled"));
    let (docs, _) = crate::doc::load::load_paths_cached(std::slice::from_ref(&reports), &later);
    assert_eq!(docs.len(), 1);
    assert_eq!(later.stats(), CacheStats { hits: 1, misses: 0, write_errors: 0 }, "entry file");
    fs::remove_dir_all(later.dir.as_deref().expect("enabled").join("docs")).expect("rm");
    let again = Cache::open(later.dir.as_deref().expect("enabled"));
    let (docs, _) = crate::doc::load::load_paths_cached(std::slice::from_ref(&reports), &again);
    assert_eq!((docs.len(), again.stats().hits), (1, 1), "now from the pack");
}
