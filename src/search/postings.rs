//! Posting lists: for each key (a folded character, or a pair of pinyin initials), the sorted
//! ids of the items that contain it, delta- and varint-encoded (about a byte per entry).
//!
//! Each list is a chain of blocks (the arena position of the next block, then payload) in one
//! arena per shard, so that thousands of growing lists neither reallocate one by one nor
//! leave the heap fragmented. The chains are also the finished form: copying every list into
//! one exact-size array once built briefly needed both copies, and at 20,000 reports that
//! copy was the largest part of the peak memory. A list's first block is small (most lists
//! are short), the others large (a long list is read a cache-friendly stretch at a time);
//! links and unused block ends cost about 3 %. The arena grows by fixed chunks (no doubled
//! array with half of it spare).

use super::wire::{Input, Output};

/// The arena's unit: blocks start at a multiple of it, and are addressed in units.
const UNIT: usize = 64;
/// Units of a list's first block and of every later block.
const FIRST_UNITS: usize = 1;
const LATER_UNITS: usize = 8;
/// Payload bytes of a first and a later block (after the 4-byte link).
const FIRST_PAYLOAD: usize = FIRST_UNITS * UNIT - 4;
const LATER_PAYLOAD: usize = LATER_UNITS * UNIT - 4;
/// Units per arena chunk (64 KiB); a block never straddles two chunks.
const CHUNK_UNITS: usize = 1024;
const NIL: u32 = u32::MAX;

/// Where byte `len` of a list's payload goes: (whether it opens a new block, the offset in
/// its block after the link, the units of that block).
#[inline]
fn place(len: usize) -> (bool, usize, usize) {
    if len < FIRST_PAYLOAD {
        (len == 0, len, FIRST_UNITS)
    } else {
        let at = (len - FIRST_PAYLOAD) % LATER_PAYLOAD;
        (at == 0, at, LATER_UNITS)
    }
}

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
    /// Chunks of [`CHUNK_UNITS`] units; unit `u` is in chunk `u / CHUNK_UNITS`.
    arena: Vec<Box<[u8]>>,
    /// Units handed out (including those skipped at a chunk's end).
    units: usize,
    /// For each list number, its chain in `chains`, or [`NIL`] while it is empty (most of the
    /// numbers, which are one per character of the BMP: 4 bytes each, not a whole chain).
    lists: Vec<u32>,
    chains: Vec<Chain>,
}

impl Lists {
    /// `lists` empty lists.
    pub fn new(lists: usize) -> Self {
        Lists { arena: Vec::new(), units: 0, lists: vec![NIL; lists], chains: Vec::new() }
    }

    /// Adds an empty list; its number.
    pub fn add_list(&mut self) -> u32 {
        self.lists.push(NIL);
        (self.lists.len() - 1) as u32
    }

    /// The block of `units` units at unit `u`.
    /// Empty when there is no such block (only a damaged cache file could link to one).
    fn block(&self, u: u32, units: usize) -> &[u8] {
        let u = u as usize;
        let start = (u % CHUNK_UNITS) * UNIT;
        let chunk = self.arena.get(u / CHUNK_UNITS);
        chunk.and_then(|c| c.get(start..start + units * UNIT)).unwrap_or_default()
    }

    fn block_mut(&mut self, u: u32, units: usize) -> &mut [u8] {
        let u = u as usize;
        &mut self.arena[u / CHUNK_UNITS][(u % CHUNK_UNITS) * UNIT..][..units * UNIT]
    }

    /// A new block of `units` units, its link set to none; its first unit.
    fn new_block(&mut self, units: usize) -> u32 {
        let in_chunk = self.units % CHUNK_UNITS;
        if self.units == self.arena.len() * CHUNK_UNITS || in_chunk + units > CHUNK_UNITS {
            if in_chunk != 0 {
                self.units += CHUNK_UNITS - in_chunk;
            }
            self.arena.push(vec![0; CHUNK_UNITS * UNIT].into_boxed_slice());
        }
        let u = self.units as u32;
        self.units += units;
        self.block_mut(u, units)[..4].copy_from_slice(&NIL.to_le_bytes());
        u
    }

    /// Appends `id` to list `list`; `id` must be greater than every id already in it.
    pub fn push(&mut self, list: u32, id: u32) {
        let slot = &mut self.lists[list as usize];
        if *slot == NIL {
            *slot = self.chains.len() as u32;
            self.chains.push(Chain::default());
        }
        let chain = *slot as usize;
        let mut c = self.chains[chain];
        let mut delta = if c.count == 0 { id } else { id - c.last };
        c.last = id;
        c.count += 1;
        loop {
            let byte = if delta >= 0x80 { (delta as u8) | 0x80 } else { delta as u8 };
            let (opens, at, units) = place(c.len as usize);
            if opens {
                let b = self.new_block(units);
                if c.tail == NIL {
                    c.head = b;
                } else {
                    let tail_units =
                        if c.len as usize == FIRST_PAYLOAD { FIRST_UNITS } else { units };
                    self.block_mut(c.tail, tail_units)[..4].copy_from_slice(&b.to_le_bytes());
                }
                c.tail = b;
            }
            self.block_mut(c.tail, units)[4 + at] = byte;
            c.len += 1;
            if delta < 0x80 {
                break;
            }
            delta >>= 7;
        }
        self.chains[chain] = c;
    }

    /// Gives back spare capacity once every id is in.
    pub fn finish(&mut self) {
        self.chains.shrink_to_fit();
        self.arena.shrink_to_fit();
    }

    /// List `list`, if it has any id.
    pub fn get(&self, list: u32) -> Option<Posting<'_>> {
        let c = self.chains.get(*self.lists.get(list as usize)? as usize)?;
        let posting =
            Posting { count: c.count, len: c.len, head: c.head, last: c.last, lists: self };
        (c.count > 0).then_some(posting)
    }

    /// The greatest id in any list, if any list has one.
    pub fn max_id(&self) -> Option<u32> {
        self.chains.iter().filter(|c| c.count > 0).map(|c| c.last).max()
    }

    /// Writes the lists for the index cache: the numbers of lists, chains and units, each
    /// list's chain number, each chain as five `u32`s, then the arena's units as they are.
    pub fn write_to<W: std::io::Write>(&self, out: &mut Output<W>) -> std::io::Result<()> {
        out.len(self.lists.len())?;
        out.len(self.chains.len())?;
        out.len(self.units)?;
        out.u32s(&self.lists)?;
        out.records(&self.chains, |c| {
            let mut b = [0; 20];
            let words = [c.count, c.last, c.len, c.head, c.tail];
            for (slot, w) in b.chunks_exact_mut(4).zip(words) {
                slot.copy_from_slice(&w.to_le_bytes());
            }
            b
        })?;
        let mut left = self.units * UNIT;
        for chunk in &self.arena {
            let used = left.min(chunk.len());
            out.bytes(&chunk[..used])?;
            left -= used;
        }
        Ok(())
    }

    /// Reads what [`Lists::write_to`] wrote; `None` unless every list number names a chain
    /// and every chain's first and last blocks lie within one arena chunk of the units read
    /// (the links between blocks are covered by the stream's checksum).
    pub fn read_from<R: std::io::Read>(input: &mut Input<R>) -> Option<Lists> {
        let (n_lists, n_chains, units) = (input.len()?, input.len()?, input.len()?);
        let lists = input.u32s(n_lists)?;
        let block_fits = |u: u32, units_of: usize| {
            let u = u as usize;
            u + units_of <= units && u % CHUNK_UNITS + units_of <= CHUNK_UNITS
        };
        let chains = input.records(n_chains, |b: &[u8; 20]| {
            let mut w = b.chunks_exact(4).map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]));
            let mut next = || w.next().unwrap_or(NIL);
            let c = Chain { count: next(), last: next(), len: next(), head: next(), tail: next() };
            let tail_units =
                if (c.len as usize) <= FIRST_PAYLOAD { FIRST_UNITS } else { LATER_UNITS };
            let fits = c.count == 0
                || (block_fits(c.head, FIRST_UNITS)
                    && block_fits(c.tail, tail_units)
                    && (c.count..=c.count.saturating_mul(5)).contains(&c.len));
            fits.then_some(c)
        })?;
        let numbered = lists.iter().all(|&l| l == NIL || (l as usize) < chains.len());
        if !numbered || (units as u64).checked_mul(UNIT as u64)? > input.left() {
            return None;
        }
        let mut arena = Vec::with_capacity(units.div_ceil(CHUNK_UNITS));
        let mut left = units * UNIT;
        while left > 0 {
            let mut chunk = vec![0; CHUNK_UNITS * UNIT].into_boxed_slice();
            let used = left.min(chunk.len());
            input.fill(&mut chunk[..used])?;
            arena.push(chunk);
            left -= used;
        }
        Some(Lists { arena, units, lists, chains })
    }

    /// Number of lists.
    pub fn list_count(&self) -> usize {
        self.lists.len()
    }

    /// Bytes used.
    pub fn heap_bytes(&self) -> usize {
        self.arena.len() * CHUNK_UNITS * UNIT
            + self.lists.capacity() * 4
            + self.chains.capacity() * std::mem::size_of::<Chain>()
    }
}

/// One key's sorted item ids.
#[derive(Clone, Copy)]
pub(crate) struct Posting<'a> {
    count: u32,
    len: u32,
    head: u32,
    /// The greatest id: decoding stops rather than go beyond it.
    last: u32,
    lists: &'a Lists,
}

impl<'a> Posting<'a> {
    /// Number of ids.
    pub fn len(self) -> usize {
        self.count as usize
    }

    /// The ids in ascending order. Bytes that do not decode to ascending ids up to the
    /// list's last (a damaged cache file whose checksum still matched) end the list early,
    /// never read out of bounds.
    pub fn iter(self) -> impl Iterator<Item = u32> + 'a {
        let lists = self.lists;
        let mut block = lists.block(self.head, FIRST_UNITS);
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
                if at == block.len() {
                    let next = u32::from_le_bytes(*block.first_chunk()?);
                    block = lists.block(next, LATER_UNITS);
                    at = 4;
                }
                let b = *block.get(at)?;
                at += 1;
                left -= 1;
                delta |= u32::from(b & 0x7F) << shift;
                shift += 7;
                if b < 0x80 {
                    break;
                }
            }
            acc = if first { delta } else { acc.checked_add(delta)? };
            first = false;
            (acc <= self.last).then_some(acc)
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
