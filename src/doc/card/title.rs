//! Which head lines are the report's title, and the title's text as printed.
//!
//! Choices the spec leaves open:
//! - A `——` subtitle (`——2026年1月26日在…会议上`, `——在中国共产党第十九次全国代表大会上的报告`)
//!   is never the title: the title is the lines directly above it (blank lines between them
//!   allowed, as Wikisource pages break lines everywhere), joined until they end like a title.
//! - A subtitle glued to its title on one line (`政府工作报告——2016年3月5日在…`) is cut off.
//! - A title set letter by letter (`政 府 工 作 报 告`) is closed up; spaces between words
//!   (`中共中央 国务院关于…`) stay.
//! - Invisible characters (U+200B–U+200D, U+2060, U+FEFF) never stay in a title.

use super::body::Page;
use super::fields;
use super::noise::{self, LineKind};

/// A wrapped title takes two or three lines; a longer run of short lines is a list or a page
/// without prose, and growing one run over all of it cost time quadratic in its length.
const MAX_TITLE_LINES: usize = 6;

/// True for a subtitle line: it starts with a dash run (`——`, `――`, `--`, `－－`).
pub fn is_subtitle(n: &str) -> bool {
    dash_prefix(n) > 0
}

/// The byte length of the dash run `n` starts with (two dashes at least), else 0.
fn dash_prefix(n: &str) -> usize {
    let end = n.find(|c: char| !is_dash(c)).unwrap_or(n.len());
    if n[..end].chars().count() >= 2 {
        end
    } else {
        0
    }
}

/// A dash as subtitles are set: em dash, horizontal bar, hyphen, full-width hyphen-minus.
pub fn is_dash(c: char) -> bool {
    matches!(c, '—' | '―' | '-' | '－' | '–')
}

/// The title lines among the head (lines before the prose). With a `——` subtitle in the head,
/// the lines above it; else runs of consecutive title-like lines, a run closing once its text
/// ends with a document kind (`报告`); the best run is the first complete one, else the first
/// with a title word (`法治`, `年度`) that is not a site name (`…网`), else the first. First,
/// because below the title come wrapped prose lines. A blank line breaks a run, except
/// between an issuer and a `关于…` line: the 公文 title is 发文机关 + 关于 + 事由 + 文种, and
/// pages set the issuer on a line of its own.
pub fn pick(page: &Page, head_end: usize) -> Vec<usize> {
    if let Some(above) = above_subtitle(page, head_end) {
        return above;
    }
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

/// The title-like lines directly above the head's first subtitle, nearest first until their
/// text ends like a title (at most three lines, blank lines between them skipped).
fn above_subtitle(page: &Page, head_end: usize) -> Option<Vec<usize>> {
    let sub =
        (0..head_end).find(|&i| page.kind[i] == LineKind::Text && is_subtitle(&page.norm[i]))?;
    let mut lines = Vec::new();
    for i in (0..sub).rev() {
        match page.kind[i] {
            LineKind::Blank => continue,
            LineKind::Text if page.title_like(i) && lines.len() < 3 => lines.push(i),
            _ => break,
        }
        let text: String = lines.iter().rev().map(|&k| &page.norm[k]).collect();
        if fields::title_is_complete(&text) {
            break;
        }
    }
    lines.reverse();
    (!lines.is_empty()).then_some(lines)
}

/// A title line as printed: chrome around it removed ([`fields::clean_title`]), invisible
/// characters dropped, a glued subtitle (`——2016年3月5日在…`) cut off, letter spacing closed
/// up.
pub fn clean(line: &str) -> String {
    let visible: String = line.chars().filter(|&c| !noise::is_invisible(c)).collect();
    let mut t = fields::clean_title(&visible);
    if let Some(i) = glued_subtitle(&t) {
        t = t[..i].trim_end().to_string();
    }
    close_up(&t)
}

/// Where a subtitle glued to a title starts: a dash run after some text, followed by a date
/// or `在` (the delivery line `——2016年3月5日在…会议上`, `——在…大会上的报告`).
fn glued_subtitle(t: &str) -> Option<usize> {
    t.char_indices().find_map(|(i, c)| {
        if i == 0 || !is_dash(c) || t[..i].ends_with(is_dash) {
            return None;
        }
        let run = dash_prefix(&t[i..]);
        let rest = t[i + run..].trim_start();
        (run > 0 && (rest.starts_with('在') || super::dates::date_at_start(rest).is_some()))
            .then_some(i)
    })
}

/// `t` with letter spacing closed up when every space-separated part is one character (three
/// parts at least): `政 府 工 作 报 告` → `政府工作报告`; and without the spaces PDF text puts
/// between digits and Chinese (`洪泽区人民政府2023 年政府信息公开工作年度报告`).
pub fn close_up(t: &str) -> String {
    let parts: Vec<&str> = t.split_whitespace().collect();
    if parts.len() >= 3 && parts.iter().all(|p| p.chars().count() == 1) {
        return parts.concat();
    }
    let chars: Vec<char> = t.chars().collect();
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let mut out = String::with_capacity(t.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let end = (i..chars.len()).find(|&k| !chars[k].is_whitespace()).unwrap_or(chars.len());
            let (before, after) = (i.checked_sub(1).map(|k| chars[k]), chars.get(end).copied());
            let between =
                |a: char, b: char| a.is_ascii_digit() && cjk(b) || cjk(a) && b.is_ascii_digit();
            if !before.zip(after).is_some_and(|(a, b)| between(a, b)) {
                out.extend(&chars[i..end]);
            }
            i = end;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// How far into a line whose breaks were lost the title may end (characters).
const GLUED_REACH: usize = 160;

/// The title at the start of a line that runs on into the report (its line breaks lost):
/// after a photo credit and a dateline (`…新华社北京3月14日电`), up to the first of a
/// subtitle (`——2014年3月5日在…`), a 发文字号 (`国发〔2005〕18号`, the issuer code before it
/// left out), a run of two spaces, or the salutation. It must end like a title (a document
/// kind, [`fields::title_is_complete`]) and hold no sentence.
pub fn glued(n: &str) -> Option<String> {
    let head: String = n.chars().take(GLUED_REACH).collect();
    let start = dateline_end(&head).unwrap_or(0);
    let rest = &head[start..];
    let mut end = rest.len();
    for stop in ["——", "--", "各位代表", "同志们"] {
        if let Some(i) = rest.find(stop) {
            end = end.min(i);
        }
    }
    // A space after a complete title ends it (`上海市政府工作报告 上海市市长 龚正 …`).
    if let Some((i, _)) =
        rest.match_indices(' ').find(|&(i, _)| fields::title_is_complete(&rest[..i]))
    {
        end = end.min(i);
    }
    if let Some(r) = fields::find_doc_number(rest) {
        // The issuer code (`国发`, `国办发`) stands between the title's last word and the
        // bracket: the title ends with its last document kind before the bracket.
        let bracket =
            rest[r.clone()].find(fields::is_open_bracket).map_or(r.start, |b| r.start + b);
        let before = &rest[..bracket];
        let kind_end = fields::DOC_KINDS
            .iter()
            .filter_map(|k| before.rfind(k).map(|i| i + k.len()))
            .filter(|&e| e < before.len())
            .max();
        if let Some(k) = kind_end {
            end = end.min(k);
        }
    }
    let t = rest[..end].trim();
    (fields::title_is_complete(t) && !t.contains('。') && t.chars().count() >= 4)
        .then(|| close_up(&fields::tidy(t)))
}

/// The byte end of a dateline (`新华社北京3月14日电`) in `s`: a month, a day and `电`.
fn dateline_end(s: &str) -> Option<usize> {
    s.match_indices("日电").find_map(|(i, m)| {
        let day = s[..i].trim_end_matches(|c: char| c.is_ascii_digit());
        let ok = day.len() < i
            && day.strip_suffix('月').is_some_and(|m| m.ends_with(|c: char| c.is_ascii_digit()));
        ok.then_some(i + m.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_as_printed() {
        assert_eq!(clean("政 府 工 作 报 告"), "政府工作报告");
        // PDF text (poppler) spaces digits from Chinese: the title as printed has none.
        assert_eq!(clean("2021 年深圳市社会性别统计报告"), "2021年深圳市社会性别统计报告");
        assert_eq!(
            clean("洪泽区人民政府2023 年政府信息公开工作年度报告"),
            "洪泽区人民政府2023年政府信息公开工作年度报告"
        );
        // Words set apart stay apart (other-central-2018-rural-revitalization-opinion).
        assert_eq!(
            clean("中共中央 国务院关于实施乡村振兴战略的意见"),
            "中共中央 国务院关于实施乡村振兴战略的意见"
        );
        assert_eq!(
            clean("政府工作报告——2017年3月5日在第十二届全国人民代表大会第五次会议上国务院总理\u{3000}李克强"),
            "政府工作报告"
        );
        assert_eq!(clean("各位代表：\u{200D}"), "各位代表：");
        // A dash inside a title is not a subtitle.
        assert_eq!(clean("行动计划（2021—2023年）的通知"), "行动计划（2021—2023年）的通知");
    }

    #[test]
    fn subtitles() {
        for n in [
            "——2026年2月5日在安徽省第十四届人民代表大会第四次会议上",
            "――2026年1月27日在青海省",
            "----2013年2月28日在海拉尔区",
        ] {
            assert!(is_subtitle(n), "{n}");
        }
        assert!(!is_subtitle("—1—"));
        assert!(!is_subtitle("政府工作报告"));
    }
}
