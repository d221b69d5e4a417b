//! The year of a report (CLI.md `info`): the year in its own name; else the year of its
//! delivery or signing date; only then the year the text reports on.
//!
//! In that order, as a reader looks for them:
//! 1. The title's year (`2025年政府工作报告`); a period (`(2021—2023年)`) is not the
//!    document's year.
//! 2. A delivery or signing date at the head: a `——` subtitle (`——2026年1月26日在…会议上`),
//!    a bracketed date under the title (`(2017年10月18日)`), a line opening with a date and
//!    `在` (`2025年1月13日在河北省…会议上`).
//! 3. The 成文日期 the report is signed with, else the year of its 发文字号 (`〔2022〕6号`).
//! 4. The year the report plans for: a report delivered to plan a year (`关于1958年度国民经济
//!    计划的报告`, `二、2016年工作总体部署`) is delivered in that year, and one that looks back
//!    (`一、2015年工作回顾`, `首先报告2001年的工作`) on year Y was delivered after it: Y + 1.
//!    The first such year in reading order counts (the body's first sentence, then the
//!    headings): later headings name targets (`2010年的远景目标`). Else the year the body calls the
//!    opening of a period (`2006年是实施“十一五”规划的第一年`), the year it sets out work for.
//! 5. The year the body's first sentence names (`2020年,我区…`).
//!
//! Years are read with ASCII, full-width, spaced (`1 9 9 3 年`) or Chinese (`一九五四年`,
//! `二〇二四年`) digits.

use super::body::Page;
use super::dates;
use super::title;

/// How many text lines at the top of the body may still carry the delivery date.
const HEAD_BODY_LINES: usize = 3;

/// Everything the year is read from.
pub struct Sources<'a> {
    /// The page.
    pub page: &'a Page<'a>,
    /// The body range (0-based).
    pub body: (usize, usize),
    /// The title as printed.
    pub title: Option<&'a str>,
    /// The 成文日期's year.
    pub signed: Option<i32>,
    /// The 发文字号.
    pub doc_number: Option<&'a str>,
}

/// The year of the report, by the rules of the module doc.
pub fn find(s: &Sources) -> Option<i32> {
    let (first, last) = s.body;
    let page = s.page;
    s.title
        .and_then(|t| name_year(&page_norm(t)))
        .or_else(|| head_date_year(page, first, last))
        .or(s.signed)
        .or_else(|| s.doc_number.and_then(doc_number_year))
        .or_else(|| run_on_doc_number_year(page, first))
        .or_else(|| plan_year(page, first, last))
        .or_else(|| first_sentence(page, first, last).and_then(|n| whole_year(&n)))
}

/// The first year named as a whole year (not the year of a month, `1998年3月`, an event's
/// date) in `n`.
fn whole_year(n: &str) -> Option<i32> {
    let month = |end: usize| {
        n[end..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
    };
    years_in(n).into_iter().find(|&(_, _, end)| !month(end)).map(|(y, _, _)| y)
}

/// `s` normalised as page lines are.
fn page_norm(s: &str) -> String {
    super::noise::norm(s)
}

/// The year of a delivery or signing date in the head (every line before the body) or the
/// body's first text lines.
fn head_date_year(page: &Page, first: usize, last: usize) -> Option<i32> {
    let body_top = (first..=last).filter(|&i| page.kind[i] == super::noise::LineKind::Text);
    (0..first).chain(body_top.take(HEAD_BODY_LINES)).find_map(|i| delivery_date(&page.norm[i]))
}

/// The year of the delivery date a line states: after a dash run at its start or glued to a
/// title (`政府工作报告——2016年3月5日在…`), alone in brackets, or opening the line and
/// followed by `在` (where it was delivered).
pub fn delivery_date(n: &str) -> Option<i32> {
    // After a dash run (at the start or after a title).
    for (i, c) in n.char_indices() {
        if title::is_dash(c) && (i == 0 || !n[..i].ends_with(title::is_dash)) {
            let rest = n[i..].trim_start_matches(title::is_dash).trim_start();
            if let Some((d, _)) = dates::date_at_start(rest) {
                return Some(d.year);
            }
        }
    }
    if let Some(inner) = n.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return dates::parse_date(inner).map(|d| d.year);
    }
    let (d, r) = dates::date_at_start(n)?;
    n[r.end..].trim_start().starts_with('在').then_some(d.year)
}

/// The year in brackets of a 发文字号 (`皖开放办〔2022〕6号` → 2022).
fn doc_number_year(number: &str) -> Option<i32> {
    let open = number.find(super::fields::is_open_bracket)?;
    let digits: String = number[open..].chars().skip(1).take(4).collect();
    let n = &page_norm(&digits);
    n.parse().ok().filter(|y| (1900..=2100).contains(y))
}

/// The year of a 发文字号 near the start of the body's first line, for a text whose line
/// breaks were lost (the title, 发文字号 and addressee run together).
fn run_on_doc_number_year(page: &Page, first: usize) -> Option<i32> {
    let head: String = page.norm[first].chars().take(RUN_ON_REACH).collect();
    super::fields::find_doc_number(&head).and_then(|r| doc_number_year(&head[r]))
}

/// How far into the body's first line a 发文字号 is looked for (characters).
const RUN_ON_REACH: usize = 200;

/// The body's first sentence, after salutations and addressees (short lines ending with `:`
/// or `!`), normalised.
fn first_sentence(page: &Page, first: usize, last: usize) -> Option<String> {
    let line = (first..=last).find(|&i| {
        let n = &page.norm[i];
        page.kind[i] == super::noise::LineKind::Text
            && !(n.chars().count() <= 24 && n.ends_with([':', '!']))
    })?;
    let n = &page.norm[line];
    let sentence = n.split('。').next().unwrap_or(n);
    // A line whose breaks were lost may hold no `。` for megabytes.
    Some(sentence.chars().take(SENTENCE_CHARS).collect())
}

/// The longest first sentence read (characters).
const SENTENCE_CHARS: usize = 400;

/// What a year is said to be in the phrase after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A year planned for: `1958年度国民经济计划`, `2016年工作总体部署`, `1956年国家预算`.
    Plan,
    /// A year looked back on: `2015年工作回顾`, `1955年国家决算`.
    Review,
    /// Neither.
    Other,
}

/// Words after a year that plan it.
const PLAN_WORDS: &[&str] =
    &["计划", "预算", "任务", "部署", "安排", "建议", "要求", "目标", "重点工作", "的工作"];
/// Words before a year that look back on it: `刚刚过去的1984年`.
/// `首先报告2001年的工作`: a year whose work is reported on.
const PAST_WORDS: &[&str] = &["过去的", "过去了的", "回顾", "报告"];
/// Words after a year that look back on it.
const REVIEW_WORDS: &[&str] = &["回顾", "决算", "执行", "胜利", "成就", "总结", "情况"];

/// The role of each year named in `n`, in order (periods left out).
pub fn year_roles(n: &str) -> Vec<(i32, Role)> {
    years_in(n)
        .into_iter()
        .map(|(y, start, end)| {
            let phrase: String = n[end..]
                .chars()
                .take_while(|c| !matches!(c, ',' | '、' | '。' | ';' | ':') && !c.is_ascii_digit())
                .take(16)
                .collect();
            let before = n[..start].trim_end();
            let past = PAST_WORDS.iter().any(|w| before.ends_with(w));
            // `二〇三五年远景目标`: a long-range vision, not the year a report plans.
            let role = if phrase.starts_with("远景") {
                Role::Other
            } else if past || REVIEW_WORDS.iter().any(|w| phrase.contains(w)) {
                Role::Review
            } else if PLAN_WORDS.iter().any(|w| phrase.contains(w)) {
                Role::Plan
            } else {
                Role::Other
            };
            (y, role)
        })
        .collect()
}

/// The year the report plans for (module doc, rule 4).
fn plan_year(page: &Page, first: usize, last: usize) -> Option<i32> {
    let opening = first_sentence(page, first, last).map(|n| year_roles(&n)).unwrap_or_default();
    let headings = page
        .headings
        .iter()
        .filter(|(i, _)| (first..=last).contains(i))
        .map(|(_, t)| year_roles(&page_norm(t)));
    let named: Vec<Vec<(i32, Role)>> = std::iter::once(opening).chain(headings).collect();
    // The first year the report plans or looks back on, in reading order: a report opens on
    // the year it reviews (`一、2015年工作回顾`) or plans; later headings name targets and
    // long-range plans (`制定“九五”计划和2010年的远景目标`).
    let first_named = named.iter().flatten().find(|r| r.1 != Role::Other);
    first_named
        .map(|&(y, role)| if role == Role::Review { y + 1 } else { y })
        .or_else(|| opening_year(page, first, last))
}

/// Words saying a year opens a period (`2006年是实施“十一五”规划的第一年`): the year a report
/// sets out the work of.
const OPENING_WORDS: &[&str] = &["第一年", "开局之年", "头一年", "起步之年"];

/// The first year the body calls the opening of a period (`Y年是…的第一年`, `…开局之年`).
fn opening_year(page: &Page, first: usize, last: usize) -> Option<i32> {
    (first..=last).find_map(|i| {
        let n = &page.norm[i];
        // Only a few characters around each `年是` are read: lines may be megabytes long.
        n.match_indices("年是").find_map(|(m, _)| {
            let from = floor_boundary(n, m.saturating_sub(16));
            let to = floor_boundary(n, (m + 160).min(n.len()));
            let piece = &n[from..to];
            years_in(piece).into_iter().find_map(|(y, _, end)| {
                let clause = piece[end..].strip_prefix('是')?;
                let clause = clause.split([',', '。', ';']).next().unwrap_or(clause);
                OPENING_WORDS.iter().any(|w| clause.contains(w)).then_some(y)
            })
        })
    })
}

/// The largest char boundary of `s` at or below byte `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The year in a report's own name: the first year named that is not a period's end
/// (`(2021—2023年)`).
pub fn name_year(n: &str) -> Option<i32> {
    years_in(n).first().map(|&(y, _, _)| y)
}

/// A character that joins the two ends of a period: `2021—2023年`, `1956年到1967年`.
fn is_period_joint(c: char) -> bool {
    matches!(c, '到' | '至' | '—' | '―' | '－' | '-' | '–' | '~' | '～')
}

/// Reads four year digits (Arabic, full-width or Chinese; Arabic ones may be spaced,
/// `1 9 9 3`) at char `i`; returns the year and the char index after the digits (and any
/// space after them).
fn year_digits(cs: &[(usize, char)], i: usize) -> Option<(i32, usize)> {
    let at = |k: usize| cs.get(k).map(|&(_, c)| c);
    let mut k = i;
    let mut y = 0;
    let chinese =
        at(i).and_then(dates::cn_digit).is_some() && at(i).and_then(dates::digit).is_none();
    for n in 0..4 {
        if n > 0 && !chinese && at(k) == Some(' ') {
            k += 1;
        }
        let d = if chinese {
            at(k).and_then(dates::cn_digit)?
        } else {
            at(k).and_then(dates::digit)?
        };
        y = y * 10 + d;
        k += 1;
    }
    if !chinese && at(k) == Some(' ') {
        k += 1;
    }
    let y = y as i32;
    (1900..=2100).contains(&y).then_some((y, k))
}

/// Every year named in `s` (`YYYY年`, or `YYYY、` before another year of a list:
/// `1980、1981年`), with the byte offset where it starts and where the phrase after it starts
/// (after the `年` that closes it, shared by a list). A period's years (`2021—2023年`, `1956年到1967年`,
/// `到2035年`) are left out: they date a plan's span or a target, not a document.
pub fn years_in(s: &str) -> Vec<(i32, usize, usize)> {
    let cs: Vec<(usize, char)> = s.char_indices().collect();
    let at = |k: usize| cs.get(k).map(|&(_, c)| c);
    let byte = |k: usize| cs.get(k).map_or(s.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut pending: Vec<(i32, usize)> = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let prev = i.checked_sub(1).and_then(at);
        let starts = prev.is_none_or(|c| dates::digit(c).is_none() && dates::cn_digit(c).is_none());
        let Some((y, k)) = year_digits(&cs, i).filter(|_| starts) else {
            pending.clear();
            i += 1;
            continue;
        };
        let after_period = prev.is_some_and(is_period_joint);
        match at(k) {
            Some('年') => {
                let mut end = k + 1;
                if at(end) == Some('度') {
                    end += 1;
                }
                let before_period = at(k + 1).is_some_and(is_period_joint);
                if !after_period && !before_period {
                    for (p, at) in pending.drain(..) {
                        out.push((p, at, byte(end)));
                    }
                    out.push((y, byte(i), byte(end)));
                }
                pending.clear();
                i = end;
            }
            Some('、') if !after_period => {
                pending.push((y, byte(i)));
                i = k + 1;
            }
            _ => {
                pending.clear();
                i = k.max(i + 1);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_named_and_periods_left_out() {
        let years = |s: &str| years_in(s).into_iter().map(|(y, _, _)| y).collect::<Vec<_>>();
        assert_eq!(years("行动计划(2021—2023年)的通知"), Vec::<i32>::new());
        assert_eq!(years("关于一九五六年到一九六七年全国农业发展纲要"), Vec::<i32>::new());
        assert_eq!(years("到2035年基本实现"), Vec::<i32>::new());
        assert_eq!(years("关于1980、1981年国民经济计划安排的报告"), [1980, 1981]);
        assert_eq!(years("本届政府从1 9 9 3 年3 月就职"), [1993]);
        assert_eq!(years("关于１９５５年国家决算和１９５６年国家预算"), [1955, 1956]);
        assert_eq!(years("二〇二四年政府工作报告"), [2024]);
        assert_eq!(years("12019年 1.5万件"), Vec::<i32>::new());
        let s = "一九五八年度国民经济计划";
        assert_eq!(&s[years_in(s)[0].2..], "国民经济计划", "the phrase starts after 年度");
    }
}
