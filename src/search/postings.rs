//! Posting lists: for each key (a folded character, or a run of pinyin initials), the sorted
//! ids of the items that contain it, delta- and varint-encoded (about a byte per entry).

/// One key's sorted item ids.
#[derive(Debug, Default, Clone)]
pub(crate) struct Posting {
    count: u32,
    last: u32,
    bytes: Vec<u8>,
}

impl Posting {
    /// Appends `id`, which must be greater than every id already in the list.
    pub fn push(&mut self, id: u32) {
        let mut delta = if self.count == 0 { id } else { id - self.last };
        while delta >= 0x80 {
            self.bytes.push((delta as u8) | 0x80);
            delta >>= 7;
        }
        self.bytes.push(delta as u8);
        self.last = id;
        self.count += 1;
    }

    /// Number of ids.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// Bytes used.
    pub fn heap_bytes(&self) -> usize {
        self.bytes.capacity()
    }

    /// Frees spare capacity once the list is complete.
    pub fn shrink(&mut self) {
        self.bytes.shrink_to_fit();
    }

    /// The ids in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        let mut pos = 0;
        let mut acc = 0u32;
        let mut first = true;
        std::iter::from_fn(move || {
            let mut delta = 0u32;
            let mut shift = 0;
            loop {
                let b = *self.bytes.get(pos)?;
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
pub(crate) fn intersect(ids: &mut Vec<u32>, p: &Posting) {
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
        let mut p = Posting::default();
        let ids = [0u32, 1, 5, 200, 70_000, 70_001, 4_000_000_000];
        ids.iter().for_each(|&i| p.push(i));
        assert_eq!(p.iter().collect::<Vec<_>>(), ids);
        assert_eq!(p.len(), ids.len());
        let mut v = vec![1, 2, 5, 70_001, 80_000];
        intersect(&mut v, &p);
        assert_eq!(v, [1, 5, 70_001]);
    }
}
