//! Posting lists: for each key (a folded character, or a pair of pinyin initials), the sorted
//! ids of the items that contain it, delta- and varint-encoded (about a byte per entry).
//!
//! Each list is a chain of 64-byte blocks (the index of the next block, then payload) in one
//! arena per shard, so that thousands of growing lists neither reallocate one by one nor
//! leave the heap fragmented. The chains are also the finished form: copying every list into
//! one exact-size array once built briefly needed both copies, and at 20,000 reports that
//! copy was the largest part of the peak memory; the blocks' links cost 6 %. The arena grows
//! by fixed chunks (no doubled array with half of it spare).

use super::wire::{Input, Output};

/// Bytes per block: the index of the next block, then payload.
const BLOCK: usize = 64;
const PAYLOAD: usize = BLOCK - 4;
/// Blocks per arena chunk (256 KiB).
const CHUNK_BLOCKS: usize = 4096;
const NIL: u32 = u32::MAX;

/// One list.
#[derive(Clone, Copy)]
struct Chain {
    /// Number of ids.
    count: u32,
    /// The last id pushed.
    last: u32,
    /// Payload bytes.
    len: u32,
    head: u32,
    tail: u32,
}

impl Default for Chain {
    fn default() -> Self {
        Chain { count: 0, last: 0, len: 0, head: NIL, tail: NIL }
    }
}

/// Posting lists, numbered from 0.
#[derive(Default)]
pub(crate) struct Lists {
    /// Chunks of [`CHUNK_BLOCKS`] blocks; block `b` is in chunk `b / CHUNK_BLOCKS`.
    arena: Vec<Box<[u8]>>,
    /// Blocks handed out.
    blocks: usize,
    chains: Vec<Chain>,
}

impl Lists {
    /// `lists` empty lists.
    pub fn new(lists: usize) -> Self {
        Lists { arena: Vec::new(), blocks: 0, chains: vec![Chain::default(); lists] }
    }

    /// Adds an empty list; its number.
    pub fn add_list(&mut self) -> u32 {
        self.chains.push(Chain::default());
        (self.chains.len() - 1) as u32
    }

    /// Block `b`.
    fn block(&self, b: u32) -> &[u8] {
        let b = b as usize;
        &self.arena[b / CHUNK_BLOCKS][(b % CHUNK_BLOCKS) * BLOCK..][..BLOCK]
    }

    fn block_mut(&mut self, b: u32) -> &mut [u8] {
        let b = b as usize;
        &mut self.arena[b / CHUNK_BLOCKS][(b % CHUNK_BLOCKS) * BLOCK..][..BLOCK]
    }

    /// A new block, its next-block index set to none.
    fn new_block(&mut self) -> u32 {
        if self.blocks == self.arena.len() * CHUNK_BLOCKS {
            self.arena.push(vec![0; CHUNK_BLOCKS * BLOCK].into_boxed_slice());
        }
        let b = self.blocks as u32;
        self.blocks += 1;
        self.block_mut(b)[..4].copy_from_slice(&NIL.to_le_bytes());
        b
    }

    /// Appends `id` to list `list`; `id` must be greater than every id already in it.
    pub fn push(&mut self, list: u32, id: u32) {
        let mut c = self.chains[list as usize];
        let mut delta = if c.count == 0 { id } else { id - c.last };
        c.last = id;
        c.count += 1;
        loop {
            let byte = if delta >= 0x80 { (delta as u8) | 0x80 } else { delta as u8 };
            let at = c.len as usize % PAYLOAD;
            if at == 0 {
                let b = self.new_block();
                if c.tail == NIL {
                    c.head = b;
                } else {
                    self.block_mut(c.tail)[..4].copy_from_slice(&b.to_le_bytes());
                }
                c.tail = b;
            }
            self.block_mut(c.tail)[4 + at] = byte;
            c.len += 1;
            if delta < 0x80 {
                break;
            }
            delta >>= 7;
        }
        self.chains[list as usize] = c;
    }

    /// Gives back spare capacity once every id is in.
    pub fn finish(&mut self) {
        self.chains.shrink_to_fit();
        self.arena.shrink_to_fit();
    }

    /// List `list`, if it has any id.
    pub fn get(&self, list: u32) -> Option<Posting<'_>> {
        let c = self.chains.get(list as usize)?;
        (c.count > 0).then_some(Posting { count: c.count, len: c.len, head: c.head, lists: self })
    }

    /// Writes the lists for the index cache: the number of lists and of blocks, each list's
    /// chain as five `u32`s, then the blocks as they are.
    pub fn write_to<W: std::io::Write>(&self, out: &mut Output<W>) -> std::io::Result<()> {
        out.len(self.chains.len())?;
        out.len(self.blocks)?;
        out.records(&self.chains, |c| {
            let mut b = [0; 20];
            let words = [c.count, c.last, c.len, c.head, c.tail];
            for (slot, w) in b.chunks_exact_mut(4).zip(words) {
                slot.copy_from_slice(&w.to_le_bytes());
            }
            b
        })?;
        let mut left = self.blocks * BLOCK;
        for chunk in &self.arena {
            let used = left.min(chunk.len());
            out.bytes(&chunk[..used])?;
            left -= used;
        }
        Ok(())
    }

    /// Reads what [`Lists::write_to`] wrote; `None` unless every list's first block is there
    /// (the links between blocks are covered by the stream's checksum).
    pub fn read_from<R: std::io::Read>(input: &mut Input<R>) -> Option<Lists> {
        let (n, blocks) = (input.len()?, input.len()?);
        let chains = input.records(n, |b: &[u8; 20]| {
            let mut w = b.chunks_exact(4).map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]));
            let mut next = || w.next().unwrap_or(NIL);
            let c = Chain { count: next(), last: next(), len: next(), head: next(), tail: next() };
            let fits = if c.count == 0 {
                c.len == 0 && c.head == NIL && c.tail == NIL
            } else {
                (c.head as usize) < blocks
                    && (c.tail as usize) < blocks
                    && (c.count..=c.count.saturating_mul(5)).contains(&c.len)
            };
            fits.then_some(c)
        })?;
        if (blocks as u64).checked_mul(BLOCK as u64)? > input.left() {
            return None;
        }
        let mut arena = Vec::with_capacity(blocks.div_ceil(CHUNK_BLOCKS));
        let mut left = blocks * BLOCK;
        while left > 0 {
            let mut chunk = vec![0; CHUNK_BLOCKS * BLOCK].into_boxed_slice();
            let used = left.min(chunk.len());
            input.fill(&mut chunk[..used])?;
            arena.push(chunk);
            left -= used;
        }
        Some(Lists { arena, blocks, chains })
    }

    /// Number of lists.
    pub fn list_count(&self) -> usize {
        self.chains.len()
    }

    /// Bytes used.
    pub fn heap_bytes(&self) -> usize {
        self.arena.len() * CHUNK_BLOCKS * BLOCK
            + self.chains.capacity() * std::mem::size_of::<Chain>()
    }
}

/// One key's sorted item ids.
#[derive(Clone, Copy)]
pub(crate) struct Posting<'a> {
    count: u32,
    len: u32,
    head: u32,
    lists: &'a Lists,
}

impl<'a> Posting<'a> {
    /// Number of ids.
    pub fn len(self) -> usize {
        self.count as usize
    }

    /// The ids in ascending order.
    pub fn iter(self) -> impl Iterator<Item = u32> + 'a {
        let lists = self.lists;
        let mut block = lists.block(self.head);
        let mut at = 4;
        let mut left = self.len;
        let mut acc = 0u32;
        let mut first = true;
        std::iter::from_fn(move || {
            let mut delta = 0u32;
            let mut shift = 0;
            loop {
                if left == 0 {
                    return None;
                }
                if at == BLOCK {
                    let next = u32::from_le_bytes([block[0], block[1], block[2], block[3]]);
                    block = lists.block(next);
                    at = 4;
                }
                let b = block[at];
                at += 1;
                left -= 1;
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
        let mut b = Lists::new(2);
        let ids = [0u32, 1, 5, 200, 70_000, 70_001, 4_000_000_000];
        // Interleaved lists, long enough to span several blocks and several chunks.
        let long: Vec<u32> = (0..600_000).map(|i| i * 3).collect();
        let per = long.len() / ids.len() + 1;
        for (i, &id) in ids.iter().enumerate() {
            b.push(0, id);
            long.iter().skip(i * per).take(per).for_each(|&x| b.push(1, x));
        }
        let extra = b.add_list();
        b.finish();
        assert!(b.arena.len() > 1, "the test spans several chunks");
        let p = b.get(0).expect("list 0");
        assert_eq!(p.iter().collect::<Vec<_>>(), ids);
        assert_eq!(p.len(), ids.len());
        assert_eq!(b.get(1).expect("list 1").iter().collect::<Vec<_>>(), long);
        assert!(b.get(extra).is_none());
        let mut v = vec![1, 2, 5, 70_001, 80_000];
        intersect(&mut v, p);
        assert_eq!(v, [1, 5, 70_001]);
    }
}
