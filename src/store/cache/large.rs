//! Large files of derived data (the search index: hundreds of megabytes for a big folder):
//! streamed to disk rather than built in memory first, a handful per folder, the newest kept.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::{atomic, Cache};

/// Temporary files of interrupted large writes older than this are removed when pruning.
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(600);

impl Cache {
    /// The large file kept under `key` in `folder` (see [`Cache::write_large`]), open for
    /// reading, with its length; `None` when there is none or the cache is disabled.
    pub fn read_large(&self, folder: &str, key: &str) -> Option<(fs::File, u64)> {
        let file = fs::File::open(large_path(self.dir.as_ref()?, folder, key)).ok()?;
        let len = file.metadata().ok()?.len();
        Some((file, len))
    }

    /// Keeps a large file under `key` in `folder` (`<cache dir>/<folder>/<hash of key>.bin`),
    /// streamed by `write` into a buffered temporary file and renamed into place (the caller
    /// versions and checks its own contents: nothing is added around them). Then only the
    /// `keep` most recently written files of the folder are kept, and temporary files left by
    /// interrupted writes (a reader killed while writing) are removed after ten minutes. Does
    /// nothing when the cache is disabled.
    pub fn write_large<F>(
        &self,
        folder: &str,
        key: &str,
        keep: usize,
        write: F,
    ) -> Result<(), String>
    where
        F: FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    {
        let Some(dir) = &self.dir else { return Ok(()) };
        let file = large_path(dir, folder, key);
        atomic::write_fast_with(&file, write)
            .map_err(|e| format!("cannot write the cache: {e}"))?;
        keep_newest(&dir.join(folder), keep);
        Ok(())
    }
}

/// `<dir>/<folder>/<32 hex>.bin`, from a 128-bit hash of the key (a handful of files: flat).
fn large_path(dir: &Path, folder: &str, key: &str) -> PathBuf {
    dir.join(folder).join(format!("{:032x}.bin", xxhash_rust::xxh3::xxh3_128(key.as_bytes())))
}

/// Removes all but the `keep` newest `.bin` files of `folder`, and stale temporary files.
fn keep_newest(folder: &Path, keep: usize) {
    let Ok(entries) = fs::read_dir(folder) else { return };
    let mut kept = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        let Ok(meta) = e.metadata() else { continue };
        let modified = meta.modified().unwrap_or(UNIX_EPOCH);
        let name = e.file_name().to_string_lossy().into_owned();
        if !meta.is_file() {
            continue;
        } else if name.starts_with('.') && name.contains(".tmp.") {
            if modified.elapsed().is_ok_and(|age| age > STALE_TEMP) {
                let _ = fs::remove_file(&path);
            }
        } else if name.ends_with(".bin") {
            kept.push((modified, path));
        }
    }
    kept.sort_by_key(|k| std::cmp::Reverse(k.0));
    for (_, path) in kept.into_iter().skip(keep) {
        let _ = fs::remove_file(path);
    }
}
