//! Places: round trip, corrupt and foreign files, edited documents, history.

use super::*;

fn key(path: &str, text: &str) -> DocKey {
    DocKey::bundled(path, text)
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn position_bookmarks_and_history_survive_a_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let k = key("samples/a.txt", "一、总则\n正文");
    let (mut p, msgs) = Places::open(dir.path());
    assert!(msgs.is_empty());
    p.set_position(&k, Position { line: 2, offset: 3 });
    assert!(p.toggle_bookmark(&k, 7, Some("复议".into())));
    assert!(p.toggle_bookmark(&k, 2, None));
    p.push_history("xzfy");
    p.push_history("=亿元");
    p.set_last(&k);
    p.save().expect("save");
    assert_eq!(files_in(dir.path()), [FILE_NAME]);

    let (q, msgs) = Places::open(dir.path());
    assert!(msgs.is_empty(), "{msgs:?}");
    assert_eq!(q.position(&k), Some(Position { line: 2, offset: 3 }));
    let marks = q.bookmarks(&k);
    assert_eq!(marks.iter().map(|b| b.line).collect::<Vec<_>>(), [2, 7]);
    assert_eq!(marks[1].label.as_deref(), Some("复议"));
    assert_eq!(q.history(), ["=亿元", "xzfy"]);
    assert_eq!(q.last(), Some(&k), "the document read last is remembered");
}

#[test]
fn toggling_twice_removes_the_bookmark() {
    let mut p = Places::default();
    let k = key("samples/a.txt", "x");
    assert!(p.toggle_bookmark(&k, 5, None));
    assert!(!p.toggle_bookmark(&k, 5, None));
    assert!(p.bookmarks(&k).is_empty());
}

#[test]
fn an_edited_document_does_not_get_the_old_position() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = key("samples/a.txt", "第一版");
    let (mut p, _) = Places::open(dir.path());
    p.set_position(&old, Position { line: 40, offset: 0 });
    p.save().expect("save");
    let (p, _) = Places::open(dir.path());
    let edited = key("samples/a.txt", "第二版");
    assert_eq!(p.position(&edited), None);
    assert!(p.bookmarks(&edited).is_empty());
    assert_eq!(p.position(&old), Some(Position { line: 40, offset: 0 }));
}

#[test]
fn a_file_key_is_the_canonical_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("r.txt");
    fs::write(&file, "x").expect("write");
    let direct = DocKey::file(&file.display().to_string(), "x");
    let roundabout = dir.path().join(".").join("r.txt");
    assert_eq!(DocKey::file(&roundabout.display().to_string(), "x"), direct);
    // Through a linked folder, through a link to the file, from a subfolder and back.
    let linked = dir.path().join("linked");
    std::os::unix::fs::symlink(dir.path(), &linked).expect("folder link");
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&file, &link).expect("file link");
    fs::create_dir(dir.path().join("sub")).expect("mkdir");
    let up = dir.path().join("sub").join("..").join("r.txt");
    for other in [linked.join("r.txt"), link, up] {
        assert_eq!(DocKey::file(&other.display().to_string(), "x"), direct, "{other:?}");
    }
}

#[test]
fn history_is_deduplicated_most_recent_first_and_bounded() {
    let mut p = Places::default();
    for i in 0..HISTORY_LIMIT + 50 {
        p.push_history(&format!("q{i}"));
    }
    p.push_history("q10");
    p.push_history("  ");
    assert_eq!(p.history().len(), HISTORY_LIMIT);
    assert_eq!(p.history()[0], "q10");
    assert_eq!(p.history()[1], format!("q{}", HISTORY_LIMIT + 49));
    assert_eq!(p.history().iter().filter(|q| *q == "q10").count(), 1);
}

/// Writes `content` as the places file, opens it, and returns the message and the folder's files.
fn open_bad(content: &str) -> (Places, Vec<String>, Vec<String>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join(FILE_NAME), content).expect("write");
    let (p, msgs) = Places::open(dir.path());
    let files = files_in(dir.path());
    (p, msgs, files, dir)
}

#[test]
fn a_corrupt_file_is_set_aside_with_a_message() {
    let (p, msgs, files, dir) = open_bad("{\"format\": \"gongwen-places\", \"vers");
    assert_eq!(msgs.len(), 1);
    assert!(msgs[0].contains("not valid JSON"), "{}", msgs[0]);
    assert!(msgs[0].contains("set aside"), "{}", msgs[0]);
    assert!(p.history().is_empty());
    assert_eq!(files.len(), 1);
    assert!(files[0].starts_with("places.json.corrupt-"), "{files:?}");
    // The bad content is kept for the curious, and saving starts a fresh file.
    let aside = fs::read_to_string(dir.path().join(&files[0])).expect("read aside");
    assert!(aside.ends_with("\"vers"));
    p.save().expect("save");
    assert!(Places::open(dir.path()).1.is_empty());
}

#[test]
fn a_foreign_file_is_set_aside() {
    let (_, msgs, files, _dir) = open_bad(r#"{"theme": "dark", "version": 1}"#);
    assert!(msgs[0].contains("not a gongwen places file"), "{}", msgs[0]);
    assert!(files[0].starts_with("places.json.corrupt-"));
}

#[test]
fn another_version_is_set_aside() {
    let (_, msgs, files, _dir) = open_bad(r#"{"format": "gongwen-places", "version": 99}"#);
    assert!(msgs[0].contains("version 99"), "{}", msgs[0]);
    assert!(files[0].starts_with("places.json.corrupt-"));
}

#[test]
fn a_file_of_the_wrong_shape_is_set_aside() {
    let content = r#"{"format": "gongwen-places", "version": 1, "docs": [{"path": 3}]}"#;
    let (_, msgs, files, _dir) = open_bad(content);
    assert!(msgs[0].contains("unexpected content"), "{}", msgs[0]);
    assert!(files[0].starts_with("places.json.corrupt-"));
}

#[test]
fn binary_garbage_is_set_aside_without_panicking() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join(FILE_NAME), [0xff, 0x00, 0xfe, 0x80]).expect("write");
    let (_, msgs) = Places::open(dir.path());
    assert_eq!(msgs.len(), 1);
}

#[test]
fn a_failed_save_keeps_the_previous_places() {
    let dir = tempfile::tempdir().expect("tempdir");
    let k = key("samples/a.txt", "x");
    let (mut p, _) = Places::open(dir.path());
    p.set_position(&k, Position { line: 3, offset: 0 });
    p.save().expect("save");
    p.set_position(&k, Position { line: 9, offset: 0 });
    fs::create_dir(atomic::temp_path(p.file())).expect("block the temporary name");
    assert!(p.save().is_err());
    let (q, _) = Places::open(dir.path());
    assert_eq!(q.position(&k), Some(Position { line: 3, offset: 0 }));
}

#[test]
fn the_state_dir_can_be_overridden() {
    // Only this test touches the variable.
    std::env::set_var("GONGWEN_STATE_DIR", "/tmp/gongwen-state-test");
    assert_eq!(Places::default_dir(), Some(PathBuf::from("/tmp/gongwen-state-test")));
    std::env::remove_var("GONGWEN_STATE_DIR");
    if let Some(d) = Places::default_dir() {
        assert!(d.ends_with("gongwen"), "{}", d.display());
    }
}
