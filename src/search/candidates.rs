//! Candidate items for a query, from the posting lists: a superset of the items that can
//! match, so that only those are scored.

use super::index::{is_key_char, py_key, Index};
use super::items::Kind;
use super::pinyin;
use super::postings::{intersect, Posting};
use super::query::{Mode, Query, Term};

/// Skip a posting list this many times longer than the current candidates: checking the
/// candidates directly is cheaper than decoding it.
const SKIP_RATIO: usize = 16;
/// At most this many distinct pinyin readings of one word are looked up.
const MAX_SEGMENTATIONS: usize = 64;

/// Candidate item ids, ascending; `None` means every item.
pub(crate) type Cands = Option<Vec<u32>>;

impl Index {
    /// The candidates of kind `kind` for the positive words of `q`; `None`: every item of
    /// that kind.
    pub(crate) fn candidates_in(&self, q: &Query, kind: Kind) -> Cands {
        let mut acc: Cands = None;
        for t in q.terms.iter().filter(|t| t.mode != Mode::Exclude) {
            if acc.as_ref().is_some_and(Vec::is_empty) {
                break;
            }
            acc = match (acc, self.term_candidates(t, kind)) {
                (None, c) | (c, None) => c,
                (Some(a), Some(b)) => Some(intersect_sorted(&a, &b)),
            };
        }
        acc
    }

    /// Items that contain every Latin letter of some letters-only word of `q` (the only
    /// items where such a word can match other than by pinyin); `None`: no such word.
    pub(crate) fn latin_items(&self, q: &Query) -> Option<Vec<u32>> {
        let mut out: Option<Vec<u32>> = None;
        for t in q.terms.iter().filter(|t| t.mode == Mode::Fuzzy && t.letters_only()) {
            let mut ids = Vec::new();
            for kind in [Kind::Doc, Kind::Heading, Kind::Text, Kind::Metric] {
                ids.extend(self.all_of(t.chars.iter().copied(), kind).unwrap_or_default());
            }
            ids.sort_unstable();
            out = Some(match out {
                None => ids,
                Some(prev) => union_sorted(prev, ids),
            });
        }
        out
    }

    fn term_candidates(&self, t: &Term, kind: Kind) -> Cands {
        let is_letter = |c: &char| c.is_ascii_lowercase();
        if t.mode == Mode::Fuzzy && t.letters_only() {
            // By pinyin, or by the letters themselves in Latin text.
            let py = self.pinyin_candidates(&t.text, kind)?;
            let latin = self.all_of(t.chars.iter().copied(), kind)?;
            return Some(union_sorted(py, latin));
        }
        let required = t.chars.iter().copied().filter(|c| t.mode == Mode::Literal || !is_letter(c));
        self.all_of(required, kind)
    }

    /// Items of `kind` containing every alphanumeric character of `chars`; `None`: no such
    /// character.
    fn all_of(&self, chars: impl Iterator<Item = char>, kind: Kind) -> Cands {
        let mut keys: Vec<u32> = chars.filter(|&c| is_key_char(c)).map(|c| c as u32).collect();
        keys.sort_unstable();
        keys.dedup();
        if keys.is_empty() {
            return None;
        }
        let mut lists = Vec::with_capacity(keys.len());
        for k in keys {
            match self.posting(k, kind) {
                Some(p) => lists.push(p),
                None => return Some(Vec::new()),
            }
        }
        Some(intersect_all(lists))
    }

    /// Items with a run of Chinese characters whose initials spell one reading of `letters`.
    fn pinyin_candidates(&self, letters: &str, kind: Kind) -> Cands {
        let seqs = initial_sequences(letters)?;
        // Unions can be large: collect them in a bit set over the items.
        let mut set = vec![0u64; self.len().div_ceil(64)];
        let mut add = |id: u32| set[id as usize / 64] |= 1 << (id % 64);
        for seq in seqs {
            if seq.len() < 2 {
                return None;
            }
            let mut lists = Vec::new();
            for w in seq.windows(2) {
                match self.posting(py_key(w[0], w[1]), kind) {
                    Some(p) => lists.push(p),
                    None => {
                        lists.clear();
                        break;
                    }
                }
            }
            if !lists.is_empty() {
                intersect_all(lists).into_iter().for_each(&mut add);
            }
        }
        let ids = set
            .iter()
            .enumerate()
            .flat_map(|(w, &bits)| super::index::bits64(bits).map(move |b| (w * 64) as u32 + b));
        Some(ids.collect())
    }
}

/// The distinct sequences of initials (0 = `a`) of the ways to cut `letters` into syllable
/// prefixes (`xingzfy` → x z f y, x n … ); `None` when there are too many to look up.
fn initial_sequences(letters: &str) -> Option<Vec<Vec<u32>>> {
    fn go(
        s: &str,
        at: usize,
        cur: &mut Vec<u32>,
        out: &mut Vec<Vec<u32>>,
        steps: &mut u32,
    ) -> bool {
        *steps += 1;
        if *steps > 20_000 || out.len() > MAX_SEGMENTATIONS {
            return false;
        }
        if at == s.len() {
            if !out.contains(cur) {
                out.push(cur.clone());
            }
            return true;
        }
        for end in at + 1..=s.len() {
            let seg = &s[at..end];
            if !pinyin::is_syllable_prefix(seg) {
                break;
            }
            // As the matcher spells: a whole reading or an initial, any prefix at the end.
            let initial = end - at == 1 || ["zh", "ch", "sh"].contains(&seg);
            if end < s.len() && !initial && !pinyin::is_syllable(seg) {
                continue;
            }
            cur.push(u32::from(s.as_bytes()[at] - b'a'));
            let ok = go(s, end, cur, out, steps);
            cur.pop();
            if !ok {
                return false;
            }
        }
        true
    }
    let mut out = Vec::new();
    let mut steps = 0;
    go(letters, 0, &mut Vec::new(), &mut out, &mut steps).then_some(out)
}

fn intersect_all(mut lists: Vec<Posting<'_>>) -> Vec<u32> {
    lists.sort_by_key(|p| p.len());
    let Some((first, rest)) = lists.split_first() else { return Vec::new() };
    let mut ids: Vec<u32> = first.iter().collect();
    for p in rest {
        if ids.is_empty() || p.len() > SKIP_RATIO * ids.len() {
            break;
        }
        intersect(&mut ids, *p);
    }
    ids
}

pub(crate) fn intersect_sorted(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.iter().copied().filter(|x| large.binary_search(x).is_ok()).collect()
}

fn union_sorted(mut a: Vec<u32>, b: Vec<u32>) -> Vec<u32> {
    a.extend(b);
    a.sort_unstable();
    a.dedup();
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segmentations_of_pinyin() {
        let seqs = initial_sequences("xingzfy").expect("few");
        let xzfy: Vec<u32> = "xzfy".bytes().map(|b| u32::from(b - b'a')).collect();
        assert!(seqs.contains(&xzfy), "{seqs:?}");
        assert!(seqs.iter().all(|s| s[0] == u32::from(b'x' - b'a')));
        assert_eq!(initial_sequences("i").expect("few"), Vec::<Vec<u32>>::new());
    }
}
