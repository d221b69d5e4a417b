//! Matching and scoring one item against the words of a query: contiguous matches (exact,
//! then by pinyin) rank far above fuzzy ones, fuzzy matches (SkimMatcherV2) count only when
//! their span is not much wider than the word, and exclusions drop the item.

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use super::fold::fold_mapped;
use super::pinyin;
use super::query::{Mode, Term};

/// A contiguous exact match.
const TIER_LITERAL: i64 = 100_000;
/// A contiguous match by pinyin.
const TIER_PINYIN: i64 = 60_000;
/// A fuzzy match whose span is close to the word's length.
const TIER_NEAR: i64 = 20_000;
/// Penalty per character matched by a reading other than its first (most common) one.
const SECONDARY_READING: i64 = 40;
/// Work limit for one pinyin match attempt (pathological inputs stay cheap).
const PINYIN_BUDGET: u32 = 4_000;

/// Per-thread matching state: one SkimMatcherV2 and buffers, never shared between threads.
pub(crate) struct Scratch {
    skim: SkimMatcherV2,
    /// The folded item: each character with its source byte offset.
    pub chars: Vec<(char, u32)>,
    folded: String,
}

impl Scratch {
    pub fn new() -> Self {
        Scratch {
            skim: SkimMatcherV2::default().ignore_case(),
            chars: Vec::new(),
            folded: String::new(),
        }
    }
}

/// Where a word matched, in folded characters.
enum Found {
    Run(Range<usize>),
    Scattered(Vec<usize>),
}

/// The highest score word `t` can reach in an item; `latin` is false when the item lacks
/// some Latin letter of the word (then only a pinyin match is possible).
pub(crate) fn max_score(t: &Term, latin: bool) -> i64 {
    match t.mode {
        Mode::Exclude => 0,
        Mode::Fuzzy if !latin && t.letters_only() => TIER_PINYIN,
        _ => TIER_LITERAL + 16 * t.chars.len() as i64,
    }
}

/// The length penalty of an item of `chars` folded characters: shorter items rank higher.
pub(crate) fn length_penalty(chars: usize) -> i64 {
    (chars.min(400) / 4) as i64
}

/// The widest span (in characters) a fuzzy match of `n` characters may cover.
fn max_span(n: usize) -> usize {
    2 * n + 2
}

/// Folds `text` and matches `terms`; the summed score, or `None` when a word is missing or
/// an excluded word is present.
pub(crate) fn match_terms(terms: &[Term], text: &str, s: &mut Scratch) -> Option<i64> {
    fold_mapped(text, &mut s.chars);
    match_folded(terms, s)
}

/// Like [`match_terms`] on the text already folded into `s.chars`.
pub(crate) fn match_folded(terms: &[Term], s: &mut Scratch) -> Option<i64> {
    let mut total = 0;
    for t in terms {
        let found = find(t, s, false);
        match (t.mode, found) {
            (Mode::Exclude, Some(_)) => return None,
            (Mode::Exclude, None) => {}
            (_, None) => return None,
            (_, Some((score, _))) => total += score,
        }
    }
    Some(total)
}

/// Byte ranges of `text` matched by the positive words of `terms`, sorted and merged.
pub(crate) fn highlight(terms: &[Term], text: &str, s: &mut Scratch) -> Vec<Range<usize>> {
    fold_mapped(text, &mut s.chars);
    let mut marked = vec![false; s.chars.len()];
    for t in terms.iter().filter(|t| t.mode != Mode::Exclude) {
        match find(t, s, true) {
            Some((_, Some(Found::Run(r)))) => marked[r].iter_mut().for_each(|m| *m = true),
            Some((_, Some(Found::Scattered(ix)))) => ix.into_iter().for_each(|i| {
                if let Some(m) = marked.get_mut(i) {
                    *m = true;
                }
            }),
            _ => {}
        }
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    for (k, &m) in marked.iter().enumerate() {
        if !m {
            continue;
        }
        let start = s.chars[k].1 as usize;
        // A source character may fold to several; its bytes end where the next one starts.
        let end = s.chars[k..]
            .iter()
            .map(|&(_, o)| o as usize)
            .find(|&o| o > start)
            .unwrap_or(text.len());
        match out.last_mut() {
            Some(last) if last.end >= start => last.end = last.end.max(end),
            _ => out.push(start..end),
        }
    }
    out
}

/// Finds word `t` in the folded item; its score and, if `want` is set, where.
fn find(t: &Term, s: &mut Scratch, want: bool) -> Option<(i64, Option<Found>)> {
    let n = t.chars.len();
    if let Some(at) = find_literal(&s.chars, &t.chars) {
        let score = TIER_LITERAL + 16 * n as i64 - (at.min(100) / 4) as i64;
        return Some((score, want.then(|| Found::Run(at..at + n))));
    }
    if t.mode != Mode::Fuzzy {
        return None;
    }
    if t.chars.iter().any(char::is_ascii_lowercase) {
        if let Some((r, secondary)) = find_pinyin(&s.chars, &t.chars) {
            let score = TIER_PINYIN
                - (r.start.min(100) / 4) as i64
                - SECONDARY_READING * i64::from(secondary);
            return Some((score, want.then_some(Found::Run(r))));
        }
    }
    // SkimMatcherV2's match has every character of the word, in order, and counts only
    // within `max_span`: without such a window it cannot count, so check that cheaply first.
    if !in_window(&s.chars, &t.chars, max_span(n)) {
        return None;
    }
    s.folded.clear();
    s.folded.extend(s.chars.iter().map(|&(c, _)| c));
    let (score, ix) = s.skim.fuzzy_indices(&s.folded, &t.text)?;
    let span = ix.last()? - ix.first()? + 1;
    if span > max_span(n) {
        return None;
    }
    let score = TIER_NEAR + score - 30 * (span - n) as i64;
    Some((score, want.then_some(Found::Scattered(ix))))
}

/// Whether `pat` occurs in order (not necessarily contiguously) within some `span`
/// consecutive characters of `chars`. From each start, taking every next character as early
/// as possible gives the shortest window there.
fn in_window(chars: &[(char, u32)], pat: &[char], span: usize) -> bool {
    let Some((&first, rest)) = pat.split_first() else { return true };
    chars.iter().enumerate().any(|(i, &(c, _))| {
        if c != first {
            return false;
        }
        let mut want = rest.iter().peekable();
        for &(c, _) in chars[i + 1..].iter().take(span.saturating_sub(1)) {
            want.next_if_eq(&&c);
            if want.peek().is_none() {
                break;
            }
        }
        want.peek().is_none()
    })
}

/// The first character index where `pat` occurs contiguously in `chars`.
fn find_literal(chars: &[(char, u32)], pat: &[char]) -> Option<usize> {
    let first = *pat.first()?;
    if pat.len() > chars.len() {
        return None;
    }
    (0..=chars.len() - pat.len()).find(|&i| {
        chars[i].0 == first
            && chars[i + 1..i + pat.len()].iter().zip(&pat[1..]).all(|(a, b)| a.0 == *b)
    })
}

/// The best run of characters matched by `pat` where Latin letters spell, per Chinese
/// character, its whole reading or its initial (`xzfy`, `xingzheng`, `xingzfy`); the last
/// character may be spelled partly (the word is still being typed). Any reading of a
/// heteronym counts; the run using fewest secondary readings wins, then the leftmost.
/// Returns the run and the number of secondary readings used.
pub(crate) fn find_pinyin(chars: &[(char, u32)], pat: &[char]) -> Option<(Range<usize>, u32)> {
    let q: Vec<u8> = pat.iter().map(|&c| if c.is_ascii() { c as u8 } else { 0 }).collect();
    let mut best: Option<(Range<usize>, u32)> = None;
    for i in 0..chars.len() {
        let mut budget = PINYIN_BUDGET;
        if let Some((end, sec)) = pinyin_at(chars, i, pat, &q, 0, &mut budget) {
            if best.as_ref().is_none_or(|b| sec < b.1) {
                best = Some((i..end, sec));
            }
            if sec == 0 {
                break;
            }
        }
    }
    best
}

/// Lengths of `r` a character may consume when `left` letters of the word remain and the
/// next `common` of them agree with `r`: the whole reading, the initial (one letter, or `zh` `ch`
/// `sh`), or any prefix when the word ends inside this character.
fn takes(r: &str, common: usize, left: usize) -> impl Iterator<Item = usize> {
    let initial = if ["zh", "ch", "sh"].iter().any(|p| r.starts_with(p)) { 2 } else { 1 };
    let whole = r.len();
    (1..=common).rev().filter(move |&t| t == 1 || t == initial || t == whole || t == left)
}

fn pinyin_at(
    chars: &[(char, u32)],
    i: usize,
    pat: &[char],
    q: &[u8],
    k: usize,
    budget: &mut u32,
) -> Option<(usize, u32)> {
    if k == pat.len() {
        return Some((i, 0));
    }
    let &(c, _) = chars.get(i)?;
    *budget = budget.checked_sub(1)?;
    let p = pat[k];
    if p.is_ascii_lowercase() && pinyin::initials(c) & (1 << (p as u8 - b'a')) != 0 {
        for (n, r) in pinyin::readings(c).enumerate() {
            let common = r.bytes().zip(&q[k..]).take_while(|(a, b)| a == *b).count();
            for take in takes(r, common, pat.len() - k) {
                if let Some((e, sec)) = pinyin_at(chars, i + 1, pat, q, k + take, budget) {
                    return Some((e, sec + u32::from(n > 0)));
                }
            }
        }
        None
    } else if c == p {
        pinyin_at(chars, i + 1, pat, q, k + 1, budget)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::Query;

    fn hit(q: &str, text: &str) -> Option<String> {
        let q = Query::parse(q).expect("parses");
        let mut s = Scratch::new();
        match_terms(&q.terms, text, &mut s)?;
        Some(highlight(&q.terms, text, &mut s).into_iter().map(|r| &text[r]).collect())
    }

    #[test]
    fn pinyin_initials_full_and_mixed_highlight_the_chinese() {
        assert_eq!(hit("xzfy", "依法办理行政复议案件").as_deref(), Some("行政复议"));
        assert_eq!(hit("xingzheng", "依法行政").as_deref(), Some("行政"));
        assert_eq!(hit("xingzfy", "行政复议").as_deref(), Some("行政复议"));
        assert_eq!(hit("xm", "中共厦门市委").as_deref(), Some("厦门"));
        assert_eq!(hit("yh", "与银行达成").as_deref(), Some("银行"));
        // Only whole readings or initials, except for the last character.
        assert_eq!(hit("xingzheng", "履行公正"), None);
        assert_eq!(hit("xingzh", "行政").as_deref(), Some("行政"));
        // Pinyin must be contiguous.
        assert_eq!(hit("xzfy", "行政的复议"), None);
    }

    #[test]
    fn full_width_and_case_match_alike() {
        assert_eq!(hit("icp", "ＩＣＰ备案").as_deref(), Some("ＩＣＰ"));
        assert_eq!(hit("OA", "在oa系统内").as_deref(), Some("oa"));
    }

    #[test]
    fn scattered_matches_are_dropped_near_ones_kept() {
        assert_eq!(hit("行政复议", "行政机关依法复议").as_deref(), Some("行政复议"));
        assert_eq!(hit("行政复议", "行政机关在过去的一年里多次进行了认真的复核与审议"), None);
    }

    #[test]
    fn window_check_finds_the_shortest_in_order_span() {
        let chars = |s: &str| s.chars().map(|c| (c, 0)).collect::<Vec<_>>();
        let pat: Vec<char> = "行复议".chars().collect();
        assert!(in_window(&chars("行行政机关复议"), &pat, 6));
        assert!(!in_window(&chars("行政机关依法复议"), &pat, 6));
        assert!(!in_window(&chars("复议行"), &pat, 8));
        assert!(in_window(&chars("x行复议"), &pat, 3));
    }

    #[test]
    fn contiguous_ranks_above_near() {
        let q = Query::parse("行政复议").expect("parses");
        let mut s = Scratch::new();
        let a = match_terms(&q.terms, "办理行政复议案件", &mut s);
        let b = match_terms(&q.terms, "行政机关复议", &mut s);
        assert!(a > b && b.is_some(), "{a:?} {b:?}");
    }

    #[test]
    fn all_words_must_match_and_exclusions_drop() {
        assert!(hit("复议 诉讼", "行政复议、行政诉讼").is_some());
        assert!(hit("复议 信访", "行政复议、行政诉讼").is_none());
        assert!(hit("复议 !诉讼", "行政复议、行政诉讼").is_none());
        assert!(hit("'行政复", "行政复议").is_some());
        assert!(hit("'行复", "行政复议").is_none());
    }
}
