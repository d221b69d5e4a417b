//! The index kept in the cache, so that a warm start is searchable at once instead of after a
//! rebuild (about 6 s for 20,000 reports).
//!
//! **Validity.** An index is only valid for exactly the documents it was built from, in the
//! same order, parsed the same way. Its *content key* is an xxh3 over the format version, the
//! crate version, the document cache's [`CACHE_VERSION`] and, per document, its absolute path,
//! title, text (length and bytes) and the number of its headings and metrics (hashing the 420
//! MB of 20,000 reports takes a few tens of milliseconds, in parallel). A stored index whose
//! header names another key, version or number of documents is not read further; one that is
//! damaged (checksum, lengths, references out of range) is rejected; either way the index is
//! rebuilt, silently, and the cache never changes a search's results.
//!
//! **Naming.** The file is named by the *folders* holding the documents (their absolute paths,
//! in order of first appearance), not by the content key: a folder whose reports were edited,
//! added or removed overwrites its one index file instead of adding another. Different
//! selections within one folder share that file and replace each other's index (correct,
//! only slower). On top of that the cache keeps the [`KEPT`] most recently written index files.
//!
//! **Format** (little-endian): magic, format version, cache version, crate version, a hash
//! of the documents' paths, the content key and the number of documents; then the items as
//! 27-byte records, the metric texts and their ends and references, the item ids per kind,
//! and per shard the sparse keys and the frozen posting lists (their bytes as they are); then
//! an xxh3 checksum of everything before it. Records are decoded in one pass with
//! `chunks_exact`; every count is checked against the bytes left before anything is allocated.
//! Posting lists are guarded by the checksum only (decoding them all to check every id would
//! cost more than the read).

use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use xxhash_rust::xxh3::Xxh3Default;

use super::{kind_dense_slot, kind_slot, shard_of, Index, KeyMap, Shard, DENSE_LISTS, SHARDS};
use crate::doc::Document;
use crate::search::items::{Item, Kind, NONE};
use crate::search::pinyin;
use crate::search::postings::Frozen;
use crate::search::wire::{Input, Output};
use crate::store::cache::CACHE_VERSION;
use crate::store::Cache;

/// Bumped whenever the layout below or the index's construction changes.
const FORMAT: u32 = 1;
const MAGIC: &[u8; 8] = b"gwindex\x01";
/// The cache folder of index files.
const FOLDER: &str = "index";
/// Index files kept (the most recently written).
pub const KEPT: usize = 3;
const ITEM_BYTES: usize = 27;

/// Where an index came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Read from the cache.
    Cache,
    /// Built from the documents (and stored, when the cache is enabled).
    Built,
}

/// What an index file is for: read first, so a file for other documents is not read further.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Header {
    paths: u64,
    content: u64,
    docs: u64,
}

impl Header {
    fn of(docs: &[Arc<Document>]) -> Header {
        let cwd = std::env::current_dir().unwrap_or_default();
        Header {
            paths: paths_key(docs.iter().map(|d| d.path.as_str()), &cwd),
            content: content_key(docs, &cwd),
            docs: docs.len() as u64,
        }
    }
}

/// `path` made absolute against `cwd` (without touching the disk).
fn absolute(path: &str, cwd: &Path) -> PathBuf {
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
    h
}

fn paths_key<'a>(paths: impl Iterator<Item = &'a str>, cwd: &Path) -> u64 {
    let mut h = versioned();
    for p in paths {
        let p = absolute(p, cwd);
        let p = p.as_os_str().as_encoded_bytes();
        h.update(&(p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.digest()
}

fn content_key(docs: &[Arc<Document>], cwd: &Path) -> u64 {
    let per_doc: Vec<u64> = docs
        .par_iter()
        .map(|d| {
            let mut h = Xxh3Default::new();
            let path = absolute(&d.path, cwd);
            let parts =
                [path.as_os_str().as_encoded_bytes(), d.title().as_bytes(), d.text().as_bytes()];
            for part in parts {
                h.update(&(part.len() as u64).to_le_bytes());
                h.update(part);
            }
            h.update(&(d.headings.len() as u64).to_le_bytes());
            h.update(&(d.metrics.len() as u64).to_le_bytes());
            h.digest()
        })
        .collect();
    let mut h = versioned();
    h.update(&(docs.len() as u64).to_le_bytes());
    per_doc.iter().for_each(|k| h.update(&k.to_le_bytes()));
    h.digest()
}

/// The cache's name for the index of documents at `paths`: the folders holding them.
fn file_key<'a>(paths: impl Iterator<Item = &'a str>) -> String {
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

fn write_header<W: Write>(out: &mut Output<W>, h: &Header) -> io::Result<()> {
    out.bytes(MAGIC)?;
    out.u32(FORMAT)?;
    out.u32(CACHE_VERSION)?;
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    out.len(version.len())?;
    out.bytes(version)?;
    out.u64(h.paths)?;
    out.u64(h.content)?;
    out.u64(h.docs)
}

fn read_header<R: Read>(input: &mut Input<R>) -> Option<Header> {
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let ours = &input.array::<8>()? == MAGIC
        && input.u32()? == FORMAT
        && input.u32()? == CACHE_VERSION
        && input.len()? == version.len()
        && input.bytes(version.len() as u64)? == version;
    ours.then_some(())?;
    Some(Header { paths: input.u64()?, content: input.u64()?, docs: input.u64()? })
}

fn encode_item(it: &Item) -> [u8; ITEM_BYTES] {
    let mut b = [0; ITEM_BYTES];
    let words = [it.doc, it.line, it.start, it.end, it.heading, it.metric];
    for (slot, w) in b.chunks_exact_mut(4).zip(words) {
        slot.copy_from_slice(&w.to_le_bytes());
    }
    b[24..26].copy_from_slice(&it.chars.to_le_bytes());
    b[26] = kind_slot(it.kind) as u8;
    b
}

fn decode_item(b: &[u8; ITEM_BYTES]) -> Option<Item> {
    let mut words = b.chunks_exact(4).map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]));
    let mut word = || words.next().unwrap_or(NONE);
    let (doc, line, start, end, heading, metric) = (word(), word(), word(), word(), word(), word());
    let kind = match b[26] {
        0 => Kind::Doc,
        1 => Kind::Heading,
        2 => Kind::Text,
        3 => Kind::Metric,
        _ => return None,
    };
    let chars = u16::from_le_bytes([b[24], b[25]]);
    Some(Item { doc, line, start, end, heading, metric, chars, kind })
}

impl Index {
    /// The index of `docs` from the cache when it holds one built from exactly these
    /// documents, else built. Either way it is the index [`Index::build`] gives. A built
    /// index is not stored here: the caller puts it to use first, then calls [`Index::store`].
    pub fn load_or_build(docs: &[Arc<Document>], cache: &Cache) -> (Index, Origin) {
        match Index::from_cache(docs, cache) {
            Some(index) => (index, Origin::Cache),
            None => (Index::build(docs), Origin::Built),
        }
    }

    /// The cached index of exactly `docs`, if the cache holds one, whole.
    pub fn from_cache(docs: &[Arc<Document>], cache: &Cache) -> Option<Index> {
        let (file, len) =
            cache.read_large(FOLDER, &file_key(docs.iter().map(|d| d.path.as_str())))?;
        let reader = BufReader::with_capacity(1 << 16, file);
        // The tables the first query needs are built while the file is read.
        let (index, ()) = rayon::join(|| Index::read_from(reader, len, docs), pinyin::warm);
        index
    }

    /// Whether the cache holds an index written by this version for documents at exactly
    /// `paths`, in this order (their contents are checked only when it is read, by
    /// [`Index::from_cache`]). Reads the file's header only: for deciding early, e.g. not to
    /// build partial indexes while a warm start loads.
    pub fn is_cached_for(paths: &[String], cache: &Cache) -> bool {
        let names = paths.iter().map(String::as_str);
        let Some((file, len)) = cache.read_large(FOLDER, &file_key(names)) else {
            return false;
        };
        let cwd = std::env::current_dir().unwrap_or_default();
        Input::new(BufReader::with_capacity(256, file), len)
            .and_then(|mut input| read_header(&mut input))
            .is_some_and(|h| {
                h.docs == paths.len() as u64
                    && h.paths == paths_key(paths.iter().map(String::as_str), &cwd)
            })
    }

    /// Keeps the index in the cache (nothing when it is disabled), under the name of its
    /// documents' folders, replacing the index kept for them before.
    pub fn store(&self, cache: &Cache) -> Result<(), String> {
        let key = file_key(self.docs.iter().map(|d| d.path.as_str()));
        cache.write_large(FOLDER, &key, KEPT, |w| self.write_to(w))
    }

    /// Writes the index in the cache's format.
    pub(crate) fn write_to(&self, w: &mut dyn Write) -> io::Result<()> {
        let mut out = Output::new(w);
        write_header(&mut out, &Header::of(&self.docs))?;
        out.len(self.items.len())?;
        out.records(&self.items, encode_item)?;
        out.len(self.metric_text.len())?;
        out.bytes(self.metric_text.as_bytes())?;
        out.len(self.metric_ends.len())?;
        out.u32s(&self.metric_ends)?;
        out.len(self.metric_refs.len())?;
        out.u32s(&self.metric_refs)?;
        for ids in &self.by_kind {
            out.len(ids.len())?;
            out.u32s(ids)?;
        }
        out.len(self.shards.len())?;
        for shard in &self.shards {
            let mut sparse: Vec<(u32, u32)> = shard.sparse.iter().map(|(&k, &l)| (k, l)).collect();
            sparse.sort_unstable();
            out.len(sparse.len())?;
            out.records(&sparse, |&(k, l)| {
                let mut b = [0; 8];
                b[..4].copy_from_slice(&k.to_le_bytes());
                b[4..].copy_from_slice(&l.to_le_bytes());
                b
            })?;
            shard.lists.write_to(&mut out)?;
        }
        out.finish().map(drop)
    }

    /// Reads an index written by [`Index::write_to`] for exactly `docs` from a stream of
    /// `len` bytes; `None` if it was written for other documents, by another version, or is
    /// damaged in any way.
    pub(crate) fn read_from<R: Read>(r: R, len: u64, docs: &[Arc<Document>]) -> Option<Index> {
        let mut input = Input::new(r, len)?;
        let header = read_header(&mut input)?;
        // Cheap checks before the whole stream is read.
        if header.docs != docs.len() as u64 || header != Header::of(docs) {
            return None;
        }
        let n = input.len()?;
        let items = input.records(n, decode_item)?;
        let text_len = input.len()?;
        let metric_text = String::from_utf8(input.bytes(text_len as u64)?).ok()?;
        let n = input.len()?;
        let metric_ends = input.u32s(n)?;
        let n = input.len()?;
        let metric_refs = input.u32s(n)?;
        let mut by_kind: [Vec<u32>; 4] = Default::default();
        for ids in &mut by_kind {
            let n = input.len()?;
            *ids = input.u32s(n)?;
        }
        if input.len()? != SHARDS {
            return None;
        }
        let mut shards = Vec::with_capacity(SHARDS);
        for s in 0..SHARDS {
            let n = input.len()?;
            let pairs = input.records(n, |b: &[u8; 8]| {
                let [k0, k1, k2, k3, l0, l1, l2, l3] = *b;
                Some((u32::from_le_bytes([k0, k1, k2, k3]), u32::from_le_bytes([l0, l1, l2, l3])))
            })?;
            let lists = Frozen::read_from(&mut input)?;
            let sparse_ok = lists.list_count() >= DENSE_LISTS
                && pairs.iter().all(|&(k, l)| {
                    kind_dense_slot(k).is_none()
                        && shard_of(k) == s
                        && (DENSE_LISTS..lists.list_count()).contains(&(l as usize))
                });
            if !sparse_ok {
                return None;
            }
            let mut sparse = KeyMap::default();
            sparse.extend(pairs);
            shards.push(Shard { sparse, lists, ..Shard::default() });
        }
        if !input.finish() {
            return None;
        }
        let index = Index {
            docs: docs.to_vec(),
            items,
            metric_text,
            metric_ends,
            metric_refs,
            shards,
            by_kind,
        };
        index.is_consistent().then_some(index)
    }

    /// Whether every reference stays in range: items to documents, headings and metrics,
    /// metric texts to their ends, ids per kind to items of that kind.
    fn is_consistent(&self) -> bool {
        let ends_ok = self.metric_ends.windows(2).all(|w| w[0] <= w[1])
            && self.metric_ends.last().is_none_or(|&e| e as usize <= self.metric_text.len())
            && self.metric_refs.len() == self.metric_ends.len();
        let items_ok = self.items.par_iter().all(|it| {
            let Some(doc) = self.docs.get(it.doc as usize) else { return false };
            let heading_ok = it.heading == NONE || (it.heading as usize) < doc.headings.len();
            let metric_ok = it.kind != Kind::Metric
                || self
                    .metric_refs
                    .get(it.metric as usize)
                    .is_some_and(|&m| (m as usize) < doc.metrics.len());
            heading_ok && metric_ok && it.start <= it.end
        });
        let kinds_ok = self.by_kind.iter().enumerate().all(|(slot, ids)| {
            ids.iter()
                .all(|&id| self.items.get(id as usize).is_some_and(|it| kind_slot(it.kind) == slot))
        });
        ends_ok && items_ok && kinds_ok
    }
}

#[cfg(test)]
mod tests;
