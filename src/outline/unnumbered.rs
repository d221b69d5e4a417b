//! Headings without numbers (OUTLINE.md, "Other ways"): what a careful reader lists although no
//! marker announces it.
//!
//! Three kinds, each a line of its own standing between paragraphs:
//! * **Part titles standing alone** ([`Style::Standalone`]): `关于国内建设`, `2024年工作回顾`,
//!   `名词解释`, `结束语` — a short line (at most [`MAX_TITLE`] characters) with no sentence
//!   punctuation (`。！？：；` and their ASCII forms; a comma is allowed) and no gap inside.
//! * **A bare numeral alone on its line** (`一`, `二` …): the numbering of parts that have no
//!   title; cn-dun style with the numeral as its marker and an empty title, and it must continue
//!   the numbering (`二` after `一`), which [`super::parse`] checks.
//! * **Lead lines in place of numbers** ([`Style::Lead`]): `产业结构持续优化。` followed by its
//!   paragraph — a short line (at most [`MAX_LEAD`] characters) that is one sentence ending in
//!   `。`, possibly after a `——` bullet. Only a run of at least [`MIN_RUN`] of them, each within
//!   [`RUN_GAP`] paragraphs of the next, counts: one short sentence between paragraphs is just a
//!   short sentence (`现在我举出一些数字说明这个情况。`), a run of them is how the report marks
//!   its points.
//!
//! What "standing between paragraphs" means, for all three: the paragraph before ends a
//! sentence (`。！？；：` or a closing quote after one; before a lead, its numbered heading will
//! do too); the paragraph after is prose (at least [`MIN_PROSE`] characters with a `。` or `，`;
//! after a bare numeral any paragraph; after a part title also its first numbered point, or a
//! salutation or subtitle line and then prose or a numbered point) and does not begin with
//! closing punctuation; in a
//! document that separates its paragraphs by blank lines, a blank line before and after; and a
//! sentence ended somewhere before it in the document (what stands above the first sentence
//! is the title, the dateline and the page chrome). A line of only invisible characters is no
//! paragraph boundary: a wiki scrape leaves one where it cut a sentence. These rules keep out
//! salutations (`各位代表：` `同志们！`, which end in `：` `！`), datelines and signatures
//! (dates, a gap between title and name), captions (`…摄`), table cells and chrome (their
//! neighbours are not prose), and the fragments a wiki scrape makes of a linked name
//! (`《` / `中华人民共和国宪法` / `》…`: the line before ends mid-sentence), and the tail of a
//! sentence that closes a bracket it did not open (`市统计局）`). A short sentence that
//! opens with a pronoun or a connective (`我们…` `这…` `但是…`) is never a lead.

use super::{heading_of, is_indent, title_of, wrapped, Style};

/// Longest part title standing alone, in characters.
pub const MAX_TITLE: usize = 30;
/// Longest lead line, in characters (with its `。`).
pub const MAX_LEAD: usize = 32;
/// Fewest lead lines that make a run.
pub const MIN_RUN: usize = 3;
/// Most non-blank lines between two leads of one run.
pub const RUN_GAP: usize = 12;
/// Shortest prose paragraph, in characters.
pub const MIN_PROSE: usize = 40;

/// A heading found without a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unnumbered<'a> {
    /// 1-based line.
    pub line: usize,
    /// [`Style::Standalone`], [`Style::Lead`], or [`Style::CnDun`] for a bare numeral.
    pub style: Style,
    /// The numeral as written for a bare numeral, else empty.
    pub marker: &'a str,
    /// The title (empty for a bare numeral).
    pub title: &'a str,
    /// The numeral's value for a bare numeral, else 0.
    pub value: u32,
}

/// The unnumbered headings of `lines`, in line order. Linear: each line is looked at once, and
/// its neighbours only when it is short.
pub fn find<'a>(lines: &[&'a str], layout: wrapped::Layout) -> Vec<Unnumbered<'a>> {
    let m = layout.margin;
    // Every line with something on it; a line of only invisible characters (left where a wiki
    // scrape cut a sentence) is kept, empty, so that it separates nothing.
    let text: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim_matches(char::is_whitespace).is_empty())
        .map(|(i, l)| (i, l.trim_matches(is_indent)))
        .collect();
    // A document that separates its paragraphs by blank lines (most lines that end a sentence
    // have one after them) separates its headings too.
    let ends = text.windows(2).filter(|w| ends_sentence(w[0].1));
    let (n_ends, n_gaps) =
        ends.fold((0, 0), |(n, g), w| (n + 1, g + usize::from(w[1].0 > w[0].0 + 1)));
    let blank_separated = n_gaps * 2 > n_ends;
    let mut out = Vec::new();
    let mut leads: Vec<(usize, Unnumbered<'a>)> = Vec::new();
    let mut sentence_seen = false;
    for (k, &(i, s)) in text.iter().enumerate() {
        let before = sentence_seen;
        sentence_seen |= s.ends_with(['。', '！', '？', '!', '?']);
        // Cheap first test: every candidate is short.
        if !before || s.len() > MAX_LEAD * 4 {
            continue;
        }
        // In a hard-wrapped text a line reaching the margin is a wrapped line of a paragraph.
        if m.is_some_and(|m| wrapped::full(s, m)) {
            continue;
        }
        let Some((style, marker, title, value)) = kind_of(s, layout.paged) else { continue };
        let (Some(&(pi, prev)), Some(&(ni, next))) = (text.get(k.wrapping_sub(1)), text.get(k + 1))
        else {
            continue;
        };
        // A lead runs straight into its paragraph; everything else stands between blank lines.
        if blank_separated && (pi + 1 == i || (style != Style::Lead && i + 1 == ni)) {
            continue;
        }
        let after_ok = match style {
            Style::CnDun => opens_paragraph(next),
            Style::Lead => opens_prose(next, m),
            _ => opens_part(next, text.get(k + 2).map(|&(_, t)| t), layout),
        };
        // A part title follows the end of a sentence; a lead may also follow its heading.
        let before_ok = ends_sentence(prev) || (style == Style::Lead && heading_of(prev).is_some());
        if !before_ok || !after_ok {
            continue;
        }
        let u = Unnumbered { line: i + 1, style, marker, title, value };
        if style == Style::Lead {
            leads.push((k, u));
        } else {
            out.push(u);
        }
    }
    // Leads count only in runs.
    let mut start = 0;
    for end in 1..=leads.len() {
        if end == leads.len() || leads[end].0 - leads[end - 1].0 > RUN_GAP {
            if end - start >= MIN_RUN {
                out.extend(leads[start..end].iter().map(|&(_, u)| u));
            }
            start = end;
        }
    }
    out.sort_by_key(|u| u.line);
    out
}

/// What kind of unnumbered heading the trimmed line `s` may be: style, marker, title, value.
/// In text from a page (`paged`), the spaces PDF extraction puts between Chinese and digits
/// (`2024 年工作回顾`) are no gap.
fn kind_of(s: &str, paged: bool) -> Option<(Style, &str, &str, u32)> {
    if let Some(v) = bare_numeral(s) {
        return Some((Style::CnDun, s, "", v));
    }
    let tidied = paged.then(|| wrapped::tidy(s)).flatten();
    let n = tidied.as_deref().unwrap_or(s).chars().count();
    if n < 2
        || tidied.as_deref().unwrap_or(s).chars().any(is_indent)
        || !s.chars().any(is_han)
        || is_dateline(s)
    {
        return None;
    }
    let first = s.chars().next()?;
    // Not a fragment of a sentence (closing punctuation first, a comma or opening punctuation
    // last), not a caption.
    if "》」』”）)，,。、；;：:".contains(first)
        || s.ends_with(['摄', ',', '，', '、', '“', '《', '（', '(', '「', '‘'])
    {
        return None;
    }
    // A line closing a bracket it did not open is the tail of a sentence (`市统计局）`).
    let count = |set: &[char]| s.chars().filter(|c| set.contains(c)).count();
    if count(&['）', ')']) > count(&['（', '(']) {
        return None;
    }
    let body = s.trim_start_matches(['—', '-']);
    if let Some(sentence) = body.strip_suffix('。') {
        let lead = n <= MAX_LEAD
            && !sentence.contains(['。', '！', '？', '；', '：', '!', '?', ';', ':'])
            && !opens_with_connective(sentence);
        return lead.then(|| (Style::Lead, "", title_of(body), 0));
    }
    // A part title has no bullet and no sentence punctuation.
    let title = n <= MAX_TITLE
        && body.len() == s.len()
        && !s.contains(['。', '！', '？', '；', '：', '!', '?', ';', ':', '…']);
    title.then_some((Style::Standalone, "", s, 0))
}

/// `一` … `九十九` alone: its value.
fn bare_numeral(s: &str) -> Option<u32> {
    let digits: Vec<u32> = s
        .chars()
        .map(|c| "一二三四五六七八九十".chars().position(|d| d == c).map(|i| i as u32 + 1))
        .collect::<Option<_>>()?;
    match digits.as_slice() {
        [d] => Some(*d),
        [10, d] if *d < 10 => Some(10 + d),
        [d, 10] if (2..10).contains(d) => Some(d * 10),
        [d, 10, e] if (2..10).contains(d) && *e < 10 => Some(d * 10 + e),
        _ => None,
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// A date (`2024年1月15日`, `二〇二四年一月`): datelines, signature dates, captions.
fn is_dateline(s: &str) -> bool {
    let numeral =
        |c: char| c.is_ascii_digit() || c.is_numeric() || "〇零一二三四五六七八九十○".contains(c);
    let chars: Vec<char> = s.chars().collect();
    chars.windows(2).any(|w| numeral(w[0]) && w[1] == '月')
        || chars.windows(2).any(|w| numeral(w[0]) && w[1] == '日')
}

/// Whether a sentence opens with a pronoun or a connective: then it is text, not a lead.
fn opens_with_connective(s: &str) -> bool {
    const OPENERS: &[&str] = &[
        "我", "这些", "这个", "这样", "这种", "这里", "这次", "这项", "这一", "那", "他", "她",
        "它", "现在", "下面", "但", "因此", "所以", "总之", "同时", "另外", "此外", "其中", "例如",
        "如果", "当然", "然而", "可是", "而且", "并且", "于是", "不过", "至于", "上述", "以上",
        "以下",
    ];
    OPENERS.iter().any(|o| s.starts_with(o))
}

/// Whether the paragraph `p` (trimmed) ends a sentence (`。！？；：…`, or a closing quote
/// after one), so that a heading may follow.
fn ends_sentence(p: &str) -> bool {
    let core = p.trim_end_matches(['”', '’', '」', '』', '）', ')']);
    core.ends_with(['。', '！', '？', '；', '：', '!', '?', ';', ':', '…'])
}

/// Whether a part title may stand before `next` (and `after`, the line after it): prose, its
/// first numbered point (`名词解释` / `1.“两重”：…`), or a salutation or a subtitle line and
/// then one of those (`结束语` / `各位代表！` / prose; `附件` / `…名词注释` / `1.…`).
fn opens_part(next: &str, after: Option<&str>, layout: wrapped::Layout) -> bool {
    let starts = |p: &str| opens_prose(p, layout.margin) || heading_of(p).is_some();
    if starts(next) {
        return true;
    }
    let n = next.chars().count();
    let salutation = n <= 12 && next.ends_with(['！', '：', '!', ':']);
    let subtitle = matches!(kind_of(next, layout.paged), Some((Style::Standalone, ..)));
    // A subtitle goes with points, not prose: a short line between prose may be a fragment.
    (salutation && after.is_some_and(starts))
        || (subtitle && after.is_some_and(|a| heading_of(a).is_some()))
}

/// Whether `p` (trimmed) is prose that may follow a heading; in a hard-wrapped text with
/// margin `m`, the first line of a paragraph reaching the margin is prose too.
fn opens_prose(p: &str, m: Option<usize>) -> bool {
    (is_prose(p) || m.is_some_and(|m| wrapped::full(p, m))) && opens_paragraph(p)
}

/// Whether `p` (trimmed) may open a paragraph: some text with a full stop or a comma, not
/// beginning with closing punctuation.
fn opens_paragraph(p: &str) -> bool {
    let first = p.chars().next();
    p.contains(['。', '，', ',']) && !first.is_some_and(|c| "》」』”）)，,。、；;：:".contains(c))
}

/// A paragraph of prose: long enough, with a full stop or a comma.
fn is_prose(p: &str) -> bool {
    p.len() >= MIN_PROSE && p.chars().nth(MIN_PROSE - 1).is_some() && p.contains(['。', '，', ','])
}

#[cfg(test)]
mod tests;
