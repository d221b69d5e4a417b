//! What an index file is for: the hash of its documents' paths and of their contents (the
//! rules are in the parent module's documentation), and the name it is kept under.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use xxhash_rust::xxh3::Xxh3Default;

use super::{FORMAT, MAGIC};
use crate::doc::Document;
use crate::store::cache::CACHE_VERSION;

/// What an index file is for: read first, so a file for other documents is not read further.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Header {
    pub(super) paths: u64,
    pub(super) content: u64,
    pub(super) docs: u64,
}

impl Header {
    /// The header of an index of `docs`.
    pub(super) fn of(docs: &[Arc<Document>]) -> Header {
        let cwd = std::env::current_dir().unwrap_or_default();
        Header {
            paths: paths_key(docs.iter().map(|d| d.path.as_str()), &cwd),
            content: content_key(docs, &cwd),
            docs: docs.len() as u64,
        }
    }
}

/// `path` made absolute against `cwd` (without touching the disk).
pub(super) fn absolute(path: &str, cwd: &Path) -> PathBuf {
    let p = Path::new(path);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        cwd.join(p)
    }
}

/// The versions every key starts with.
fn versioned() -> Xxh3Default {
    let mut h = Xxh3Default::new();
    h.update(MAGIC);
    h.update(&FORMAT.to_le_bytes());
    h.update(&CACHE_VERSION.to_le_bytes());
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(&build_stamp().to_le_bytes());
    h
}

/// The running program's path, size and modification time: another build of gongwen (a
/// change to how the index is built that forgot to bump [`FORMAT`], during development)
/// never takes this one's index. Costs one `stat`; 0 when the program cannot be found.
fn build_stamp() -> u64 {
    static STAMP: OnceLock<u64> = OnceLock::new();
    *STAMP.get_or_init(|| {
        let Ok(exe) = std::env::current_exe() else { return 0 };
        let Ok(meta) = std::fs::metadata(&exe) else { return 0 };
        let mtime = meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok());
        let mut h = Xxh3Default::new();
        h.update(exe.as_os_str().as_encoded_bytes());
        h.update(&meta.len().to_le_bytes());
        h.update(&mtime.map_or(0, |d| d.as_nanos()).to_le_bytes());
        h.digest()
    })
}

pub(super) fn paths_key<'a>(paths: impl Iterator<Item = &'a str>, cwd: &Path) -> u64 {
    let mut h = versioned();
    for p in paths {
        hash_path(&mut h, &absolute(p, cwd));
    }
    h.digest()
}

/// One document's absolute path, as the paths key takes it.
fn hash_path(h: &mut Xxh3Default, path: &Path) {
    let p = path.as_os_str().as_encoded_bytes();
    h.update(&(p.len() as u64).to_le_bytes());
    h.update(p);
}

/// One document's part of the content key; `path` is its absolute path.
fn doc_key(d: &Document, path: &Path) -> u64 {
    let mut h = Xxh3Default::new();
    let parts = [path.as_os_str().as_encoded_bytes(), d.title().as_bytes()];
    for part in parts {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part);
    }
    h.update(&(d.text().len() as u64).to_le_bytes());
    h.update(&d.text_hash().to_le_bytes());
    h.update(&(d.headings.len() as u64).to_le_bytes());
    h.update(&(d.metrics.len() as u64).to_le_bytes());
    h.digest()
}

/// The content key of documents whose parts are `per_doc`.
fn content_of(per_doc: &[u64]) -> u64 {
    let mut h = versioned();
    h.update(&(per_doc.len() as u64).to_le_bytes());
    per_doc.iter().for_each(|k| h.update(&k.to_le_bytes()));
    h.digest()
}

fn content_key(docs: &[Arc<Document>], cwd: &Path) -> u64 {
    let per_doc: Vec<u64> = docs.par_iter().map(|d| doc_key(d, &absolute(&d.path, cwd))).collect();
    content_of(&per_doc)
}

/// The key of documents that arrive a batch at a time, hashed as they come (a warm start's
/// loader hands on 20,000 documents in the second it takes): once the last one is in, the
/// key is there and attaching the stored index does not wait for it
/// ([`super::Prefetched::attach_keyed`]). The same as the key of all of them at once.
pub struct DocsKey {
    cwd: PathBuf,
    paths: Xxh3Default,
    per_doc: Vec<u64>,
}

impl Default for DocsKey {
    fn default() -> Self {
        DocsKey {
            cwd: std::env::current_dir().unwrap_or_default(),
            paths: versioned(),
            per_doc: Vec::new(),
        }
    }
}

impl DocsKey {
    /// The key of no documents yet.
    pub fn new() -> DocsKey {
        DocsKey::default()
    }

    /// Adds the next documents, in load order.
    pub fn add(&mut self, docs: &[Arc<Document>]) {
        for d in docs {
            let path = absolute(&d.path, &self.cwd);
            hash_path(&mut self.paths, &path);
            self.per_doc.push(doc_key(d, &path));
        }
    }

    /// The header of an index of the documents added so far.
    pub(super) fn header(&self) -> Header {
        Header {
            paths: self.paths.digest(),
            content: content_of(&self.per_doc),
            docs: self.per_doc.len() as u64,
        }
    }
}

/// The cache's name for the index of documents at `paths`: the folders holding them.
pub(super) fn file_key<'a>(paths: impl Iterator<Item = &'a str>) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut key = String::from("search index");
    let mut seen = std::collections::HashSet::new();
    for p in paths {
        let dir = absolute(p, &cwd).parent().map(Path::to_path_buf).unwrap_or_default();
        if seen.insert(dir.clone()) {
            key.push('\n');
            key.push_str(&dir.to_string_lossy());
        }
    }
    key
}
