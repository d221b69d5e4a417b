//! Writing to stdout for scripts: a closed pipe (`gongwen outline | head`) ends the output
//! quietly instead of panicking, and every other write error is reported once.
//!
//! On a terminal, document text (titles, lines, paths) must not act as control sequences: a
//! file holding `ESC ] 0 ; … BEL` or a file name with `ESC [ 2 J` would otherwise retitle or
//! clear the user's terminal. So when stdout (or stderr, for messages) is a terminal every line
//! goes through [`crate::text::terminal_safe`]; in a pipe the text goes out as decoded.

use std::io::{self, BufWriter, IsTerminal, Write};

use crate::text::terminal_safe;

/// Buffered stdout that remembers whether the reader went away.
pub struct Out {
    inner: BufWriter<io::StdoutLock<'static>>,
    closed: bool,
    failed: bool,
    /// Stdout is a terminal: lines are made [`terminal_safe`].
    tty: bool,
}

/// Prints `gongwen: MESSAGE` on stderr, made [`terminal_safe`] when stderr is a terminal.
pub fn message(msg: &str) {
    let line = format!("gongwen: {msg}");
    if io::stderr().is_terminal() {
        eprintln!("{}", terminal_safe(&line));
    } else {
        eprintln!("{line}");
    }
}

impl Out {
    /// Locks stdout for the whole command.
    pub fn new() -> Self {
        let stdout = io::stdout();
        let tty = stdout.is_terminal();
        Out { inner: BufWriter::new(stdout.lock()), closed: false, failed: false, tty }
    }

    /// Writes one line (a `\n` is added). Returns false once the output is closed.
    pub fn line(&mut self, s: &str) -> bool {
        if self.closed {
            return false;
        }
        let s = if self.tty { terminal_safe(s) } else { s.into() };
        let r = self.inner.write_all(s.as_bytes()).and_then(|()| self.inner.write_all(b"\n"));
        self.check(r)
    }

    /// Writes a JSON value as one line.
    pub fn json(&mut self, v: &serde_json::Value) -> bool {
        self.line(&v.to_string())
    }

    /// Flushes; returns the exit code to use (0, or 1 after a write error other than a
    /// closed pipe).
    pub fn finish(mut self) -> i32 {
        let r = self.inner.flush();
        self.check(r);
        i32::from(self.failed)
    }

    fn check(&mut self, r: io::Result<()>) -> bool {
        if self.closed {
            return false;
        }
        match r {
            Ok(()) => true,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                false
            }
            Err(e) => {
                if !self.closed {
                    eprintln!("gongwen: stdout: {e}");
                }
                self.closed = true;
                self.failed = true;
                false
            }
        }
    }
}

impl Default for Out {
    fn default() -> Self {
        Self::new()
    }
}
