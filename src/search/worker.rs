//! The search worker: a thread that runs queries off the UI thread. Each query carries a
//! generation number; queued stale queries are dropped and only the newest is run, so the UI
//! never waits. The thread ends when the [`Worker`] is dropped or the results receiver is.

use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use super::{Hit, Index, Kind, Query, QueryError};

/// Narrow with the previous candidates only when there are few of them; otherwise the
/// posting lists are quicker.
const NARROW_MAX: usize = 20_000;

/// The answer to one submitted query.
#[derive(Debug, Clone)]
pub struct Results {
    /// The generation it was submitted with.
    pub generation: u64,
    /// The parsed query (for [`Index::highlight`]), or why it could not be parsed.
    pub query: Result<Arc<Query>, QueryError>,
    /// Best first.
    pub hits: Vec<Hit>,
    /// Number of matching items found; a lower bound when `exhaustive` is false (scoring
    /// stopped once the best hits were certain): show it as "N+".
    pub total: usize,
    /// Whether `total` is exact.
    pub exhaustive: bool,
    /// Time spent searching.
    pub elapsed: Duration,
}

struct Request {
    generation: u64,
    text: String,
    limit: usize,
}

/// Handle to the worker thread.
pub struct Worker {
    tx: Sender<Request>,
}

impl Worker {
    /// Starts a worker over `index`; results arrive on the returned receiver.
    pub fn spawn(index: Arc<Index>) -> (Worker, Receiver<Results>) {
        let (tx, rx) = channel::<Request>();
        let (out_tx, out_rx) = channel();
        let spawned = thread::Builder::new()
            .name("gongwen-search".into())
            .spawn(move || run(&index, &rx, &out_tx));
        // If the thread cannot start, the results channel closes and the UI sees no results.
        drop(spawned);
        (Worker { tx }, out_rx)
    }

    /// Queues `query` with `generation` (increase it with every keystroke); at most `limit`
    /// hits come back.
    pub fn submit(&self, generation: u64, query: &str, limit: usize) {
        let _ = self.tx.send(Request { generation, text: query.to_string(), limit });
    }
}

fn run(index: &Index, rx: &Receiver<Request>, tx: &Sender<Results>) {
    // The last completed query and its candidates, to narrow the next one when it grows.
    let mut last: Option<(String, Option<Kind>, Vec<u32>)> = None;
    while let Ok(mut req) = rx.recv() {
        // Only the newest queued request matters.
        while let Ok(newer) = rx.try_recv() {
            if newer.generation >= req.generation {
                req = newer;
            }
        }
        let start = Instant::now();
        let query = Query::parse(&req.text).map(Arc::new);
        let (hits, total, exhaustive) = match &query {
            Ok(q) => {
                let within = last
                    .as_ref()
                    .filter(|(prev, scope, c)| {
                        c.len() <= NARROW_MAX
                            && req.text.starts_with(prev.as_str())
                            && (scope.is_none() || *scope == q.scope())
                    })
                    .map(|(_, _, c)| c.as_slice());
                let out = index.search_within(q, req.limit, within);
                last = out.candidates.map(|c| (req.text.clone(), q.scope(), c));
                (out.hits, out.total, out.exhaustive)
            }
            Err(_) => (Vec::new(), 0, true),
        };
        let elapsed = start.elapsed();
        let results =
            Results { generation: req.generation, query, hits, total, exhaustive, elapsed };
        if tx.send(results).is_err() {
            return;
        }
    }
}
