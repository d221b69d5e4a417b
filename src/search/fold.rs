//! Search folding: NFKC plus lower case, one source character at a time, so that every folded
//! character knows the source bytes it came from (for highlighting) and full-width and ASCII
//! forms, Latin upper and lower case, and traditional and simplified script
//! ([`crate::text::script`]) match alike.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::text::script;

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
    std::iter::once(c).nfkc().flat_map(char::to_lowercase).map(script::simplify)
}

/// Calls `f` with each folded character of `c`.
#[inline]
pub fn fold_char(c: char, mut f: impl FnMut(char)) {
    if c.is_ascii() {
        return f(c.to_ascii_lowercase());
    }
    // CJK ideographs are NFKC-stable and caseless: the common case, only the script fold
    // (one bit test for a simplified character).
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return f(script::simplify(c));
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
    fn traditional_folds_to_simplified_at_the_source_offsets() {
        // A line of the 1954 government work report, partly in traditional script.
        let s = "我們第一届全國人民代表大會第一次會議";
        assert_eq!(fold(s), "我们第一届全国人民代表大会第一次会议");
        assert_eq!(fold("行政復議"), fold("行政复议"));
        let mut v = Vec::new();
        fold_mapped(s, &mut v);
        assert_eq!(v.len(), s.chars().count());
        assert!(v.iter().zip(s.char_indices()).all(|(&(_, o), (i, _))| o as usize == i));
        // A compatibility ideograph folds by NFKC (U+F91F is `蘭`), then by script.
        assert_eq!(fold("\u{F91F}"), "兰");
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
