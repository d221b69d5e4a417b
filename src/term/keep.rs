//! The loop's effects for remembered places and watching: reading and saving the places file,
//! keying loaded documents, and turning the watcher's events into loaded documents. The app
//! stays pure; this is where its requests meet the disk.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use super::Msg;
use crate::app::App;
use crate::doc::{self, Document};
use crate::search::{Index, Origin};
use crate::store::{Cache, DocKey, Places};
use crate::watch::{WatchEvent, Watcher};

impl From<WatchEvent> for Msg {
    fn from(e: WatchEvent) -> Msg {
        Msg::Watch(e)
    }
}

/// Loaded documents with their keys (computed off the loop's thread).
pub(super) fn loaded(docs: Vec<Arc<Document>>, bundled: bool) -> Msg {
    Msg::Loaded(
        docs.into_iter()
            .map(|d| {
                let key = DocKey::of(&d, bundled);
                (d, key)
            })
            .collect(),
    )
}

/// Reads the places under the state directory into the app. Without a state directory
/// nothing is remembered (said once in the messages).
pub(super) fn open_places(app: &mut App) {
    match Places::default_dir() {
        Some(dir) => {
            let (places, messages) = Places::open(&dir);
            app.finder.history = places.history().to_vec();
            app.set_places(places, messages);
        }
        None => app.messages.push(crate::ui::strings::NO_STATE_DIR.to_string()),
    }
}

/// Saves the places; a failure is a message, never fatal.
pub(super) fn save(app: &mut App) -> Result<(), String> {
    if app.places.store.file().as_os_str().is_empty() {
        return Ok(()); // no state directory
    }
    app.places.store.save()
}

/// Watching the opened paths; dropping it stops.
pub(super) struct Watching {
    _stop: Sender<()>,
}

/// Watches the opened paths (none for the bundled samples) from when the loader has read them
/// all (`loaded` says what it read) and their index is in use (`indexed` is closed): watching
/// while it reads made an event of each read, a second's work for 20,000 reports, and listing
/// and stamping them at the start of the watch would take a core from the index, which a
/// warm start attaches right after loading. The watch then reports what changed meanwhile. On
/// a thread of its own: listing and stamping a big folder must not hold up the screen.
/// Watching lasts until the returned handle is dropped; a failure to start arrives as a
/// message.
pub(super) fn watch(
    paths: &[PathBuf],
    tx: Sender<Msg>,
    loaded: std::sync::mpsc::Receiver<crate::watch::Baseline>,
    indexed: std::sync::mpsc::Receiver<()>,
) -> Option<Watching> {
    if paths.is_empty() {
        return None;
    }
    let (stop_tx, stop_rx) = std::sync::mpsc::channel::<()>();
    let paths = paths.to_vec();
    let spawned = thread::Builder::new().name("gongwen-watch-start".into()).spawn(move || {
        // No baseline: the loader stopped early (the reader quit).
        let Ok(baseline) = loaded.recv() else { return };
        // Nothing is ever sent: it closes once the index is in use (or its thread ended).
        while indexed.recv().is_ok() {}
        match Watcher::spawn_after(&paths, tx.clone(), Some(baseline)) {
            // Kept until the reader drops its handle (the receive then fails).
            Ok(_watcher) => while stop_rx.recv().is_ok() {},
            Err(e) => drop(tx.send(Msg::from(WatchEvent::Error(e)))),
        }
    });
    spawned.ok().map(|_| Watching { _stop: stop_tx })
}

/// Applies one watch event: added and changed files are loaded in the background (they come
/// back as [`Msg::Reloaded`]); a removed one leaves the reader at once.
pub(super) fn on_watch(app: &mut App, event: WatchEvent, tx: &Sender<Msg>) {
    match event {
        WatchEvent::Added(path) | WatchEvent::Changed(path) => {
            let tx = tx.clone();
            // On the shared pool: a burst of changes (a checkout, a sync) is not a thread each.
            rayon::spawn(move || {
                let msg = match doc::load::load_file(&path) {
                    Ok(d) => {
                        let key = DocKey::of(&d, false);
                        Msg::Reloaded(Arc::new(d), key)
                    }
                    Err(e) => Msg::Watch(WatchEvent::Error(e.to_string())),
                };
                let _ = tx.send(msg);
            });
        }
        WatchEvent::Removed(path) => app.remove_document(&path.display().to_string()),
        WatchEvent::Error(e) => app.messages.push(e),
    }
}

/// The cache as the reader's indexing threads use it: they count the index writes in flight,
/// so that quitting can let one finish (a reader closed soon after its index was built still
/// leaves it for the next start).
#[derive(Clone)]
pub(super) struct IndexCache {
    cache: Arc<Cache>,
    writing: Arc<AtomicUsize>,
}

impl IndexCache {
    pub(super) fn new(cache: Cache) -> Self {
        IndexCache { cache: Arc::new(cache), writing: Arc::default() }
    }

    /// The cache itself (documents load through it too).
    pub(super) fn cache(&self) -> &Cache {
        &self.cache
    }

    /// Stores a built index; a failed write only costs the next start a rebuild.
    pub(super) fn store(&self, index: &Index) {
        if index.is_empty() {
            return;
        }
        self.writing.fetch_add(1, Ordering::SeqCst);
        let _ = index.store(&self.cache);
        self.writing.fetch_sub(1, Ordering::SeqCst);
    }

    /// Waits up to `limit` for index writes in flight, saying so when it takes a moment. An
    /// abandoned write leaves a temporary file, which the next write removes later.
    pub(super) fn finish_writes(&self, limit: Duration) {
        let start = Instant::now();
        let mut said = false;
        while self.writing.load(Ordering::SeqCst) > 0 && start.elapsed() < limit {
            if !said && start.elapsed() > Duration::from_millis(300) {
                eprintln!("gongwen: {}", crate::ui::strings::SAVING_INDEX);
                said = true;
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Sends the index of `docs` to the loop, from the cache or built, then calls `sent`; a
    /// built index is then stored, after it is in use. `false` once the loop is gone.
    pub(super) fn index_and_store(
        &self,
        docs: &[Arc<Document>],
        tx: &Sender<Msg>,
        sent: impl FnOnce(),
    ) -> bool {
        let (index, origin) = Index::load_or_build(docs, &self.cache);
        let index = Arc::new(index);
        if tx.send(Msg::Indexed(Arc::clone(&index))).is_err() {
            return false;
        }
        sent();
        if origin == Origin::Built {
            self.store(&index);
        }
        true
    }
}

/// Rebuilds the search index after the watcher changed the documents, on one thread of its
/// own; a burst of changes builds once, for the newest set of documents, not once per file.
/// The index arrives as [`Msg::Indexed`] like the loader's, and is stored like it: the next
/// start on the changed folder finds it (a file whose time changed but not its text even
/// finds the index in the cache here).
pub(super) struct Reindexer(Sender<Vec<Arc<Document>>>);

impl Reindexer {
    /// Starts the thread; it ends when the reindexer is dropped.
    pub(super) fn spawn(tx: Sender<Msg>, cache: IndexCache) -> Reindexer {
        let (docs_tx, docs_rx) = std::sync::mpsc::channel::<Vec<Arc<Document>>>();
        thread::spawn(move || {
            while let Ok(mut docs) = docs_rx.recv() {
                while let Ok(newer) = docs_rx.try_recv() {
                    docs = newer;
                }
                if !cache.index_and_store(&docs, &tx, || {}) {
                    return;
                }
            }
        });
        Reindexer(docs_tx)
    }

    /// Asks for an index of the app's documents as they are now.
    pub(super) fn request(&self, app: &App) {
        let _ = self.0.send(app.docs.clone());
    }
}
