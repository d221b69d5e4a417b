//! Writing to stdout for scripts: a closed pipe (`gongwen outline | head`) ends the output
//! quietly instead of panicking, and every other write error is reported once.

use std::io::{self, BufWriter, Write};

/// Buffered stdout that remembers whether the reader went away.
pub struct Out {
    inner: BufWriter<io::StdoutLock<'static>>,
    closed: bool,
    failed: bool,
}

impl Out {
    /// Locks stdout for the whole command.
    pub fn new() -> Self {
        Out { inner: BufWriter::new(io::stdout().lock()), closed: false, failed: false }
    }

    /// Writes one line (a `\n` is added). Returns false once the output is closed.
    pub fn line(&mut self, s: &str) -> bool {
        if self.closed {
            return false;
        }
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
