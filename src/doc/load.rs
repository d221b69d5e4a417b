//! Loading: files and folders (recursive, sorted), encodings, HTML, in parallel.
//!
//! * [`walk`] turns the paths given into files ([`expand_paths`]);
//! * [`decode`] turns bytes into text (BOMs, UTF-8, UTF-16, GB18030/GBK, Big5) or a reason;
//! * [`html`] turns a page into text, one block per line.
//!
//! A file is read as HTML when its extension is `.htm`/`.html`, or when its text opens with
//! `<!DOCTYPE html` or `<html` (a saved web page renamed `.txt`). Problems that do not stop a
//! file from loading (a few invalid bytes shown as U+FFFD) are kept in
//! [`Document::warnings`]; problems that do are a [`LoadError`] whose `reason` is what the user
//! sees as `gongwen: PATH: reason`.
//!
//! The `_cached` variants ([`load_paths_cached`], [`load_each_cached`], [`load_file_cached`])
//! go through the document cache ([`crate::store::cache`]) and give the same documents.

pub mod decode;
pub mod html;
pub mod walk;

use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Document, Format};
use crate::store::Cache;

/// Why a path could not be loaded; shown as `gongwen: PATH: reason`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct LoadError {
    /// The path as given or found.
    pub path: String,
    /// A short human reason (`no such file or directory`, `binary file`, …).
    pub reason: String,
}

/// Loads every document under `paths`, in parallel. Documents come in the order of
/// [`expand_paths`]; errors in the order of the paths given (for each path: the problems
/// finding its files, then those loading them). What fails is reported and the rest loads.
pub fn load_paths(paths: &[PathBuf]) -> (Vec<Document>, Vec<LoadError>) {
    load_paths_with(paths, load_file)
}

/// [`load_paths`] through the document cache: documents whose entry fits the file as it is
/// now are not parsed again, the others are parsed and kept. The result is the same as
/// [`load_paths`] gives (with [`Cache::disabled`], every file is parsed).
///
/// The entries of the documents under `paths` are kept together in one pack
/// ([`crate::store::cache::Pack`]): one file to read on the next load, one to write on this.
pub fn load_paths_cached(paths: &[PathBuf], cache: &Cache) -> (Vec<Document>, Vec<LoadError>) {
    let pack = cache.pack(paths);
    let loaded =
        load_paths_with(paths, |p| cache.load_or_parse_in(p, &pack, |bytes| parse_bytes(p, bytes)));
    cache.finish_pack(pack);
    loaded
}

/// [`load_file`] through the document cache.
pub fn load_file_cached(path: &Path, cache: &Cache) -> Result<Document, LoadError> {
    cache.load_or_parse(path, |bytes| parse_bytes(path, bytes))
}

fn load_paths_with<L>(paths: &[PathBuf], load: L) -> (Vec<Document>, Vec<LoadError>)
where
    L: Fn(&Path) -> Result<Document, LoadError> + Sync,
{
    let groups: Vec<_> = paths.iter().map(|p| walk::expand_one(p)).collect();
    let files: Vec<&PathBuf> = groups.iter().flat_map(|(files, _)| files).collect();
    let mut loaded = files.par_iter().map(|p| load(p)).collect::<Vec<_>>().into_iter();
    let (mut docs, mut errors) = (Vec::new(), Vec::new());
    for (files, expand_errors) in groups {
        errors.extend(expand_errors);
        for result in loaded.by_ref().take(files.len()) {
            match result {
                Ok(doc) => docs.push(doc),
                Err(e) => errors.push(e),
            }
        }
    }
    (docs, errors)
}

/// Loads `files` in parallel (rayon) and calls `f(index, result)` as each one finishes, where
/// `index` is the file's position in `files`; calls come from several threads, in no
/// particular order, and all have been made when this returns.
///
/// For background loading: run it on its own thread, and send each result to the event loop,
/// which can show documents as they arrive and a progress count:
///
/// ```no_run
/// # use std::path::PathBuf;
/// let files: Vec<PathBuf> = gongwen::doc::load::expand_paths(&[PathBuf::from("reports")]).0;
/// let (tx, rx) = std::sync::mpsc::channel();
/// std::thread::spawn(move || {
///     gongwen::doc::load::load_each(files, |i, result| {
///         let _ = tx.send((i, result));
///     })
/// });
/// for (i, result) in rx {
///     // show document `i`, or its error
///     # let _ = (i, result);
/// }
/// ```
pub fn load_each<F>(files: Vec<PathBuf>, f: F)
where
    F: Fn(usize, Result<Document, LoadError>) + Sync + Send,
{
    files.into_par_iter().enumerate().for_each(|(i, p)| f(i, load_file(&p)));
}

/// [`load_each`] through the document cache (see [`load_paths_cached`]), for `files` found
/// under the folders `roots` (their entries are kept in one pack).
pub fn load_each_cached<F>(roots: &[PathBuf], files: Vec<PathBuf>, cache: &Cache, f: F)
where
    F: Fn(usize, Result<Document, LoadError>) + Sync + Send,
{
    let pack = cache.pack(roots);
    files.into_par_iter().enumerate().for_each(|(i, p)| {
        f(i, cache.load_or_parse_in(&p, &pack, |bytes| parse_bytes(&p, bytes)));
    });
    // Whatever `f` holds (the reader's channel) is let go before the pack is written, so that
    // the documents are in use while it is.
    drop(f);
    cache.finish_pack(pack);
}

/// Loads the bundled samples (path `samples/NAME`), through the same decoding as files.
pub fn load_samples() -> Vec<Document> {
    super::samples::SAMPLES
        .par_iter()
        .map(|(name, bytes)| {
            let path = format!("samples/{name}");
            from_bytes(path.clone(), Path::new(name), bytes.to_vec()).unwrap_or_else(|reason| {
                let text = String::from_utf8_lossy(bytes).into_owned();
                let mut doc = Document::new(path, "UTF-8", Format::Text, text);
                doc.warnings.push(reason);
                doc
            })
        })
        .collect()
}

/// Expands `paths` into the files to load: directories recursively (sorted, only the
/// extensions of CLI.md, hidden names skipped), files named explicitly always. Missing paths,
/// unreadable folders, symbolic link loops and folders with no documents become errors.
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let (mut files, mut errors) = (Vec::new(), Vec::new());
    for p in paths {
        let (f, e) = walk::expand_one(p);
        files.extend(f);
        errors.extend(e);
    }
    (files, errors)
}

/// Loads one file: reads, detects the encoding, extracts HTML text, builds the document.
pub fn load_file(path: &Path) -> Result<Document, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| io_error(path, &e))?;
    let shown = path.display().to_string();
    from_bytes(shown.clone(), path, bytes).map_err(|reason| LoadError { path: shown, reason })
}

/// Builds the document of the file at `path` from its bytes, as [`load_file`] does after
/// reading them (the path is shown as `path.display()`; its extension decides HTML). For a
/// loader that reads the bytes itself, such as the document cache on a miss.
pub fn parse_bytes(path: &Path, bytes: Vec<u8>) -> Result<Document, LoadError> {
    let shown = path.display().to_string();
    from_bytes(shown.clone(), path, bytes).map_err(|reason| LoadError { path: shown, reason })
}

/// Builds a document from a file's bytes; `name` decides HTML by its extension. The bytes are
/// taken so that UTF-8 becomes the text without a copy, and each form of the text is dropped
/// as soon as the next exists: no file is held twice over while it loads.
fn from_bytes(shown: String, name: &Path, bytes: Vec<u8>) -> Result<Document, String> {
    let html_name = name
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("htm") || e.eq_ignore_ascii_case("html"));
    let hint =
        if html_name || looks_like_html_bytes(&bytes) { html::meta_charset(&bytes) } else { None };
    let decode::Decoded { mut text, encoding, warnings } =
        decode::decode_owned(bytes, hint).map_err(|e| e.to_string())?;
    let format = if html_name || html::looks_like_html(&text) {
        // The source is dropped once its text is extracted.
        text = html::extract(&std::mem::take(&mut text));
        Format::Html
    } else {
        Format::Text
    };
    if text.trim().is_empty() {
        return Err(match format {
            Format::Text => "empty file (only white space)",
            Format::Html => "no text in the page (only markup, scripts or styles)",
        }
        .into());
    }
    let mut doc = Document::new(shown, encoding, format, text);
    doc.warnings = warnings;
    Ok(doc)
}

/// A cheap look at undecoded bytes, to know whether a `<meta charset>` may apply.
fn looks_like_html_bytes(bytes: &[u8]) -> bool {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let head = &bytes[start..bytes.len().min(start + 14)];
    head.to_ascii_lowercase().starts_with(b"<!doctype html")
        || head.to_ascii_lowercase().starts_with(b"<html")
}

/// An I/O error as a [`LoadError`]: short, lower-case reasons.
pub(crate) fn io_error(path: &Path, e: &io::Error) -> LoadError {
    LoadError { path: path.display().to_string(), reason: io_reason(e) }
}

/// `no such file or directory`, `permission denied`, else the system's message without its
/// `(os error N)` tail, lower-case.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let message = e.to_string();
            let message = message.split(" (os error").next().unwrap_or(&message);
            let mut chars = message.chars();
            chars.next().map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_reasons_are_short_and_lower_case() {
        let reason = |k| io_reason(&io::Error::from(k));
        assert_eq!(reason(io::ErrorKind::NotFound), "no such file or directory");
        assert_eq!(reason(io::ErrorKind::PermissionDenied), "permission denied");
        #[cfg(target_os = "linux")]
        assert_eq!(io_reason(&io::Error::from_raw_os_error(21)), "is a directory");
    }

    #[test]
    fn a_text_file_holding_a_web_page_is_read_as_html() {
        let page = b"<!DOCTYPE html><p>x</p><p>y".to_vec();
        let doc = from_bytes("a.txt".into(), Path::new("a.txt"), page).expect("loads");
        assert_eq!((doc.format, doc.text()), (Format::Html, "x\ny"));
    }

    #[test]
    fn nothing_to_read_is_an_error_not_an_empty_document() {
        let load = |name: &str, bytes: &[u8]| {
            from_bytes(name.into(), Path::new(name), bytes.to_vec()).map(|d| d.text().to_owned())
        };
        assert_eq!(load("a.txt", b" \r\n\t\n"), Err("empty file (only white space)".into()));
        assert_eq!(
            load("a.txt", "\u{3000}\n".as_bytes()),
            Err("empty file (only white space)".into())
        );
        let page = b"<html><script>var x = 1;</script><style>p{}</style><p> </p></html>";
        let reason = "no text in the page (only markup, scripts or styles)";
        assert_eq!(load("a.html", page), Err(reason.into()));
        assert_eq!(load("a.txt", b" x "), Ok(" x ".into()));
    }
}
