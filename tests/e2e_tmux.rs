//! End-to-end: the real binary in a real terminal (tmux on its own socket). Keys are typed,
//! the screen is polled until a deadline, and the terminal must be restored after quitting.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/tmux.rs"]
mod tmux;

use tmux::{reader_rows, Tmux, PROMPT};

const BIN: &str = env!("CARGO_BIN_EXE_gongwen");

/// The outline's entries (markers and truncation marks removed).
fn outline_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once("││").map(|(o, _)| o))
        .map(|o| o.trim_matches(|c: char| "│▾▸ ".contains(c)).trim_end_matches('…').to_string())
        .filter(|o| !o.is_empty())
        .collect()
}

/// Whether the reader's top row is a heading listed in the outline.
fn top_is_a_heading(screen: &str) -> bool {
    let top = reader_rows(screen).into_iter().next().unwrap_or_default();
    !top.is_empty()
        && outline_rows(screen).iter().any(|o| top.starts_with(o.as_str()) && o.chars().count() > 2)
}

fn shows_reader(s: &str) -> bool {
    s.contains("Outline") && s.contains('%') && reader_rows(s).iter().any(|r| r.contains("法治"))
}

fn assert_terminal_restored(t: &Tmux) {
    // A prompt of its own (the reader's command line also starts with it): the reader exited.
    t.wait_for("the shell prompt after quitting", |s| {
        s.lines().rfind(|l| !l.trim().is_empty()).is_some_and(|l| l.trim() == PROMPT)
    });
    assert_eq!(t.var("alternate_on"), "0", "the alternate screen is still on");
    assert_eq!(t.var("mouse_any_flag"), "0", "mouse reporting is still on");
    assert_eq!(t.var("cursor_flag"), "1", "the cursor is still hidden");
    t.type_line("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo -e -icanon -e -echo");
    let s = t.wait_for("stty output", |s| {
        s.lines().any(|l| l.trim() == "icanon" || l.trim() == "-icanon")
    });
    let lines: Vec<&str> = s.lines().map(str::trim).collect();
    assert!(
        lines.contains(&"icanon") && lines.contains(&"echo"),
        "terminal left in raw mode:\n{s}"
    );
}

#[test]
fn reading_the_samples_in_a_real_terminal() {
    let t = Tmux::start(80, 24);
    t.type_line(BIN);
    let first = t.wait_for("the first screen with outline and text", shows_reader);
    assert!(outline_rows(&first).len() >= 5, "outline:\n{first}");

    // j scrolls the reader by one row.
    let before = reader_rows(&first);
    t.keys(&["j"]);
    let after = t.wait_for("j to scroll", |s| reader_rows(s) != before);
    assert_eq!(reader_rows(&after)[0], before[1], "j moves one row:\n{after}");

    // ] puts the next heading at the top.
    t.keys(&["]"]);
    let s = t.wait_for("] to reach a heading", top_is_a_heading);
    let heading_top = reader_rows(&s)[0].clone();
    // The status line's heading path names it.
    let start: String = heading_top.chars().take(4).collect();
    assert!(s.lines().last().unwrap_or("").contains(&start), "status lacks {start}:\n{s}");

    // Tab gives the keys to the outline: j moves the selection, not the text; Enter opens it.
    t.keys(&["Tab", "j"]);
    t.keys(&["Enter"]);
    let s = t.wait_for("Enter to open the next outline entry", |s| {
        reader_rows(s)[0] != heading_top && top_is_a_heading(s)
    });
    assert!(shows_reader(&s));

    // ? shows the help; Esc closes it.
    t.keys(&["?"]);
    t.wait_for("the help", |s| {
        s.contains("Keys (? or Esc to close)") && s.contains("next heading")
    });
    t.keys(&["Escape"]);
    t.wait_for("the help to close", |s| !s.contains("Keys (?") && shows_reader(s));

    // Resizing to 30×8 and back keeps it alive and drawing.
    t.resize(30, 8);
    t.wait_for("the 30x8 screen", |s| {
        s.lines().count() <= 8 && s.lines().all(|l| l.chars().count() <= 30) && s.contains('%')
    });
    t.resize(80, 24);
    t.wait_for("the 80x24 screen again", shows_reader);

    t.keys(&["q"]);
    assert_terminal_restored(&t);
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal_without_mouse_capture() {
    let t = Tmux::start(80, 24);
    t.type_line(&format!("{BIN} --no-mouse"));
    t.wait_for("the first screen", shows_reader);
    assert_eq!(t.var("mouse_any_flag"), "0", "--no-mouse must not capture the mouse");
    t.keys(&["C-c"]);
    assert_terminal_restored(&t);
}

#[test]
fn hostile_documents_neither_retitle_nor_clear_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    let mut text = String::from(
        "恶意文件标题\n\n一、标题\x1b]2;X\x07之后\n\n正文\x1b[2J清屏之后\u{9b}2J还在\n\n二、结束\n",
    );
    // Ordinary text after it, as in a real report (a file of mostly controls is refused as
    // binary by the loader, which is not what is tested here).
    for i in 0..40 {
        text.push_str(&format!("第{i}段:依法行政工作持续推进,法治政府建设取得新成效。\n"));
    }
    std::fs::write(&path, text).unwrap();
    let t = Tmux::start(80, 24);
    let title_before = t.var("pane_title");
    t.type_line(&format!("{BIN} {}", path.display()));
    let s = t.wait_for("the hostile document on screen", |s| {
        s.contains("清屏之后") && s.contains("Outline")
    });
    assert!(s.contains("␛]2;X␇之后"), "the escape is shown, not run:\n{s}");
    assert!(s.contains("␛[2J清屏之后"), "{s}");
    assert_ne!(t.var("pane_title"), "X", "the document retitled the terminal");
    assert_eq!(t.var("pane_title"), title_before);
    // Scroll and redraw: still the reader, still intact.
    t.keys(&["j", "k", "r"]);
    let s = t.wait_for("the original file view", |s| s.contains("[original]"));
    assert!(s.contains("Outline") && s.contains("还在"), "{s}");
    t.keys(&["q"]);
    assert_terminal_restored(&t);
}

#[test]
fn a_missing_path_is_an_error_on_the_restored_terminal() {
    let t = Tmux::start(80, 24);
    t.type_line(&format!("{BIN} /nonexistent/report.txt; echo status=$?"));
    let s = t.wait_for("the exit status", |s| s.lines().any(|l| l.starts_with("status=")));
    assert!(s.contains("status=1"), "{s}");
    assert!(s.contains("/nonexistent/report.txt"), "the reason names the path:\n{s}");
    assert_eq!(t.var("alternate_on"), "0");
}

#[test]
fn sigterm_restores_the_terminal() {
    let t = Tmux::start(80, 24);
    t.type_line(BIN);
    t.wait_for("the first screen", shows_reader);
    let shell = t.var("pane_pid");
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap();
    let pid = children.split_whitespace().next().expect("the reader runs under the shell");
    let killed = std::process::Command::new("kill").args(["-TERM", pid]).status().unwrap();
    assert!(killed.success());
    assert_terminal_restored(&t);
}

#[test]
fn output_to_a_pipe_is_refused_with_a_hint_instead_of_escape_codes() {
    let out = std::process::Command::new(BIN).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing written to the pipe");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal") && err.contains("gongwen text"), "{err}");
}

#[test]
fn metrics_table_filter_and_enter_lands_on_the_source_line() {
    // The metric the table lists first for `复议` (reading order), found through the library.
    let docs = gongwen::doc::load::load_samples();
    let query = gongwen::search::Query::parse_metric("复议").unwrap();
    let (doc, metric) = docs
        .iter()
        .flat_map(|d| d.metrics.iter().map(move |m| (d, m)))
        .find(|(_, m)| query.matches_metric(m))
        .expect("the samples state a 复议 count");
    let line = doc.line(metric.line).trim().to_string();
    let heading = &doc.metric_heading(metric).expect("the metric is under a heading").title;

    let t = Tmux::start(80, 24);
    t.type_line(BIN);
    t.wait_for("the first screen", shows_reader);
    t.keys(&["m"]);
    t.wait_for("the metrics table", |s| s.contains("Metrics ·") && s.contains("Filter:"));
    t.run(&["send-keys", "-t", "t", "-l", "复议"]);
    let s = t.wait_for("the filtered table", |s| s.contains("Filter: 复议"));
    let first_row = s.lines().nth(3).unwrap_or("");
    let label: String = metric.label.chars().take(4).collect();
    assert!(first_row.contains(&label), "first row is {label}…:\n{s}");

    t.keys(&["Enter"]);
    let s = t.wait_for("the reader at the metric", |s| s.contains("Outline") && s.contains('%'));
    let top = reader_rows(&s).into_iter().next().unwrap_or_default();
    let start: String = line.chars().take(6).collect();
    assert!(top.starts_with(&start), "the top row starts the line {line:?}:\n{s}");
    assert!(s.contains(metric.raw.as_str()), "{} is on screen:\n{s}", metric.raw);
    let status = s.lines().last().unwrap_or("");
    let head: String = heading.chars().take(4).collect();
    assert!(status.contains(&head), "the status shows the heading path ({heading}):\n{s}");

    t.keys(&["q"]);
    assert_terminal_restored(&t);
}

#[test]
fn a_report_scraped_into_one_line_reads_as_paragraphs_with_its_headings_at_row_starts() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/real/oneline/other-statecouncil-coal-industry-opinions-2005-oneline.txt"
    );
    let t = Tmux::start(80, 24);
    t.type_line(&format!("{BIN} {path}"));
    let first = t.wait_for("the one-line report", |s| s.contains("Outline") && s.contains('%'));
    assert!(outline_rows(&first).iter().any(|o| o.starts_with("一、指导思想")), "{first}");
    // Two `]`: the second heading inside the line, `（一）指导思想。…`, starts the top row.
    t.keys(&["]"]);
    t.wait_for("] to reach 一、", |s| {
        reader_rows(s).first().is_some_and(|r| r.starts_with("一、"))
    });
    t.keys(&["]"]);
    let at_heading = t.wait_for("] to reach （一）", |s| {
        reader_rows(s).first().is_some_and(|r| r.starts_with("（一）指导思想"))
    });
    // The heading before it stands on a row of its own, not run into its neighbours.
    t.keys(&["k"]);
    let above =
        t.wait_for("k to show the row above", |s| reader_rows(s) != reader_rows(&at_heading));
    assert_eq!(reader_rows(&above)[0].trim(), "一、指导思想、发展目标和基本原则", "{above}");
    t.keys(&["q"]);
    assert_terminal_restored(&t);
}
