//! Keeping the cache from growing without bound: entries of files that were deleted, moved or
//! are no longer opened would otherwise stay forever.
//!
//! The policy is "unused for [`MAX_AGE`]": an entry's modification time is the last time it was
//! written or used; a hit on an entry older than [`REFRESH_AGE`] sets it to now (one syscall
//! per entry a month, not one per hit). Once a day at most ([`PRUNE_EVERY`], recorded in the
//! time of a `pruned` stamp file), a run removes the entries older than [`MAX_AGE`], on a
//! thread of its own so that no start waits for it. An entry of a file that still exists but
//! was not opened for two months costs one parse when it is opened again.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Entries unused for longer are removed.
pub const MAX_AGE: Duration = Duration::from_secs(60 * 24 * 3600);
/// A hit on an entry older than this marks it used.
pub const REFRESH_AGE: Duration = Duration::from_secs(30 * 24 * 3600);
/// Pruning runs at most this often.
pub const PRUNE_EVERY: Duration = Duration::from_secs(24 * 3600);

/// How old a file's modification time is (zero for a time in the future).
fn age(meta: &fs::Metadata, now: SystemTime) -> Duration {
    meta.modified().ok().and_then(|t| now.duration_since(t).ok()).unwrap_or_default()
}

/// Marks the entry open as `file` (with metadata `meta`) as used now, if it is old enough for
/// that to matter. Failures are ignored: at worst the entry is pruned and rebuilt.
pub fn touch_if_old(file: &fs::File, meta: &fs::Metadata) {
    let now = SystemTime::now();
    if age(meta, now) > REFRESH_AGE {
        let _ = file.set_modified(now);
    }
}

/// Whether pruning is due in the cache at `dir`; if so, records that it runs now.
pub fn due(dir: &Path, now: SystemTime) -> bool {
    let stamp = dir.join("pruned");
    match fs::metadata(&stamp) {
        Ok(meta) if age(&meta, now) < PRUNE_EVERY => false,
        // A missing stamp: a new cache, nothing old in it yet; start the clock.
        Err(_) => {
            let _ = fs::create_dir_all(dir).and_then(|()| fs::write(&stamp, b""));
            false
        }
        Ok(_) => {
            fs::File::options().write(true).open(&stamp).and_then(|f| f.set_modified(now)).is_ok()
        }
    }
}

/// Removes the document entries (`*.bin` under `dir/docs`) and the packs (`dir/packs`)
/// unused for longer than `max_age`, and temporary files left by an interrupted write; the
/// number removed.
pub fn prune(dir: &Path, max_age: Duration, now: SystemTime) -> usize {
    let entries = fs::read_dir(dir.join("docs"))
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|sub| fs::read_dir(sub.path()).into_iter().flatten().flatten());
    let packs = fs::read_dir(dir.join("packs")).into_iter().flatten().flatten();
    let mut removed = 0;
    for entry in entries.chain(packs) {
        let path = entry.path();
        // Only what the cache writes: `<hex>.bin` and its temporary `.<hex>.bin.tmp.…`.
        let ours = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
            let n = n.strip_prefix('.').unwrap_or(n);
            n.chars().next().is_some_and(|c| c.is_ascii_hexdigit()) && n.contains(".bin")
        });
        let old = entry.metadata().is_ok_and(|m| m.is_file() && age(&m, now) > max_age);
        if ours && old && fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Prunes the cache at `dir` on a background thread when it is due.
pub fn in_background(dir: &Path) {
    if due(dir, SystemTime::now()) {
        let dir = dir.to_path_buf();
        let _ = std::thread::Builder::new()
            .name("cache-prune".into())
            .spawn(move || prune(&dir, MAX_AGE, SystemTime::now()));
    }
}
