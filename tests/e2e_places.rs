//! End-to-end: remembered places and watching, with the real binary in tmux. The reading
//! position and a bookmark survive a quit and a restart (the state directory is the test's
//! own `GONGWEN_STATE_DIR`); files added to and changed in an opened folder show up while the
//! reader runs, without losing the reading position.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/tmux.rs"]
mod tmux;

use std::path::Path;

use tmux::{Tmux, PROMPT};

const BIN: &str = env!("CARGO_BIN_EXE_gongwen");

/// The reading pane's part of each screen row (right of the outline's border), without the
/// bookmark mark.
fn reader_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once("││").map(|(_, r)| r.trim_end_matches('│')))
        .map(|r| r.trim().trim_start_matches('*').trim().to_string())
        .collect()
}

fn top_row(screen: &str) -> String {
    reader_rows(screen).into_iter().next().unwrap_or_default()
}

fn status_line(screen: &str) -> String {
    screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or_default().to_string()
}

fn shows_reader(s: &str) -> bool {
    s.contains("Outline") && s.contains('%') && !top_row(s).is_empty()
}

fn wait_for_prompt(t: &Tmux) {
    // A prompt of its own: the line of the command that started the reader also starts with
    // the prompt, and shows as soon as the reader gives the screen back, before it has exited.
    t.wait_for("the shell prompt after quitting", |s| {
        s.lines().rfind(|l| !l.trim().is_empty()).is_some_and(|l| l.trim() == PROMPT)
    });
}

#[test]
fn reading_position_and_a_bookmark_survive_a_quit_and_restart() {
    let t = Tmux::start(100, 30);
    t.type_line(BIN);
    let first = t.wait_for("the first screen", shows_reader);

    // Three headings down: bookmark the line at the top.
    let mut s = first.clone();
    for _ in 0..3 {
        let before = top_row(&s);
        t.keys(&["]"]);
        s = t.wait_for("] to move", |x| shows_reader(x) && top_row(x) != before);
    }
    let marked = top_row(&s);
    let marked_status = status_line(&s);
    t.keys(&["b"]);
    t.wait_for("the bookmark note", |x| x.contains("bookmark set at line"));

    // Read on a little, then quit.
    t.keys(&["]", "j", "j"]);
    let s = t.wait_for("reading on", |x| {
        shows_reader(x) && top_row(x) != marked && !x.contains("bookmark set")
    });
    let left_at = top_row(&s);
    let left_status = status_line(&s);
    t.keys(&["q"]);
    wait_for_prompt(&t);
    let saved = std::fs::read_to_string(t.state.path().join("places.json")).unwrap();
    assert!(saved.contains("gongwen-places"), "{saved}");

    // Again: the reader opens where it was left, with the same heading path in the status.
    t.type_line(BIN);
    let s = t.wait_for("the reader back where it was left", |x| {
        shows_reader(x) && top_row(x) == left_at && !x.contains("loading")
    });
    assert_eq!(status_line(&s), left_status, "{s}");

    // ' lists the bookmark; Enter jumps to it.
    t.keys(&["g", "'"]);
    let label: String = marked.chars().take(6).collect();
    let s = t.wait_for("the bookmark list", |x| x.contains("Bookmarks") && x.contains(&label));
    assert!(s.contains("Enter jump"), "{s}");
    t.keys(&["Enter"]);
    let s = t.wait_for("the jump to the bookmark", |x| {
        shows_reader(x) && !x.contains("Bookmarks (") && top_row(x) == marked
    });
    assert_eq!(status_line(&s), marked_status);
    let mark_row = s.lines().find(|l| l.contains(marked.as_str())).unwrap_or_default();
    assert!(mark_row.contains("││*"), "the bookmarked line is marked:\n{s}");
    t.keys(&["q"]);
    wait_for_prompt(&t);
}

/// Writes `text` to `path` by a rename, as editors do, so the reader never sees half a file.
fn write(path: &Path, text: &str) {
    let tmp = path.with_file_name(".writing");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn files_added_and_changed_in_an_opened_folder_show_up_keeping_the_position() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/samples");
    // A short outline, so that the added report's root row is on screen.
    let body: String =
        (1..=60).map(|i| format!("第{i}行:依法行政工作持续推进,群众满意度不断提高。\n")).collect();
    let a_text = format!(
        "某某区人民政府关于2020年度法治政府建设工作情况的报告\n一、总体情况\n{body}二、存在问题\n{body}"
    );
    let b_text = std::fs::read_to_string(samples.join("xiamen-torch-hitech-2019.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.txt"), &a_text);

    let t = Tmux::start(100, 30);
    t.type_line(&format!("{BIN} {}", dir.path().display()));
    let first = t.wait_for("the first screen", |x| shows_reader(x) && !x.contains("loading"));
    let b_doc = gongwen::doc::load::load_file(&samples.join("xiamen-torch-hitech-2019.txt"));
    let b_name: String = b_doc.unwrap().short_title().chars().take(4).collect();
    assert!(!first.contains(&b_name), "{b_name} already shown:\n{first}");

    // Read a little way in.
    t.keys(&["j", "j", "j", "j", "j"]);
    let s = t.wait_for("reading", |x| shows_reader(x) && top_row(x) != top_row(&first));
    let at = top_row(&s);

    // A second report appears in the outline.
    write(&dir.path().join("b.txt"), &b_text);
    let s = t.wait_for("the added report in the outline", |x| x.contains(&b_name));
    assert_eq!(top_row(&s), at, "adding a file keeps the reading position:\n{s}");

    // The report being read grows at its end: reloaded (the % changes), same place.
    let percent =
        |x: &str| status_line(x).split_whitespace().find(|w| w.ends_with('%')).map(str::to_string);
    let before = percent(&s);
    let longer = format!("{a_text}\n{}", "附加的一行正文。\n".repeat(400));
    write(&dir.path().join("a.txt"), &longer);
    let s = t.wait_for("the changed report reloaded", |x| shows_reader(x) && percent(x) != before);
    assert_eq!(top_row(&s), at, "a change keeps the reading position:\n{s}");

    // The added report is deleted: gone from the outline, the reader stays put.
    std::fs::remove_file(dir.path().join("b.txt")).unwrap();
    let s = t.wait_for("the removed report gone", |x| shows_reader(x) && !x.contains(&b_name));
    assert_eq!(top_row(&s), at);
    t.keys(&["q"]);
    wait_for_prompt(&t);
}

#[test]
fn a_corrupt_places_file_is_set_aside_with_a_message_and_the_reader_starts() {
    let t = Tmux::start(100, 30);
    let file = t.state.path().join("places.json");
    std::fs::write(&file, "{ not json").unwrap();
    t.type_line(BIN);
    t.wait_for("the message about the places file", |x| {
        x.contains("Messages") && x.contains("places.json: not valid JSON")
    });
    t.keys(&["Escape"]);
    t.wait_for("the reader", |x| shows_reader(x) && !x.contains("not valid JSON"));
    let aside: Vec<String> = std::fs::read_dir(t.state.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(aside.iter().any(|n| n.starts_with("places.json.corrupt-")), "{aside:?}");
    t.keys(&["q"]);
    wait_for_prompt(&t);
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("gongwen-places"), "a fresh file is written on quit: {saved}");
}
