//! The byte stream the index is kept on disk as: little-endian numbers, byte arrays written
//! as they are, and arrays of fixed-size records encoded in chunks, with an xxh3 checksum of
//! everything at the end. Reading is bounded by the stream's known length, so a damaged
//! count never allocates more than the file holds, and every failure is `None`, never a
//! panic.

use std::io::{self, Read, Write};

use xxhash_rust::xxh3::Xxh3Default;

/// Records encoded or decoded per chunk (bounds the temporary buffer).
const CHUNK: usize = 1 << 14;

/// A writer that hashes what it writes.
pub(crate) struct Output<W: Write> {
    w: W,
    hash: Xxh3Default,
}

impl<W: Write> Output<W> {
    pub(crate) fn new(w: W) -> Self {
        Output { w, hash: Xxh3Default::new() }
    }

    pub(crate) fn bytes(&mut self, b: &[u8]) -> io::Result<()> {
        self.hash.update(b);
        self.w.write_all(b)
    }

    pub(crate) fn u32(&mut self, v: u32) -> io::Result<()> {
        self.bytes(&v.to_le_bytes())
    }

    pub(crate) fn u64(&mut self, v: u64) -> io::Result<()> {
        self.bytes(&v.to_le_bytes())
    }

    /// A length or count (as `u64`).
    pub(crate) fn len(&mut self, n: usize) -> io::Result<()> {
        self.u64(n as u64)
    }

    /// `items`, each encoded by `enc` into `SIZE` bytes, in chunks.
    pub(crate) fn records<T, const SIZE: usize>(
        &mut self,
        items: &[T],
        enc: impl Fn(&T) -> [u8; SIZE],
    ) -> io::Result<()> {
        let mut buf = Vec::with_capacity(CHUNK.min(items.len()) * SIZE);
        for chunk in items.chunks(CHUNK) {
            buf.clear();
            chunk.iter().for_each(|t| buf.extend_from_slice(&enc(t)));
            self.bytes(&buf)?;
        }
        Ok(())
    }

    /// `u32`s.
    pub(crate) fn u32s(&mut self, v: &[u32]) -> io::Result<()> {
        self.records(v, |x| x.to_le_bytes())
    }

    /// Writes the checksum of everything written; the inner writer.
    pub(crate) fn finish(mut self) -> io::Result<W> {
        let sum = self.hash.digest();
        self.w.write_all(&sum.to_le_bytes())?;
        self.w.flush()?;
        Ok(self.w)
    }
}

/// A reader of a stream of known length that hashes what it reads.
pub(crate) struct Input<R: Read> {
    r: R,
    hash: Xxh3Default,
    /// Bytes left before the checksum.
    left: u64,
}

impl<R: Read> Input<R> {
    /// A stream of `len` bytes in all (checksum included).
    pub(crate) fn new(r: R, len: u64) -> Option<Self> {
        Some(Input { r, hash: Xxh3Default::new(), left: len.checked_sub(8)? })
    }

    /// Bytes left before the checksum.
    pub(crate) fn left(&self) -> u64 {
        self.left
    }

    /// Fills `buf` from the stream, if it has that many bytes.
    pub(crate) fn fill(&mut self, buf: &mut [u8]) -> Option<()> {
        self.left = self.left.checked_sub(buf.len() as u64)?;
        self.r.read_exact(buf).ok()?;
        self.hash.update(buf);
        Some(())
    }

    /// `n` bytes, if the stream has them.
    pub(crate) fn bytes(&mut self, n: u64) -> Option<Vec<u8>> {
        if n > self.left {
            return None;
        }
        let mut v = vec![0; usize::try_from(n).ok()?];
        self.fill(&mut v)?;
        Some(v)
    }

    pub(crate) fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        let mut a = [0; N];
        self.fill(&mut a)?;
        Some(a)
    }

    pub(crate) fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }

    pub(crate) fn u64(&mut self) -> Option<u64> {
        self.array().map(u64::from_le_bytes)
    }

    /// A length or count written by [`Output::len`].
    pub(crate) fn len(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }

    /// `n` records of `SIZE` bytes, each decoded by `dec` (`None` rejects the stream).
    pub(crate) fn records<T, const SIZE: usize>(
        &mut self,
        n: usize,
        dec: impl Fn(&[u8; SIZE]) -> Option<T>,
    ) -> Option<Vec<T>> {
        let total = (n as u64).checked_mul(SIZE as u64)?;
        if total > self.left {
            return None;
        }
        let mut out = Vec::with_capacity(n);
        let mut buf = vec![0; CHUNK.min(n) * SIZE];
        let mut done = 0;
        while done < n {
            let k = CHUNK.min(n - done);
            let part = &mut buf[..k * SIZE];
            self.fill(part)?;
            for rec in part.chunks_exact(SIZE) {
                out.push(dec(rec.try_into().ok()?)?);
            }
            done += k;
        }
        Some(out)
    }

    /// `n` `u32`s.
    pub(crate) fn u32s(&mut self, n: usize) -> Option<Vec<u32>> {
        self.records(n, |b| Some(u32::from_le_bytes(*b)))
    }

    /// Whether the stream ends here with the checksum of everything read.
    pub(crate) fn finish(mut self) -> bool {
        if self.left != 0 {
            return false;
        }
        let sum = self.hash.digest();
        let mut tail = [0; 8];
        // Exactly the checksum, then the end of the stream.
        self.r.read_exact(&mut tail).is_ok()
            && u64::from_le_bytes(tail) == sum
            && self.r.read(&mut [0; 1]).is_ok_and(|n| n == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_records_and_bytes_round_trip_and_the_checksum_guards_them() {
        let mut out = Output::new(Vec::new());
        out.u32(7).expect("write");
        out.u32s(&(0..40_000).collect::<Vec<u32>>()).expect("write");
        out.bytes(b"abc").expect("write");
        let bytes = out.finish().expect("finish");
        let read = |b: &[u8]| {
            let mut r = Input::new(b, b.len() as u64)?;
            let seven = r.u32()?;
            let v = r.u32s(40_000)?;
            let abc = r.bytes(3)?;
            r.finish().then_some((seven, v, abc))
        };
        let (seven, v, abc) = read(&bytes).expect("round trip");
        assert_eq!((seven, v.len(), v[39_999], abc.as_slice()), (7, 40_000, 39_999, &b"abc"[..]));
        let mut flipped = bytes.clone();
        flipped[100] ^= 1;
        assert!(read(&flipped).is_none(), "a flipped bit fails the checksum");
        assert!(read(&bytes[..bytes.len() - 1]).is_none(), "a cut stream is rejected");
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(read(&longer).is_none(), "trailing bytes are rejected");
        // A count larger than the stream allocates nothing and fails.
        let mut r = Input::new(&bytes[..], bytes.len() as u64).expect("input");
        assert!(r.u32s(usize::MAX / 2).is_none());
    }
}
