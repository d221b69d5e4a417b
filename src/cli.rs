//! The command line: argument parsing and dispatch to the non-interactive subcommands.

pub mod metrics;
pub mod search;

use std::path::PathBuf;

use clap::{Args as ClapArgs, Parser, Subcommand};

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
    /// Search all documents.
    Search(SearchArgs),
    /// List the metrics of all documents.
    Metrics(MetricsArgs),
}

/// `gongwen search`.
#[derive(Debug, ClapArgs)]
pub struct SearchArgs {
    /// JSON Lines output.
    #[arg(long)]
    pub json: bool,
    /// At most N hits per query.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Only this kind of item: doc, heading, text, metric.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Run one query per line of FILE over one load; hits carry a `query` field.
    #[arg(long, value_name = "FILE")]
    pub queries: Option<PathBuf>,
    /// Print load/index timings and per-query timings to stderr as JSON lines.
    #[arg(long)]
    pub timings: bool,
    /// The query (see `gongwen search --help`); absent with --queries.
    pub query: Option<String>,
    /// Files or folders (none: the bundled samples).
    pub paths: Vec<PathBuf>,
}

/// `gongwen metrics`.
#[derive(Debug, ClapArgs)]
pub struct MetricsArgs {
    /// JSON Lines output.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// CSV output with a header row.
    #[arg(long)]
    pub csv: bool,
    /// With --csv: start with a UTF-8 byte order mark for Excel.
    #[arg(long, requires = "csv")]
    pub excel: bool,
    /// Only metrics matching this `=` query (e.g. `复议 >5`).
    #[arg(long, value_name = "Q")]
    pub query: Option<String>,
    /// Files or folders (none: the bundled samples).
    pub paths: Vec<PathBuf>,
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
        Some(Command::Search(a)) => search::run(&a),
        Some(Command::Metrics(a)) => metrics::run(&a),
    }
}
