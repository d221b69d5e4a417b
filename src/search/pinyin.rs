//! Pinyin readings of Chinese characters, every reading of a heteronym (厦 xià/shà, 行
//! xíng/háng), from the `pinyin` crate's tables, precomputed once into compact tables.

use std::collections::HashSet;
use std::sync::OnceLock;

use pinyin::ToPinyinMulti;

/// First and last code point covered (CJK Extension A and the Unified Ideographs).
const FIRST: u32 = 0x3400;
const LAST: u32 = 0x9FFF;

struct Tables {
    /// Per character: start and count into `readings`.
    slots: Vec<(u32, u8)>,
    /// Syllable ids.
    readings: Vec<u16>,
    /// Toneless syllables (`xia`, `sha`).
    syllables: Vec<Box<str>>,
    /// Per character: bit `n` set when a reading starts with letter `a + n`.
    initials: Vec<u32>,
    /// Every non-empty prefix of every syllable.
    prefixes: HashSet<Box<str>>,
    /// Every whole syllable.
    whole: HashSet<Box<str>>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(build)
}

fn build() -> Tables {
    let mut t = Tables {
        slots: Vec::with_capacity((LAST - FIRST + 1) as usize),
        readings: Vec::new(),
        syllables: Vec::new(),
        initials: Vec::with_capacity((LAST - FIRST + 1) as usize),
        prefixes: HashSet::new(),
        whole: HashSet::new(),
    };
    let mut ids = std::collections::HashMap::<String, u16>::new();
    for u in FIRST..=LAST {
        let start = t.readings.len() as u32;
        let mut mask = 0u32;
        let multi = char::from_u32(u).and_then(|c| c.to_pinyin_multi());
        for p in multi.into_iter().flatten() {
            // `ü` is typed `v` (or `u`): both spellings are readings.
            let plain = p.plain();
            let spellings = [plain.replace('ü', "v"), plain.replace('ü', "u")];
            for spelled in spellings {
                if !spelled.bytes().all(|b| b.is_ascii_lowercase()) {
                    continue;
                }
                let Some(first) = spelled.bytes().next() else { continue };
                let id = *ids.entry(spelled.clone()).or_insert_with(|| {
                    t.syllables.push(spelled.as_str().into());
                    (t.syllables.len() - 1) as u16
                });
                if !t.readings[start as usize..].contains(&id) {
                    t.readings.push(id);
                    mask |= 1 << (first - b'a');
                }
            }
        }
        t.slots.push((start, (t.readings.len() as u32 - start) as u8));
        t.initials.push(mask);
    }
    for s in &t.syllables {
        t.whole.insert(s.clone());
        for end in 1..=s.len() {
            t.prefixes.insert(s[..end].into());
        }
    }
    t
}

/// The toneless readings of `c` (`厦` → `xia`, `sha`); empty for a character without pinyin.
pub fn readings(c: char) -> impl Iterator<Item = &'static str> {
    let t = tables();
    let u = c as u32;
    let (start, len) =
        if (FIRST..=LAST).contains(&u) { t.slots[(u - FIRST) as usize] } else { (0, 0) };
    t.readings[start as usize..start as usize + len as usize]
        .iter()
        .map(move |&id| &*t.syllables[id as usize])
}

/// Bit `n` set when a reading of `c` starts with letter `a + n`; 0 for no pinyin.
#[inline]
pub fn initials(c: char) -> u32 {
    let u = c as u32;
    if (FIRST..=LAST).contains(&u) {
        tables().initials[(u - FIRST) as usize]
    } else {
        0
    }
}

/// Whether `s` (lower-case ASCII) is a non-empty prefix of some syllable.
pub fn is_syllable_prefix(s: &str) -> bool {
    tables().prefixes.contains(s)
}

/// Whether `s` (lower-case ASCII) is a whole syllable.
pub fn is_syllable(s: &str) -> bool {
    tables().whole.contains(s)
}

/// Forces the tables to be built now (so that the first search does not pay for it).
pub fn warm() {
    let _ = tables();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heteronyms_have_every_reading() {
        let xia: Vec<_> = readings('厦').collect();
        assert!(xia.contains(&"xia") && xia.contains(&"sha"), "{xia:?}");
        let hang: Vec<_> = readings('行').collect();
        assert!(hang.contains(&"xing") && hang.contains(&"hang"), "{hang:?}");
        assert_eq!(initials('厦'), 1 << (b'x' - b'a') | 1 << (b's' - b'a'));
        assert_eq!(readings('a').count(), 0);
    }

    #[test]
    fn syllable_prefixes() {
        assert!(is_syllable_prefix("zh"));
        assert!(is_syllable_prefix("xing"));
        assert!(!is_syllable_prefix("xz"));
        assert!(!is_syllable_prefix("i"));
        assert!(readings('略').any(|r| r == "lve") && readings('略').any(|r| r == "lue"));
    }
}
