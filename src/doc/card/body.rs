//! Where the report's own text lies on the page: the title lines, and the first and last body
//! lines. Nothing is removed; only line indices are computed.

use super::closing::{self, Closing};
use super::dates;
use super::fields;
use super::noise::{self, LineKind};
use crate::doc::Document;

/// One page, line by line, as the card's rules see it (indices are 0-based here).
pub struct Page<'a> {
    /// The lines as written.
    pub raw: Vec<&'a str>,
    /// The lines [`noise::norm`]ed.
    pub norm: NormLines,
    /// What each line is.
    pub kind: Vec<LineKind>,
    /// Whether the outline parser made the line a heading (an extra signal only).
    pub heading: Vec<bool>,
}

impl<'a> Page<'a> {
    /// Reads every line of `doc`.
    pub fn new(doc: &'a Document) -> Page<'a> {
        let raw: Vec<&str> = doc.lines().collect();
        let norm = NormLines::new(&raw);
        let kind = (0..raw.len()).map(|i| noise::classify(&norm[i])).collect();
        let mut heading = vec![false; raw.len()];
        for h in &doc.headings {
            if let Some(slot) = h.line.checked_sub(1).and_then(|i| heading.get_mut(i)) {
                *slot = true;
            }
        }
        Page { raw, norm, kind, heading }
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.raw.len()
    }

    /// A line of the report's prose rather than of its title block: a heading, a sentence
    /// (`。`), an addressee (ends with `:`), or longer than any title (over 100 characters).
    pub fn body_like(&self, i: usize) -> bool {
        let n = &self.norm[i];
        self.kind[i] == LineKind::Text
            && (self.heading[i]
                || n.contains('。')
                || n.ends_with(':')
                || n.chars().count() > 100
                || starts_with_marker(n))
    }

    /// A line under a title that still belongs to the title block: a date alone, an author
    /// (organisation names only), a bracketed note (`(2021年1月)`) or a `——` subtitle.
    fn title_block_extra(&self, i: usize) -> bool {
        let n = &self.norm[i];
        dates::parse_date(n).is_some()
            || fields::org_line(self.raw[i]).is_some()
            || (n.starts_with('(') && n.ends_with(')') && !n.contains('。'))
            || n.starts_with("——")
            || n.starts_with("--")
    }

    /// A line that may be (part of) the title: text that is neither prose nor a date alone.
    fn title_like(&self, i: usize) -> bool {
        self.kind[i] == LineKind::Text
            && !self.body_like(i)
            && dates::parse_date(&self.norm[i]).is_none()
    }
}

/// The [`noise::norm`]ed lines of a page in one buffer: a page has thousands of lines, and a
/// string each cost an allocation each.
pub struct NormLines {
    /// The lines one after another.
    text: String,
    /// Where each line ends in `text`.
    ends: Vec<usize>,
}

impl NormLines {
    /// Normalises every line of `raw`.
    fn new(raw: &[&str]) -> NormLines {
        let mut text = String::with_capacity(raw.iter().map(|l| l.len()).sum());
        let mut ends = Vec::with_capacity(raw.len());
        for line in raw {
            noise::norm_into(line, &mut text);
            ends.push(text.len());
        }
        NormLines { text, ends }
    }
}

impl std::ops::Index<usize> for NormLines {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p]);
        &self.text[start..self.ends[i]]
    }
}

/// The report's place on the page (0-based line indices).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The title's lines, in order (empty when none was found).
    pub title: Vec<usize>,
    /// First and last body line; `None` when the page has no visible text.
    pub body: Option<(usize, usize)>,
    /// The signed 成文日期, when the body ends with one.
    pub closing: Option<Closing>,
}

/// True when `n` starts with an official heading marker: `一、` `(一)` `1.` `1、` `第一部分`.
pub fn starts_with_marker(n: &str) -> bool {
    let cn = |c: char| "一二三四五六七八九十".contains(c);
    let first_non = |s: &str, f: &dyn Fn(char) -> bool| s.chars().find(|&c| !f(c));
    let mut cs = n.chars();
    match cs.next() {
        Some(c) if cn(c) => first_non(n, &cn) == Some('、'),
        Some('(') => {
            let inner = cs.as_str();
            inner.starts_with(|c: char| cn(c) || c.is_ascii_digit())
                && first_non(inner, &|c| cn(c) || c.is_ascii_digit()) == Some(')')
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = n.trim_start_matches(|c: char| c.is_ascii_digit());
            let mut r = rest.chars();
            matches!(r.next(), Some('、') | Some('.'))
                && !r.next().is_some_and(|c| c.is_ascii_digit())
        }
        Some('第') => {
            let rest = cs.as_str().trim_start_matches(cn);
            rest.len() < cs.as_str().len() && rest.starts_with(['部', '章', '节', '条'])
        }
        _ => false,
    }
}

/// Finds the title lines and the body range of `page`.
pub fn layout(page: &Page) -> Layout {
    let len = page.len();
    // The title block ends where the prose starts.
    let head_end = (0..len).find(|&i| page.body_like(i)).unwrap_or(len);
    let title = pick_title(page, head_end);
    let after_title = title.last().map_or(0, |&t| t + 1);
    let text = |i: &usize| page.kind[*i] == LineKind::Text;
    // The body starts at the first prose line after the title (the addressee counts: it is
    // body-like), taking in the text lines directly above it that are not part of the title
    // block, so that a first paragraph hard-wrapped into short lines stays whole while page
    // text separated from the prose by a blank or chrome line stays out.
    let first = (after_title..len).find(|&i| page.body_like(i)).map(|mut b| {
        while b > after_title && text(&(b - 1)) && !page.title_block_extra(b - 1) {
            b -= 1;
        }
        b
    });
    let first = first.or_else(|| (after_title..len).find(text)).or_else(|| (0..len).find(text));
    let Some(first) = first else {
        // No text at all: keep every visible line rather than show an empty report.
        let visible = |i: &usize| page.kind[*i] != LineKind::Blank;
        let body = (0..len).find(visible).zip((0..len).rev().find(visible));
        return Layout { title, body, closing: None };
    };
    // The body runs until site chrome or page metadata starts (来源:, 分享到, 友情链接 …) and
    // ends at the last text line before it, so blank lines and separators are not kept.
    let stop = (first + 1..len)
        .find(|&i| matches!(page.kind[i], LineKind::Chrome | LineKind::Meta))
        .unwrap_or(len);
    let mut last = (first..stop).rev().find(text).unwrap_or(first);
    let closing = closing::find(page, first, last);
    // A signed date closes the report: after it only a 附注, 抄送, 印发 or 附件 belongs to it,
    // so page text nothing recognised as chrome is still cut there.
    if let Some(c) = closing.as_ref().filter(|c| c.issuer.is_some()) {
        let mut end = c.line;
        for i in c.line + 1..=last {
            if page.kind[i] != LineKind::Text {
                continue;
            }
            if !closing::after_signature(&page.norm[i]) {
                break;
            }
            end = i;
            if page.norm[i].starts_with("附件") {
                // An appendix runs to the end of the body.
                end = last;
                break;
            }
        }
        last = end;
    }
    Layout { title, body: Some((first, last)), closing }
}

/// The title lines among the head (lines before the prose): runs of consecutive title-like
/// lines, a run closing once its text ends with a document kind (`报告`); the best run is the
/// first complete one, else the first with a title word (`法治`, `年度`) that is not a site
/// name (`…网`), else the first. First, because below the title come wrapped prose lines.
/// A blank line breaks a run, except between an issuer and a `关于…` line: the 公文 title is
/// 发文机关 + 关于 + 事由 + 文种, and pages set the issuer on a line of its own.
fn pick_title(page: &Page, head_end: usize) -> Vec<usize> {
    // A wrapped title takes two or three lines; a longer run of short lines is a list or a page
    // without prose, and growing one run over all of it cost time quadratic in its length.
    const MAX_TITLE_LINES: usize = 6;
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut open = false;
    let mut gap = false;
    for i in 0..head_end {
        if page.kind[i] == LineKind::Blank {
            gap = true;
            continue;
        }
        if !page.title_like(i) {
            open = false;
            continue;
        }
        let joins = open
            && runs.last().is_some_and(|r| r.len() < MAX_TITLE_LINES)
            && (!gap || {
                let run = runs.last().map_or(&[][..], |r| &r[..]);
                let text: String = run.iter().map(|&k| &page.norm[k]).collect();
                fields::is_org_name(&text) && page.norm[i].starts_with("关于")
            });
        gap = false;
        match runs.last_mut() {
            Some(run) if joins => run.push(i),
            _ => runs.push(vec![i]),
        }
        let text: String = runs.last().into_iter().flatten().map(|&k| &page.norm[k]).collect();
        open = !fields::title_is_complete(&text);
    }
    let score = |run: &Vec<usize>| {
        let text: String = run.iter().map(|&k| &page.norm[k]).collect();
        let site = text.ends_with('网') || text.ends_with("网站") || text.contains("门户");
        u8::from(fields::title_is_complete(&text)) * 2
            + u8::from(fields::has_title_word(&text) && !site)
    };
    let best = runs.iter().map(score).max();
    runs.iter().find(|r| Some(score(r)) == best).cloned().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_markers() {
        for s in [
            "一、总体情况",
            "十二、其他",
            "(一)依法行政",
            "(1)数量",
            "1.简政放权",
            "2、改革",
            "第一部分 总体",
        ] {
            assert!(starts_with_marker(s), "{s}");
        }
        for s in ["一是加强", "2020年,我区", "1.5万件", "第1号", "(2021-2025年)", "第十"]
        {
            assert!(!starts_with_marker(s), "{s}");
        }
    }
}
