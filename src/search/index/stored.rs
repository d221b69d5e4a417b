//! The index kept in the cache, so that a warm start is searchable at once instead of after a
//! rebuild (about 6 s for 20,000 reports).
//!
//! **Validity.** An index is only valid for exactly the documents it was built from, in the
//! same order, parsed the same way, by the same build. Its *content key* is an xxh3 over the
//! format version, the crate version, the document cache's `CACHE_VERSION`, the program's
//! build (path, size and time of the executable) and, per document, its absolute path, title,
//! text (length and bytes) and the number of its headings and metrics (hashing the 420 MB of
//! 20,000 reports takes a few tens of milliseconds, in parallel, while the file is read). A
//! stored index whose header names other paths, another version or number of documents is not
//! read further; one for other contents, or damaged (checksum, lengths, references out of
//! range), is rejected; either way the index is rebuilt, silently, and the cache never changes
//! a search's results.
//!
//! **Naming.** The file is named by the *folders* holding the documents (their absolute paths,
//! in order of first appearance), not by the content key: a folder whose reports were edited,
//! added or removed overwrites its one index file instead of adding another. Different
//! selections within one folder share that file and replace each other's index (correct,
//! only slower). On top of that the cache keeps the [`KEPT`] most recently written index files.
//!
//! **Format** (little-endian): magic, format version, cache version, crate version, a hash
//! of the documents' paths, the content key and the number of documents; then the items as
//! 19-byte records, the metric texts and their ends and references, the item ids per kind,
//! and per shard the sparse keys, the posting lists' chain numbers and chains (20-byte
//! records) and their arena as it is; then an xxh3 checksum of everything before it.
//! Records are decoded in one pass with `chunks_exact`; every count is checked against the
//! bytes left before anything is allocated, every reference against what it points into. The
//! links between a list's blocks are guarded by the checksum only (walking every chain to
//! check them would cost about as much as the read).

use std::io::{BufReader, Write};
use std::sync::Arc;

use super::Index;
use crate::doc::Document;
use crate::search::pinyin;
use crate::store::Cache;
use codec::{read_header, read_parts, Needs, Parts};
pub use key::DocsKey;
use key::{file_key, paths_key, Header};

mod codec;
mod key;

/// Bumped whenever the layout below or the index's construction changes (the key also covers
/// the program's build, see `key::build_stamp`, so a forgotten bump costs a rebuild, never a
/// wrong answer).
/// 4: items and keys fold traditional characters to simplified (`text::script`).
const FORMAT: u32 = 4;
const MAGIC: &[u8; 8] = b"gwindex\x01";
/// The cache folder of index files.
const FOLDER: &str = "index";
/// Index files kept (the most recently written).
pub const KEPT: usize = 3;
/// Read buffer (large reads bypass it).
const BUFFER: usize = 1 << 16;

/// Where an index came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Read from the cache.
    Cache,
    /// Built from the documents (for the caller to store: [`Index::store`]).
    Built,
}

/// An index read from the cache for documents still loading: [`Prefetched::attach`] makes it
/// the index of the loaded documents if they are the ones it was built from. Its references
/// are checked when it is read, so that attaching it compares keys and counts only.
pub struct Prefetched {
    header: Header,
    parts: Parts,
    needs: Needs,
}

impl Prefetched {
    /// The index of `docs`, if they are exactly the documents this index was built from.
    pub fn attach(self, docs: &[Arc<Document>]) -> Option<Index> {
        self.fit(docs, Header::of(docs))
    }

    /// [`Prefetched::attach`] with the key of `docs` computed as they were loaded (`key` must
    /// have been given exactly `docs`, in order): nothing is hashed now.
    pub fn attach_keyed(self, docs: &[Arc<Document>], key: &DocsKey) -> Option<Index> {
        self.fit(docs, key.header())
    }

    fn fit(self, docs: &[Arc<Document>], header: Header) -> Option<Index> {
        let fits = self.header.docs == docs.len() as u64 && self.header == header;
        fits.then(|| self.parts.attach(&self.needs, docs))?
    }
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
        let (file, len) = cache.read_large(FOLDER, &file_key(docs.iter().map(|d| &*d.path)))?;
        let reader = BufReader::with_capacity(BUFFER, file);
        let paths: Vec<&str> = docs.iter().map(|d| &*d.path).collect();
        // The file is read if it is for these paths; meanwhile the documents' content key is
        // computed (then compared) and the tables the first query needs are built.
        let (parts, header) = rayon::join(
            || read_parts(reader, len, |h| for_paths(h, &paths)),
            || {
                pinyin::warm();
                Header::of(docs)
            },
        );
        let (stored, parts) = parts?;
        (stored == header).then(|| parts.into_index(docs))?
    }

    /// Whether the cache holds an index written by this version for documents at exactly
    /// `paths`, in this order (their contents are checked only when it is attached to them).
    /// Reads the file's header only: for deciding early, e.g. not to build partial indexes
    /// while a warm start loads.
    pub fn is_cached_for(paths: &[String], cache: &Cache) -> bool {
        let names: Vec<&str> = paths.iter().map(|p| &**p).collect();
        let Some((file, len)) = cache.read_large(FOLDER, &file_key(names.iter().copied())) else {
            return false;
        };
        crate::search::wire::Input::new(BufReader::with_capacity(256, file), len)
            .and_then(|mut input| read_header(&mut input))
            .is_some_and(|h| for_paths(&h, &names))
    }

    /// Reads the cached index for documents at exactly `paths`, in this order, before they
    /// are loaded (their contents are checked by [`Prefetched::attach`]): a warm start reads
    /// the index, and checks its references, while its documents load. `None` also when the
    /// stored index is damaged.
    pub fn prefetch(paths: &[String], cache: &Cache) -> Option<Prefetched> {
        let names: Vec<&str> = paths.iter().map(|p| &**p).collect();
        let (file, len) = cache.read_large(FOLDER, &file_key(names.iter().copied()))?;
        let reader = BufReader::with_capacity(BUFFER, file);
        // On the caller's thread, not the shared pool: the documents load there meanwhile,
        // and a pool thread blocked on this file's reading would halve their pace.
        let parts = read_parts(reader, len, |h| for_paths(h, &names));
        pinyin::warm();
        let (header, parts) = parts?;
        let needs = parts.check(names.len(), false)?;
        Some(Prefetched { header, parts, needs })
    }

    /// Keeps the index in the cache (nothing when it is disabled), under the name of its
    /// documents' folders, replacing the index kept for them before.
    pub fn store(&self, cache: &Cache) -> Result<(), String> {
        let key = file_key(self.docs.iter().map(|d| &*d.path));
        cache.write_large(FOLDER, &key, KEPT, |w: &mut dyn Write| self.write_to(w))
    }

    /// Reads an index written by [`Index::write_to`] for exactly `docs` from a stream of
    /// `len` bytes; `None` if it was written for other documents, by another version, or is
    /// damaged in any way.
    #[cfg(test)]
    pub(crate) fn read_from<R: std::io::Read>(
        r: R,
        len: u64,
        docs: &[Arc<Document>],
    ) -> Option<Index> {
        let wanted = |h: &Header| h.docs == docs.len() as u64 && *h == Header::of(docs);
        read_parts(r, len, wanted)?.1.into_index(docs)
    }
}

/// Whether a header is that of an index of documents at `paths`.
fn for_paths(h: &Header, paths: &[&str]) -> bool {
    let cwd = std::env::current_dir().unwrap_or_default();
    h.docs == paths.len() as u64 && h.paths == paths_key(paths.iter().copied(), &cwd)
}

#[cfg(test)]
mod tests;
