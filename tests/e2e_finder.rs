//! End-to-end: the finder in a real terminal (tmux on its own socket). `/`, type `xzfy`, see
//! 行政复议 results, Enter: the reader shows the passage highlighted; Esc restores the position.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/tmux.rs"]
mod tmux;

use tmux::{reader_rows, Tmux, PROMPT};
use unicode_width::UnicodeWidthStr;

const BIN: &str = env!("CARGO_BIN_EXE_gongwen");

fn shows_reader(s: &str) -> bool {
    s.contains("Outline") && s.contains('%') && reader_rows(s).iter().any(|r| r.contains("法治"))
}

fn finder_open(s: &str) -> bool {
    s.contains("╭ Find ")
}

/// The status line (the last non-empty row). After quitting, a fresh prompt alone on it means
/// the reader has exited (the command line it was started with also begins with the prompt).
fn status(s: &str) -> String {
    s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("").to_string()
}

/// Whether some `word` on screen is drawn in the hit style (yellow background), judged by the
/// escape codes tmux reports just before it (the highlight starts where the match starts).
fn hit_styled(t: &Tmux, word: &str) -> bool {
    let raw = t.run(&["capture-pane", "-e", "-p", "-t", "t"]);
    raw.match_indices(word).any(|(i, _)| {
        // The escape sequences right before the word.
        let mut prefix = &raw[..i];
        let mut codes = Vec::new();
        while let Some(start) = prefix.rfind("\x1b[") {
            let seq = &prefix[start + 2..];
            if !seq.ends_with('m')
                || !seq[..seq.len() - 1].chars().all(|c| c.is_ascii_digit() || c == ';')
            {
                break;
            }
            codes.push(seq.trim_end_matches('m').to_string());
            prefix = &prefix[..start];
        }
        codes.iter().any(|c| c == "43" || c.ends_with(";43") || c.contains("48;5;3"))
    })
}

/// Polls the cursor position until it is `(x, y)` (it is placed just after the screen is
/// drawn, so a settled screen may come a moment before it); panics at the deadline.
fn wait_cursor(t: &Tmux, x: usize, y: usize) {
    let start = std::time::Instant::now();
    loop {
        let at = (t.var("cursor_x"), t.var("cursor_y"), t.var("cursor_flag"));
        if at == (x.to_string(), y.to_string(), "1".to_string()) {
            return;
        }
        assert!(
            start.elapsed() < tmux::DEADLINE,
            "cursor at {at:?}, not ({x}, {y}):\n{}",
            t.screen()
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

fn start(t: &Tmux) -> String {
    t.type_line(BIN);
    t.wait_for("the reader", shows_reader)
}

#[test]
fn xzfy_finds_the_passage_and_enter_shows_it_highlighted() {
    let t = Tmux::start(100, 30);
    start(&t);
    assert!(!hit_styled(&t, "行政复议"), "nothing is highlighted before a search");
    t.keys(&["/"]);
    t.wait_for("the finder", finder_open);
    t.run(&["send-keys", "-t", "t", "-l", "xzfy"]);
    let s = t.wait_for("行政复议 results", |s| {
        finder_open(s) && s.lines().filter(|l| l.contains("行政复议")).count() >= 5
    });
    // The real cursor stands after the typed query (an input method shows its candidates there).
    let line = s.lines().position(|l| l.contains("› xzfy")).expect("the query line");
    let row = s.lines().nth(line).unwrap();
    let end = row.find("› xzfy").unwrap() + "› xzfy".len();
    wait_cursor(&t, row[..end].width(), line);
    assert!(hit_styled(&t, "行政复议"), "the matches are marked in the list");

    t.keys(&["Enter"]);
    let s = t.wait_for("the reader at the hit", |s| {
        !finder_open(s) && reader_rows(s).iter().any(|r| r.contains("行政复议"))
    });
    assert!(hit_styled(&t, "行政复议"), "the passage is highlighted in the reader:\n{s}");

    // n goes to the next hit and says which.
    t.keys(&["n"]);
    let s = t.wait_for("the second hit", |s| status(s).contains("hit 2/"));
    assert!(reader_rows(&s).iter().any(|r| r.contains("行政复议")), "{s}");

    // Chinese typed directly: the caret counts two columns per character.
    t.keys(&["/", "C-u"]);
    t.run(&["send-keys", "-t", "t", "-l", "行政"]);
    let s = t.wait_for("行政 typed", |s| s.contains("› 行政 "));
    let line = s.lines().position(|l| l.contains("› 行政")).unwrap();
    let row = s.lines().nth(line).unwrap();
    let end = row.find("› 行政").unwrap() + "› 行政".len();
    wait_cursor(&t, row[..end].width(), line);
    // Esc and q apart: typed together they read as Alt-q.
    t.keys(&["Escape"]);
    t.wait_for("the finder to close", |s| !finder_open(s));
    t.keys(&["q"]);
    t.wait_for("the shell", |s| status(s).trim() == PROMPT);
    assert_eq!(t.var("alternate_on"), "0");
    assert_eq!(t.var("cursor_flag"), "1");
}

#[test]
fn esc_in_the_finder_restores_the_reading_position() {
    let t = Tmux::start(100, 30);
    let first = start(&t);
    // Somewhere other than the start: next document, a screen down.
    t.keys(&["}"]);
    // The status line is drawn last: once it has changed, the whole frame is there.
    let s = t.wait_for("the next document", |s| status(s) != status(&first));
    t.keys(&["C-d"]);
    let before = t.wait_for("half a screen down", |x| status(x) != status(&s));
    t.keys(&["/"]);
    t.run(&["send-keys", "-t", "t", "-l", "xzfy"]);
    t.wait_for("results", |s| finder_open(s) && s.contains("行政复议"));
    t.keys(&["C-n", "C-n", "Escape"]);
    let after =
        t.wait_for("the finder to close", |s| !finder_open(s) && status(s) == status(&before));
    assert_eq!(reader_rows(&after), reader_rows(&before), "back where reading was");
    assert_eq!(status(&after), status(&before));
    t.keys(&["q"]);
    t.wait_for("the shell", |s| status(s).trim() == PROMPT);
}

#[test]
fn the_finder_history_is_remembered_between_runs() {
    let state = tempfile::tempdir().unwrap();
    let run = format!("GONGWEN_STATE_DIR={} {BIN}", state.path().display());
    let t = Tmux::start(100, 30);
    t.type_line(&run);
    t.wait_for("the reader", shows_reader);
    t.keys(&["/"]);
    t.run(&["send-keys", "-t", "t", "-l", "xzfy"]);
    t.wait_for("results", |s| finder_open(s) && s.contains("行政复议"));
    t.keys(&["Enter"]);
    t.wait_for("the hit", |s| !finder_open(s));
    t.keys(&["q"]);
    t.wait_for("the shell", |s| status(s).trim() == PROMPT);
    assert!(state.path().join("places.json").exists(), "the history is saved");

    t.type_line(&run);
    t.wait_for("the reader again", shows_reader);
    t.keys(&["/"]);
    t.wait_for("an empty finder", |s| finder_open(s) && s.contains("› "));
    t.keys(&["Up"]);
    t.wait_for("the recalled query and its results", |s| {
        s.contains("› xzfy") && s.contains("行政复议")
    });
    t.keys(&["Escape"]);
    t.wait_for("the finder to close", |s| !finder_open(s));
    t.keys(&["q"]);
    t.wait_for("the shell", |s| status(s).trim() == PROMPT);
}

/// The finder's screen for `xzfy` in a reader started on `dir` with the cache in `cache` (a
/// fresh state directory each time, so every run opens at the same place); the reader is
/// quit and the shell back before it returns (an index write in flight is finished by then).
fn finder_screen(dir: &std::path::Path, cache: &std::path::Path) -> String {
    let t = Tmux::start(100, 30);
    t.type_line(&format!("GONGWEN_CACHE_DIR={} {BIN} {}", cache.display(), dir.display()));
    t.wait_for("the reader", shows_reader);
    t.keys(&["/"]);
    t.run(&["send-keys", "-t", "t", "-l", "xzfy"]);
    let s = t.wait_for("results over every document", |s| {
        finder_open(s) && s.contains("行政复议") && !s.contains("so far")
    });
    // One key at a time: Escape and `q` arriving together would read as Alt-q.
    t.keys(&["Escape"]);
    t.wait_for("the finder to close", |s| !finder_open(s));
    t.keys(&["q"]);
    t.wait_for("the shell", |s| status(s).trim() == PROMPT);
    s
}

#[test]
fn a_second_start_searches_with_the_cached_index_and_finds_the_same() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in gongwen::doc::samples::SAMPLES {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let cache = tempfile::tempdir().unwrap();
    let first = finder_screen(dir.path(), cache.path());
    let index: Vec<_> = std::fs::read_dir(cache.path().join("index")).unwrap().flatten().collect();
    assert_eq!(index.len(), 1, "the first start kept its index");
    let stamp = |e: &std::fs::DirEntry| std::fs::metadata(e.path()).unwrap().modified().unwrap();
    let written = stamp(&index[0]);
    assert_eq!(finder_screen(dir.path(), cache.path()), first, "the same hits from the cache");
    assert_eq!(stamp(&index[0]), written, "read, not rebuilt and written again");
    // A damaged index file: rebuilt, the same hits again.
    std::fs::write(index[0].path(), b"not an index").unwrap();
    assert_eq!(finder_screen(dir.path(), cache.path()), first, "the same hits after a rebuild");
    assert!(std::fs::metadata(index[0].path()).unwrap().len() > 100, "and stored again");
}
