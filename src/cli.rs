//! The command line: argument parsing and the non-interactive subcommands.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// A terminal reader for Chinese government reports.
#[derive(Debug, Parser)]
#[command(name = "gongwen", version, about)]
pub struct Args {
    /// The subcommand; none opens the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders to open in the reader (none: the bundled samples).
    pub paths: Vec<PathBuf>,
    /// Colour theme: a bundled name (default, light, high-contrast, mono) or a .toml path.
    #[arg(long, value_name = "NAME|PATH")]
    pub theme: Option<String>,
    /// Do not capture the mouse (keeps the terminal's own text selection).
    #[arg(long)]
    pub no_mouse: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print each document's outline.
    Outline {
        /// JSON Lines output.
        #[arg(long)]
        json: bool,
        /// Files or folders (none: the bundled samples).
        paths: Vec<PathBuf>,
    },
}

/// Parses the arguments and runs; returns the process exit code.
pub fn main() -> i32 {
    let args = Args::parse();
    match args.command {
        None => {
            let opts = crate::term::ReaderOptions {
                paths: args.paths,
                theme: args.theme,
                no_mouse: args.no_mouse,
            };
            match crate::term::run(opts) {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("gongwen: {e:#}");
                    1
                }
            }
        }
        Some(Command::Outline { json, paths }) => {
            let _ = (json, paths);
            0
        }
    }
}
