//! Text whose line breaks were lost: a report scraped into one line, or a few very long ones,
//! still has its headings, and a reader still wants its paragraphs back.
//!
//! Rules (OUTLINE.md, "Other ways"), applied only to a line of at least [`LONG_LINE`] code
//! points, which no paragraph of a real report reaches (the longest of 130 real full-length
//! reports is 1,760; run-together texts are 4,400 and more), so that multi-line reports are
//! read exactly as before:
//! * **Paragraph breaks** ([`paragraph_breaks`]): a run of two or more white-space characters
//!   (`  `, `　　`, ` \u{2003}\u{2003}`), or a single ASCII or no-break space between two
//!   non-ASCII characters that are not letter-spaced (`意见。 一、` breaks, `电 力 体 制` and
//!   `PM 2.5` do not). A scraper's written-out escape of a space (`<U+00A0>`) counts as that
//!   space. A single ideographic or em space is a gap inside a line (`市长\u{3000}应勇`), not a
//!   break. A letter-spaced title (four letters or more, one space apart) is a paragraph of its
//!   own: its last letter ends it (`改 革 方 案一、加快…` breaks before `一、`).
//! * **Headings**: a marker at the start of the line or after a paragraph break is a heading as
//!   at a line start; a marker right after the end of a sentence (`。` `！` `？` `：`) is one when
//!   it continues the numbering — the next number of a style already open, a first number
//!   (`一、` `(一)` `1.`) opening a new one, a number that runs on across parts (`(四)` under
//!   `二、` after `(三)` under `一、`, as State Council documents count), or a top-level `一、`
//!   starting over after it had counted on (an attachment); a first (or running-on) number of
//!   a new style inside the title of the heading before is one too
//!   (`一、指导思想(一)指导思想。`). `一是` and `第一,` after a
//!   sentence are enumerations inside a paragraph and stay text, as `三、` with no `二、` before
//!   and `1.` in mid-sentence do.
//! * A heading's title ends at the first `。;:` as everywhere, and also at a paragraph break or
//!   at the next heading.
//! * Such headings carry [`super::Heading::col`], the code-point offset of the marker in the
//!   line; a heading at the very start of the line has none, like any line-start heading.
//!
//! One walk over the line, each character looked at a bounded number of times: linear on a
//! 20 MB line.

use super::{is_indent, marker, push, trim_title, Found, Heading, Stack, Style};

/// Code points from which a line counts as run-together text.
pub const LONG_LINE: usize = 2_500;

/// Whether `line` is long enough to be run-together text ([`LONG_LINE`]).
pub fn is_long(line: &str) -> bool {
    line.len() >= LONG_LINE && line.chars().nth(LONG_LINE - 1).is_some()
}

/// The code-point offsets at which the paragraphs of `line` begin, after its first one:
/// paragraph-break runs (the offset of the first character after the run) and the `col` of the
/// headings found in the line (`heading_cols`, from [`super::Heading::col`]), sorted, without
/// repeats and without 0. Text between two offsets is one paragraph, to be shown without its
/// surrounding white space. A line shorter than [`LONG_LINE`] has no breaks of its own.
pub fn paragraph_breaks(line: &str, heading_cols: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = heading_cols.to_vec();
    if is_long(line) {
        out.extend(breaks(line).iter().map(|b| b.cp));
    }
    out.sort_unstable();
    out.dedup();
    out.retain(|&c| c > 0);
    out
}

/// A paragraph break: where its white-space run starts (byte) and where the next paragraph
/// begins (byte and code point).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Break {
    run_start: usize,
    byte: usize,
    cp: usize,
}

/// One step of the walk: a character, or a scraper's written-out escape of a space.
#[derive(Debug, Clone, Copy)]
struct Unit {
    byte: usize,
    cp: usize,
    ch: char,
    space: bool,
}

struct Units<'a> {
    s: &'a str,
    byte: usize,
    cp: usize,
}

impl<'a> Units<'a> {
    fn new(s: &'a str) -> Self {
        Units { s, byte: 0, cp: 0 }
    }
}

impl Iterator for Units<'_> {
    type Item = Unit;

    fn next(&mut self) -> Option<Unit> {
        let rest = self.s.get(self.byte..)?;
        let c = rest.chars().next()?;
        let (len, ch, cps) = match escaped_space(rest) {
            Some((len, ch)) => (len, ch, len),
            None => (c.len_utf8(), c, 1),
        };
        let u = Unit { byte: self.byte, cp: self.cp, ch, space: is_indent(ch) };
        self.byte += len;
        self.cp += cps;
        Some(u)
    }
}

/// `<U+00A0>` and the like at the start of `s`: some scrapers write out a space they could not
/// encode. Its byte length and the space it stands for.
fn escaped_space(s: &str) -> Option<(usize, char)> {
    let hex = s.strip_prefix("<U+")?;
    let n = hex.bytes().take(7).take_while(u8::is_ascii_hexdigit).count();
    if !(4..=6).contains(&n) || hex.as_bytes().get(n) != Some(&b'>') {
        return None;
    }
    let ch = char::from_u32(u32::from_str_radix(&hex[..n], 16).ok()?)?;
    is_indent(ch).then_some((3 + n + 1, ch))
}

/// The paragraph breaks of `line` (module doc), in order.
fn breaks(line: &str) -> Vec<Break> {
    let mut out = Vec::new();
    // The run of white space being read: where it starts, how many, the first one.
    let mut run: Option<(usize, usize, char)> = None;
    let mut prev: Option<char> = None;
    // Characters in the current stretch without white space.
    let mut seg = 0usize;
    // A single-space break waiting to see that the text after it is not letter-spaced.
    let mut pending: Option<Break> = None;
    // Single letters so far, each after a single space (`电 力 体 制`).
    let mut spaced = 0usize;
    for u in Units::new(line) {
        if u.space {
            if pending.is_some() && seg < 2 {
                pending = None;
            }
            run = Some(match run {
                Some((start, n, first)) => (start, n + 1, first),
                None => (u.byte, 1, u.ch),
            });
            continue;
        }
        if let (Some((start, n, first)), Some(p)) = (run.take(), prev) {
            spaced = if n == 1 && seg == 1 { spaced + 1 } else { 0 };
            let b = Break { run_start: start, byte: u.byte, cp: u.cp };
            if n >= 2 {
                out.extend(pending.take());
                out.push(b);
            } else if matches!(first, ' ' | '\u{a0}')
                && !p.is_ascii()
                && !u.ch.is_ascii()
                && seg >= 2
            {
                out.extend(pending.take());
                pending = Some(b);
            }
            seg = 0;
        }
        seg += 1;
        if seg == 2 {
            out.extend(pending.take());
            // A letter-spaced title ends with its last letter (`方 案一、加快…`).
            if spaced >= 3 && u.ch.is_alphanumeric() {
                out.push(Break { run_start: u.byte, byte: u.byte, cp: u.cp });
            }
        }
        prev = Some(u.ch);
    }
    out
}

/// Where a marker stands in a run-together line, which decides what it must satisfy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    /// The start of the line, or of a paragraph: any marker, as at a line start.
    Paragraph,
    /// Right after the end of a sentence.
    Sentence,
    /// Inside the title of the heading before.
    Title,
}

/// Finds the headings of the run-together `line` (line number `n`), appending them to `out`
/// and entering their styles on `stack`.
pub(super) fn scan(line: &str, n: usize, stack: &mut Stack, out: &mut Vec<Heading>) {
    let brks = breaks(line);
    let mut next_break = brks.iter().peekable();
    // The heading whose title is still being read, and where its title starts.
    let mut open: Option<(usize, usize)> = None;
    let mut prev: Option<char> = None;
    let mut skip_to = 0;
    let mut started = false;
    let close = |open: &mut Option<(usize, usize)>, out: &mut Vec<Heading>, end: usize| {
        if let Some((h, start)) = open.take() {
            out[h].title = trim_title(line.get(start..end).unwrap_or("")).into();
        }
    };
    for u in Units::new(line) {
        if u.byte < skip_to || u.space {
            continue;
        }
        let mut after_break = false;
        while let Some(b) = next_break.next_if(|b| b.byte <= u.byte) {
            after_break = b.byte == u.byte;
            close(&mut open, out, b.run_start);
        }
        let at = if !started || after_break {
            Some(At::Paragraph)
        } else if prev.is_some_and(|c| matches!(c, '。' | '！' | '？' | '：' | ':' | '!' | '?'))
        {
            Some(At::Sentence)
        } else if open.is_some() {
            Some(At::Title)
        } else {
            None
        };
        let col = started.then_some(u.cp);
        started = true;
        if let Some(at) = at {
            if let Some(m) = accepted(line, u.byte, at, prev, stack) {
                close(&mut open, out, u.byte);
                let marker = &line[u.byte..u.byte + m.len];
                let f = Found { style: m.style, marker: marker.into(), title: "", value: m.value };
                push(stack, out, n, f, col);
                open = Some((out.len() - 1, u.byte + m.len));
                skip_to = u.byte + m.len;
                prev = marker.chars().last();
                continue;
            }
        }
        if matches!(u.ch, '。' | ';' | '\u{ff1b}' | ':' | '\u{ff1a}') {
            close(&mut open, out, u.byte);
        }
        prev = Some(u.ch);
    }
    close(&mut open, out, line.len());
}

/// The marker at byte `at_byte` of `line` when it opens a heading there (module doc).
fn accepted(
    line: &str,
    at_byte: usize,
    at: At,
    prev: Option<char>,
    stack: &Stack,
) -> Option<marker::Marker> {
    let text = &line[at_byte..];
    let m = marker::recognise(text)?;
    let enumeration = matches!(m.style, Style::CnShi | Style::Ordinal);
    let ok = match at {
        At::Paragraph => true,
        At::Sentence => !enumeration && stack.continues(m.style, m.value),
        // `第一、二、三产业`: a numeral right before is a list of numbers, not a new heading.
        At::Title => {
            !enumeration
                && !stack.has(m.style)
                && (m.value == 1 || stack.runs_on(m.style, m.value))
                && !prev.is_some_and(|c| {
                    c == '第' || c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
                })
        }
    };
    // A marker with no title after it is not a heading.
    let first = Units::new(&text[m.len..]).find(|u| !u.space).map(|u| u.ch);
    let titled = first.is_some_and(|c| {
        !matches!(c, '。' | ';' | '\u{ff1b}' | ':' | '\u{ff1a}' | ',' | '\u{ff0c}' | '、')
    });
    (ok && titled).then_some(m)
}

#[cfg(test)]
mod tests;
