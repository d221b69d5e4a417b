//! Watching real folders: events arrive within a deadline, one per saved file, documents only.

use std::fs;
use std::sync::mpsc::Receiver;
use std::time::Instant;

use super::*;

/// Long enough for a loaded machine; events normally come within DEBOUNCE plus a tick.
const DEADLINE: Duration = Duration::from_secs(10);

/// Receives events until `until` returns true for one, or fails at the deadline.
fn collect_until(
    rx: &Receiver<WatchEvent>,
    until: impl Fn(&WatchEvent) -> bool,
) -> Vec<WatchEvent> {
    let end = Instant::now() + DEADLINE;
    let mut got = Vec::new();
    loop {
        let left = end.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(e) => {
                let done = until(&e);
                got.push(e);
                if done {
                    return got;
                }
            }
            Err(_) => panic!("no matching event within {DEADLINE:?}; got {got:?}"),
        }
    }
}

fn next(rx: &Receiver<WatchEvent>) -> WatchEvent {
    collect_until(rx, |_| true).remove(0)
}

fn watch(paths: &[PathBuf]) -> (Watcher, Receiver<WatchEvent>) {
    let (tx, rx) = mpsc::channel();
    let w = Watcher::spawn(paths, tx).expect("watcher starts");
    (w, rx)
}

#[test]
fn a_document_added_changed_and_removed_gives_one_event_each() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().to_path_buf();
    let (_w, rx) = watch(std::slice::from_ref(&root));
    let file = root.join("报告.txt");
    fs::write(&file, "一、总则").expect("write");
    assert_eq!(next(&rx), WatchEvent::Added(file.clone()));
    fs::write(&file, "一、总则\n二、附则").expect("rewrite");
    assert_eq!(next(&rx), WatchEvent::Changed(file.clone()));
    fs::remove_file(&file).expect("remove");
    assert_eq!(next(&rx), WatchEvent::Removed(file));
}

#[test]
fn a_file_written_in_pieces_is_one_event_and_other_files_are_ignored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().to_path_buf();
    let (_w, rx) = watch(std::slice::from_ref(&root));
    let file = root.join("a.HTML");
    {
        use std::io::Write;
        let mut f = fs::File::create(&file).expect("create");
        for chunk in ["<html>", "<p>一、总则</p>", "</html>"] {
            f.write_all(chunk.as_bytes()).expect("write");
            f.flush().expect("flush");
        }
    }
    fs::write(root.join("notes.pdf"), "x").expect("write pdf");
    fs::write(root.join(".a.txt.swp"), "x").expect("write swap");
    fs::create_dir(root.join("sub")).expect("mkdir");
    let sentinel = root.join("sub/z.md");
    fs::write(&sentinel, "z").expect("write sentinel");
    let mut got = collect_until(&rx, |e| *e == WatchEvent::Added(sentinel.clone()));
    got.sort_by_key(|e| format!("{e:?}"));
    assert_eq!(got, [WatchEvent::Added(file), WatchEvent::Added(sentinel)]);
}

#[test]
fn a_folder_moved_in_and_removed_brings_and_takes_its_documents() {
    let outside = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir_in(outside.path()).expect("tempdir");
    let root = dir.path().to_path_buf();
    let staged = outside.path().join("2023");
    fs::create_dir(&staged).expect("mkdir");
    fs::write(staged.join("a.txt"), "a").expect("write");
    fs::write(staged.join("b.htm"), "b").expect("write");
    let (_w, rx) = watch(std::slice::from_ref(&root));
    fs::rename(&staged, root.join("2023")).expect("move in");
    let (a, b) = (root.join("2023/a.txt"), root.join("2023/b.htm"));
    let mut got = vec![next(&rx), next(&rx)];
    got.sort_by_key(|e| format!("{e:?}"));
    assert_eq!(got, [WatchEvent::Added(a.clone()), WatchEvent::Added(b.clone())]);
    fs::remove_dir_all(root.join("2023")).expect("remove");
    let mut got = vec![next(&rx), next(&rx)];
    got.sort_by_key(|e| format!("{e:?}"));
    assert_eq!(got, [WatchEvent::Removed(a), WatchEvent::Removed(b)]);
}

#[test]
fn a_file_opened_by_name_is_watched_whatever_its_name_even_when_replaced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("report.dat");
    fs::write(&file, "v1").expect("write");
    let (_w, rx) = watch(std::slice::from_ref(&file));
    // An editor's save: a new file renamed over the old one.
    let tmp = dir.path().join("report.dat.new");
    fs::write(&tmp, "v2").expect("write new");
    fs::rename(&tmp, &file).expect("rename over");
    assert_eq!(next(&rx), WatchEvent::Changed(file.clone()));
    fs::write(&file, "v3").expect("write again");
    assert_eq!(next(&rx), WatchEvent::Changed(file.clone()));
    fs::write(dir.path().join("other.txt"), "x").expect("write other");
    fs::remove_file(&file).expect("remove");
    assert_eq!(next(&rx), WatchEvent::Removed(file));
}

#[test]
fn a_missing_path_is_reported_and_the_others_still_watched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("nope");
    let (_w, rx) = watch(&[missing, dir.path().to_path_buf()]);
    assert!(matches!(next(&rx), WatchEvent::Error(m) if m.contains("nope")));
    let file = dir.path().join("a.txt");
    fs::write(&file, "a").expect("write");
    assert_eq!(next(&rx), WatchEvent::Added(file));
}

#[test]
fn reading_a_document_is_not_a_change() {
    // The reader's own loading opens every file: that must not come back as a change (it
    // would reload and re-index every document, again and again).
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().to_path_buf();
    let read = root.join("a.txt");
    let written = root.join("b.txt");
    fs::write(&read, "一、总则").expect("write");
    fs::write(&written, "一、总则").expect("write");
    let (_w, rx) = watch(std::slice::from_ref(&root));
    for _ in 0..3 {
        assert_eq!(fs::read_to_string(&read).expect("read"), "一、总则");
    }
    fs::write(&written, "一、总则\n二、附则").expect("rewrite");
    let got = collect_until(&rx, |e| *e == WatchEvent::Changed(written.clone()));
    assert_eq!(got, [WatchEvent::Changed(written)], "reads of a.txt reported");
}

#[test]
fn a_watch_after_a_load_reports_what_changed_since_it_started() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().to_path_buf();
    let (same, edited, added, deleted) =
        (root.join("a.txt"), root.join("b.txt"), root.join("c.txt"), root.join("d.txt"));
    for f in [&same, &edited, &deleted] {
        fs::write(f, "一、总则").expect("write");
    }
    // The load starts, reads a, b and d; meanwhile b is edited, c added and d deleted.
    std::thread::sleep(Duration::from_millis(20));
    let since = SystemTime::now();
    std::thread::sleep(Duration::from_millis(20));
    fs::write(&edited, "一、总则\n二、附则").expect("rewrite");
    fs::write(&added, "一、总则").expect("write");
    fs::remove_file(&deleted).expect("remove");
    let baseline = Baseline { since, files: vec![same, edited.clone(), deleted.clone()] };
    let (tx, rx) = mpsc::channel();
    let _w = Watcher::spawn_after(std::slice::from_ref(&root), tx, Some(baseline)).expect("starts");
    let got: Vec<WatchEvent> = (0..3).map(|_| next(&rx)).collect();
    assert_eq!(
        got,
        vec![WatchEvent::Changed(edited), WatchEvent::Added(added), WatchEvent::Removed(deleted)]
    );
    assert!(rx.recv_timeout(DEBOUNCE * 3).is_err(), "nothing about the unchanged file");
}
