//! The only code that owns the terminal: guard, panic hook, event loop, background loading.
//!
//! One channel feeds the loop: the input thread (crossterm events), the loader thread
//! (documents parsed in the background, in order, with a progress count, then the search
//! index built from them) and the search worker's results. The loop blocks on it and redraws
//! only after something arrived, so an idle reader uses no CPU and never waits for a search.
//! Threads end when their channel closes.
//!
//! The finder's query line is a `tui-textarea` owned here (it speaks crossterm): keys the
//! finder does not bind edit it, and its text and caret go to the pure app state
//! ([`crate::app::finder`] explains the split).
//!
//! Remembered places (positions, bookmarks, the finder's history) are read before the first
//! document arrives and saved on quit and when a bookmark changes; the opened folders are
//! watched for changes ([`keep`]).

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Stdout};
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use anyhow::Context as _;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use tui_textarea::TextArea;

mod event_loop;
mod keep;

use crate::app::{Action, App};
use crate::doc::{self, Document, LoadError};
use crate::search::{DocsKey, Index, Prefetched, Results};
use crate::store::{Cache, DocKey};
use crate::ui::{self, keymap, Theme};
use crate::watch::WatchEvent;

/// What the reader is opened with.
#[derive(Debug, Clone, Default)]
pub struct ReaderOptions {
    /// Files and folders to load; empty: the bundled samples.
    pub paths: Vec<PathBuf>,
    /// `--theme NAME|PATH`.
    pub theme: Option<String>,
    /// `--no-mouse`.
    pub no_mouse: bool,
    /// `--no-cache`: load without the cache of parsed documents
    /// (`store::Cache::for_run(no_cache)` gives the cache to load through).
    pub no_cache: bool,
}

/// Everything the loop waits for.
enum Msg {
    /// A terminal event.
    Input(Event),
    /// The input reader failed (the terminal is gone).
    InputFailed(io::Error),
    /// The loader found this many paths.
    Found(usize),
    /// Documents loaded (in load order), each with its key for remembered places: as many as
    /// were ready, so that 20,000 documents are not 20,000 wake-ups of the loop.
    Loaded(Vec<(Arc<Document>, DocKey)>),
    /// A watched file loaded again (changed or added).
    Reloaded(Arc<Document>, DocKey),
    /// The watcher saw a change.
    Watch(WatchEvent),
    /// One path failed.
    Failed(LoadError),
    /// The loader is done.
    Done,
    /// The search index over the loaded documents is built.
    Indexed(Arc<Index>),
    /// The search worker answered.
    Results(Results),
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT: leave as if the user quit.
    Signal,
}

/// Runs the reader until the user quits. The last thing a process does: what was loaded is
/// left to the process's exit, not freed.
pub fn run(opts: ReaderOptions) -> anyhow::Result<()> {
    // A bad theme is an error before the screen is touched.
    let theme = Theme::from_env(opts.theme.as_deref())?;
    if !io::stdout().is_terminal() {
        anyhow::bail!("{}", ui::strings::NOT_A_TERMINAL);
    }
    let (tx, rx) = mpsc::channel();
    let cache = keep::IndexCache::new(Cache::for_run(opts.no_cache));
    let (loaded_tx, loaded_rx) = mpsc::channel();
    let (indexed_tx, indexed_rx) = mpsc::channel();
    spawn_loader(opts.paths.clone(), cache.clone(), tx.clone(), loaded_tx, indexed_tx);
    let mut guard = Guard::enter(!opts.no_mouse).context("cannot set up the terminal")?;
    spawn_signals(tx.clone())?;
    spawn_input(tx.clone());
    let size = guard.terminal.size()?;
    let mut app = App::new(size.width, size.height);
    app.set_progress(Some(0));
    keep::open_places(&mut app);
    let _watching = keep::watch(&opts.paths, tx.clone(), loaded_rx, indexed_rx);
    let reindexer = keep::Reindexer::spawn(tx.clone(), cache.clone());
    let mut lp = event_loop::Loop { tx, worker: None, query_line: TextArea::default(), reindexer };
    let errors = lp.run(&mut guard.terminal, &mut app, &theme, &rx)?;
    // Places are saved before the terminal is given back: once the shell's screen shows, a
    // command typed ahead must reach the shell, not this process's input thread, so the time
    // from there to the exit is kept short.
    let saved = if app.docs.is_empty() {
        Ok(())
    } else {
        app.remember();
        keep::save(&mut app)
    };
    drop(guard);
    if let Err(e) = saved {
        eprintln!("gongwen: {e}");
    }
    cache.finish_writes(INDEX_WRITE_WAIT);
    if app.docs.is_empty() && !errors.is_empty() {
        // Nothing to read: say why on the restored terminal (exit code 1).
        anyhow::bail!("nothing could be loaded\n{}", errors.join("\n"));
    }
    // Everything to keep is written (the places above, the index write waited for) and the
    // process exits next: freeing a gigabyte of documents and index an allocation at a time
    // took a quarter of a second of quitting, so they go with the process.
    std::mem::forget((app, lp, rx));
    Ok(())
}

type Term = Terminal<CrosstermBackend<Stdout>>;

/// The action for a terminal event.
fn action(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => keymap::lookup(k, app.focus),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel(m.column, m.row, true)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(m.column, m.row, false)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            _ => None,
        },
        _ => None,
    }
}

/// Turns termination signals into a quit, so the terminal is restored on `kill` too.
fn spawn_signals(tx: Sender<Msg>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    thread::spawn(move || {
        for _ in signals.forever() {
            if tx.send(Msg::Signal).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// Reads terminal events into the channel until the loop is gone.
fn spawn_input(tx: Sender<Msg>) {
    thread::spawn(move || loop {
        let msg = match event::read() {
            Ok(ev) => Msg::Input(ev),
            Err(e) => Msg::InputFailed(e),
        };
        let failed = matches!(msg, Msg::InputFailed(_));
        if tx.send(msg).is_err() || failed {
            break;
        }
    });
}

/// Loads `paths` (none: the samples) in the background: parsed in parallel as the loader
/// module does it, sent to the loop in path order as soon as each one and all before it are
/// done (so the outline order does not depend on thread timing).
///
/// Once every file is read, what was read goes to `loaded`; once their index is in use,
/// `indexed` is dropped (for the watch, which starts when both happened).
fn spawn_loader(
    paths: Vec<PathBuf>,
    cache: keep::IndexCache,
    tx: Sender<Msg>,
    loaded: Sender<crate::watch::Baseline>,
    indexed: Sender<()>,
) {
    thread::spawn(move || {
        let since = std::time::SystemTime::now();
        // The index and the app share each document (`Arc`): it is held once.
        if paths.is_empty() {
            // Five documents index in milliseconds: no cache, no partial indexes.
            let indexer = spawn_indexer(tx.clone(), None, None, indexed);
            let docs: Vec<Arc<Document>> =
                doc::load::load_samples().into_iter().map(Arc::new).collect();
            let _ = tx.send(Msg::Found(docs.len()));
            let _ = indexer.send(docs.clone());
            let _ = tx.send(keep::loaded(docs, true));
            let _ = tx.send(Msg::Done);
            return;
        }
        let (files, errors) = doc::load::expand_paths(&paths);
        let baseline = crate::watch::Baseline { since, files: files.clone() };
        let _ = tx.send(Msg::Found(files.len() + errors.len()));
        for e in errors {
            let _ = tx.send(Msg::Failed(e));
        }
        // Loading starts first; what finishes meanwhile waits in the channel for the indexer.
        let (done_tx, done_rx) = mpsc::channel();
        let loading = cache.clone();
        let roots = paths.clone();
        thread::spawn(move || {
            doc::load::load_each_cached(&roots, files, loading.cache(), |i, result| {
                let _ = done_tx.send((i, result));
            });
        });
        let shown: Vec<String> = baseline.files.iter().map(|p| p.display().to_string()).collect();
        let prefetch = Index::is_cached_for(&shown, cache.cache()).then(|| {
            let cache = cache.clone();
            thread::spawn(move || Index::prefetch(&shown, cache.cache()))
        });
        let indexer = spawn_indexer(tx.clone(), Some(cache), prefetch, indexed);
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        while let Ok((i, result)) = done_rx.recv() {
            waiting.insert(i, result);
            // A moment for more to finish: handing on what is ready every few milliseconds
            // rather than as each document finishes spares thousands of thread wake-ups.
            thread::sleep(HAND_ON_EVERY);
            waiting.extend(done_rx.try_iter());
            let mut ready = Vec::new();
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                match result {
                    Ok(d) => ready.push(Arc::new(d)),
                    Err(e) => {
                        let _ = tx.send(Msg::Failed(e));
                    }
                }
            }
            if ready.is_empty() {
                continue;
            }
            let _ = indexer.send(ready.clone());
            if tx.send(keep::loaded(ready, false)).is_err() {
                return; // the reader has quit
            }
        }
        let _ = loaded.send(baseline);
        let _ = tx.send(Msg::Done);
    });
}

/// How often the loader hands loaded documents on, at most.
const HAND_ON_EVERY: Duration = Duration::from_millis(3);

/// How long quitting waits for the search index being written to the cache.
const INDEX_WRITE_WAIT: Duration = Duration::from_secs(5);

/// Documents loaded before a first, partial index is built.
const PARTIAL_INDEX_MIN: usize = 64;
/// Text (bytes) beyond which no more partial indexes are built: the reader holds the last
/// partial index while the full one is built, so a partial index of a big folder would add
/// most of an index to the peak memory (20,000 reports: 3.8× the corpus instead of under 3×).
const PARTIAL_INDEX_MAX_TEXT: usize = 32 << 20;

/// Builds the search index from the documents sent to it, in load order, off the UI thread,
/// and sends it when the sender is dropped (all documents loaded): from the cache when it
/// holds the index of exactly these documents, else built and then stored.
///
/// Without `prefetch`, partial indexes are built while loading goes on (each time the count
/// has doubled, so the total work stays under twice one build; only up to
/// [`PARTIAL_INDEX_MAX_TEXT`]), so that a cold start on a large folder searches what has
/// loaded. With it — the loader found an index in the cache for the very files being loaded
/// ([`Index::is_cached_for`]), so this is a warm start whose documents come from the document
/// cache in about a second — that index is read and checked meanwhile, the documents are keyed
/// as they arrive, and it is attached to them once they are all there (a comparison of keys
/// and counts), and no partial index is built: partial builds would only take the
/// cores from loading and reading. If the stored index proves stale (a report was edited
/// since), the full index is built once, as it would have been anyway, only without the
/// partial ones before it.
///
/// `indexed` is dropped once the index of all the documents is sent (before it is stored).
fn spawn_indexer(
    tx: Sender<Msg>,
    cache: Option<keep::IndexCache>,
    prefetch: Option<thread::JoinHandle<Option<Prefetched>>>,
    indexed: Sender<()>,
) -> Sender<Vec<Arc<Document>>> {
    let (doc_tx, doc_rx) = mpsc::channel::<Vec<Arc<Document>>>();
    thread::spawn(move || {
        let mut docs: Vec<Arc<Document>> = Vec::new();
        let mut built = 0;
        let mut text = 0;
        let mut last = None;
        // A warm start keys the documents as they come, for the attachment not to wait for it.
        let mut key = prefetch.is_some().then(DocsKey::new);
        while let Ok(batch) = doc_rx.recv() {
            let first_new = docs.len();
            docs.extend(batch);
            docs.extend(doc_rx.try_iter().flatten());
            text += docs[first_new..].iter().map(|d| d.text().len()).sum::<usize>();
            if let Some(key) = &mut key {
                key.add(&docs[first_new..]);
            }
            if prefetch.is_none()
                && docs.len() >= PARTIAL_INDEX_MIN
                && docs.len() >= 2 * built
                && text <= PARTIAL_INDEX_MAX_TEXT
            {
                built = docs.len();
                let index = Arc::new(Index::build(&docs));
                if tx.send(Msg::Indexed(Arc::clone(&index))).is_err() {
                    return;
                }
                last = Some(index);
            }
        }
        // The last partial index is the full one: only stored. (Else it is let go now.)
        if let Some(index) = last.take().filter(|_| built == docs.len()) {
            drop(indexed);
            if let Some(cache) = &cache {
                cache.store(&index);
            }
            return;
        }
        let early = prefetch.and_then(|p| p.join().ok().flatten());
        let attached = early.zip(key).and_then(|(p, key)| p.attach_keyed(&docs, &key));
        if let Some(index) = attached {
            let _ = tx.send(Msg::Indexed(Arc::new(index)));
            return;
        }
        match &cache {
            Some(cache) => {
                cache.index_and_store(&docs, &tx, || drop(indexed));
            }
            None => {
                let _ = tx.send(Msg::Indexed(Arc::new(Index::build(&docs))));
            }
        }
    });
    doc_tx
}

/// Owns the terminal modes: raw mode, alternate screen, hidden cursor, mouse capture. Dropping
/// it (or a panic, through the hook) restores them all.
struct Guard {
    terminal: Term,
}

impl Guard {
    fn enter(mouse: bool) -> io::Result<Guard> {
        install_panic_hook(mouse);
        enable_raw_mode()?;
        let mut out = io::stdout();
        let entered = execute!(out, EnterAlternateScreen, cursor::Hide).and_then(|()| {
            if mouse {
                execute!(out, EnableMouseCapture)
            } else {
                Ok(())
            }
        });
        if let Err(e) = entered {
            restore(mouse);
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(out)) {
            Ok(terminal) => Ok(Guard { terminal }),
            Err(e) => {
                restore(mouse);
                Err(e)
            }
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore(true);
    }
}

/// Puts the terminal back as the shell expects it. Safe to call twice.
fn restore(mouse: bool) {
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
}

/// Restores the terminal before the panic message is printed, so it is readable.
fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore(mouse);
        previous(info);
    }));
}
