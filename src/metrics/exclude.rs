//! Numbers that are not stated quantities: inside names and quotations, ordinals, codes,
//! slogans and idioms. Dates, years, document numbers and times need no rule of their own: `年`
//! `月` `日` `号` `版` `届` are not units and digit groups joined by `-` `.` `:` `/` are skipped
//! whole by the number reader.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::chars::{at, before, ends_with, is_clause_end, is_cn_numeral, is_digit, starts_with};

/// Longest span a `“…”` or `"…"` pair may have and still be a name or slogan; a longer pair is a
/// quotation of running text whose numbers are real statements.
const MAX_QUOTE_CHARS: usize = 40;

/// Byte ranges of the line inside `《…》` titles and `“…”` names, sorted and disjoint.
#[derive(Debug, Default)]
pub struct Spans(Vec<(usize, usize)>);

impl Spans {
    /// Finds the balanced title and quote pairs of a line in one pass; unmatched marks are
    /// ignored so that a stray `《` never swallows the rest of the line.
    pub fn of(line: &str) -> Self {
        let mut found = Vec::new();
        let mut titles: Vec<usize> = Vec::new();
        let mut corners: Vec<usize> = Vec::new();
        let mut curly: Option<(usize, usize)> = None;
        let mut ascii: Option<(usize, usize)> = None;
        // Every mark is `"` or a three-byte character led by E2 (quotes) or E3 (brackets): the
        // bytes are walked, counting characters, and only those are decoded.
        let mut chars = 0;
        for (i, &b) in line.as_bytes().iter().enumerate() {
            if b & 0xC0 == 0x80 {
                continue;
            }
            let n = chars;
            chars += 1;
            if !matches!(b, b'"' | 0xE2 | 0xE3) {
                continue;
            }
            let Some(c) = line.get(i..).and_then(|r| r.chars().next()) else { continue };
            match c {
                '《' | '〈' => titles.push(i),
                '》' | '〉' => {
                    if let Some(s) = titles.pop() {
                        found.push((s, i));
                    }
                }
                '「' | '『' => corners.push(i),
                '」' | '』' => {
                    if let Some(s) = corners.pop() {
                        found.push((s, i));
                    }
                }
                '“' => curly = Some((i, n)),
                '”' => {
                    if let Some((s, sn)) = curly.take() {
                        if n - sn <= MAX_QUOTE_CHARS {
                            found.push((s, i));
                        }
                    }
                }
                '"' => match ascii.take() {
                    Some((s, sn)) if n - sn <= MAX_QUOTE_CHARS => found.push((s, i)),
                    Some(_) => ascii = Some((i, n)),
                    None => ascii = Some((i, n)),
                },
                _ => {}
            }
        }
        found.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(found.len());
        for (s, e) in found {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        Spans(merged)
    }

    /// Whether byte `pos` lies inside a title or name.
    pub fn contains(&self, pos: usize) -> bool {
        let i = self.0.partition_point(|&(s, _)| s < pos);
        i > 0 && self.0[i - 1].1 > pos
    }
}

/// Whether the number at `pos` is an ordinal, a code or a rate rather than a count:
/// `第三次` `第十个` (ordinal), `G20` `OA3` (code), `每5年` (frequency), `〔2019〕` (document
/// number year), `10^18` (an exponent). One space between them changes nothing (`第 3 次`,
/// `PM 2.5`), as PDF text sets it.
pub fn not_a_count_before(line: &str, pos: usize) -> bool {
    let pos = match before(line, pos) {
        Some((' ' | '\u{a0}', len)) => pos - len,
        _ => pos,
    };
    match before(line, pos) {
        Some((c, len)) => {
            matches!(c, '第' | '每' | '〔' | '[' | '【' | '#' | '№' | '_' | '^')
                || c.is_ascii_alphabetic()
                || (c == '.'
                    && before(line, pos - len).is_some_and(|(b, _)| b.is_ascii_alphabetic()))
        }
        None => false,
    }
}

/// Whether the unit ending at `end` is followed by a word that makes number and unit a name
/// (`3人制篮球场`, `2年制`, `3000吨级航道`, `10分制`, `20吨型`, `3年行动`): the class or format
/// of a thing, not a count of it. Words that merely begin with the same character
/// (`12个制度`, `3家制造企业`, `2个型号`, `5个级别`) are counts.
pub fn name_after(line: &str, end: usize, unit: &str) -> bool {
    let Some((c, len)) = at(line, end) else { return false };
    if unit == "年"
        && ["行动", "计划", "规划", "攻坚"].iter().any(|w| starts_with(line, end, w).is_some())
    {
        // `3年行动计划`: the name of a plan.
        return true;
    }
    let next = at(line, end + len).map(|(n, _)| n);
    match c {
        // `制` names a format only after people and time: `3人制` `2年制` `24小时制` `10分制`.
        '制' => matches!(unit, "人" | "年" | "天" | "日" | "小时" | "周" | "分" | "学时"),
        '级' => !matches!(next, Some('别' | '次')),
        '式' => !matches!(next, Some('样')),
        '型' => !matches!(next, Some('号')),
        _ => false,
    }
}

/// Whether the count at `pos` is a power of ten whose superscript the text extraction lost:
/// `每秒1018次浮点运算` states 10¹⁸ operations a second, not 1018. The rule a reader applies:
/// a `10` followed by one or two digits, counted in `次`, where the same clause speaks of
/// operations per second (`每秒`, `浮点`, `运算`). Elsewhere `1018次` is a count.
pub fn lost_superscript(line: &str, pos: usize, n: &super::number::Number, unit: &str) -> bool {
    if n.chinese
        || unit != "次"
        || n.value.decimals != 0
        || !(100..=1099).contains(&n.value.mantissa)
    {
        return false;
    }
    let written = line.get(pos..n.end).unwrap_or_default();
    if !written.starts_with("10") || written.len() > 4 {
        return false;
    }
    let window = |from: usize, to: usize| line.get(from..to).unwrap_or_default();
    let start = floor_boundary(line, pos.saturating_sub(36));
    let stop = ceil_boundary(line, (n.end + 24).min(line.len()));
    ["每秒", "浮点", "运算", "/秒"]
        .iter()
        .any(|w| window(start, pos).contains(w) || window(n.end, stop).contains(w))
}

/// The largest character boundary at or before `i`.
fn floor_boundary(line: &str, mut i: usize) -> usize {
    while i > 0 && !line.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary at or after `i` (at most the line's length).
fn ceil_boundary(line: &str, mut i: usize) -> usize {
    while i < line.len() && !line.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Whether the clause before `pos` speaks of a ranking (`排名` `排位` `位次` `名次` `排行`), so
/// that `位` and `名` after the number are places in it.
pub fn rank_context(line: &str, pos: usize) -> bool {
    // `排名上升5位` moves five places: a count; `上升到235位` is a place again.
    let moves = ["上升", "提升", "提高", "前移", "下降", "跃升", "后退", "攀升"];
    if moves.iter().any(|w| ends_with(line, pos, w).is_some()) {
        return false;
    }
    let mut p = pos;
    for _ in 0..16 {
        match before(line, p) {
            Some((c, _)) if is_clause_end(c) => return false,
            Some((_, len)) => p -= len,
            None => break,
        }
        if ["排名", "排位", "位次", "名次", "排行"]
            .iter()
            .any(|w| starts_with(line, p, w).is_some())
        {
            return true;
        }
    }
    false
}

/// Whether the number at `pos` sits in a slogan that wraps a number, `三个100%` `两个1000亿`:
/// the count of the slogan and the number inside it are both rhetoric, not statistics. A
/// slogan counts on its fingers, below ten; a larger count before a second number is a count
/// and its size (`改造老旧小区1343个52.54万户`, `14个750千伏电网工程`).
pub fn slogan_before(line: &str, pos: usize) -> bool {
    match before(line, pos) {
        Some(('个', len)) => small_count_before(line, pos - len),
        _ => false,
    }
}

/// Whether a count whose unit ends at `end` opens a slogan (`三个100%`): a `个` after a count
/// below ten, followed directly by another number.
pub fn slogan_after(line: &str, end: usize, unit: &str) -> bool {
    unit == "个"
        && at(line, end).is_some_and(|(c, _)| is_digit(c))
        && small_count_before(line, end - '个'.len_utf8())
}

/// Whether the text ending at `pos` is a count below ten: one digit (`3`) or one Chinese digit
/// (`三` `两`), with no other digit or numeral before it.
fn small_count_before(line: &str, pos: usize) -> bool {
    let Some((c, len)) = before(line, pos) else { return false };
    let single = !before(line, pos - len).is_some_and(|(b, _)| is_digit(b) || is_cn_numeral(b));
    let small = (is_digit(c) && c != '0') || "一二三四五六七八九两".contains(c);
    single && small
}

/// A Chinese numeral right after `数` `几` `若` is a vague count (`数十家`, `几百人`).
pub fn vague_before(line: &str, pos: usize) -> bool {
    matches!(before(line, pos), Some(('数' | '几' | '若', _)))
}

/// Four-character idioms and set phrases made of numerals and unit-like characters
/// (`千家万户`, `十分`): they would otherwise read as `1000家` or `10分`.
const IDIOMS: &[&str] = &[
    "千家万户",
    "万家灯火",
    "成千上万",
    "成百上千",
    "千方百计",
    "百家争鸣",
    "万无一失",
    "十全十美",
    "千军万马",
    "千辛万苦",
    "千变万化",
    "万众一心",
    "百花齐放",
    "千千万万",
    "十分",
    "万分",
    "百分百",
    "百人会",
    "千人计划",
    "万人计划",
    "百千万",
    "十百千万",
    "三百六十行",
];

/// Whether a Chinese numeral starting at `pos` is part of an idiom.
pub fn idiom_at(line: &str, pos: usize) -> bool {
    let Some((first, _)) = at(line, pos) else { return false };
    // Only the idioms with that numeral, at each place it holds in them.
    let Some(places) = idiom_places().get(&first) else { return false };
    places.iter().any(|&(idiom, i)| {
        ends_with(line, pos, &idiom[..i]).is_some() && starts_with(line, pos, &idiom[i..]).is_some()
    })
}

/// Each numeral of [`IDIOMS`] with the idioms it is in and its byte offset there.
fn idiom_places() -> &'static HashMap<char, Vec<(&'static str, usize)>> {
    static PLACES: OnceLock<HashMap<char, Vec<(&'static str, usize)>>> = OnceLock::new();
    PLACES.get_or_init(|| {
        let mut places: HashMap<char, Vec<(&'static str, usize)>> = HashMap::new();
        for idiom in IDIOMS {
            for (i, c) in idiom.char_indices().filter(|&(_, c)| is_cn_numeral(c)) {
                places.entry(c).or_default().push((idiom, i));
            }
        }
        places
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(line: &str, needle: &str) -> bool {
        let pos = line.find(needle).expect("needle in line");
        Spans::of(line).contains(pos)
    }

    #[test]
    fn numbers_in_titles_and_names_are_inside() {
        assert!(inside("完善《规划类许可证核发1栋办公楼》等", "1栋"));
        assert!(inside("落实“三项制度”要求", "三项"));
        assert!(!inside("组织召开5期“云上”招聘会", "5期"));
    }

    #[test]
    fn unmatched_marks_swallow_nothing() {
        assert!(!inside("《未闭合的书名 办理40件", "40件"));
        assert!(!inside("他说:“办理40件", "40件"));
    }

    #[test]
    fn long_quotations_are_running_text() {
        let line =
            "提出“全年新设立企业715户、个体工商户967户、市场主体总量达到8649户的目标已经完成”";
        assert!(!inside(line, "715户"));
    }

    #[test]
    fn ordinals_codes_and_rates() {
        assert!(not_a_count_before("第3次", "第".len()));
        assert!(not_a_count_before("OA3个", 2));
        assert!(not_a_count_before("每5年", "每".len()));
        assert!(not_a_count_before("〔2019〕3号", "〔".len()));
        assert!(not_a_count_before("No．5", "No．".len()), "full-width dot after a letter");
        assert!(!not_a_count_before("共3次", "共".len()));
    }

    #[test]
    fn slogans_wrap_numbers() {
        assert!(slogan_before("实现三个100%", "实现三个".len()));
        assert!(slogan_after("三个100%", "三个".len(), "个"));
        assert!(!slogan_after("设置98个窗口", "设置98个".len(), "个"));
        assert!(!slogan_before("设置98个窗口", "设置".len()));
        let line = "改造老旧小区1343个52.54万户";
        assert!(!slogan_before(line, line.find("52").expect("in line")));
        assert!(!slogan_after(
            "推进卡阳、松如沟等14个750千伏",
            "推进卡阳、松如沟等14个".len(),
            "个"
        ));
    }

    #[test]
    fn idioms() {
        assert!(idiom_at("走进千家万户", "走进".len()));
        assert!(idiom_at("走进千家万户", "走进千家".len()));
        assert!(idiom_at("十分重要", 0));
        assert!(!idiom_at("十个工作组", 0));
    }
}
