//! The search engine behind the finder and `gongwen search`: items (titles, headings,
//! sentences, metrics), the query language, pinyin, the index and a worker thread.
//!
//! ```text
//! Index::build(&docs)            once, when documents load (parallel)
//! Query::parse("xzfy !诉讼")      the syntax of shared/spec/CLI.md
//! index.search(&query, limit)    candidates from posting lists, scored in parallel
//! index.highlight(&query, &hit)  only for the rows on screen
//! Worker::spawn(index)           off the UI thread; newest generation wins
//! ```
//!
//! Matching runs on NFKC-folded, lower-cased text with traditional characters folded to
//! simplified ([`crate::text::script`], OpenCC's table), in the index and the query alike: a
//! word in either script finds both, highlighted as written. A word matches contiguously
//! (exactly, then by pinyin for Latin letters) or fuzzily (SkimMatcherV2) within a span not
//! much wider than the word; contiguous matches rank far above fuzzy ones, and titles and
//! headings above text for equal scores.

mod candidates;
mod fold;
mod index;
mod items;
mod pinyin;
mod postings;
mod query;
mod score;
mod topk;
mod wire;
mod worker;

use std::ops::Range;

pub use fold::fold;
pub use index::{DocsKey, Index, Origin, Prefetched};
pub use items::{metric_text, Kind};
pub use query::{Query, QueryError};
pub use worker::{Results, Worker};

use crate::doc::Document;
use crate::metrics::Metric;
use index::kind_slot;
use items::Item;
use score::Scratch;

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the document in [`Index::docs`].
    pub doc: usize,
    /// Item id (for [`Index::text`], [`Index::highlight`]).
    pub item: u32,
    /// What was found.
    pub kind: Kind,
    /// 1-based line in the document.
    pub line: usize,
    /// Byte range of the item in its line (for a metric: its raw text; for a title: where the
    /// title stands, else the whole line).
    pub span: Range<usize>,
    /// Higher is better.
    pub score: i64,
    /// Index into the document's headings of the enclosing heading (for a heading: its parent).
    pub heading: Option<usize>,
}

/// The result of a search: the best hits and how many items matched in all.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Best first, at most the limit.
    pub hits: Vec<Hit>,
    /// Number of matching items found; a lower bound when `exhaustive` is false.
    pub total: usize,
    /// Whether every candidate was scored (scoring stops once the best hits are certain).
    pub exhaustive: bool,
    /// The candidate items that were scored (kept by the worker to narrow the next, longer
    /// query); `None` when every item was a candidate.
    pub(crate) candidates: Option<Vec<u32>>,
}

pub(crate) fn kind_bonus(k: Kind) -> i64 {
    match k {
        Kind::Doc => 400,
        Kind::Heading => 300,
        Kind::Text | Kind::Metric => 0,
    }
}

impl Index {
    /// The best `limit` hits for `q`, best first.
    pub fn search(&self, q: &Query, limit: usize) -> Vec<Hit> {
        self.search_within(q, limit, None).hits
    }

    /// Searches, scoring only `within` when given: the caller guarantees that it contains
    /// every item that can match (the worker passes the previous query's candidates when the
    /// query grew).
    pub(crate) fn search_within(&self, q: &Query, limit: usize, within: Option<&[u32]>) -> Outcome {
        let limit1 = limit.max(1);
        let (mut best, cands) = match within {
            Some(w) => {
                let ids: Vec<u32> = match q.scope {
                    Some(k) => {
                        w.iter().copied().filter(|&i| self.items[i as usize].kind == k).collect()
                    }
                    None => w.to_vec(),
                };
                (self.best(q, &ids, limit1), Some(ids))
            }
            None => self.best_by_kind(q, limit1),
        };
        best.top.truncate(limit);
        let hits = best.top.into_iter().map(|(score, id)| self.hit(id, score)).collect();
        Outcome { hits, total: best.matched, exhaustive: best.exhaustive, candidates: cands }
    }

    /// Searches the kinds that can rank highest first (titles, then headings, then text and
    /// metrics), each from its own posting lists, and stops before a kind whose best possible
    /// score cannot beat the hits kept: common words never decode their long text lists.
    /// Also returns every candidate when all kinds were searched.
    fn best_by_kind(&self, q: &Query, limit: usize) -> (topk::Best, Option<Vec<u32>>) {
        let groups: [&[Kind]; 3] = [&[Kind::Doc], &[Kind::Heading], &[Kind::Text, Kind::Metric]];
        let latin = self.latin_items(q);
        let k_hi: i64 = q.terms.iter().map(|t| score::max_score(t, true)).sum();
        let mut best = topk::Best { top: Vec::new(), matched: 0, exhaustive: true, scored: 0 };
        let mut all = Some(Vec::new());
        for group in groups {
            let kinds: Vec<Kind> =
                group.iter().copied().filter(|&k| q.scope.is_none_or(|s| s == k)).collect();
            let Some(bonus) = kinds.iter().map(|&k| kind_bonus(k)).max() else { continue };
            if topk::beats(&best.top, limit, k_hi + bonus) {
                best.exhaustive = false;
                all = None;
                break;
            }
            let mut ids = Vec::new();
            for &k in &kinds {
                match self.candidates_in(q, k) {
                    Some(c) => ids.extend(c),
                    None => ids.extend(&self.by_kind[kind_slot(k)]),
                }
            }
            if let Some(a) = &mut all {
                a.extend_from_slice(&ids);
            }
            if self.best_into(q, &ids, limit, latin.as_deref(), &mut best) {
                all = None;
                break;
            }
        }
        best.top.sort_unstable_by(topk::order);
        if let Some(a) = &mut all {
            a.sort_unstable();
        }
        (best, all)
    }

    /// Where one search spends its time (for the benchmark's profiling mode).
    #[doc(hidden)]
    pub fn profile(&self, q: &Query, limit: usize) -> String {
        let t = std::time::Instant::now();
        let (best, _) = self.best_by_kind(q, limit);
        let worst = best.top.last().map_or(0, |t| t.0);
        format!(
            "{:.2} ms: {} scored, {} matched, exhaustive {}, worst kept score {worst}",
            t.elapsed().as_secs_f64() * 1e3,
            best.scored,
            best.matched,
            best.exhaustive
        )
    }

    /// The text of item `id` (see [`Index::item_text`]).
    fn text_of(&self, id: u32) -> &str {
        self.item_text(&self.items[id as usize])
    }

    /// Scores item `id`, whose text is `text`.
    fn score_item(&self, q: &Query, id: u32, text: &str, s: &mut Scratch) -> Option<i64> {
        let it = &self.items[id as usize];
        if q.scope.is_some_and(|k| k != it.kind) {
            return None;
        }
        if !q.filters.is_empty() {
            let m = self.metric_of(it)?;
            if !q.filters.iter().all(|f| f.accepts(m)) {
                return None;
            }
        }
        let terms = score::match_terms(&q.terms, text, s)?;
        Some(terms + kind_bonus(it.kind) - score::length_penalty(s.chars.len()))
    }

    fn hit(&self, id: u32, score: i64) -> Hit {
        let it = &self.items[id as usize];
        let end = match self.metric_of(it) {
            Some(m) => m.start + m.raw.len(),
            None => it.end as usize,
        };
        Hit {
            doc: it.doc as usize,
            item: id,
            kind: it.kind,
            line: it.line as usize,
            span: it.start as usize..end,
            score,
            heading: self.heading_of(it),
        }
    }

    fn metric_of(&self, it: &Item) -> Option<&Metric> {
        if it.kind != Kind::Metric {
            return None;
        }
        let m = self.metric_refs[it.end as usize] as usize;
        self.docs[it.doc as usize].metrics.get(m)
    }

    /// The document of a hit.
    pub fn doc(&self, hit: &Hit) -> &Document {
        &self.docs[hit.doc]
    }

    /// The text of a hit's item as matched and shown: the sentence or clause, the heading with
    /// its marker, the title, or for a metric `label raw`.
    pub fn text(&self, hit: &Hit) -> &str {
        self.items.get(hit.item as usize).map_or("", |it| self.item_text(it))
    }

    /// The title of the heading enclosing a hit, if any.
    pub fn heading_title(&self, hit: &Hit) -> Option<&str> {
        hit.heading.and_then(|h| self.docs[hit.doc].headings.get(h)).map(|h| h.title.as_str())
    }

    /// The metric of a metric hit.
    pub fn metric(&self, hit: &Hit) -> Option<&Metric> {
        self.metric_of(self.items.get(hit.item as usize)?)
    }

    /// Byte ranges of [`Index::text`] that `q` matched (the Chinese characters for a pinyin
    /// match), sorted and merged. Compute it only for rows on screen. For heading and text
    /// hits, add `hit.span.start` to get ranges in the line.
    pub fn highlight(&self, q: &Query, hit: &Hit) -> Vec<Range<usize>> {
        score::highlight(&q.terms, self.text(hit), &mut Scratch::new())
    }
}
