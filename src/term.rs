//! The only code that owns the terminal: guard, panic hook, event loop.

use std::path::PathBuf;

/// What the reader is opened with.
#[derive(Debug, Clone, Default)]
pub struct ReaderOptions {
    /// Files and folders to load; empty: the bundled samples.
    pub paths: Vec<PathBuf>,
    /// `--theme NAME|PATH`.
    pub theme: Option<String>,
    /// `--no-mouse`.
    pub no_mouse: bool,
}

/// Runs the reader until the user quits.
pub fn run(opts: ReaderOptions) -> anyhow::Result<()> {
    anyhow::bail!("the reader is not built yet ({} paths)", opts.paths.len())
}
