//! The index, built once when documents load: every item (referring to the documents' text,
//! not copying it) and posting lists per folded character and per run of three pinyin
//! initials, so that a query scores only the items that can match.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use rayon::prelude::*;

use super::fold::fold_mapped;
use super::items::{doc_items, metric_text, Item, Kind, NONE};
use super::pinyin;
use super::postings::Posting;
use crate::doc::Document;

/// Pinyin keys start here (above every code point).
pub(crate) const PY_BASE: u32 = 0x11_0000;
/// The letter slot meaning "no further character".
pub(crate) const PY_END: u32 = 26;
const SHARDS: usize = 16;
const BATCH: usize = 64;

/// The pinyin key of three initials (the third may be [`PY_END`]).
pub(crate) fn py_key(a: u32, b: u32, c: u32) -> u32 {
    PY_BASE + (a * 27 + b) * 27 + c
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

type KeyMap = HashMap<u32, Posting, BuildHasherDefault<KeyHasher>>;

fn shard_of(key: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> 28) as usize % SHARDS
}

/// The search index over a set of documents.
pub struct Index {
    pub(crate) docs: Vec<Arc<Document>>,
    pub(crate) items: Vec<Item>,
    /// Texts of metric items (`label raw`), indexed by `Item::metric` of metric items.
    pub(crate) metric_texts: Vec<Box<str>>,
    /// For each metric text: the metric's index in its document.
    pub(crate) metric_refs: Vec<u32>,
    shards: Vec<KeyMap>,
    /// Item ids of each kind, in document order.
    pub(crate) by_kind: [Vec<u32>; 4],
}

/// What one document contributes, computed in parallel.
struct DocOut {
    items: Vec<Item>,
    metric_texts: Vec<Box<str>>,
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

fn doc_out(index: u32, doc: &Document) -> DocOut {
    let mut items = doc_items(index, doc);
    let mut out = DocOut {
        items: Vec::new(),
        metric_texts: Vec::new(),
        metric_refs: Vec::new(),
        keys: vec![Vec::new(); SHARDS],
    };
    let mut chars = Vec::new();
    let mut keys = Vec::new();
    for (local, it) in items.iter_mut().enumerate() {
        let owned;
        let text = match it.kind {
            Kind::Doc => doc.title(),
            Kind::Metric => {
                let m = &doc.metrics[it.metric as usize];
                owned = metric_text(m);
                out.metric_refs.push(it.metric);
                it.metric = out.metric_texts.len() as u32;
                out.metric_texts.push(owned.as_str().into());
                &owned
            }
            Kind::Heading | Kind::Text => {
                doc.line(it.line as usize).get(it.start as usize..it.end as usize).unwrap_or("")
            }
        };
        fold_mapped(text, &mut chars);
        item_keys(&chars, &mut keys);
        for &k in &keys {
            out.keys[shard_of(k)].push((k, local as u32));
        }
    }
    out.items = items;
    out
}

/// The distinct keys of a folded item: its alphanumeric characters and its pinyin trigrams.
fn item_keys(chars: &[(char, u32)], keys: &mut Vec<u32>) {
    keys.clear();
    keys.extend(chars.iter().filter(|(c, _)| c.is_alphanumeric()).map(|&(c, _)| c as u32));
    let masks: Vec<u32> = chars.iter().map(|&(c, _)| pinyin::initials(c)).collect();
    for i in 0..masks.len().saturating_sub(1) {
        let (a, b) = (masks[i], masks[i + 1]);
        if a == 0 || b == 0 {
            continue;
        }
        let c = masks.get(i + 2).copied().filter(|&m| m != 0).unwrap_or(1 << PY_END);
        for x in bits(a) {
            for y in bits(b) {
                for z in bits(c) {
                    keys.push(py_key(x, y, z));
                }
            }
        }
    }
    keys.sort_unstable();
    keys.dedup();
}

/// The set bit positions of `m`.
pub(crate) fn bits(m: u32) -> impl Iterator<Item = u32> {
    (0..32).filter(move |b| m & (1 << b) != 0)
}

impl Index {
    /// Builds the index of `docs` (in parallel); hits refer to documents by their position
    /// in `docs`.
    pub fn build(docs: &[Arc<Document>]) -> Index {
        pinyin::warm();
        let mut index = Index {
            docs: docs.to_vec(),
            items: Vec::new(),
            metric_texts: Vec::new(),
            metric_refs: Vec::new(),
            shards: (0..SHARDS).map(|_| KeyMap::default()).collect(),
            by_kind: Default::default(),
        };
        for (b, batch) in docs.chunks(BATCH).enumerate() {
            let outs: Vec<DocOut> = batch
                .par_iter()
                .enumerate()
                .map(|(i, d)| doc_out((b * BATCH + i) as u32, d))
                .collect();
            let mut bases = Vec::with_capacity(outs.len());
            for out in &outs {
                bases.push(index.items.len() as u32);
                let metric_base = index.metric_texts.len() as u32;
                index.items.extend(out.items.iter().map(|&it| match it.kind {
                    Kind::Metric => Item { metric: metric_base + it.metric, ..it },
                    _ => it,
                }));
                index.metric_texts.extend(out.metric_texts.iter().cloned());
                index.metric_refs.extend(&out.metric_refs);
            }
            index.shards.par_iter_mut().enumerate().for_each(|(s, map)| {
                for (out, &base) in outs.iter().zip(&bases) {
                    for &(key, local) in &out.keys[s] {
                        map.entry(key).or_default().push(base + local);
                    }
                }
            });
        }
        index.shards.par_iter_mut().for_each(|m| m.values_mut().for_each(Posting::shrink));
        for (id, it) in index.items.iter().enumerate() {
            index.by_kind[kind_slot(it.kind)].push(id as u32);
        }
        index.items.shrink_to_fit();
        index
    }

    /// The posting list of `key`, if any item has it.
    pub(crate) fn posting(&self, key: u32) -> Option<&Posting> {
        self.shards[shard_of(key)].get(&key)
    }

    /// The text an item is matched and shown as.
    pub(crate) fn item_text(&self, it: &Item) -> &str {
        let doc = &self.docs[it.doc as usize];
        match it.kind {
            Kind::Doc => doc.title(),
            Kind::Metric => &self.metric_texts[it.metric as usize],
            Kind::Heading | Kind::Text => {
                doc.line(it.line as usize).get(it.start as usize..it.end as usize).unwrap_or("")
            }
        }
    }

    /// The documents, in the order hits refer to them.
    pub fn docs(&self) -> &[Arc<Document>] {
        &self.docs
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
        let postings: usize = self
            .shards
            .iter()
            .map(|m| m.capacity() * 40 + m.values().map(Posting::heap_bytes).sum::<usize>())
            .sum();
        let metrics: usize = self.metric_texts.iter().map(|t| t.len() + 16).sum();
        postings
            + metrics
            + self.items.capacity() * std::mem::size_of::<Item>()
            + self.by_kind.iter().map(|v| v.capacity() * 4).sum::<usize>()
    }

    /// The enclosing heading index of item `it`, if any.
    pub(crate) fn heading_of(it: &Item) -> Option<usize> {
        (it.heading != NONE).then_some(it.heading as usize)
    }
}
