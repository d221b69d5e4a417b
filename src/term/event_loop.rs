//! The event loop: applies what arrives on the one channel (keys, documents, the index, search
//! results), carries out the effects the app asks for (submit a search, mirror the query line),
//! and draws once per batch — while documents stream in, at most once per [`LOADING_FRAME`].

use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use crossterm::event::{self, Event, KeyEventKind};
use tui_textarea::{CursorMove, TextArea};

use super::{action, keep, Msg, Term};
use crate::app::finder::RESULT_LIMIT;
use crate::app::{Action, App};
use crate::search::{Index, Worker};
use crate::ui::{self, keymap, Theme};

/// While documents load, the screen is drawn at most this often (unless a key comes): a frame
/// per document cost more than loading them (20,000 reports: a second of drawing).
const LOADING_FRAME: Duration = Duration::from_millis(40);

/// The loop's own state: a sender for the threads it starts, the search worker once the index
/// is built, and the finder's query line.
pub(super) struct Loop {
    pub(super) tx: Sender<Msg>,
    pub(super) worker: Option<Worker>,
    pub(super) query_line: TextArea<'static>,
    pub(super) reindexer: keep::Reindexer,
}

impl Loop {
    /// Draws, then waits for messages and applies them, until quit. Returns the load errors
    /// when loading ended with nothing loaded.
    pub(super) fn run(
        &mut self,
        terminal: &mut Term,
        app: &mut App,
        theme: &Theme,
        rx: &Receiver<Msg>,
    ) -> anyhow::Result<Vec<String>> {
        terminal.draw(|f| ui::render(app, theme, f))?;
        let mut drawn = Instant::now();
        while let Ok(msg) = rx.recv() {
            let mut user = matches!(msg, Msg::Input(_));
            let mut done = self.handle(app, msg)?;
            // Apply everything already waiting before drawing once; while loading (and nobody
            // types), also what comes until the next frame is due.
            loop {
                while let Ok(msg) = rx.try_recv() {
                    user |= matches!(msg, Msg::Input(_));
                    done |= self.handle(app, msg)?;
                }
                let due = drawn + LOADING_FRAME;
                let now = Instant::now();
                if user || app.quit || app.progress.is_none() || now >= due {
                    break;
                }
                match rx.recv_timeout(due - now) {
                    Ok(msg) => {
                        user |= matches!(msg, Msg::Input(_));
                        done |= self.handle(app, msg)?;
                    }
                    Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
                }
            }
            if app.take_save_request() {
                app.remember();
                if let Err(e) = keep::save(app) {
                    app.messages.push(e);
                }
            }
            if app.quit {
                break;
            }
            if done && app.docs.is_empty() {
                return Ok(app.messages.clone());
            }
            self.effects(app);
            terminal.draw(|f| ui::render(app, theme, f))?;
            drawn = Instant::now();
        }
        Ok(Vec::new())
    }

    /// Carries out what the app asked for: a search to submit; the query line brought in line
    /// with the app's query (after a history recall).
    fn effects(&mut self, app: &mut App) {
        if let Some(worker) = &self.worker {
            if let Some((generation, query)) = app.take_search_request() {
                worker.submit(generation, &query, RESULT_LIMIT);
            }
        }
        if self.query_line.lines().concat() != app.finder.query {
            self.query_line = TextArea::new(vec![app.finder.query.clone()]);
            self.query_line.move_cursor(CursorMove::End);
        }
    }

    /// Applies one message; true when loading has just finished.
    fn handle(&mut self, app: &mut App, msg: Msg) -> anyhow::Result<bool> {
        match msg {
            Msg::Input(Event::Key(k)) if app.marks.open && !app.help => {
                if let Some(a) =
                    keymap::lookup_marks(&k).filter(|_| k.kind != KeyEventKind::Release)
                {
                    app.update(a);
                }
            }
            Msg::Input(Event::Key(k))
                if app.finder.open && !app.help && k.kind != KeyEventKind::Release =>
            {
                self.finder_key(app, k);
            }
            Msg::Input(ev) => {
                if let Some(a) = action(app, &ev) {
                    app.update(a);
                }
            }
            Msg::InputFailed(e) => return Err(e).context("cannot read the terminal"),
            Msg::Found(n) => app.set_progress(Some(n)),
            Msg::Loaded(docs) => {
                for (doc, key) in docs {
                    app.add_keyed_document(doc, Some(key));
                }
            }
            Msg::Reloaded(doc, key) => {
                app.upsert_document(doc, Some(key));
                self.reindexer.request(app);
            }
            Msg::Watch(e) => {
                let removed = matches!(e, crate::watch::WatchEvent::Removed(_));
                keep::on_watch(app, e, &self.tx);
                if removed {
                    self.reindexer.request(app);
                }
            }
            Msg::Failed(e) => app.add_error(&e),
            Msg::Done => {
                app.set_progress(None);
                return Ok(true);
            }
            Msg::Indexed(index) => self.start_worker(app, index),
            Msg::Results(r) => {
                // A stale generation is dropped by the app.
                app.finder_results(r);
            }
            Msg::Signal => app.update(Action::Quit),
        }
        Ok(false)
    }

    /// A key in the finder: its own keys are actions, the others edit the query line.
    fn finder_key(&mut self, app: &mut App, k: event::KeyEvent) {
        if let Some(a) = keymap::lookup_finder(&k) {
            app.update(a);
            return;
        }
        let ctrl = k.modifiers.contains(event::KeyModifiers::CONTROL);
        match k.code {
            event::KeyCode::Char('m') if ctrl => return, // one line only
            // Readline's Ctrl-u (tui-textarea would undo).
            event::KeyCode::Char('u') if ctrl => {
                self.query_line.delete_line_by_head();
            }
            _ => {
                self.query_line.input(k);
            }
        }
        let text = self.query_line.lines().concat();
        app.set_finder_query(&text, self.query_line.cursor().1);
    }

    /// Hands the index to the app and starts the worker, its results forwarded into the loop.
    fn start_worker(&mut self, app: &mut App, index: Arc<Index>) {
        app.set_index(Arc::clone(&index));
        let (worker, results) = Worker::spawn(index);
        let tx = self.tx.clone();
        thread::spawn(move || {
            for r in results {
                if tx.send(Msg::Results(r)).is_err() {
                    break;
                }
            }
        });
        self.worker = Some(worker);
    }
}
