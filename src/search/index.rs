//! The index, built once when documents load: every item (referring to the documents' text,
//! not copying it) and posting lists per folded character and per pair of pinyin initials of
//! neighbouring characters, so that a query scores only the items that can match.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use rayon::prelude::*;

use super::fold::fold_mapped;
use super::items::{doc_items, metric_text, Item, Kind};
use super::pinyin;
use super::postings::{Lists, Posting};
use crate::doc::Document;

mod stored;
pub use stored::{DocsKey, Origin, Prefetched};

/// Pinyin keys start here (above every code point).
pub(crate) const PY_BASE: u32 = 0x11_0000;
const SHARDS: usize = 16;
const BATCH: usize = 64;

/// The pinyin key of the initials of two neighbouring characters (letters 0 = `a` … 25).
///
/// Pairs rather than runs of three: with every reading of every character (行 = x or h),
/// runs of three made up 70 % of the posting entries; pairs need half as many, and a query's
/// pairs intersected filter nearly as well.
pub(crate) fn py_key(a: u32, b: u32) -> u32 {
    PY_BASE + a * 26 + b
}

/// A multiplicative hasher for `u32` keys (the default SipHash is needlessly slow here).
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        bytes.iter().for_each(|&b| self.write_u32(u32::from(b)));
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type KeyMap = HashMap<u32, u32, BuildHasherDefault<KeyHasher>>;

/// Keys with a direct slot: the BMP characters, then the pinyin pairs.
const DENSE: u32 = 0x1_0000 + 26 * 26;

/// The dense slot of `key`, if it has one.
fn dense_slot(key: u32) -> Option<u32> {
    if key < 0x1_0000 {
        Some(key)
    } else if key >= PY_BASE {
        Some(0x1_0000 + key - PY_BASE)
    } else {
        None
    }
}

/// The posting key of `key` among the items of kind `kind`: every key has one list per kind,
/// so that a search can take the kinds that rank highest first and stop before the others.
pub(crate) fn kind_key(key: u32, kind: Kind) -> u32 {
    key << 2 | kind_slot(kind) as u32
}

/// The dense slot of a kind key (congruent to it modulo [`SHARDS`], as [`shard_of`] needs).
fn kind_dense_slot(kk: u32) -> Option<u32> {
    dense_slot(kk >> 2).map(|d| d << 2 | (kk & 3))
}

fn shard_of(key: u32) -> usize {
    key as usize % SHARDS
}

/// One shard of the posting lists: the keys `k` with `k % SHARDS` equal to its number.
#[derive(Default)]
struct Shard {
    /// List numbers of keys outside the dense range (characters beyond the BMP); the lists
    /// of dense keys are numbered by dense slot divided by [`SHARDS`].
    sparse: KeyMap,
    lists: Lists,
}

const DENSE_LISTS: usize = (4 * DENSE as usize).div_ceil(SHARDS);

impl Shard {
    fn new() -> Self {
        Shard { sparse: KeyMap::default(), lists: Lists::new(DENSE_LISTS) }
    }

    fn push(&mut self, key: u32, id: u32) {
        let list = match kind_dense_slot(key) {
            Some(slot) => slot / SHARDS as u32,
            None => match self.sparse.get(&key) {
                Some(&l) => l,
                None => {
                    let l = self.lists.add_list();
                    self.sparse.insert(key, l);
                    l
                }
            },
        };
        self.lists.push(list, id);
    }

    fn finish(&mut self) {
        self.lists.finish();
        self.sparse.shrink_to_fit();
    }

    fn get(&self, key: u32) -> Option<Posting<'_>> {
        let list = match kind_dense_slot(key) {
            Some(slot) => slot / SHARDS as u32,
            None => *self.sparse.get(&key)?,
        };
        self.lists.get(list)
    }
}

/// The search index over a set of documents.
pub struct Index {
    pub(crate) docs: Vec<Arc<Document>>,
    pub(crate) items: Vec<Item>,
    /// Texts of metric items (`label raw`) end to end; metric item `m` (its `Item::metric`)
    /// is `metric_text[metric_ends[m - 1]..metric_ends[m]]` (one string, not one allocation
    /// per metric).
    metric_text: String,
    metric_ends: Vec<u32>,
    /// For each metric text: the metric's index in its document.
    pub(crate) metric_refs: Vec<u32>,
    shards: Vec<Shard>,
    /// Item ids of each kind, in document order.
    pub(crate) by_kind: [Vec<u32>; 4],
}

/// What one document contributes, computed in parallel.
struct DocOut {
    items: Vec<Item>,
    /// Metric texts end to end, and where each ends.
    metric_text: String,
    metric_ends: Vec<u32>,
    metric_refs: Vec<u32>,
    /// (key, local item id) per shard, in item order.
    keys: Vec<Vec<(u32, u32)>>,
}

pub(crate) fn kind_slot(k: Kind) -> usize {
    match k {
        Kind::Doc => 0,
        Kind::Heading => 1,
        Kind::Text => 2,
        Kind::Metric => 3,
    }
}

/// Per-thread buffers for computing item keys: "seen in item n" stamps instead of sorting.
struct KeyScratch {
    item: u32,
    seen_char: Vec<u32>,
    seen_py: Vec<u32>,
    chars: Vec<(char, u32)>,
    masks: Vec<u32>,
    keys: Vec<u32>,
}

impl KeyScratch {
    fn new() -> Self {
        KeyScratch {
            item: 0,
            seen_char: vec![0; 0x1_0000],
            seen_py: vec![0; 26 * 26],
            chars: Vec::new(),
            masks: Vec::new(),
            keys: Vec::new(),
        }
    }
}

fn doc_out(index: u32, doc: &Document, ks: &mut KeyScratch) -> DocOut {
    let mut items = doc_items(index, doc);
    // About one key per character of text, spread over the shards.
    let per_shard = doc.text().len() / 3 * 2 / SHARDS + 16;
    let mut out = DocOut {
        items: Vec::new(),
        metric_text: String::new(),
        metric_ends: Vec::new(),
        metric_refs: Vec::new(),
        keys: (0..SHARDS).map(|_| Vec::with_capacity(per_shard)).collect(),
    };
    for (local, it) in items.iter_mut().enumerate() {
        let owned;
        let text = match it.kind {
            Kind::Doc => doc.title(),
            Kind::Metric => {
                let m = &doc.metrics[it.end as usize];
                owned = metric_text(m);
                out.metric_refs.push(it.end);
                it.end = out.metric_ends.len() as u32;
                out.metric_text.push_str(&owned);
                out.metric_ends.push(out.metric_text.len() as u32);
                &owned
            }
            Kind::Heading | Kind::Text => {
                doc.line(it.line as usize).get(it.start as usize..it.end as usize).unwrap_or("")
            }
        };
        fold_mapped(text, &mut ks.chars);
        it.chars = ks.chars.len().min(usize::from(u16::MAX)) as u16;
        item_keys(ks);
        for &k in &ks.keys {
            let kk = kind_key(k, it.kind);
            out.keys[shard_of(kk)].push((kk, local as u32));
        }
    }
    out.items = items;
    out
}

/// The distinct keys of the folded item in `ks.chars` into `ks.keys`: its alphanumeric
/// characters and its pinyin pairs.
fn item_keys(ks: &mut KeyScratch) {
    ks.item = ks.item.wrapping_add(1);
    if ks.item == 0 {
        ks.seen_char.fill(0);
        ks.seen_py.fill(0);
        ks.item = 1;
    }
    let stamp = ks.item;
    ks.keys.clear();
    for &(c, _) in &ks.chars {
        if !is_key_char(c) {
            continue;
        }
        let u = c as u32;
        match ks.seen_char.get_mut(u as usize) {
            Some(seen) if *seen == stamp => {}
            Some(seen) => {
                *seen = stamp;
                ks.keys.push(u);
            }
            None if ks.keys.contains(&u) => {}
            None => ks.keys.push(u),
        }
    }
    ks.masks.clear();
    ks.masks.extend(ks.chars.iter().map(|&(c, _)| pinyin::initials(c)));
    let masks = &ks.masks;
    for w in masks.windows(2) {
        for x in bits(w[0]) {
            for y in bits(w[1]) {
                let slot = (x * 26 + y) as usize;
                if ks.seen_py[slot] != stamp {
                    ks.seen_py[slot] = stamp;
                    ks.keys.push(py_key(x, y));
                }
            }
        }
    }
}

/// The set bit positions of a 64-bit word.
pub(crate) fn bits64(mut m: u64) -> impl Iterator<Item = u32> {
    std::iter::from_fn(move || {
        let b = m.trailing_zeros();
        m &= m.wrapping_sub(1);
        (b < 64).then_some(b)
    })
}

/// Whether `c` gets a posting list: letters, digits and ideographs, not punctuation.
#[inline]
pub(crate) fn is_key_char(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
        || c.is_ascii_alphanumeric()
        || (!c.is_ascii() && c.is_alphanumeric())
}

/// The set bit positions of `m`.
pub(crate) fn bits(mut m: u32) -> impl Iterator<Item = u32> {
    std::iter::from_fn(move || {
        let b = m.trailing_zeros();
        m &= m.wrapping_sub(1);
        (b < 32).then_some(b)
    })
}

impl Index {
    /// Builds the index of `docs` (in parallel); hits refer to documents by their position
    /// in `docs`.
    pub fn build(docs: &[Arc<Document>]) -> Index {
        pinyin::warm();
        let mut index = Index {
            docs: docs.to_vec(),
            items: Vec::new(),
            metric_text: String::new(),
            metric_ends: Vec::new(),
            metric_refs: Vec::new(),
            shards: (0..SHARDS).map(|_| Shard::new()).collect(),
            by_kind: Default::default(),
        };
        for (b, batch) in docs.chunks(BATCH).enumerate() {
            let outs: Vec<DocOut> = batch
                .par_iter()
                .enumerate()
                .map_init(KeyScratch::new, |ks, (i, d)| doc_out((b * BATCH + i) as u32, d, ks))
                .collect();
            let mut bases = Vec::with_capacity(outs.len());
            for out in &outs {
                bases.push(index.items.len() as u32);
                let metric_base = index.metric_ends.len() as u32;
                let text_base = index.metric_text.len() as u32;
                index.items.extend(out.items.iter().map(|&it| match it.kind {
                    Kind::Metric => Item { end: metric_base + it.end, ..it },
                    _ => it,
                }));
                index.metric_text.push_str(&out.metric_text);
                index.metric_ends.extend(out.metric_ends.iter().map(|&e| text_base + e));
                index.metric_refs.extend(&out.metric_refs);
            }
            index.shards.par_iter_mut().enumerate().for_each(|(s, map)| {
                for (out, &base) in outs.iter().zip(&bases) {
                    for &(key, local) in &out.keys[s] {
                        map.push(key, base + local);
                    }
                }
            });
        }
        index.shards.iter_mut().for_each(Shard::finish);
        for (id, it) in index.items.iter().enumerate() {
            index.by_kind[kind_slot(it.kind)].push(id as u32);
        }
        index.items.shrink_to_fit();
        index.by_kind.iter_mut().for_each(Vec::shrink_to_fit);
        index.metric_text.shrink_to_fit();
        index.metric_ends.shrink_to_fit();
        index.metric_refs.shrink_to_fit();
        index
    }

    /// The posting list of `key` among the items of `kind`, if any such item has it.
    pub(crate) fn posting(&self, key: u32, kind: Kind) -> Option<Posting<'_>> {
        let kk = kind_key(key, kind);
        self.shards[shard_of(kk)].get(kk)
    }

    /// The text an item is matched and shown as.
    pub(crate) fn item_text(&self, it: &Item) -> &str {
        let doc = &self.docs[it.doc as usize];
        match it.kind {
            Kind::Doc => doc.title(),
            Kind::Metric => {
                let m = it.end as usize;
                let start = m.checked_sub(1).map_or(0, |p| self.metric_ends[p] as usize);
                self.metric_text.get(start..self.metric_ends[m] as usize).unwrap_or("")
            }
            Kind::Heading | Kind::Text => {
                doc.line(it.line as usize).get(it.start as usize..it.end as usize).unwrap_or("")
            }
        }
    }

    /// The documents, in the order hits refer to them.
    pub fn docs(&self) -> &[Arc<Document>] {
        &self.docs
    }

    /// Every item's kind and text, in index order (for benchmarks against other tools and
    /// for exports).
    pub fn item_texts(&self) -> impl Iterator<Item = (Kind, &str)> + '_ {
        self.items.iter().map(|it| (it.kind, self.item_text(it)))
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Approximate heap bytes of the index itself (items, metric texts, posting lists),
    /// not counting the documents.
    pub fn heap_bytes(&self) -> usize {
        let postings: usize =
            self.shards.iter().map(|m| m.lists.heap_bytes() + m.sparse.capacity() * 16).sum();
        let metrics = self.metric_text.capacity() + self.metric_ends.capacity() * 4;
        postings
            + metrics
            + self.items.capacity() * std::mem::size_of::<Item>()
            + self.by_kind.iter().map(|v| v.capacity() * 4).sum::<usize>()
    }

    /// Index into its document's headings of the heading that encloses item `it`: for a
    /// heading, its parent (the last heading before it of a higher level); for text and
    /// metrics, the last heading at or above their line; none for a title.
    pub(crate) fn heading_of(&self, it: &Item) -> Option<usize> {
        let headings = &self.docs[it.doc as usize].headings;
        let line = it.line as usize;
        match it.kind {
            Kind::Doc => None,
            Kind::Heading => {
                let own = headings.partition_point(|h| h.line < line);
                let level = headings.get(own).map_or(usize::MAX, |h| h.level);
                headings[..own].iter().rposition(|p| p.level < level)
            }
            Kind::Text | Kind::Metric => {
                headings.partition_point(|h| h.line <= line).checked_sub(1)
            }
        }
    }
}
