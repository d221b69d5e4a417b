//! Packs: the entries of every document of one set of opened folders, in one file
//! (`<cache dir>/packs/<hash of the folders>.bin`). A warm start on 20,000 reports then reads
//! one file by positioned reads instead of opening 20,000 entry files, and a cold start
//! creates one file instead of 20,000 (creating them was a tenth of a cold load's CPU time,
//! more when the file system had just deleted as many).
//!
//! Layout: [`PACK_MAGIC`] and the cache version; the entries one after another, each exactly
//! the bytes of an entry file (magic, version, checksum, body: checked as such on reading);
//! the table (postcard: each entry's key, offset and length); and a footer: the table's
//! offset, length and checksum, then [`PACK_END`].
//!
//! A pack is only ever written whole and renamed into place. While documents load, entries
//! that did not come from the pack (a new or changed file, a first load) are appended to a
//! temporary file; when the load ends ([`Pack::finish`]), if anything was appended or an
//! entry of the old pack went unused (its file was removed), the entries still in use are
//! copied from the old pack after the new ones, the table and footer are written and the
//! file replaces the old pack. A load where every document came from the pack writes
//! nothing. Two readers loading the same folders at once each write a whole pack; the last
//! rename wins, and either is valid.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use super::{content_hash, prune, CACHE_VERSION};

/// The start of every pack.
const PACK_MAGIC: &[u8; 8] = b"gongwenP";
/// The end of every pack (after the footer's numbers).
const PACK_END: &[u8; 8] = b"gwpack\x00\x01";
/// Header: magic and version.
const HEADER: u64 = 12;
/// Footer: table offset, table length, table checksum, end mark.
const FOOTER: u64 = 32;
/// Temporary files of loads that never finished (a reader killed while loading) older than
/// this are removed when a pack is opened.
const STALE_TEMP: Duration = Duration::from_secs(600);

/// The pack of one load of a set of folders; shared by the loader threads (`Sync`).
#[derive(Debug, Default)]
pub struct Pack {
    /// Where the pack lives; `None`: no pack (the cache is disabled, or a single file is
    /// loaded on its own), and entries go to their own files as before.
    path: Option<PathBuf>,
    /// The pack as found when the load began.
    old: Option<Old>,
    /// Entries appended during this load.
    out: Mutex<Out>,
}

#[derive(Debug)]
struct Old {
    file: fs::File,
    /// Each key's slot.
    index: HashMap<String, usize>,
    slots: Vec<Slot>,
}

#[derive(Debug)]
struct Slot {
    offset: u64,
    len: u32,
    /// The entry gave a document in this load (it goes into the next pack).
    used: AtomicBool,
}

#[derive(Debug, Default)]
struct Out {
    /// The temporary file and its name, once something was appended.
    file: Option<(PathBuf, BufWriter<fs::File>)>,
    /// Bytes written so far (the header included).
    len: u64,
    /// Key, offset and length of each entry written.
    table: Vec<(String, u64, u32)>,
    /// A write failed: the pack is not replaced.
    failed: Option<String>,
}

impl Pack {
    /// No pack: every entry is its own file.
    pub fn none() -> Pack {
        Pack::default()
    }

    /// The pack of the folders `roots` in the cache at `dir`, with the entries it holds
    /// (none when it is missing, of another version, cut or corrupt).
    pub fn open(dir: &Path, roots: &[PathBuf]) -> Pack {
        let folder = dir.join("packs");
        remove_stale_temps(&folder);
        let mut key = format!("{CACHE_VERSION}\0{}", env!("CARGO_PKG_VERSION"));
        for r in roots {
            let abs = std::path::absolute(r).unwrap_or_else(|_| r.clone());
            key.push('\0');
            key.push_str(&abs.to_string_lossy());
        }
        let name = format!("{:032x}.bin", xxhash_rust::xxh3::xxh3_128(key.as_bytes()));
        let path = folder.join(name);
        let old = read_old(&path);
        Pack { path: Some(path), old, out: Mutex::default() }
    }

    /// Whether entries go to this pack (else to their own files).
    pub fn is_active(&self) -> bool {
        self.path.is_some()
    }

    /// The bytes of the entry kept under `key`, and its slot for [`Pack::used`].
    pub fn get(&self, key: &str) -> Option<(usize, Vec<u8>)> {
        let old = self.old.as_ref()?;
        let slot = *old.index.get(key)?;
        let s = &old.slots[slot];
        let mut bytes = vec![0; s.len as usize];
        old.file.read_exact_at(&mut bytes, s.offset).ok()?;
        Some((slot, bytes))
    }

    /// Records that the entry in `slot` gave a document: it is kept in the next pack.
    pub fn used(&self, slot: usize) {
        if let Some(s) = self.old.as_ref().and_then(|o| o.slots.get(slot)) {
            s.used.store(true, Ordering::Relaxed);
        }
    }

    /// Adds an entry (the bytes of an entry file) under `key` to the next pack.
    pub fn append(&self, key: &str, bytes: &[u8]) {
        let Some(path) = &self.path else { return };
        let mut out = self.out.lock().unwrap_or_else(|e| e.into_inner());
        if out.failed.is_some() {
            return;
        }
        if let Err(e) = out.append(path, key, bytes) {
            out.failed = Some(e.to_string());
        }
    }

    /// Ends the load: writes the new pack when it differs from the old one (see the module
    /// documentation). An error leaves the old pack in place.
    pub fn finish(self) -> Result<(), String> {
        let Some(path) = self.path else { return Ok(()) };
        let mut out = self.out.into_inner().unwrap_or_else(|e| e.into_inner());
        let unused = self
            .old
            .as_ref()
            .is_some_and(|o| o.slots.iter().any(|s| !s.used.load(Ordering::Relaxed)));
        let result = match (&out.failed, out.table.is_empty() && !unused) {
            (Some(e), _) => Err(e.clone()),
            (None, true) => Ok(()),
            (None, false) => out.complete(&path, self.old.as_ref()).map_err(|e| e.to_string()),
        };
        if result.is_err() {
            if let Some((tmp, _)) = out.file.take() {
                let _ = fs::remove_file(tmp);
            }
        }
        result.map_err(|e| format!("cannot write the cache: {e}"))
    }
}

impl Out {
    fn append(&mut self, path: &Path, key: &str, bytes: &[u8]) -> io::Result<()> {
        if self.file.is_none() {
            let tmp = temp_name(path);
            if let Some(dir) = tmp.parent() {
                fs::create_dir_all(dir)?;
            }
            let mut w = BufWriter::with_capacity(1 << 20, fs::File::create(&tmp)?);
            w.write_all(PACK_MAGIC)?;
            w.write_all(&CACHE_VERSION.to_le_bytes())?;
            self.len = HEADER;
            self.file = Some((tmp, w));
        }
        let Some((_, w)) = self.file.as_mut() else { return Ok(()) };
        let len = u32::try_from(bytes.len()).map_err(io::Error::other)?;
        w.write_all(bytes)?;
        self.table.push((key.to_owned(), self.len, len));
        self.len += u64::from(len);
        Ok(())
    }

    /// Copies the used entries of `old`, writes table and footer, renames into place.
    fn complete(&mut self, path: &Path, old: Option<&Old>) -> io::Result<()> {
        if let Some(old) = old {
            let mut keys: Vec<(&String, &usize)> = old.index.iter().collect();
            // In file order: the old pack is read front to back.
            keys.sort_by_key(|(_, &slot)| old.slots[slot].offset);
            let mut bytes = Vec::new();
            for (key, &slot) in keys {
                let s = &old.slots[slot];
                if !s.used.load(Ordering::Relaxed) {
                    continue;
                }
                bytes.resize(s.len as usize, 0);
                old.file.read_exact_at(&mut bytes, s.offset)?;
                self.append(path, key, &bytes)?;
            }
        }
        if self.file.is_none() {
            // Nothing to keep: an empty pack (only the old one's unused entries were left).
            self.append(path, "", &[])?;
            self.table.clear();
        }
        let table = postcard::to_stdvec(&self.table).map_err(io::Error::other)?;
        let Some((tmp, mut w)) = self.file.take() else { return Ok(()) };
        w.write_all(&table)?;
        w.write_all(&self.len.to_le_bytes())?;
        w.write_all(&(table.len() as u64).to_le_bytes())?;
        w.write_all(&content_hash(&table).to_le_bytes())?;
        w.write_all(PACK_END)?;
        w.flush()?;
        drop(w);
        fs::rename(&tmp, path).inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
    }
}

/// The pack at `path` with its table, or `None` when it does not check out.
fn read_old(path: &Path) -> Option<Old> {
    let file = fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    let len = meta.len();
    if len < HEADER + FOOTER {
        return None;
    }
    let mut head = [0u8; HEADER as usize];
    file.read_exact_at(&mut head, 0).ok()?;
    if &head[..8] != PACK_MAGIC || head[8..] != CACHE_VERSION.to_le_bytes() {
        return None;
    }
    let mut foot = [0u8; FOOTER as usize];
    file.read_exact_at(&mut foot, len - FOOTER).ok()?;
    let num = |i: usize| u64::from_le_bytes(foot[i * 8..i * 8 + 8].try_into().unwrap_or_default());
    let (at, table_len, checksum) = (num(0), num(1), num(2));
    if &foot[24..] != PACK_END || at < HEADER || at.checked_add(table_len)? != len - FOOTER {
        return None;
    }
    let mut table = vec![0; usize::try_from(table_len).ok()?];
    file.read_exact_at(&mut table, at).ok()?;
    if content_hash(&table) != checksum {
        return None;
    }
    let rows: Vec<(String, u64, u32)> = postcard::from_bytes(&table).ok()?;
    let mut index = HashMap::with_capacity(rows.len());
    let mut slots = Vec::with_capacity(rows.len());
    for (key, offset, len) in rows {
        if offset < HEADER || offset.checked_add(u64::from(len))? > at {
            return None;
        }
        index.insert(key, slots.len());
        slots.push(Slot { offset, len, used: AtomicBool::new(false) });
    }
    prune::touch_if_old(&file, &meta);
    Some(Old { file, index, slots })
}

/// A temporary name beside `path`, unique in this process.
fn temp_name(path: &Path) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.tmp.{}.{n}", std::process::id()))
}

/// Removes temporary packs of loads that never finished, once they are [`STALE_TEMP`] old.
fn remove_stale_temps(folder: &Path) {
    let now = SystemTime::now();
    for e in fs::read_dir(folder).into_iter().flatten().flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let stale = e
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok());
        if name.starts_with('.')
            && name.contains(".bin.tmp.")
            && stale.is_some_and(|a| a > STALE_TEMP)
        {
            let _ = fs::remove_file(e.path());
        }
    }
}
