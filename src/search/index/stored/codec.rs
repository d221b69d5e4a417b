//! The stored form of the index (the layout is in the parent module's documentation): written
//! as a stream, read back in three steps: the parts (which need only the file), their check (every
//! reference, and what they ask of the documents: [`Needs`]) and their attachment to the
//! documents.

use std::io::{self, Read, Write};
use std::sync::Arc;

use rayon::prelude::*;

use super::key::Header;
use super::{FORMAT, MAGIC};
use crate::doc::Document;
use crate::search::index::{kind_dense_slot, kind_slot, shard_of, Index, KeyMap, Shard};
use crate::search::index::{DENSE_LISTS, SHARDS};
use crate::search::items::{Item, Kind};
use crate::search::postings::Lists;
use crate::search::wire::{Input, Output};
use crate::store::cache::CACHE_VERSION;

const ITEM_BYTES: usize = 19;

/// Everything of an index but its documents.
pub(super) struct Parts {
    items: Vec<Item>,
    metric_text: String,
    metric_ends: Vec<u32>,
    metric_refs: Vec<u32>,
    by_kind: [Vec<u32>; 4],
    shards: Vec<Shard>,
}

fn write_header<W: Write>(out: &mut Output<W>, h: &Header) -> io::Result<()> {
    out.bytes(MAGIC)?;
    out.u32(FORMAT)?;
    out.u32(CACHE_VERSION)?;
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    out.len(version.len())?;
    out.bytes(version)?;
    out.u64(h.paths)?;
    out.u64(h.content)?;
    out.u64(h.docs)
}

pub(super) fn read_header<R: Read>(input: &mut Input<R>) -> Option<Header> {
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let ours = &input.array::<8>()? == MAGIC
        && input.u32()? == FORMAT
        && input.u32()? == CACHE_VERSION
        && input.len()? == version.len()
        && input.bytes(version.len() as u64)? == version;
    ours.then_some(())?;
    Some(Header { paths: input.u64()?, content: input.u64()?, docs: input.u64()? })
}

fn encode_item(it: &Item) -> [u8; ITEM_BYTES] {
    let mut b = [0; ITEM_BYTES];
    for (slot, w) in b.chunks_exact_mut(4).zip([it.doc, it.line, it.start, it.end]) {
        slot.copy_from_slice(&w.to_le_bytes());
    }
    b[16..18].copy_from_slice(&it.chars.to_le_bytes());
    b[18] = kind_slot(it.kind) as u8;
    b
}

fn decode_item(b: &[u8; ITEM_BYTES]) -> Option<Item> {
    let word = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let kind = match b[18] {
        0 => Kind::Doc,
        1 => Kind::Heading,
        2 => Kind::Text,
        3 => Kind::Metric,
        _ => return None,
    };
    let chars = u16::from_le_bytes([b[16], b[17]]);
    Some(Item { doc: word(0), line: word(4), start: word(8), end: word(12), chars, kind })
}

impl Index {
    /// Writes the index in the cache's format.
    pub(crate) fn write_to(&self, w: &mut dyn Write) -> io::Result<()> {
        let mut out = Output::new(w);
        write_header(&mut out, &Header::of(&self.docs))?;
        out.len(self.items.len())?;
        out.records(&self.items, encode_item)?;
        out.len(self.metric_text.len())?;
        out.bytes(self.metric_text.as_bytes())?;
        out.len(self.metric_ends.len())?;
        out.u32s(&self.metric_ends)?;
        out.len(self.metric_refs.len())?;
        out.u32s(&self.metric_refs)?;
        for ids in &self.by_kind {
            out.len(ids.len())?;
            out.u32s(ids)?;
        }
        out.len(self.shards.len())?;
        for shard in &self.shards {
            let mut sparse: Vec<(u32, u32)> = shard.sparse.iter().map(|(&k, &l)| (k, l)).collect();
            sparse.sort_unstable();
            out.len(sparse.len())?;
            out.records(&sparse, |&(k, l)| {
                let mut b = [0; 8];
                b[..4].copy_from_slice(&k.to_le_bytes());
                b[4..].copy_from_slice(&l.to_le_bytes());
                b
            })?;
            shard.lists.write_to(&mut out)?;
        }
        out.finish().map(drop)
    }
}

/// Reads the parts of an index written by [`Index::write_to`] from a stream of `len` bytes,
/// if its header is `wanted` (else stops there); `None` if the stream is from another
/// version or damaged in any way.
pub(super) fn read_parts<R: Read>(
    r: R,
    len: u64,
    wanted: impl FnOnce(&Header) -> bool,
) -> Option<(Header, Parts)> {
    let mut input = Input::new(r, len)?;
    let header = read_header(&mut input)?;
    if !wanted(&header) {
        return None;
    }
    let n = input.len()?;
    let items = input.records(n, decode_item)?;
    let text_len = input.len()?;
    // encoding_rs checks UTF-8 several times faster than std on Chinese text.
    let bytes = input.bytes(text_len as u64)?;
    let metric_text = encoding_rs::UTF_8
        .decode_without_bom_handling_and_without_replacement(&bytes)?
        .into_owned();
    let n = input.len()?;
    let metric_ends = input.u32s(n)?;
    let n = input.len()?;
    let metric_refs = input.u32s(n)?;
    let mut by_kind: [Vec<u32>; 4] = Default::default();
    for ids in &mut by_kind {
        let n = input.len()?;
        *ids = input.u32s(n)?;
    }
    if input.len()? != SHARDS {
        return None;
    }
    let mut shards = Vec::with_capacity(SHARDS);
    for s in 0..SHARDS {
        let n = input.len()?;
        let pairs = input.records(n, |b: &[u8; 8]| {
            let [k0, k1, k2, k3, l0, l1, l2, l3] = *b;
            Some((u32::from_le_bytes([k0, k1, k2, k3]), u32::from_le_bytes([l0, l1, l2, l3])))
        })?;
        let lists = Lists::read_from(&mut input)?;
        let sparse_ok = lists.list_count() >= DENSE_LISTS
            && pairs.iter().all(|&(k, l)| {
                kind_dense_slot(k).is_none()
                    && shard_of(k) == s
                    && (DENSE_LISTS..lists.list_count()).contains(&(l as usize))
            });
        // Every id a list can yield names an item (see `Posting::iter`).
        let ids_ok = lists.max_id().is_none_or(|id| (id as usize) < items.len());
        if !sparse_ok || !ids_ok {
            return None;
        }
        let mut sparse = KeyMap::default();
        sparse.extend(pairs);
        shards.push(Shard { sparse, lists });
    }
    if !input.finish() {
        return None;
    }
    Some((header, Parts { items, metric_text, metric_ends, metric_refs, by_kind, shards }))
}

/// Items checked per task when the check runs in parallel.
const CHECK_CHUNK: usize = 1 << 16;

/// What stored parts ask of the documents they are attached to: as many documents, each with
/// at least as many metrics as its metric items refer to. Found from the parts alone, so that
/// a warm start does it while the documents still load, and attaching is then one comparison
/// per document.
pub(super) struct Needs {
    /// Per document: the highest metric number its metric items name, plus one.
    metrics: Vec<u64>,
}

impl Parts {
    /// The index of `docs` made of these parts, if every reference fits them.
    pub(super) fn into_index(self, docs: &[Arc<Document>]) -> Option<Index> {
        let needs = self.check(docs.len(), true)?;
        self.attach(&needs, docs)
    }

    /// Checks every reference that stays within the parts (metric texts to their ends, ids
    /// per kind to items of that kind, spans in order, metric items to metric references) and
    /// that every item names one of `docs` documents; then what the items ask of those
    /// documents. `None` if a reference is out of range. On the shared pool when `parallel`
    /// (else on the caller's thread alone: while documents load, the pool is theirs).
    pub(super) fn check(&self, docs: usize, parallel: bool) -> Option<Needs> {
        let ends_ok = self.metric_ends.windows(2).all(|w| w[0] <= w[1])
            && self.metric_ends.last().is_none_or(|&e| e as usize <= self.metric_text.len())
            && self.metric_refs.len() == self.metric_ends.len();
        let kind_ok = |slot: usize, ids: &[u32]| {
            ids.iter()
                .all(|&id| self.items.get(id as usize).is_some_and(|it| kind_slot(it.kind) == slot))
        };
        let kinds_ok = if parallel {
            self.by_kind
                .par_iter()
                .enumerate()
                .all(|(slot, ids)| ids.par_chunks(CHECK_CHUNK).all(|chunk| kind_ok(slot, chunk)))
        } else {
            self.by_kind.iter().enumerate().all(|(slot, ids)| kind_ok(slot, ids))
        };
        if !ends_ok || !kinds_ok {
            return None;
        }
        let per_chunk = |chunk: &[Item]| self.chunk_needs(chunk, docs);
        let found: Option<Vec<Vec<(u32, u64)>>> = if parallel {
            self.items.par_chunks(CHECK_CHUNK).map(per_chunk).collect()
        } else {
            self.items.chunks(CHECK_CHUNK).map(per_chunk).collect()
        };
        let mut metrics = vec![0; docs];
        for (doc, need) in found?.into_iter().flatten() {
            let slot = &mut metrics[doc as usize];
            *slot = (*slot).max(need);
        }
        Some(Needs { metrics })
    }

    /// The metric counts the items of `chunk` ask of their documents (one entry per run of
    /// items of one document); `None` if an item names no document of `docs`, or its span or
    /// metric reference is out of range.
    fn chunk_needs(&self, chunk: &[Item], docs: usize) -> Option<Vec<(u32, u64)>> {
        let mut needs: Vec<(u32, u64)> = Vec::new();
        for it in chunk {
            if it.doc as usize >= docs {
                return None;
            }
            match it.kind {
                // `end` numbers the metric's text, whose reference must name one of its
                // document's metrics.
                Kind::Metric => {
                    let need = u64::from(*self.metric_refs.get(it.end as usize)?) + 1;
                    match needs.last_mut() {
                        Some((doc, most)) if *doc == it.doc => *most = (*most).max(need),
                        _ => needs.push((it.doc, need)),
                    }
                }
                _ if it.start > it.end => return None,
                _ => {}
            }
        }
        Some(needs)
    }

    /// An index of `docs` made of these parts with the first item naming a document past the
    /// last (for tests: stored, it has a valid checksum and a bad reference).
    #[cfg(test)]
    pub(super) fn damaged(mut self, docs: &[Arc<Document>]) -> Index {
        if let Some(it) = self.items.first_mut() {
            it.doc = docs.len() as u32;
        }
        let Parts { items, metric_text, metric_ends, metric_refs, by_kind, shards } = self;
        let docs = docs.to_vec();
        Index { docs, items, metric_text, metric_ends, metric_refs, shards, by_kind }
    }

    /// The index of `docs` made of these parts, when the documents are as many as
    /// [`Parts::check`] was told and have the metrics it found the items need.
    pub(super) fn attach(self, needs: &Needs, docs: &[Arc<Document>]) -> Option<Index> {
        let fits = needs.metrics.len() == docs.len()
            && docs.iter().zip(&needs.metrics).all(|(d, &n)| d.metrics.len() as u64 >= n);
        fits.then_some(())?;
        let Parts { items, metric_text, metric_ends, metric_refs, by_kind, shards } = self;
        Some(Index {
            docs: docs.to_vec(),
            items,
            metric_text,
            metric_ends,
            metric_refs,
            shards,
            by_kind,
        })
    }
}
