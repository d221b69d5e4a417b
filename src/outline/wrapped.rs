//! Hard-wrapped text, as PDF extraction gives it: every paragraph broken at the right margin
//! (about every 30 characters), page numbers between pages, and spaces the extraction puts
//! between digits and Chinese (`2023 年`).
//!
//! Rules, as a reader states them:
//! * The text is **hard-wrapped** when at least a third of its lines of [`MIN_WRAPPED`] columns
//!   or more (and at least [`MIN_FULL_LINES`] lines) end within [`BAND`] columns of one width,
//!   the right margin ([`margin`]). Columns count a Chinese character or full-width form as two,
//!   as the page shows them. A text with a paragraph per line has no such margin.
//! * A **heading whose title runs into the next line**: when the heading line reaches the
//!   margin (within [`SLACK`] columns) and has no `。；：` on it, its title has not ended; it
//!   goes on with the next line, up to that line's first `。；：` or its end, and further while
//!   each line reaches the margin with no stop, up to [`MAX_TITLE_LINES`] lines in all. A line
//!   short of the margin ended there: a heading ending before the margin is whole. A blank line
//!   ends the title, but a page break (page number, form feed) between the two parts does not;
//!   a next line that is itself a heading, a page number or a value cell is no continuation.
//! * **A line that continues a paragraph is no heading**: when the line before it (across a
//!   page break) reaches the margin and does not end a sentence or announce a list (`。！？：…`,
//!   or a closing quote or bracket after one, or a note in brackets after a sentence: `…之比。
//!   （数据来源：市民政局）`), the paragraph runs on into this line, and a
//!   marker at its start is in mid-sentence. A `；` at the margin is one item of an
//!   enumeration running on in its paragraph (`…七是深入推进…建设；` / `八是提升…；九是…`).
//! * In a hard-wrapped text or one with page breaks (form feeds), a single space between a
//!   Chinese character or CJK punctuation and a digit, a Latin letter or another Chinese
//!   character is the extraction's (digits set apart, justified lines), not the writer's:
//!   titles are shown without it (`2023 年工作回顾` → `2023年工作回顾`, `这一情 形` → `这一情形`).
//!
//! Linear: one pass for the margin, and each heading looks at a bounded number of lines.

use super::{heading_of, is_indent, table, title_of, trim_title};

/// Shortest line, in columns, counted when looking for the margin.
pub const MIN_WRAPPED: usize = 20;
/// Fewest lines at the margin that make a text hard-wrapped.
pub const MIN_FULL_LINES: usize = 8;
/// Width of the band of line ends that make the margin, in columns.
pub const BAND: usize = 5;
/// How far short of the margin a line may end and still reach it, in columns (three Chinese
/// characters: a word or punctuation that did not fit was carried to the next line).
pub const SLACK: usize = 6;
/// Most lines one title may span.
pub const MAX_TITLE_LINES: usize = 3;

/// Columns of `c`: two for a Chinese character (or kana, hangul), one for anything else. A
/// full-width bracket or comma is counted as one, like its ASCII form, so that the margin does
/// not depend on which form of punctuation a text uses (a few columns of difference, within
/// [`SLACK`]).
fn columns(c: char) -> usize {
    let wide = matches!(c as u32,
        0x1100..=0x115f | 0x2e80..=0x2fff | 0x3041..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff
        | 0xac00..=0xd7a3 | 0xf900..=0xfaff | 0x20000..=0x3fffd);
    if wide {
        2
    } else {
        1
    }
}

/// Columns of the line `s` without its surrounding white space (bounded: a long line counts
/// as long).
fn width(s: &str) -> usize {
    s.trim_matches(is_indent).chars().take(400).map(columns).sum()
}

/// What the parser needs to know about a PDF text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Layout {
    /// The right margin of a hard-wrapped text, in columns.
    pub margin: Option<usize>,
    /// Whether the text has page breaks (form feeds) or a margin: it came from a page.
    pub paged: bool,
}

/// The margin of a hard-wrapped text (module doc), if it is one.
pub fn margin(lines: &[&str]) -> Option<usize> {
    let mut hist = vec![0usize; 401];
    let mut counted = 0;
    for l in lines {
        let w = width(l);
        if w >= MIN_WRAPPED {
            hist[w.min(400)] += 1;
            counted += 1;
        }
    }
    // The densest band of BAND widths; its upper end is the margin.
    let mut best = (0, 0);
    let mut sum = 0;
    for w in 0..hist.len() {
        sum += hist[w];
        if w >= BAND {
            sum -= hist[w - BAND];
        }
        if sum >= best.0 && w < 400 {
            best = (sum, w);
        }
    }
    (best.0 >= MIN_FULL_LINES && best.0 * 3 >= counted).then_some(best.1)
}

/// The layout of `lines` (module doc).
pub fn layout(lines: &[&str]) -> Layout {
    let margin = margin(lines);
    let feeds = lines.iter().any(|l| l.contains('\u{c}'));
    Layout { margin, paged: margin.is_some() || feeds }
}

/// Whether `line` reaches the margin `m`: it ends within [`SLACK`] columns of it. A line far
/// past the margin was never wrapped at it (a table row, a paragraph the extraction kept whole),
/// so what follows it is no continuation.
pub(super) fn full(line: &str, m: usize) -> bool {
    let w = width(line);
    w + SLACK >= m && w <= m + SLACK
}

/// Whether `s` has a title stop (`。；：` or their ASCII forms).
fn has_stop(s: &str) -> bool {
    s.contains(['。', ';', '\u{ff1b}', ':', '\u{ff1a}'])
}

/// The first line with text among `indices` (walked in their order), skipping the page break
/// between pages (page numbers, blank lines, form feeds), and whether a page break was crossed.
fn across_break(lines: &[&str], indices: impl Iterator<Item = usize>) -> Option<(usize, bool)> {
    let mut paged = false;
    for j in indices {
        let l = lines[j];
        if table::is_page_number(l) {
            paged = true;
        } else if l.trim_matches(is_indent).is_empty() {
            paged |= l.contains('\u{c}');
        } else {
            return Some((j, paged));
        }
    }
    None
}

/// How many lines a page break may take (a page number and a few blank lines).
const BREAK_LINES: usize = 6;

/// The index of the line that continues line `i` across a page break or directly: the next
/// line, or the first line after a page number, form feed and blank lines between pages.
fn next_part(lines: &[&str], i: usize) -> Option<usize> {
    let after = i + 1..lines.len().min(i + 1 + BREAK_LINES);
    let (j, paged) = across_break(lines, after)?;
    (j == i + 1 || paged || lines[j].starts_with('\u{c}')).then_some(j)
}

/// Whether line `i` continues the paragraph of the line before it (module doc), in a text
/// with margin `m`.
pub fn continues_paragraph(lines: &[&str], i: usize, m: usize) -> bool {
    // The line before, across a page break (a page number, form feed and blank lines).
    let starts_page = lines.get(i).is_some_and(|l| l.starts_with('\u{c}'));
    let before = (i.saturating_sub(BREAK_LINES)..i.min(lines.len())).rev();
    match across_break(lines, before) {
        Some((j, paged)) if j + 1 == i || paged || starts_page => {
            !ends_paragraph_line(lines[j]) && full(lines[j], m)
        }
        _ => false,
    }
}

/// Whether the line `l` ends a sentence or announces a list (`。！？：…`, or a closing quote or
/// bracket after one), or ends with a note in brackets after a sentence (`…之比。（数据来源：
/// 市民政局）`).
fn ends_paragraph_line(l: &str) -> bool {
    let l = l.trim_end_matches(is_indent);
    let ended = |s: &str| {
        s.trim_end_matches(['”', '’', '」', '』', '）', ')'])
            .ends_with(['。', '！', '？', '：', '!', '?', ':', '…'])
    };
    let note = l.ends_with(['）', ')'])
        && l.rfind(['（', '(']).is_some_and(|k| ended(l[..k].trim_end_matches(is_indent)));
    ended(l) || note
}

/// The whole title of the heading on line `i` whose title on its own line is `title`, and the
/// last line it spans, when it runs into the lines after it (module doc).
pub fn continued(lines: &[&str], i: usize, title: &str, m: usize) -> Option<(String, usize)> {
    let line = lines.get(i)?;
    if has_stop(line) || !full(line, m) {
        return None;
    }
    let mut out = String::from(title);
    // A comma or `、` at the line end goes on into the title.
    if let Some(c) =
        line.trim_end_matches(is_indent).chars().last().filter(|c| "，,、".contains(*c))
    {
        out.push(c);
    }
    let mut last = i;
    for _ in 1..MAX_TITLE_LINES {
        let j = next_part(lines, last)?;
        let next = lines[j];
        if heading_of(next).is_some() || table::is_value_cell(next) {
            break;
        }
        let part = title_of(next);
        join(&mut out, part);
        last = j;
        if has_stop(next) || !full(next, m) {
            break;
        }
    }
    (last > i).then(|| (trim_title(&out).to_string(), last))
}

/// Appends `part` to `out`, with a space only between two Latin letters or digits.
fn join(out: &mut String, part: &str) {
    let part = part.trim_matches(is_indent);
    let ascii_end = out.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
    let ascii_start = part.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    if ascii_end && ascii_start {
        out.push(' ');
    }
    out.push_str(part);
}

/// `title` without the spaces PDF extraction puts between Chinese and digits or Latin letters
/// (module doc); `None` when it has none.
pub fn tidy(title: &str) -> Option<String> {
    let chars: Vec<char> = title.chars().collect();
    // Full-width digits and letters are digits and letters too.
    let narrow = |c: char| {
        c.is_ascii_alphanumeric()
            || matches!(c, '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}')
    };
    let wide = |c: char| {
        !narrow(c)
            && (columns(c) == 2
                || ('\u{3000}'..='\u{303f}').contains(&c)
                || ('\u{ff00}'..='\u{ffef}').contains(&c))
    };
    let mut out = String::with_capacity(title.len());
    let mut changed = false;
    for (k, &c) in chars.iter().enumerate() {
        if c == ' ' && k > 0 && k + 1 < chars.len() {
            let (a, b) = (chars[k - 1], chars[k + 1]);
            if (wide(a) && narrow(b)) || (narrow(a) && wide(b)) || (wide(a) && wide(b)) {
                changed = true;
                continue;
            }
        }
        out.push(c);
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests;
