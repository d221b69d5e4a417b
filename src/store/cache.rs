//! The cache of parsed documents, so that the second start on a large folder is instant.
//!
//! An entry holds the source's size, modification time and content hash (xxh3 of the raw
//! bytes), the cache format version and the crate version, and the parse results (card,
//! outline, metrics, encoding). The text itself is kept only when re-decoding the source
//! would not give it back (HTML); a hit therefore still reads the source, which the content
//! check needs anyway, and decodes it, which costs little next to parsing.
//!
//! The entries of a load of the paths given (folders, files) live together in one pack per
//! set of paths (`<cache dir>/packs/`, [`Pack`]): 20,000 reports are one file to read and one
//! to write, not 20,000. [`Cache::load_or_parse`] on its own keeps one entry file per document
//! under `<cache dir>/docs/`, named by a hash of its absolute path; a pack load looks there
//! too when its pack has no fitting entry.
//!
//! Entries are written atomically without `fsync` (a torn entry after a power cut fails its
//! checksum and is rebuilt). Anything that does not fit — missing, corrupt, another version,
//! another file, a changed source — is a miss: the source is parsed and the entry replaced,
//! silently. The cache never changes what a load returns.
//!
//! The search index, hundreds of megabytes for a large folder, is streamed ([`Cache::write_large`],
//! [`Cache::read_large`]; the format is `crate::search`'s own, with its own checks), so that
//! it is never held twice in memory.

mod entry;
mod large;
mod pack;
pub mod prune;
#[cfg(test)]
mod tests;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use super::{atomic, content_hash};
use crate::doc::load::io_reason;
use crate::doc::{Document, LoadError};
use entry::CachedDoc;
pub use pack::Pack;

/// Bumped whenever parsing or the entry layout changes, so old entries are rebuilt.
pub const CACHE_VERSION: u32 = 4;

/// The start of every cache file.
const MAGIC: &[u8; 8] = b"gongwen\x01";

/// Hits, misses and write failures since the cache was opened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Documents built from an entry.
    pub hits: usize,
    /// Documents parsed (no entry, or one that did not fit).
    pub misses: usize,
    /// Entries that could not be written (the load itself succeeded).
    pub write_errors: usize,
}

/// The document cache; `Sync`, so loader threads share one.
#[derive(Debug, Default)]
pub struct Cache {
    /// `None`: disabled (`--no-cache`), every load parses.
    dir: Option<PathBuf>,
    hits: AtomicUsize,
    misses: AtomicUsize,
    write_errors: AtomicUsize,
    /// Whether `docs/` (entry files of their own) existed when first looked at: a pack load
    /// looks for such an entry only then (else 20,000 misses are 20,000 failed opens).
    has_entry_files: std::sync::OnceLock<bool>,
}

/// The validity key of an entry, and its payload.
#[derive(Serialize, Deserialize)]
struct Entry<T> {
    crate_version: String,
    /// Absolute path of the source: guards against name-hash collisions.
    key: String,
    size: u64,
    mtime_ns: u128,
    hash: u64,
    payload: T,
}

/// Files larger than this are not cached (see [`Cache::load_or_parse`]).
pub const MAX_CACHED_FILE: u64 = 32 << 20;

impl Cache {
    /// Where the cache lives: `$GONGWEN_CACHE_DIR`, else the platform's cache directory for
    /// gongwen (`~/.cache/gongwen` on Linux). `None` when no home directory is known.
    pub fn default_dir() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os("GONGWEN_CACHE_DIR").filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir));
        }
        directories::ProjectDirs::from("", "", "gongwen").map(|d| d.cache_dir().to_path_buf())
    }

    /// The cache of a run of the reader or the CLI: in [`Cache::default_dir`], or disabled
    /// when `no_cache` (`--no-cache`) or when no cache directory is known. Entries unused for
    /// two months are pruned in the background, once a day at most ([`prune`]).
    pub fn for_run(no_cache: bool) -> Cache {
        match Cache::default_dir() {
            Some(dir) if !no_cache => {
                prune::in_background(&dir);
                Cache::open(&dir)
            }
            _ => Cache::disabled(),
        }
    }

    /// A cache kept in `dir` (created when the first entry is written). Never fails.
    pub fn open(dir: &Path) -> Cache {
        Cache { dir: Some(dir.to_path_buf()), ..Cache::default() }
    }

    /// A cache that keeps nothing: every load parses (`--no-cache`).
    pub fn disabled() -> Cache {
        Cache::default()
    }

    /// Whether entries are read and written (not `--no-cache`).
    pub fn is_enabled(&self) -> bool {
        self.dir.is_some()
    }

    /// Counts so far.
    pub fn stats(&self) -> CacheStats {
        CacheStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            write_errors: self.write_errors.load(Ordering::Relaxed),
        }
    }

    /// The pack for a load of the folders `roots` ([`Pack`]); an inactive one when the cache
    /// is disabled or there are no folders. Hand it to [`Cache::load_or_parse_in`] for each
    /// file, then to [`Cache::finish_pack`].
    pub fn pack(&self, roots: &[PathBuf]) -> Pack {
        match &self.dir {
            Some(dir) if !roots.is_empty() => Pack::open(dir, roots),
            _ => Pack::none(),
        }
    }

    /// Ends a load through `pack`: writes the new pack if anything changed.
    pub fn finish_pack(&self, pack: Pack) {
        if pack.finish().is_err() {
            self.write_errors.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Loads the file at `path`: from its entry when the entry fits the file as it is now,
    /// else with `parse(bytes)`, whose document is then kept. Either way the document's path
    /// is `path` as given (`path.display()`, like [`crate::doc::load::load_file`]) and it is
    /// the document `parse` would give. Reading the file can fail (`LoadError`); the cache
    /// itself never makes a load fail.
    pub fn load_or_parse<F>(&self, path: &Path, parse: F) -> Result<Document, LoadError>
    where
        F: FnOnce(Vec<u8>) -> Result<Document, LoadError>,
    {
        self.load_or_parse_in(path, &Pack::none(), parse)
    }

    /// [`Cache::load_or_parse`] as part of the load of a set of folders: the entry is looked
    /// for in `pack` first, then in its own file, and a new entry goes to the pack only.
    pub fn load_or_parse_in<F>(
        &self,
        path: &Path,
        pack: &Pack,
        parse: F,
    ) -> Result<Document, LoadError>
    where
        F: FnOnce(Vec<u8>) -> Result<Document, LoadError>,
    {
        let shown = path.display().to_string();
        let read_error =
            |e: std::io::Error| LoadError { path: shown.clone(), reason: io_reason(&e) };
        let (meta, mut bytes, _) = read(path).map_err(read_error)?;
        let Some(dir) = &self.dir else { return parse(bytes) };
        // An entry is built from copies of a document's parts; for a huge file that would
        // double its memory at load. Such files are rare and parsed every time.
        if meta.len() > MAX_CACHED_FILE {
            return parse(bytes);
        }
        // The absolute path, not the canonical one: resolving every component of 20,000 paths
        // shows in a warm start, and a file reached by two paths only costs a second entry.
        let key =
            std::path::absolute(path).map_or_else(|_| shown.clone(), |p| p.display().to_string());
        let stamp =
            Stamp { size: meta.len(), mtime_ns: mtime_ns(&meta), hash: content_hash(&bytes) };
        // The bytes are handed on, never copied: a large file is held once.
        if let Some((slot, raw)) = pack.get(&key) {
            if let Some(cached) =
                entry_from_bytes::<CachedDoc>(&raw).and_then(|e| e.fitting(&key, &stamp))
            {
                match cached.into_document(shown.clone(), bytes, stamp.hash) {
                    Ok(doc) => {
                        pack.used(slot);
                        self.hits.fetch_add(1, Ordering::Relaxed);
                        return Ok(doc);
                    }
                    Err(b) => bytes = b,
                }
            }
        }
        let file = entry_path(dir, "docs", &key);
        let entry_files =
            !pack.is_active() || *self.has_entry_files.get_or_init(|| dir.join("docs").is_dir());
        let entry = entry_files.then(|| read_entry::<CachedDoc>(&file, &key, &stamp)).flatten();
        if let Some((raw, cached)) = entry {
            match cached.into_document(shown.clone(), bytes, stamp.hash) {
                Ok(doc) => {
                    pack.append(&key, &raw);
                    self.hits.fetch_add(1, Ordering::Relaxed);
                    return Ok(doc);
                }
                Err(b) => bytes = b,
            }
        }
        self.misses.fetch_add(1, Ordering::Relaxed);
        let mut doc = parse(bytes)?;
        doc.path = shown;
        // The text need not be kept when it is the file's bytes as they are (UTF-8 without a
        // byte order mark or CR line ends: nearly every report); a hit decodes them again.
        let same_as_source = doc.format == crate::doc::Format::Text
            && doc.text().len() as u64 == stamp.size
            && doc.text_hash() == stamp.hash;
        let written =
            encode_entry(&key, &stamp, &CachedDoc::new(&doc, same_as_source)).and_then(|raw| {
                if pack.is_active() {
                    pack.append(&key, &raw);
                    Ok(())
                } else {
                    atomic::write_fast(&file, &raw).map_err(|e| e.to_string())
                }
            });
        if written.is_err() {
            self.write_errors.fetch_add(1, Ordering::Relaxed);
        }
        Ok(doc)
    }
}

/// The file's metadata and bytes, through one open (and the open file).
fn read(path: &Path) -> std::io::Result<(fs::Metadata, Vec<u8>, fs::File)> {
    use std::io::Read;
    let mut file = fs::File::open(path)?;
    let meta = file.metadata()?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    file.read_to_end(&mut bytes)?;
    Ok((meta, bytes, file))
}

/// What must match between an entry and its source.
#[derive(PartialEq, Eq)]
struct Stamp {
    size: u64,
    mtime_ns: u128,
    hash: u64,
}

fn mtime_ns(meta: &fs::Metadata) -> u128 {
    meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos())
}

/// `<dir>/<kind>/<2 hex>/<30 hex>.bin`, from a 128-bit hash of the key: no folder gets too big.
fn entry_path(dir: &Path, kind: &str, key: &str) -> PathBuf {
    let name = format!("{:032x}", xxhash_rust::xxh3::xxh3_128(key.as_bytes()));
    dir.join(kind).join(&name[..2]).join(format!("{}.bin", &name[2..]))
}

impl<T> Entry<T> {
    /// The payload, when the entry is the one of `key` as stamped.
    fn fitting(self, key: &str, stamp: &Stamp) -> Option<T> {
        let fits = self.key == key
            && self.size == stamp.size
            && self.mtime_ns == stamp.mtime_ns
            && self.hash == stamp.hash;
        fits.then_some(self.payload)
    }
}

/// Reads an entry file whose key and stamp match: its bytes and payload, or `None`.
fn read_entry<T: for<'de> Deserialize<'de>>(
    file: &Path,
    key: &str,
    stamp: &Stamp,
) -> Option<(Vec<u8>, T)> {
    let (meta, bytes, handle) = read(file).ok()?;
    let payload = entry_from_bytes::<T>(&bytes)?.fitting(key, stamp)?;
    prune::touch_if_old(&handle, &meta);
    Some((bytes, payload))
}

/// An entry's bytes (in a file of its own or in a pack) checked and decoded.
fn entry_from_bytes<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Option<Entry<T>> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (version, rest) = rest.split_first_chunk::<4>()?;
    let (checksum, body) = rest.split_first_chunk::<8>()?;
    if u32::from_le_bytes(*version) != CACHE_VERSION
        || u64::from_le_bytes(*checksum) != content_hash(body)
    {
        return None;
    }
    let entry: Entry<T> = postcard::from_bytes(body).ok()?;
    (entry.crate_version == env!("CARGO_PKG_VERSION")).then_some(entry)
}

/// The bytes of an entry: magic, version, checksum, body.
fn encode_entry<T: Serialize>(key: &str, stamp: &Stamp, payload: &T) -> Result<Vec<u8>, String> {
    let entry = Entry {
        crate_version: env!("CARGO_PKG_VERSION").to_string(),
        key: key.to_string(),
        size: stamp.size,
        mtime_ns: stamp.mtime_ns,
        hash: stamp.hash,
        payload,
    };
    let body = postcard::to_stdvec(&entry).map_err(|e| e.to_string())?;
    let mut bytes = Vec::with_capacity(body.len() + 20);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&CACHE_VERSION.to_le_bytes());
    bytes.extend_from_slice(&content_hash(&body).to_le_bytes());
    bytes.extend_from_slice(&body);
    Ok(bytes)
}
