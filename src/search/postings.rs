//! Posting lists: for each key (a folded character, or a run of pinyin initials), the sorted
//! ids of the items that contain it, delta- and varint-encoded (about a byte per entry).
//!
//! While the index is built, each list is a chain of small blocks in one arena per shard, so
//! that thousands of growing lists do not each reallocate (and leave the heap fragmented);
//! once built, every list is copied into one exact-size byte array per shard.

use super::wire::{Input, Output};

/// Bytes per block: the index of the next block, then payload.
const BLOCK: usize = 32;
const PAYLOAD: usize = BLOCK - 4;
const NIL: u32 = u32::MAX;

/// One list under construction.
#[derive(Clone, Copy)]
struct Chain {
    count: u32,
    last: u32,
    len: u32,
    head: u32,
    tail: u32,
}

impl Default for Chain {
    fn default() -> Self {
        Chain { count: 0, last: 0, len: 0, head: NIL, tail: NIL }
    }
}

/// Posting lists under construction, numbered from 0.
#[derive(Default)]
pub(crate) struct Builder {
    arena: Vec<u8>,
    chains: Vec<Chain>,
}

impl Builder {
    /// A builder with `lists` empty lists.
    pub fn new(lists: usize) -> Self {
        Builder { arena: Vec::new(), chains: vec![Chain::default(); lists] }
    }

    /// Adds an empty list; its number.
    pub fn add_list(&mut self) -> u32 {
        self.chains.push(Chain::default());
        (self.chains.len() - 1) as u32
    }

    /// Appends `id` to list `list`; `id` must be greater than every id already in it.
    pub fn push(&mut self, list: u32, id: u32) {
        let c = &mut self.chains[list as usize];
        let arena = &mut self.arena;
        let mut delta = if c.count == 0 { id } else { id - c.last };
        c.last = id;
        c.count += 1;
        loop {
            let byte = if delta >= 0x80 { (delta as u8) | 0x80 } else { delta as u8 };
            let at = c.len as usize % PAYLOAD;
            if at == 0 {
                let b = (arena.len() / BLOCK) as u32;
                arena.resize(arena.len() + BLOCK, 0);
                arena[b as usize * BLOCK..][..4].copy_from_slice(&NIL.to_le_bytes());
                if c.tail == NIL {
                    c.head = b;
                } else {
                    arena[c.tail as usize * BLOCK..][..4].copy_from_slice(&b.to_le_bytes());
                }
                c.tail = b;
            }
            arena[c.tail as usize * BLOCK + 4 + at] = byte;
            c.len += 1;
            if delta < 0x80 {
                break;
            }
            delta >>= 7;
        }
    }

    /// Copies every list into one exact-size array.
    pub fn freeze(&self) -> Frozen {
        let total: usize = self.chains.iter().map(|c| c.len as usize).sum();
        let mut bytes = Vec::with_capacity(total);
        let mut lists = Vec::with_capacity(self.chains.len());
        for c in &self.chains {
            lists.push(Span { count: c.count, start: bytes.len() as u32 });
            let (mut left, mut b) = (c.len as usize, c.head as usize);
            while left > 0 {
                let block = &self.arena[b * BLOCK..(b + 1) * BLOCK];
                let n = left.min(PAYLOAD);
                bytes.extend_from_slice(&block[4..4 + n]);
                left -= n;
                b = u32::from_le_bytes([block[0], block[1], block[2], block[3]]) as usize;
            }
        }
        Frozen { bytes, lists }
    }
}

#[derive(Clone, Copy)]
struct Span {
    count: u32,
    start: u32,
}

/// Finished posting lists: their bytes end to end.
#[derive(Default)]
pub(crate) struct Frozen {
    bytes: Vec<u8>,
    lists: Vec<Span>,
}

impl Frozen {
    /// List `list`, if it has any id.
    pub fn get(&self, list: u32) -> Option<Posting<'_>> {
        let s = self.lists.get(list as usize)?;
        if s.count == 0 {
            return None;
        }
        let end = self.lists.get(list as usize + 1).map_or(self.bytes.len(), |n| n.start as usize);
        Some(Posting { count: s.count, bytes: self.bytes.get(s.start as usize..end)? })
    }

    /// Writes the lists for the index cache: their count, the byte count, the spans as
    /// `(count, start)` pairs, then the bytes as they are.
    pub fn write_to<W: std::io::Write>(&self, out: &mut Output<W>) -> std::io::Result<()> {
        out.len(self.lists.len())?;
        out.len(self.bytes.len())?;
        out.records(&self.lists, |s| {
            let mut b = [0; 8];
            b[..4].copy_from_slice(&s.count.to_le_bytes());
            b[4..].copy_from_slice(&s.start.to_le_bytes());
            b
        })?;
        out.bytes(&self.bytes)
    }

    /// Reads what [`Frozen::write_to`] wrote; `None` unless the spans are in order within
    /// the bytes (so that [`Frozen::get`] finds every list where it was).
    pub fn read_from<R: std::io::Read>(input: &mut Input<R>) -> Option<Frozen> {
        let (n, len) = (input.len()?, input.len()?);
        let lists = input.records(n, |b: &[u8; 8]| {
            let [c0, c1, c2, c3, s0, s1, s2, s3] = *b;
            Some(Span {
                count: u32::from_le_bytes([c0, c1, c2, c3]),
                start: u32::from_le_bytes([s0, s1, s2, s3]),
            })
        })?;
        let bytes = input.bytes(len as u64)?;
        let in_order = lists.windows(2).all(|w| w[0].start <= w[1].start)
            && lists.last().is_none_or(|s| s.start as usize <= bytes.len())
            && lists.first().is_none_or(|s| s.start == 0);
        in_order.then_some(Frozen { bytes, lists })
    }

    /// Number of lists.
    pub fn list_count(&self) -> usize {
        self.lists.len()
    }

    /// Bytes used.
    pub fn heap_bytes(&self) -> usize {
        self.bytes.capacity() + self.lists.capacity() * std::mem::size_of::<Span>()
    }
}

/// One key's sorted item ids.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Posting<'a> {
    count: u32,
    bytes: &'a [u8],
}

impl<'a> Posting<'a> {
    /// Number of ids.
    pub fn len(self) -> usize {
        self.count as usize
    }

    /// The ids in ascending order.
    pub fn iter(self) -> impl Iterator<Item = u32> + 'a {
        let bytes = self.bytes;
        let mut pos = 0;
        let mut acc = 0u32;
        let mut first = true;
        std::iter::from_fn(move || {
            let mut delta = 0u32;
            let mut shift = 0;
            loop {
                let b = *bytes.get(pos)?;
                pos += 1;
                delta |= u32::from(b & 0x7F) << shift;
                shift += 7;
                if b < 0x80 {
                    break;
                }
            }
            acc = if first { delta } else { acc + delta };
            first = false;
            Some(acc)
        })
    }
}

/// Keeps the ids of sorted `ids` that are also in `p`.
pub(crate) fn intersect(ids: &mut Vec<u32>, p: Posting<'_>) {
    let mut it = p.iter().peekable();
    ids.retain(|&id| {
        while it.next_if(|&x| x < id).is_some() {}
        it.peek() == Some(&id)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_intersection() {
        let mut b = Builder::new(2);
        let ids = [0u32, 1, 5, 200, 70_000, 70_001, 4_000_000_000];
        // Interleaved lists, long enough to span several blocks.
        let long: Vec<u32> = (0..500).map(|i| i * 300).collect();
        for (i, &id) in ids.iter().enumerate() {
            b.push(0, id);
            long[(i * 72).min(500)..(i * 72 + 72).min(500)].iter().for_each(|&x| b.push(1, x));
        }
        let extra = b.add_list();
        let f = b.freeze();
        let p = f.get(0).expect("list 0");
        assert_eq!(p.iter().collect::<Vec<_>>(), ids);
        assert_eq!(p.len(), ids.len());
        assert_eq!(f.get(1).expect("list 1").iter().collect::<Vec<_>>(), long);
        assert!(f.get(extra).is_none());
        let mut v = vec![1, 2, 5, 70_001, 80_000];
        intersect(&mut v, p);
        assert_eq!(v, [1, 5, 70_001]);
    }
}
