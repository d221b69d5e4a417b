//! Best-first scoring with an early stop: candidates are visited in order of the highest
//! score they could reach (kind, length, and whether a Latin word can match other than by
//! pinyin), so that scoring stops once the best hits found so far beat every item left.

use rayon::prelude::*;

use super::index::Index;
use super::query::Query;
use super::score::{length_penalty, max_score, Scratch};
use super::{kind_bonus, Kind};

/// Items scored between two checks of the stop condition: the first round is small (the
/// best hits are often in the first buckets), later ones grow to [`ROUND`].
const FIRST_ROUND: usize = 1024;
const ROUND: usize = 8192;
/// Below this many items a round is scored on the calling thread.
const PARALLEL_FROM: usize = 2048;
const CHUNK: usize = 1024;

/// The best `limit` (score, item) pairs, best first; the number of matches seen; and whether
/// every candidate was scored (else the count is a lower bound).
pub(crate) struct Best {
    pub top: Vec<(i64, u32)>,
    pub matched: usize,
    pub exhaustive: bool,
    /// How many candidates were scored.
    pub scored: usize,
}

/// Highest minus lowest possible `kind_bonus - length_penalty`.
const OFFSETS: usize = 501;

fn offset_slot(kind: Kind, chars: u16) -> usize {
    // kind_bonus is at most 400, length_penalty at most 100.
    (400 - (kind_bonus(kind) - length_penalty(usize::from(chars)))) as usize
}

pub(crate) fn order(a: &(i64, u32), b: &(i64, u32)) -> std::cmp::Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1))
}

/// Whether the kept hits are certain: `limit` of them, the worst above `bound`.
pub(crate) fn beats(top: &[(i64, u32)], limit: usize, bound: i64) -> bool {
    top.len() >= limit && top.iter().map(|t| t.0).min().is_some_and(|m| m > bound)
}

impl Index {
    /// Scores `ids` for `q`, best first, stopping early when it can.
    pub(crate) fn best(&self, q: &Query, ids: &[u32], limit: usize) -> Best {
        let latin = self.latin_items(q);
        let mut best = Best { top: Vec::new(), matched: 0, exhaustive: true, scored: 0 };
        self.best_into(q, ids, limit, latin.as_deref(), &mut best);
        best.top.sort_unstable_by(order);
        best
    }

    /// Scores `ids` for `q` best-first into `best` (kept unsorted; at most `limit`), stopping
    /// once the kept hits beat anything left. `latin`: the items that contain every Latin letter
    /// of a letters-only word (see [`Index::latin_items`]). Returns whether it stopped early.
    pub(crate) fn best_into(
        &self,
        q: &Query,
        ids: &[u32],
        limit: usize,
        latin: Option<&[u32]>,
        best: &mut Best,
    ) -> bool {
        let is_latin = |id: u32| latin.is_none_or(|l| l.binary_search(&id).is_ok());
        let k_hi: i64 = q.terms.iter().map(|t| max_score(t, true)).sum();
        let k_lo: i64 = q.terms.iter().map(|t| max_score(t, false)).sum();
        // Bucket by reachable score: items that may match Latin letters first, then by offset.
        let mut buckets: Vec<Vec<u32>> = vec![Vec::new(); 2 * OFFSETS];
        for &id in ids {
            let it = &self.items[id as usize];
            let class = if k_hi != k_lo && !is_latin(id) { OFFSETS } else { 0 };
            buckets[class + offset_slot(it.kind, it.chars)].push(id);
        }
        let bound = |b: usize| {
            let k = if b >= OFFSETS { k_lo } else { k_hi };
            k + 400 - (b % OFFSETS) as i64
        };
        let top = &mut best.top;
        let mut round: Vec<u32> = Vec::with_capacity(ROUND);
        let mut b = 0;
        let mut size = FIRST_ROUND;
        while b < buckets.len() {
            // Stop when the worst kept hit beats anything the remaining items could reach.
            match (b..buckets.len()).find(|&n| !buckets[n].is_empty()) {
                None => break,
                Some(n) if beats(top, limit, bound(n)) => {
                    best.exhaustive = false;
                    return true;
                }
                Some(n) => b = n,
            }
            // Fill a round with whole buckets (best first).
            round.clear();
            while b < buckets.len() && (round.is_empty() || round.len() + buckets[b].len() <= size)
            {
                round.extend_from_slice(&buckets[b]);
                b += 1;
            }
            size = (size * 2).min(ROUND);
            let found = self.score_round(q, &round);
            best.scored += round.len();
            best.matched += found.len();
            top.extend(found);
            if top.len() > limit {
                top.select_nth_unstable_by(limit - 1, order);
                top.truncate(limit);
            }
        }
        false
    }

    fn score_round(&self, q: &Query, ids: &[u32]) -> Vec<(i64, u32)> {
        // Items of a round lie in thousands of documents: finding each one's text costs a few
        // cache misses. Looking all of a chunk's texts up first, in a loop that does nothing
        // else, lets the processor overlap those misses instead of waiting for each in turn.
        let chunk = |s: &mut Scratch, ch: &[u32]| -> Vec<(i64, u32)> {
            let texts: Vec<&str> = ch.iter().map(|&id| self.text_of(id)).collect();
            ch.iter()
                .zip(texts)
                .filter_map(|(&id, text)| self.score_item(q, id, text, s).map(|sc| (sc, id)))
                .collect()
        };
        if ids.len() < PARALLEL_FROM {
            return chunk(&mut Scratch::new(), ids);
        }
        ids.par_chunks(CHUNK).map_init(Scratch::new, |s, ch| chunk(s, ch)).reduce(
            Vec::new,
            |mut a: Vec<_>, b| {
                a.extend(b);
                a
            },
        )
    }
}
