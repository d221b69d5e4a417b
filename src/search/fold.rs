//! Search folding: NFKC plus lower case, one source character at a time, so that every folded
//! character knows the source bytes it came from (for highlighting) and full-width and ASCII
//! forms, and Latin upper and lower case, match alike.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

/// Marks a BMP character whose fold is not exactly one character (slow path).
const MULTI: u32 = u32::MAX;

/// The fold of every BMP character that folds to exactly one character; built once.
fn table() -> &'static [u32] {
    static TABLE: OnceLock<Vec<u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0u32..0x1_0000)
            .map(|u| match char::from_u32(u) {
                None => u,
                Some(c) => {
                    let mut it = slow_fold(c);
                    match (it.next(), it.next()) {
                        (Some(f), None) => f as u32,
                        _ => MULTI,
                    }
                }
            })
            .collect()
    })
}

fn slow_fold(c: char) -> impl Iterator<Item = char> {
    std::iter::once(c).nfkc().flat_map(char::to_lowercase)
}

/// Calls `f` with each folded character of `c`.
#[inline]
pub fn fold_char(c: char, mut f: impl FnMut(char)) {
    if c.is_ascii() {
        return f(c.to_ascii_lowercase());
    }
    // CJK ideographs are NFKC-stable and caseless: the common case, no table lookup.
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return f(c);
    }
    let u = c as u32;
    if u < 0x1_0000 {
        let t = table()[u as usize];
        if t != MULTI {
            return f(char::from_u32(t).unwrap_or(c));
        }
    }
    slow_fold(c).for_each(f);
}

/// Folds `s` into `out` (cleared first) with, for each folded character, the byte offset in
/// `s` of the source character it came from.
pub fn fold_mapped(s: &str, out: &mut Vec<(char, u32)>) {
    out.clear();
    out.reserve(s.len());
    for (i, c) in s.char_indices() {
        fold_char(c, |f| out.push((f, i as u32)));
    }
}

/// Folds `s` into `out` (cleared first).
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    for c in s.chars() {
        fold_char(c, |f| out.push(f));
    }
}

/// Folds `s` into a new string.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_and_case_fold_to_ascii_lower() {
        assert_eq!(fold("ＡＢｃ１２（一）"), "abc12(一)");
        assert_eq!(fold("OA系统"), "oa系统");
        assert_eq!(fold("①"), "1");
    }

    #[test]
    fn every_folded_char_maps_to_its_source_bytes() {
        let mut v = Vec::new();
        fold_mapped("Ａ行㈠", &mut v);
        let s = "Ａ行㈠";
        let chars: String = v.iter().map(|&(c, _)| c).collect();
        assert_eq!(chars, "a行(一)");
        assert_eq!(v[1].1 as usize, s.find('行').unwrap_or(99));
        assert!(v[2..].iter().all(|&(_, o)| o as usize == s.find('㈠').unwrap_or(99)));
    }
}
