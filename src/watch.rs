//! Watching the opened folders for documents added, changed or removed while the reader runs.
//!
//! [`Watcher::spawn`] watches the paths the user opened (folders recursively, files by
//! themselves) with the platform's notification API (the `notify` crate), debounces the burst
//! of raw events a save makes into one per file ([`DEBOUNCE`]), and sends [`WatchEvent`]s for
//! document files only: the loader's extensions (`.txt .text .htm .html .md`) in folders,
//! hidden names skipped (editors' swap files, our own temporary files), and any file that was
//! opened by name.
//!
//! Whether a path was added, changed or removed is decided by looking at the disk against the
//! set of document files known so far, not from the raw event kinds, which differ between
//! platforms and editors (an editor that saves by renaming a temporary file over the original
//! makes a "create" that is really a change). A folder moved in brings its documents as
//! `Added`; a folder removed takes its documents as `Removed`.
//!
//! The watching thread ends when the receiver is dropped (noticed at the next event) or when
//! the [`Watcher`] is dropped.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::time::Duration;
use std::time::SystemTime;

use notify::RecursiveMode;
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, DebouncedEventKind, Debouncer};

/// How long a file must be quiet before its change is reported.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

pub use crate::doc::load::walk::EXTENSIONS;

/// A change to a document file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchEvent {
    /// A new document file appeared.
    Added(PathBuf),
    /// A known document file was written to.
    Changed(PathBuf),
    /// A known document file is gone (deleted or moved away).
    Removed(PathBuf),
    /// Watching a path failed, or the platform reported a problem; the text is for the user.
    Error(String),
}

/// What a load read and when it started, for a watch that starts once the load is over (so
/// that the load's own reads of thousands of files do not each make a watch event): the
/// watch first reports what changed since.
#[derive(Debug, Clone)]
pub struct Baseline {
    /// When the load started.
    pub since: SystemTime,
    /// The files it read, as it named them (the form events use).
    pub files: Vec<PathBuf>,
}

/// A running watch; dropping it stops watching.
pub struct Watcher {
    _debouncer: Debouncer<notify::RecommendedWatcher>,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watcher")
    }
}

impl Watcher {
    /// Starts watching `paths` (folders recursively, files by themselves) and sends their
    /// changes to `tx` from a background thread. A path that cannot be watched is reported as a
    /// [`WatchEvent::Error`] and the others are still watched; `Err` only when the platform's
    /// watching cannot start at all. `T` is any event type a [`WatchEvent`] converts into, so
    /// the reader's own event channel can be passed.
    pub fn spawn<T>(paths: &[PathBuf], tx: Sender<T>) -> Result<Watcher, String>
    where
        T: From<WatchEvent> + Send + 'static,
    {
        Watcher::spawn_after(paths, tx, None)
    }

    /// [`Watcher::spawn`] once a load of `paths` is over: first reports the documents added,
    /// changed or removed since the load started ([`Baseline`]), then watches.
    pub fn spawn_after<T>(
        paths: &[PathBuf],
        tx: Sender<T>,
        baseline: Option<Baseline>,
    ) -> Result<Watcher, String>
    where
        T: From<WatchEvent> + Send + 'static,
    {
        let (raw_tx, raw_rx) = mpsc::channel::<DebounceEventResult>();
        let mut debouncer = new_debouncer(DEBOUNCE, raw_tx)
            .map_err(|e| format!("cannot watch for changes: {e}"))?;
        let mut roots = Vec::new();
        let mut problems = Vec::new();
        for p in paths {
            let root = Root::new(p);
            // A file is watched through its folder: an editor that saves by renaming a new
            // file over the old one would otherwise end a watch on the old file.
            let (target, mode) = match root.watched.parent() {
                Some(parent) if root.is_file => (parent, RecursiveMode::NonRecursive),
                _ => (root.watched.as_path(), RecursiveMode::Recursive),
            };
            match debouncer.watcher().watch(target, mode) {
                Ok(()) => roots.push(root),
                Err(e) => problems.push(format!("{}: cannot watch for changes ({e})", p.display())),
            }
        }
        // The files there now (after the watch started, so that nothing changes unseen).
        let (mut found, mut dirs) = (Vec::new(), HashSet::new());
        for root in &roots {
            scan(&root.watched, root, &mut found, &mut dirs);
        }
        let known = found
            .into_iter()
            .map(|f| {
                let s = stamp_of(&f);
                (f, s)
            })
            .collect();
        std::thread::Builder::new()
            .name("gongwen-watch".into())
            .spawn(move || {
                let send = |e: WatchEvent| tx.send(T::from(e)).is_ok();
                if !problems.into_iter().all(|p| send(WatchEvent::Error(p))) {
                    return;
                }
                let mut state = State { roots, known, dirs };
                let missed = baseline.map(|b| state.since(b)).unwrap_or_default();
                if !missed.into_iter().all(send) {
                    return;
                }
                // Ends when the debouncer is dropped (its sender goes) or the receiver is gone.
                for batch in raw_rx {
                    let events = match batch {
                        // `AnyContinuous` comes while a path is still busy (and, from the way the
                        // debouncer times its first tick, for most multi-write saves); the `Any`
                        // after it marks the end, so only that one is reported.
                        Ok(batch) => state.apply(
                            batch
                                .into_iter()
                                .filter(|e| e.kind == DebouncedEventKind::Any)
                                .map(|e| e.path),
                        ),
                        Err(e) => vec![WatchEvent::Error(format!("watching for changes: {e}"))],
                    };
                    if !events.into_iter().all(send) {
                        return;
                    }
                }
            })
            .map_err(|e| format!("cannot start watching: {e}"))?;
        Ok(Watcher { _debouncer: debouncer })
    }
}

/// One opened path.
struct Root {
    /// As the user gave it: events are reported in this form (`reports/a.txt`), the form the
    /// loader gives documents, so the reader can match them.
    given: PathBuf,
    /// The canonical form, which is what is watched and what the platform reports.
    watched: PathBuf,
    /// A file opened by name counts whatever its extension.
    is_file: bool,
}

impl Root {
    fn new(path: &Path) -> Root {
        let watched = std::fs::canonicalize(path)
            .or_else(|_| std::path::absolute(path))
            .unwrap_or_else(|_| path.to_path_buf());
        Root { given: path.to_path_buf(), is_file: watched.is_file(), watched }
    }

    /// `path` (under `watched`) in the form of `given`.
    fn shown(&self, path: &Path) -> PathBuf {
        match path.strip_prefix(&self.watched) {
            Ok(rel) if rel.as_os_str().is_empty() => self.given.clone(),
            Ok(rel) => self.given.join(rel),
            Err(_) => path.to_path_buf(),
        }
    }
}

/// The roots and the document files known under them.
struct State {
    roots: Vec<Root>,
    /// Every document file under the roots, with its size and modification time when last
    /// seen: opening or reading a file (the loader does, at start) also makes the system
    /// report it, and only a new stamp is a change.
    known: HashMap<PathBuf, Stamp>,
    /// Every folder under the roots: the system also reports a folder when it is only listed
    /// (the loader does, at start), and only a new folder is scanned for documents.
    dirs: HashSet<PathBuf>,
}

/// Size and modification time of a file.
type Stamp = Option<(u64, SystemTime)>;

fn stamp(meta: &std::fs::Metadata) -> Stamp {
    Some((meta.len(), meta.modified().ok()?))
}

fn stamp_of(path: &Path) -> Stamp {
    stamp(&std::fs::metadata(path).ok()?)
}

impl State {
    /// The documents added, changed or removed since the load of `baseline`.
    fn since(&self, baseline: Baseline) -> Vec<WatchEvent> {
        let read: HashSet<PathBuf> = baseline.files.into_iter().collect();
        let mut known: Vec<(&PathBuf, &Stamp)> = self.known.iter().collect();
        known.sort();
        let mut present = HashSet::new();
        let mut events = Vec::new();
        for (file, stamp) in known {
            let Some(root) = self.roots.iter().find(|r| file.starts_with(&r.watched)) else {
                continue;
            };
            let shown = root.shown(file);
            if !read.contains(&shown) {
                events.push(WatchEvent::Added(shown.clone()));
            } else if stamp.is_some_and(|(_, modified)| modified >= baseline.since) {
                events.push(WatchEvent::Changed(shown.clone()));
            }
            present.insert(shown);
        }
        // Only what is really gone: the load may have read files a watch does not count.
        let mut gone: Vec<PathBuf> =
            read.into_iter().filter(|f| !present.contains(f) && !f.exists()).collect();
        gone.sort();
        events.extend(gone.into_iter().map(WatchEvent::Removed));
        events
    }

    /// Turns the debounced paths into events, updating the known set.
    fn apply(&mut self, paths: impl Iterator<Item = PathBuf>) -> Vec<WatchEvent> {
        let mut paths: Vec<PathBuf> = paths.collect();
        paths.sort();
        paths.dedup();
        let mut events = Vec::new();
        for path in paths {
            let Some(root) = self.roots.iter().find(|r| path.starts_with(&r.watched)) else {
                continue;
            };
            // One `stat` per path: at start the loader's reads of every file come through here.
            let meta = std::fs::metadata(&path).ok();
            if meta.as_ref().is_some_and(std::fs::Metadata::is_dir) {
                // A folder appeared (moved in, or created with files): its new documents.
                if self.dirs.contains(&path) {
                    continue;
                }
                let mut found = Vec::new();
                scan(&path, root, &mut found, &mut self.dirs);
                found.sort();
                for f in found {
                    if !self.known.contains_key(&f) {
                        let s = stamp_of(&f);
                        self.known.insert(f.clone(), s);
                        events.push(WatchEvent::Added(root.shown(&f)));
                    }
                }
            } else if let Some(meta) = meta.filter(std::fs::Metadata::is_file) {
                if !is_document(&path, root) {
                    continue;
                }
                let now = stamp(&meta);
                match self.known.insert(path.clone(), now) {
                    None => events.push(WatchEvent::Added(root.shown(&path))),
                    Some(before) if before != now => {
                        events.push(WatchEvent::Changed(root.shown(&path)));
                    }
                    Some(_) => {} // only read (the loader, an editor): not a change
                }
            } else {
                // Gone: the file itself, or a folder with everything known under it.
                let mut gone: Vec<PathBuf> =
                    self.known.keys().filter(|k| k.starts_with(&path)).cloned().collect();
                gone.sort();
                self.dirs.retain(|d| !d.starts_with(&path));
                for g in gone {
                    self.known.remove(&g);
                    events.push(WatchEvent::Removed(root.shown(&g)));
                }
            }
        }
        events
    }
}

/// Whether `path` under `root` is a document file to report.
fn is_document(path: &Path, root: &Root) -> bool {
    if root.is_file {
        return path == root.watched;
    }
    let hidden = path
        .strip_prefix(&root.watched)
        .map(|rel| rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.')))
        .unwrap_or(true);
    !hidden && crate::doc::load::walk::is_document(path)
}

/// Adds the document files at or under `path` to `found`, and the folders to `dirs`.
fn scan(path: &Path, root: &Root, found: &mut Vec<PathBuf>, dirs: &mut HashSet<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(path) else {
        if path.is_file() && is_document(path, root) {
            found.push(path.to_path_buf());
        }
        return;
    };
    dirs.insert(path.to_path_buf());
    for entry in entries.flatten() {
        let p = entry.path();
        // Symbolic links to folders are not followed here: the loader reports loops, not us.
        match entry.file_type() {
            Ok(t) if t.is_dir() => scan(&p, root, found, dirs),
            // A `stat` only for links (to a file or not): thousands of plain files need none.
            Ok(t) if (t.is_file() || (t.is_symlink() && p.is_file())) && is_document(&p, root) => {
                found.push(p);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
