//! A tmux server on its own socket, driven like a user at a real terminal: type keys, poll the
//! screen until a deadline (never fixed sleeps), and kill the server when dropped (also when the
//! test fails).

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long a screen may take to appear.
pub const DEADLINE: Duration = Duration::from_secs(20);

/// The shell prompt set in the pane, to know the shell is back (tmux trims the space after it).
pub const PROMPT: &str = "READY$";

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// One tmux server with one session named `t`.
pub struct Tmux {
    socket: String,
    /// The reader's state directory (`GONGWEN_STATE_DIR` in the pane): remembered places stay
    /// within one test, never in the user's home.
    pub state: tempfile::TempDir,
}

impl Tmux {
    /// Starts a server running `sh` with a known prompt in a `width`×`height` pane. Fails with a
    /// clear message when tmux is missing.
    pub fn start(width: u16, height: u16) -> Tmux {
        let ok = Command::new("tmux").arg("-V").output().map(|o| o.status.success());
        assert!(
            matches!(ok, Ok(true)),
            "tmux is required for the end-to-end tests (apt-get install tmux); it was not found"
        );
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let state = tempfile::tempdir().unwrap();
        let shell = format!(
            "env -i PATH=/usr/bin:/bin HOME=/tmp TERM=tmux-256color GONGWEN_STATE_DIR='{}' \
             PS1='{PROMPT} ' sh",
            state.path().display()
        );
        let t = Tmux { socket: format!("gongwen-test-{}-{n}", std::process::id()), state };
        t.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            &shell,
        ]);
        t.wait_for("the shell prompt", |s| s.contains(PROMPT));
        t
    }

    /// Runs a tmux command on this server; returns its stdout.
    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().unwrap();
        assert!(out.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The visible screen, one line per row.
    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "t"])
    }

    /// A pane format variable (`#{pane_title}`, `#{alternate_on}` …).
    pub fn var(&self, name: &str) -> String {
        self.run(&["display-message", "-p", "-t", "t", &format!("#{{{name}}}")]).trim().to_string()
    }

    /// Types a line into the shell.
    pub fn type_line(&self, line: &str) {
        self.run(&["send-keys", "-t", "t", "-l", line]);
        self.run(&["send-keys", "-t", "t", "Enter"]);
    }

    /// Presses keys (tmux key names: `j`, `Tab`, `Enter`, `Escape`, `C-c`, `]`).
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "t", k]);
        }
    }

    /// Resizes the window.
    pub fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            "t",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// Polls the screen until `pred` holds on a settled screen (two captures in a row the
    /// same, so a frame caught half-drawn never counts); panics with the last screen at the
    /// deadline.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        // The screen must match and have stayed the same for a while: on a loaded machine a
        // capture can land in the middle of a redraw, half old frame and half new.
        const SETTLE: Duration = Duration::from_millis(60);
        let start = Instant::now();
        let mut last = String::new();
        let mut since = Instant::now();
        loop {
            let s = self.screen();
            if s != last {
                since = Instant::now();
            } else if pred(&s) && since.elapsed() >= SETTLE {
                return s;
            }
            assert!(start.elapsed() < DEADLINE, "timed out waiting for {what}; screen:\n{s}");
            last = s;
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").arg("-L").arg(&self.socket).arg("kill-server").output();
    }
}

/// The reading pane's part of each screen row (right of the outline's border).
#[allow(dead_code)] // not every suite that includes this file reads the pane
pub fn reader_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once("││").map(|(_, r)| r.trim_end_matches('│').trim().to_string()))
        .collect()
}
