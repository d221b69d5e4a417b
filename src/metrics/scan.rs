//! The scanner: finds every stated quantity of one line (number, magnitude, unit, approximation
//! words) in a single left-to-right pass, before labels are attached.

use super::chars::{
    at, before, is_cn_numeral, is_digit, longest_at, longest_before, starts_number, starts_with,
};
use super::exclude::{
    idiom_at, lost_superscript, name_after, not_a_count_before, rank_context, slogan_after,
    slogan_before, vague_before, Spans,
};
use super::number::{arabic, chinese_number, cn_run_end, magnitude, skip_group, Decimal, Number};
use super::units::{magnitude_unit_at, unit_at, Kind, Unit};

/// One quantity found in a line, before its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Byte offset of the raw text (approximation words included).
    pub start: usize,
    /// Byte offset just after the raw text.
    pub end: usize,
    /// Byte offset just after the unit (before trailing `以上` `左右`).
    pub unit_end: usize,
    /// The normalised value.
    pub value: f64,
    /// The normalised unit.
    pub unit: &'static str,
    /// What the unit counts.
    pub kind: Kind,
    /// Whether an approximation word qualifies it, or it is a range.
    pub approx: bool,
}

/// Words before a number that make it approximate (`近4000家`, `超过91%`, `不少于3次`).
const APPROX_BEFORE: &[&str] = &[
    "近",
    "约",
    "超",
    "超过",
    "逾",
    "不少于",
    "不低于",
    "不超过",
    "至少",
    "将近",
    "接近",
    "大约",
    "上",
];

/// Words after the unit that make a quantity approximate (`5%以上`, `10%左右`).
const APPROX_AFTER: &[&str] = &["以上", "以下", "以内", "左右", "上下"];

/// Range separators: `3-5家`, `3~5家`, `3—5家`, `3至5家`, `3到5家`.
const RANGE_SEPARATORS: &[&str] = &["-", "~", "—", "–", "至", "到"];

/// Finds the quantities of one line in document order.
pub fn scan(line: &str) -> Vec<Found> {
    // Most lines state nothing: find the first character that may start a number before
    // building anything.
    let Some(mut pos) = next_number_start(line, 0) else { return Vec::new() };
    let spans = Spans::of(line);
    let mut out = Vec::new();
    while let Some((c, len)) = at(line, pos) {
        let next = if is_digit(c) {
            match arabic(line, pos) {
                Ok(n) => quantity(line, &spans, pos, n).map(|f| {
                    let end = f.end;
                    out.push(f);
                    end
                }),
                Err(skip) => Err(skip),
            }
        } else if c == '百' && starts_with(line, pos, "百分之").is_some() {
            percent_words(line, &spans, pos).map(|f| {
                let end = f.end;
                out.push(f);
                end
            })
        } else if is_cn_numeral(c) {
            let run_end = numeral_end(line, pos);
            match chinese_number(line, pos, run_end) {
                Some(n) => quantity(line, &spans, pos, n).map(|f| {
                    let end = f.end;
                    out.push(f);
                    end
                }),
                None => Err(run_end),
            }
        } else {
            Err(pos + len)
        };
        pos = match next {
            Ok(end) | Err(end) => end.max(pos + len),
        };
        // Characters that cannot start a number are stepped over one by one anyway.
        match next_number_start(line, pos) {
            Some(p) => pos = p,
            None => break,
        }
    }
    share_list_units(line, &mut out);
    out
}

/// In a list the unit is written once, after the last item (`分别净减少10.6万、3.8万、3.3万平方
/// 公里`): an item with a magnitude but no unit, followed by `、` and the next item, takes that
/// item's unit. Walks from the right so that a unit travels down the whole list.
fn share_list_units(line: &str, found: &mut [Found]) {
    for i in (0..found.len().saturating_sub(1)).rev() {
        let (head, tail) = found.split_at_mut(i + 1);
        let (item, next) = (&mut head[i], &tail[0]);
        let joined = line.get(item.end..next.start).is_some_and(|s| s == "、");
        if item.unit.is_empty() && !next.unit.is_empty() && joined && item.end == item.unit_end {
            item.unit = next.unit;
            item.kind = next.kind;
        }
    }
}

/// The end of the Chinese numeral at `pos`: its run of numeral characters, less a last `千`
/// `百` `万` that begins a unit (`四十万千瓦` is 400000 千瓦, `五万千米`).
fn numeral_end(line: &str, pos: usize) -> usize {
    let end = cn_run_end(line, pos);
    match before(line, end) {
        Some((_, len)) if end - len > pos && magnitude_unit_at(line, end - len).is_some() => {
            end - len
        }
        _ => end,
    }
}

/// Byte offset of the first character at or after `pos` that may start a number.
fn next_number_start(line: &str, pos: usize) -> Option<usize> {
    let rest = line.get(pos..)?;
    rest.char_indices().find(|&(_, c)| starts_number(c)).map(|(i, _)| pos + i)
}

/// The approximation word ending at `pos`, if one qualifies the number there, and where it
/// starts. Guards keep words where the character means something else: `最近` `附近` (near),
/// `签约` `合约` (contract), `赶超` (catch up), and `上` only before a bare `百` `千` `万`.
fn approx_before(line: &str, pos: usize, n: &Number) -> Option<usize> {
    let (word, start) = longest_before(line, pos, APPROX_BEFORE)?;
    let prev = before(line, start).map(|(c, _)| c);
    let ok = match word {
        "近" => !matches!(prev, Some('最' | '附' | '临' | '邻' | '靠' | '就')),
        "约" => !matches!(
            prev,
            Some('签' | '合' | '节' | '制' | '预' | '公' | '条' | '契' | '特' | '协' | '邀' | '简')
        ),
        "超" => !matches!(prev, Some('赶')),
        "上" => {
            n.chinese && n.bare && !matches!(prev, Some('成' | '百' | '千' | '马' | '以' | '加'))
        }
        _ => true,
    };
    ok.then_some(start)
}

/// Builds the quantity whose number `n` starts at `pos`, or says where to resume.
fn quantity(line: &str, spans: &Spans, pos: usize, n: Number) -> Result<Found, usize> {
    let resume = if n.chinese { n.end } else { skip_group(line, n.end) };
    if spans.contains(pos) || not_a_count_before(line, pos) || slogan_before(line, pos) {
        return Err(resume);
    }
    let approx_start = approx_before(line, pos, &n);
    if n.chinese && (vague_before(line, pos) || idiom_at(line, pos)) {
        return Err(resume);
    }
    let mut approx = approx_start.is_some() || n.fuzzy;
    let mut p = n.end;
    let mut low = n.value;
    let mut first_percent = false;

    // A range is reported once, as its lower bound, approximate: `3-5家` reads "at least 3".
    if !n.chinese {
        let mut q = p;
        if let Some(('%', len)) = at(line, q) {
            q += len;
            first_percent = true;
        }
        if let Some((_, after_sep)) = longest_at(line, q, RANGE_SEPARATORS) {
            if at(line, after_sep).is_some_and(|(c, _)| is_digit(c)) {
                match arabic(line, after_sep) {
                    Ok(hi) if n.value.lt(hi.value) => {
                        approx = true;
                        p = hi.end;
                        low = n.value;
                    }
                    _ if at(line, q).is_some_and(|(c, _)| matches!(c, '-' | '~')) => {
                        return Err(skip_group(line, after_sep));
                    }
                    _ => first_percent = false,
                }
            } else {
                first_percent = false;
            }
        } else {
            first_percent = false;
        }
    }

    // PDF text may set a space between a number and its unit (`1136 条`, `39.8 万亿元`).
    if let Some((' ' | '\u{a0}', len)) = at(line, p) {
        if at(line, p + len).is_some_and(|(c, _)| !is_digit(c) && c != ' ') {
            p += len;
        }
    }
    let mut mid_approx = false;
    if let Some(('余' | '多', len)) = at(line, p) {
        mid_approx = true;
        p += len;
    }
    let (mut unit, exp) = match magnitude_unit_at(line, p) {
        Some(u) => (u, 0),
        None => {
            let (mut exp, q) = magnitude(line, p, n.chinese);
            p = q;
            if exp > 0 && !mid_approx {
                if let Some(('余' | '多', len)) = at(line, p) {
                    mid_approx = true;
                    p += len;
                    // `4万多亿元`: more than 4 万亿.
                    if let (4, Some(('亿', len))) = (exp, at(line, p)) {
                        exp += 8;
                        p += len;
                    }
                }
            }
            let unit = match unit_at(line, p) {
                Some(u) => u,
                None if counted_in_magnitude(line, pos, &n, exp, p) => {
                    Unit { name: "", kind: Kind::Other, end: p }
                }
                None => return Err(resume.max(p)),
            };
            (unit, exp)
        }
    };
    approx |= mid_approx;
    // `2个多月`, `3个多小时`: the approximation sits inside the unit.
    if unit.name == "个" {
        if let Some(('多' | '余', len)) = at(line, unit.end) {
            let inner = unit.end + len;
            let found = [("月", "个月"), ("小时", "小时"), ("工作日", "个工作日")]
                .into_iter()
                .find_map(|(word, name)| starts_with(line, inner, word).map(|end| (name, end)));
            if let Some((name, end)) = found {
                unit = Unit { name, kind: Kind::Other, end };
                approx = true;
            }
        }
    }
    if first_percent && unit.name != "%" {
        return Err(resume.max(p));
    }
    if !acceptable(line, pos, &n, &unit, exp, approx) {
        return Err(resume.max(unit.end));
    }
    let mut end = unit.end;
    // A bound after the unit makes the quantity approximate and belongs to its text, after a
    // rate as after a count: `5%以上`, `3人以上`, `38微克/立方米以下`, `控制在3%以内`.
    if let Some((_, q)) = longest_at(line, end, APPROX_AFTER) {
        approx = true;
        end = q;
    }
    Ok(Found {
        start: approx_start.unwrap_or(pos),
        end,
        unit_end: unit.end,
        value: below_yi_scaled(&n, low, exp),
        unit: unit.name,
        kind: unit.kind,
        approx,
    })
}

/// Whether a number with a magnitude but no unit is a count all the same: the reports name what
/// is counted right after it (`解决4800多万农村人口的饮水`, `近14亿中国人`, `使农村1.5 亿中小学生`,
/// `六亿人民`) or leave it understood (`减少1000万以上`). Only a magnitude makes it one: a bare
/// number before a noun (`5G`, `3D`, `2号线`) is a name or a code.
fn counted_in_magnitude(line: &str, pos: usize, n: &Number, exp: i32, p: usize) -> bool {
    let magnitude = if n.chinese {
        !n.bare
            && line
                .get(pos..n.end)
                .is_some_and(|t| t.chars().any(|c| matches!(super::chars::norm(c), '万' | '亿')))
    } else {
        exp >= 4
    };
    // What follows is text, not another number or a code (`3万2千`, `10万+`).
    magnitude
        && match at(line, p) {
            None => true,
            Some((c, _)) => !is_digit(c) && !c.is_ascii_alphanumeric() && !matches!(c, '+' | '-'),
        }
}

/// The rules that depend on the number and unit together.
fn acceptable(line: &str, pos: usize, n: &Number, unit: &Unit, exp: i32, approx: bool) -> bool {
    if slogan_after(line, unit.end, unit.name) || name_after(line, unit.end, unit.name) {
        return false;
    }
    if lost_superscript(line, pos, n, unit.name) {
        return false;
    }
    if matches!(unit.name, "名" | "位") && rank_context(line, pos) {
        // `排名由369位上升到235位`: a place in a ranking, not people.
        return false;
    }
    if matches!(unit.name, "名" | "位") && matches!(before(line, pos), Some(('前', _))) {
        // `进入全国前10名`: a rank, not ten people.
        return false;
    }
    if unit.name == "分" {
        // Scores are written in Arabic digits; `十分` is "very", and `8时30分` a time of day.
        return !n.chinese && !matches!(before(line, pos), Some(('时' | '点' | ':', _)));
    }
    if n.chinese {
        let value = n.value.scaled(exp);
        // Spelled-out numbers below ten enumerate kinds (`两项试点` `三项制度` `五个开发区`),
        // and `一` + unit is idiom (`一站式`); the gold lists none of them as required. A
        // decimal (`七点二个百分点`) is a measurement whatever its size.
        if value < 10.0 && n.value.decimals == 0 {
            return false;
        }
        // A bare `千` `万` `亿` is idiom (`千家万户`) unless an approximation word makes it a
        // rough count (`近千人`, `上万人`, `千余人`).
        // `百年` alone is a figure of speech too (`百年变局`, `建党百年`), `百余年` a span.
        let big_bare = n.bare
            && line.get(pos..).and_then(|s| s.chars().next()).is_some_and(|c| {
                matches!(super::chars::norm(c), '千' | '万' | '亿')
                    || (unit.name == "年" && super::chars::norm(c) == '百')
            });
        if big_bare && !approx {
            return false;
        }
        // Weights and energy are measured in digits; `百度` `百克` before them are names.
        if n.bare && matches!(unit.name, "度" | "克") {
            return false;
        }
    }
    if unit.name == "年" {
        // A duration (`连续4年`, `10.5年`, `十年内`), never a year (`2019年`, `1 9 9 3 年`).
        if n.value.scaled(exp) >= 1000.0 {
            return false;
        }
    }
    true
}

/// `百分之九十`, `百分之95`: a percentage in words.
fn percent_words(line: &str, spans: &Spans, pos: usize) -> Result<Found, usize> {
    let num_start = starts_with(line, pos, "百分之").unwrap_or(pos);
    let n = match at(line, num_start) {
        Some((c, _)) if is_digit(c) => arabic(line, num_start).map_err(|s| s.max(num_start))?,
        Some((c, _)) if is_cn_numeral(c) => {
            let run_end = cn_run_end(line, num_start);
            chinese_number(line, num_start, run_end).ok_or(run_end)?
        }
        _ => return Err(num_start),
    };
    if spans.contains(pos) || not_a_count_before(line, pos) {
        return Err(n.end);
    }
    let approx_start = approx_before(line, pos, &n);
    let mut end = n.end;
    let mut approx = approx_start.is_some() || n.fuzzy;
    if let Some((_, q)) = longest_at(line, end, APPROX_AFTER) {
        approx = true;
        end = q;
    }
    Ok(Found {
        start: approx_start.unwrap_or(pos),
        end,
        unit_end: n.end,
        value: n.value.scaled(0),
        unit: "%",
        kind: Kind::Ratio,
        approx,
    })
}

/// The value of `low` times `10^exp`, except that a `万` after a Chinese numeral that has
/// passed its `亿` counts only the part after the `亿`: `二十五亿七千多万元` is 25亿 + 7千万
/// (2,570,000,000), not (25亿 + 7千) × 1万.
fn below_yi_scaled(n: &Number, low: Decimal, exp: i32) -> f64 {
    const YI: u64 = 100_000_000;
    if n.chinese && exp == 4 && low.decimals == 0 && low.mantissa >= YI {
        let (yi, rest) = (low.mantissa / YI, low.mantissa % YI);
        return (yi * YI) as f64 + rest as f64 * 10_000.0;
    }
    low.scaled(exp)
}
