//! Remembered places: the last reading position and the bookmarks of each document, and the
//! finder history, in one JSON file (`places.json`) under the state directory.
//!
//! A document is known by its path *and* a hash of its decoded text ([`DocKey`]), so an edited
//! file starts at the top instead of jumping to a line that now says something else. Positions
//! are in source terms (1-based line, byte offset within it), independent of the wrap width.
//!
//! The file is `{"format": "gongwen-places", "version": 1, "docs": [...], "history": [...]}`.
//! One that cannot be read as that (bad JSON, another version, another program's file) is
//! renamed aside to `places.json.corrupt-<unix seconds>` with a message, and the reader starts
//! with no places.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{atomic, content_hash};
use crate::doc::Document;

#[cfg(test)]
mod tests;

/// The file name under the state directory.
pub const FILE_NAME: &str = "places.json";
/// The value of the `format` field; a file without it is someone else's.
const FORMAT: &str = "gongwen-places";
/// The format version; a file of another version is set aside.
pub const VERSION: u32 = 1;
/// How many finder queries are kept.
pub const HISTORY_LIMIT: usize = 200;
/// How many documents are remembered; past this the least recently used without bookmarks go.
pub const DOC_LIMIT: usize = 10_000;

/// Which document: its path and a hash of its decoded text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DocKey {
    /// Canonical path for files, `samples/NAME` for the bundled samples.
    pub path: String,
    /// [`content_hash`] of the decoded text.
    pub hash: u64,
}

impl DocKey {
    /// The key of a file on disk: its canonical path (as given when that fails) and its text.
    pub fn file(path: &str, text: &str) -> DocKey {
        DocKey { path: canonical(path), hash: content_hash(text.as_bytes()) }
    }

    /// The key of a bundled sample: its path as named (`samples/NAME`), never resolved on disk.
    pub fn bundled(path: &str, text: &str) -> DocKey {
        DocKey { path: path.to_string(), hash: content_hash(text.as_bytes()) }
    }

    /// The key of a loaded document; `bundled` says it is one of the bundled samples.
    pub fn of(doc: &Document, bundled: bool) -> DocKey {
        let path = if bundled { doc.path.clone() } else { canonical(&doc.path) };
        DocKey { path, hash: doc.text_hash() }
    }
}

/// `path` resolved on disk (links, `..`), or as given when it cannot be.
///
/// A file that is not itself a link resolves through its folder, and folders are resolved
/// once each: resolving every component of 20,000 paths took a quarter of a second.
fn canonical(path: &str) -> String {
    use std::sync::{Mutex, OnceLock};
    static FOLDERS: OnceLock<Mutex<HashMap<PathBuf, Option<PathBuf>>>> = OnceLock::new();
    let p = Path::new(path);
    let plain_file = fs::symlink_metadata(p).is_ok_and(|m| m.is_file());
    let (Some(folder), Some(name), true) = (p.parent(), p.file_name(), plain_file) else {
        return fs::canonicalize(p).map_or_else(|_| path.to_string(), |c| c.display().to_string());
    };
    let folder = if folder.as_os_str().is_empty() { Path::new(".") } else { folder };
    let resolved = {
        let mut folders =
            FOLDERS.get_or_init(Mutex::default).lock().unwrap_or_else(|e| e.into_inner());
        folders.entry(folder.to_path_buf()).or_insert_with(|| fs::canonicalize(folder).ok()).clone()
    };
    resolved.map_or_else(|| path.to_string(), |f| f.join(name).display().to_string())
}

/// A place in a document's source: 1-based line and byte offset within that line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// 1-based source line.
    pub line: usize,
    /// Byte offset within the line (0 = its start).
    #[serde(default)]
    pub offset: usize,
}

/// A bookmarked line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// 1-based source line.
    pub line: usize,
    /// What the user called it, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// What is remembered of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct DocPlaces {
    position: Option<Position>,
    /// Sorted by line, one per line.
    bookmarks: Vec<Bookmark>,
    /// Unix seconds of the last change, for forgetting the oldest.
    used: u64,
}

/// The remembered places, loaded from and saved to one folder.
#[derive(Debug, Clone, Default)]
pub struct Places {
    file: PathBuf,
    docs: HashMap<DocKey, DocPlaces>,
    /// Most recent first, no duplicates.
    history: Vec<String>,
    /// The document read last, to reopen it.
    last: Option<DocKey>,
}

/// The file as stored.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredFile {
    format: String,
    version: u32,
    #[serde(default)]
    docs: Vec<StoredDoc>,
    #[serde(default)]
    history: Vec<String>,
    /// The document read last: `{"path", "hash"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last: Option<StoredKey>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredKey {
    path: String,
    hash: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredDoc {
    path: String,
    /// The hash as 16 hex digits: JSON numbers lose precision past 2^53 in many readers.
    hash: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    position: Option<Position>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    bookmarks: Vec<Bookmark>,
    #[serde(default)]
    used: u64,
}

impl Places {
    /// Where places live: `$GONGWEN_STATE_DIR`, else the platform's state directory for
    /// gongwen (`~/.local/state/gongwen` on Linux), else its local data directory (platforms
    /// without a state directory). `None` when no home directory is known.
    pub fn default_dir() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os("GONGWEN_STATE_DIR").filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir));
        }
        let dirs = directories::ProjectDirs::from("", "", "gongwen")?;
        Some(dirs.state_dir().unwrap_or(dirs.data_local_dir()).to_path_buf())
    }

    /// Reads the places kept in `dir`. Never fails: a missing file gives empty places; an
    /// unreadable one gives empty places and a message; a corrupt or foreign one is renamed
    /// aside (`places.json.corrupt-<seconds>`) with a message.
    pub fn open(dir: &Path) -> (Places, Vec<String>) {
        let file = dir.join(FILE_NAME);
        let mut places = Places { file: file.clone(), ..Places::default() };
        let bytes = match fs::read(&file) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return (places, Vec::new()),
            Err(e) => {
                return (
                    places,
                    vec![format!("{}: cannot read ({e}); starting afresh", file.display())],
                );
            }
        };
        match parse(&bytes) {
            Ok(stored) => {
                places.fill(stored);
                (places, Vec::new())
            }
            Err(why) => (places, vec![set_aside(&file, &why)]),
        }
    }

    /// Writes the places atomically to the folder they were opened from.
    pub fn save(&self) -> Result<(), String> {
        let json = serde_json::to_vec(&self.to_stored()).map_err(|e| e.to_string())?;
        atomic::write(&self.file, &json)
            .map_err(|e| format!("{}: cannot save ({e})", self.file.display()))
    }

    /// The file these places are saved to.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The last reading position in this version of the document.
    pub fn position(&self, key: &DocKey) -> Option<Position> {
        self.docs.get(key).and_then(|d| d.position)
    }

    /// Remembers the reading position.
    pub fn set_position(&mut self, key: &DocKey, position: Position) {
        self.entry(key).position = Some(position);
    }

    /// The bookmarks of this version of the document, in line order.
    pub fn bookmarks(&self, key: &DocKey) -> &[Bookmark] {
        self.docs.get(key).map_or(&[], |d| &d.bookmarks)
    }

    /// Sets a bookmark on `line`, or removes the one there; returns whether it is now set.
    pub fn toggle_bookmark(&mut self, key: &DocKey, line: usize, label: Option<String>) -> bool {
        let marks = &mut self.entry(key).bookmarks;
        match marks.binary_search_by_key(&line, |b| b.line) {
            Ok(i) => {
                marks.remove(i);
                false
            }
            Err(i) => {
                marks.insert(i, Bookmark { line, label });
                true
            }
        }
    }

    /// The document read last (set when the reader quits), to reopen it.
    pub fn last(&self) -> Option<&DocKey> {
        self.last.as_ref()
    }

    /// Remembers which document was read last.
    pub fn set_last(&mut self, key: &DocKey) {
        self.last = Some(key.clone());
    }

    /// Finder queries, most recent first.
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// Records a finder query: moved to the front if already there; blank queries are not kept.
    pub fn push_history(&mut self, query: &str) {
        let query = query.trim();
        if query.is_empty() {
            return;
        }
        self.history.retain(|q| q != query);
        self.history.insert(0, query.to_string());
        self.history.truncate(HISTORY_LIMIT);
    }

    fn entry(&mut self, key: &DocKey) -> &mut DocPlaces {
        if !self.docs.contains_key(key) {
            // Another version of this file: its position no longer means anything.
            self.docs.retain(|k, d| k.path != key.path || !d.bookmarks.is_empty());
        }
        let entry = self.docs.entry(key.clone()).or_default();
        entry.used = now();
        entry
    }

    fn fill(&mut self, stored: StoredFile) {
        for d in stored.docs {
            let Ok(hash) = u64::from_str_radix(&d.hash, 16) else { continue };
            let mut bookmarks = d.bookmarks;
            bookmarks.sort_by_key(|b| b.line);
            bookmarks.dedup_by_key(|b| b.line);
            let places = DocPlaces { position: d.position, bookmarks, used: d.used };
            self.docs.insert(DocKey { path: d.path, hash }, places);
        }
        self.last = stored.last.and_then(|k| {
            let hash = u64::from_str_radix(&k.hash, 16).ok()?;
            Some(DocKey { path: k.path, hash })
        });
        self.history = Vec::new();
        for q in stored.history.iter().rev() {
            self.push_history(q);
        }
    }

    fn to_stored(&self) -> StoredFile {
        let mut docs: Vec<(&DocKey, &DocPlaces)> = self
            .docs
            .iter()
            .filter(|(_, d)| d.position.is_some() || !d.bookmarks.is_empty())
            .collect();
        if docs.len() > DOC_LIMIT {
            // Keep bookmarked documents first, then the most recently used.
            docs.sort_by_key(|(_, d)| (d.bookmarks.is_empty(), std::cmp::Reverse(d.used)));
            docs.truncate(DOC_LIMIT);
        }
        docs.sort_by(|a, b| (&a.0.path, a.0.hash).cmp(&(&b.0.path, b.0.hash)));
        let docs = docs
            .into_iter()
            .map(|(k, d)| StoredDoc {
                path: k.path.clone(),
                hash: format!("{:016x}", k.hash),
                position: d.position,
                bookmarks: d.bookmarks.clone(),
                used: d.used,
            })
            .collect();
        let last = self
            .last
            .as_ref()
            .map(|k| StoredKey { path: k.path.clone(), hash: format!("{:016x}", k.hash) });
        StoredFile {
            format: FORMAT.into(),
            version: VERSION,
            docs,
            history: self.history.clone(),
            last,
        }
    }
}

/// Reads the stored file, or says why it is not one of ours.
fn parse(bytes: &[u8]) -> Result<StoredFile, String> {
    // Check the marker and version before the shape, so the message names the real problem.
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| format!("not valid JSON ({e})"))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err("not a gongwen places file".into());
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => return Err(format!("version {v}, this gongwen reads version {VERSION}")),
        None => return Err("no version".into()),
    }
    serde_json::from_value(value).map_err(|e| format!("unexpected content ({e})"))
}

/// Renames a bad file aside and says so.
fn set_aside(file: &Path, why: &str) -> String {
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stamp = now();
    let mut aside = file.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut n = 1;
    while aside.exists() {
        aside = file.with_file_name(format!("{name}.corrupt-{stamp}-{n}"));
        n += 1;
    }
    match fs::rename(file, &aside) {
        Ok(()) => format!(
            "{}: {why}; set aside as {} and starting afresh",
            file.display(),
            aside.display()
        ),
        Err(e) => format!("{}: {why}; could not set it aside ({e})", file.display()),
    }
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}
