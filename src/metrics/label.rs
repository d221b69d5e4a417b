//! Labels: the phrase that says what a quantity counts, taken from its clause. If the unit ends
//! the clause, the words before the number (`全年受理行政复议案件6件` → `受理行政复议案件`); if a
//! noun phrase follows, that phrase (`取消1家涉黑企业享受…` → `涉黑企业`).

use super::chars::{at, before, is_clause_end, is_digit, longest_at, norm};
use super::scan::Found;
use super::units::Kind;

mod words;

use words::{
    BODIES, CHANGE_VERBS, FILLERS, LEADING_STOPS, NOT_FILLERS, NOT_STOPS, PEOPLE, STOPS, TRAILING,
};

/// How far back a label may reach, in characters.
const MAX_BEFORE: usize = 30;
/// How far forward a label may reach, in characters.
const MAX_AFTER: usize = 16;
/// The longest label kept; longer phrases keep their end, which names the thing counted.
const MAX_LABEL: usize = 20;

/// The labels of the quantities of one line, in order.
///
/// When neither a noun phrase after the unit nor the words before the number name the thing,
/// the fallbacks are, in order: the rest of the clause after the unit (`其中1宗在限期内未整改`),
/// the clause before (`宣传培训,共40多场`), and the previous quantity's label
/// (`应急队伍8支1100余人`).
pub fn labels(line: &str, found: &[Found]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(found.len());
    for (i, f) in found.iter().enumerate() {
        let prev_end = if i > 0 { found[i - 1].end } else { 0 };
        let next_start = found.get(i + 1).map_or(line.len(), |n| n.start);
        let ends_clause = match at(line, f.end) {
            None => true,
            Some((c, _)) => is_clause_end(c) || c.is_whitespace() || c == ')',
        };
        let after = if ends_clause { None } else { after_phrase(line, f, next_start) };
        let prev = out.last().filter(|p| !p.is_empty());
        let label = after.unwrap_or_else(|| {
            let b = before_raw(line, f.start, prev_end);
            let cleaned = clean_before(&b.text);
            let linked = b.text.ends_with('至') || b.text.ends_with('到');
            let change_only = cleaned.is_empty() || CHANGE_VERBS.contains(&cleaned.as_str());
            if let Some(prev) = prev.filter(|_| linked && change_only && b.reached_prev) {
                return prev.clone();
            }
            if !cleaned.is_empty() {
                return cleaned;
            }
            let rest = plain_after(line, f.end, next_start);
            if !rest.is_empty() {
                return rest;
            }
            if !b.reached_prev {
                if let Some((_, len)) = before(line, b.stop) {
                    let earlier = before_raw(line, b.stop - len, prev_end);
                    let cleaned = clean_before(&earlier.text);
                    if !cleaned.is_empty() {
                        return cleaned;
                    }
                }
            }
            prev.cloned().unwrap_or_default()
        });
        out.push(label);
    }
    out
}

/// The words before a quantity within its clause.
struct Before {
    /// The text, spaces left out.
    text: String,
    /// Byte offset where the walk stopped.
    stop: usize,
    /// Whether it stopped at the previous quantity.
    reached_prev: bool,
}

/// The clause text before `start`, back to a clause mark at bracket depth zero, the previous
/// quantity, or [`MAX_BEFORE`] characters. Spaces (left by PDF conversion) are skipped.
fn before_raw(line: &str, start: usize, prev_end: usize) -> Before {
    let mut chars = Vec::new();
    let mut p = start;
    let mut depth = 0usize;
    let mut reached_prev = false;
    let mut steps = 0;
    while steps < MAX_BEFORE {
        steps += 1;
        if p <= prev_end {
            reached_prev = prev_end > 0;
            break;
        }
        let Some((c, len)) = before(line, p) else { break };
        if c == ' ' || c == '\u{a0}' {
            p -= len;
            continue;
        }
        if depth == 0 && (is_clause_end(c) || c.is_whitespace()) {
            break;
        }
        match c {
            ')' | '》' | '”' | '】' | '」' | '』' => depth += 1,
            '(' | '《' | '“' | '【' | '「' | '『' => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            _ => {}
        }
        p -= len;
        chars.push(line.get(p..p + len).and_then(|s| s.chars().next()).unwrap_or(c));
    }
    chars.reverse();
    Before { text: chars.into_iter().collect(), stop: p, reached_prev }
}

/// Drops parentheticals, leading fillers and trailing link words, keeps the part after the last
/// `的` or `等` (`市级纾困等政策资金` → `政策资金`), and keeps at most [`MAX_LABEL`] characters.
fn clean_before(raw: &str) -> String {
    let mut s = drop_parentheticals(raw);
    loop {
        let n: String = s.chars().map(norm).collect();
        let skip = if NOT_FILLERS.iter().any(|w| n.starts_with(w)) {
            0
        } else if let Some((w, _)) = longest_at(&n, 0, FILLERS) {
            w.chars().count()
        } else {
            leading_date(&n)
        };
        if skip == 0 {
            break;
        }
        s = s.chars().skip(skip).collect();
    }
    // `已办结` keeps its `已`: a bare two-character verb says less than the phrase.
    if s.starts_with('已') && s.chars().count() > 3 {
        s = s.chars().skip(1).collect();
    }
    loop {
        let n: String = s.chars().map(norm).collect();
        let Some(w) = TRAILING.iter().filter(|w| n.ends_with(*w)).max_by_key(|w| w.len()) else {
            break;
        };
        let keep = s.chars().count() - w.chars().count();
        s = s.chars().take(keep).collect();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut depth = 0usize;
    let mut cut = 0;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '《' | '“' | '(' | '（' => depth += 1,
            '》' | '”' | ')' | '）' => depth = depth.saturating_sub(1),
            '的' | '等' if depth == 0 && chars.len() - i > 2 => cut = i + 1,
            _ => {}
        }
    }
    let start = cut.max(chars.len().saturating_sub(MAX_LABEL));
    chars[start..].iter().collect()
}

/// The length in characters of a leading date or period (`2019年` `2020年1月` `2019年以来`
/// `截至2019年底`), which says when, not what.
fn leading_date(n: &str) -> usize {
    let chars: Vec<char> = n.chars().collect();
    let mut i = 0;
    if chars.starts_with(&['截', '至']) || chars.starts_with(&['截', '止']) {
        i = 2;
    }
    let mut matched = false;
    for mark in ['年', '月', '日'] {
        let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && chars.get(i + digits) == Some(&mark) {
            i += digits + 1;
            matched = true;
        }
    }
    if !matched {
        return 0;
    }
    let rest: String = chars[i..].iter().collect();
    for tail in ["以来", "上半年", "下半年", "全年", "年底", "年初", "底", "初", "末", "度", "内"]
    {
        if rest.starts_with(tail) {
            return i + tail.chars().count();
        }
    }
    i
}

/// Removes `(…)` groups (nested, ASCII or full-width): `审批结果物(证件、批复类)` →
/// `审批结果物`.
fn drop_parentheticals(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match norm(c) {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The noun phrase after the unit, or `None` when a verb, preposition or number follows.
fn after_phrase(line: &str, f: &Found, limit: usize) -> Option<String> {
    let mut p = f.end;
    if let Some(('的', len)) = at(line, p) {
        p += len;
    }
    let mut text = String::new();
    let mut n = 0;
    let mut stopped = false;
    while n < MAX_AFTER && p < limit {
        let Some((c, len)) = at(line, p) else { break };
        if is_clause_end(c) || c.is_whitespace() || is_digit(c) || c == '(' {
            break;
        }
        if stop_at(line, p) || (n == 0 && stop_in(line, p, LEADING_STOPS)) {
            stopped = true;
            break;
        }
        text.push(line.get(p..p + len).and_then(|s| s.chars().next()).unwrap_or(c));
        p += len;
        n += 1;
    }
    // A phrase ended by a verb is already the noun phrase; one that runs on to the clause end
    // may carry words after the noun (`拟任处级领导干部考试`), cut after its last head noun.
    let suffixes = match f.kind {
        _ if stopped => &[],
        Kind::People => PEOPLE,
        Kind::Bodies => BODIES,
        _ => &[],
    };
    let normed: Vec<char> = text.chars().map(norm).collect();
    let mut cut = None;
    for w in suffixes {
        let w: Vec<char> = w.chars().collect();
        for i in 0..normed.len().saturating_sub(w.len() - 1) {
            if normed[i..].starts_with(&w) {
                cut = cut.max(Some(i + w.len()));
            }
        }
    }
    if let Some(cut) = cut {
        text = text.chars().take(cut).collect();
    }
    while text.ends_with('的') {
        text.pop();
    }
    (!text.is_empty()).then_some(text)
}

/// Whether a stop word starts at `p`.
fn stop_at(line: &str, p: usize) -> bool {
    stop_in(line, p, STOPS)
}

/// Whether a word of `stops` starts at `p` (a one-character stop only outside [`NOT_STOPS`]).
fn stop_in(line: &str, p: usize, stops: &[&str]) -> bool {
    match longest_at(line, p, stops) {
        Some((w, _)) if w.chars().count() == 1 => longest_at(line, p, NOT_STOPS).is_none(),
        Some(_) => true,
        None => false,
    }
}

/// The text after the unit up to the clause end, verbs included: the last resort when nothing
/// before the number names the thing (`其中1宗在限期内未整改` → `在限期内未整改`).
fn plain_after(line: &str, end: usize, limit: usize) -> String {
    let mut p = end;
    let mut text = String::new();
    while text.chars().count() < MAX_AFTER && p < limit {
        let Some((c, len)) = at(line, p) else { break };
        if is_clause_end(c) || c.is_whitespace() || is_digit(c) || c == ')' {
            break;
        }
        text.push(line.get(p..p + len).and_then(|s| s.chars().next()).unwrap_or(c));
        p += len;
    }
    text
}
