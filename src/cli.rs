//! The command line: argument parsing and dispatch to the non-interactive subcommands.

pub mod info;
pub mod metrics;
pub mod outline;
pub mod output;
pub mod search;
pub mod text;

use std::path::PathBuf;

use clap::{Args as ClapArgs, Parser, Subcommand};

use crate::doc::Document;
use crate::store::Cache;

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
    /// Parse every file again: neither read nor write the cache of parsed documents.
    #[arg(long, global = true)]
    pub no_cache: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print each document's outline: its numbered headings as an indented tree.
    #[command(
        after_help = "Examples:\n  gongwen outline                  the bundled samples\n  gongwen outline reports/ --json  one JSON object per document, for jq"
    )]
    Outline {
        /// JSON Lines output: {"path","title","headings":[{"level","marker","title","line"}]}.
        #[arg(long)]
        json: bool,
        /// Files or folders (none: the bundled samples).
        paths: Vec<PathBuf>,
    },
    /// Print each document's card: title, year, dates, 发文字号, 签发人, issuer, counts.
    #[command(
        after_help = "Examples:\n  gongwen info report.html\n  gongwen info reports/ --json | jq -r .title"
    )]
    Info {
        /// JSON Lines output, one object per document.
        #[arg(long)]
        json: bool,
        /// Files or folders (none: the bundled samples).
        paths: Vec<PathBuf>,
    },
    /// Print the cleaned reading text of a document (site navigation and footers left out).
    #[command(
        after_help = "Examples:\n  gongwen text report.txt | less\n  gongwen text --all report.html   every line, navigation included"
    )]
    Text {
        /// Print every line of the file as decoded, not only the report's own text.
        #[arg(long)]
        all: bool,
        /// Files or folders (none: the bundled samples); several documents are separated by
        /// `==> PATH <==` header lines.
        paths: Vec<PathBuf>,
    },
    /// Search all documents by keyword, pinyin or metric, best hits first.
    #[command(after_help = "Query syntax (the same as the reader's finder):\n  \
        行政复议         fuzzy; several words must all match, in any order\n  \
        xzfy xingzheng  Latin letters also match pinyin (initials or syllables)\n  \
        'word !word     literal match; exclude\n  \
        #复议 @滨海 =亿元  headings only; document titles only; metrics only\n  \
        =复议 >5        metric filters >N >=N <N <=N, with 万/亿 (=资金 >1亿)\n\n\
        Examples:\n  gongwen search xzfy\n  gongwen search --json --kind metric '复议 >5' reports/")]
    Search(SearchArgs),
    /// List the metrics (stated quantities) of all documents, as text, JSON Lines or CSV.
    #[command(after_help = "Examples:\n  gongwen metrics --csv > metrics.csv\n  \
        gongwen metrics --query '复议 >5' reports/\n  gongwen metrics --compare 行政复议")]
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
    /// Only metrics matching this `=` query (e.g. `复议 >5`, `资金 >=1亿`).
    #[arg(long, value_name = "Q")]
    pub query: Option<String>,
    /// Compare one kind of metric across documents: the metrics whose label contains LABEL,
    /// ranked with a bar chart, one group per unit.
    #[arg(long, value_name = "LABEL", conflicts_with_all = ["json", "csv"])]
    pub compare: Option<String>,
    /// Files or folders (none: the bundled samples).
    pub paths: Vec<PathBuf>,
}

/// Loads `paths` (none: the bundled samples), reporting each failure on stderr as
/// `gongwen: PATH: reason`. `Err(1)` when nothing at all could be loaded.
pub fn load(paths: &[PathBuf], cache: &Cache) -> Result<Vec<Document>, i32> {
    if paths.is_empty() {
        return Ok(crate::doc::load::load_samples());
    }
    let (docs, errors) = crate::doc::load::load_paths_cached(paths, cache);
    for e in &errors {
        output::message(&e.to_string());
    }
    for d in &docs {
        for w in &d.warnings {
            output::message(&format!("{}: warning: {w}", d.path));
        }
    }
    if docs.is_empty() {
        if errors.is_empty() {
            output::message("nothing to load");
        }
        return Err(1);
    }
    Ok(docs)
}

/// Lets go of what a command loaded without freeing it, once its output is flushed: the
/// process exits right after (`main` exits with the code [`main`] returns), and freeing
/// 20,000 documents and their index an allocation at a time took a few tenths of a second for
/// nothing. Only for what the command has finished with; nothing is written on drop.
pub(crate) fn leave<T>(loaded: T) {
    std::mem::forget(loaded);
}

/// Loads `paths` and writes one record per document: `to_json` as a JSON line with `--json`,
/// else `human` (given whether a document came before it). The loop `outline` and `info` share.
pub fn per_document(
    json: bool,
    paths: &[PathBuf],
    cache: &Cache,
    to_json: fn(&Document) -> serde_json::Value,
    human: fn(&mut output::Out, &Document, bool) -> bool,
) -> i32 {
    let docs = match load(paths, cache) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let mut out = output::Out::new();
    for (i, doc) in docs.iter().enumerate() {
        let more = if json { out.json(&to_json(doc)) } else { human(&mut out, doc, i > 0) };
        if !more {
            break;
        }
    }
    let code = out.finish();
    leave(docs);
    code
}

/// Parses the arguments and runs; returns the process exit code.
pub fn main() -> i32 {
    let args = Args::parse();
    let cache = Cache::for_run(args.no_cache);
    match args.command {
        None => {
            let opts = crate::term::ReaderOptions {
                paths: args.paths,
                theme: args.theme,
                no_mouse: args.no_mouse,
                no_cache: args.no_cache,
            };
            match crate::term::run(opts) {
                Ok(()) => 0,
                Err(e) => {
                    output::message(&format!("{e:#}"));
                    // A theme that does not exist or does not parse is bad usage (CLI.md).
                    if e.downcast_ref::<crate::ui::theme::ThemeError>().is_some() {
                        2
                    } else {
                        1
                    }
                }
            }
        }
        Some(Command::Outline { json, paths }) => outline::run(json, &paths, &cache),
        Some(Command::Info { json, paths }) => info::run(json, &paths, &cache),
        Some(Command::Text { all, paths }) => text::run(all, &paths, &cache),
        Some(Command::Search(a)) => search::run(&a, &cache),
        Some(Command::Metrics(a)) => metrics::run(&a, &cache),
    }
}
