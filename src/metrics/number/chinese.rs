//! Chinese numerals (`十二` `三百` `两万` `十几`) and their decimals written with `点`
//! (`十五点三`).

use super::{Decimal, Number, MAX_DIGITS};
use crate::metrics::chars::{at, is_cn_numeral};

/// The end of the run of Chinese numeral characters starting at `pos`.
pub fn cn_run_end(line: &str, pos: usize) -> usize {
    let mut p = pos;
    while let Some((c, len)) = at(line, p) {
        if !is_cn_numeral(c) {
            break;
        }
        p += len;
    }
    p
}

/// Parses the Chinese numeral that fills `line[pos..end]` (a run from [`cn_run_end`]).
///
/// Only well-formed numerals count: positions fall (`三千五百`), a digit sits before a position
/// or at the very end after `十` or `零` (`十二`, `一百零五`). Digit strings (`二〇二〇`,
/// `七五`), colloquial shortenings (`三千五`) and vague counts (`几十`) are not read.
pub fn chinese(line: &str, pos: usize, end: usize) -> Option<Number> {
    let text = line.get(pos..end)?;
    let (mut total, mut wan, mut sec) = (0u64, 0u64, 0u64);
    let mut digit: Option<u64> = None;
    let mut last_pos = u64::MAX;
    let (mut prev_zero, mut fuzzy, mut bare) = (false, false, true);
    // A `零` since the last position: `一百零五` ends in a digit legitimately.
    let mut zero_gap = false;
    let mut wan_seen = false;
    for c in text.chars().map(crate::metrics::chars::norm) {
        // `两` counts as a digit here (`两万`), though not after a decimal point.
        let d = if c == '两' { Some(2) } else { cn_digit(c) };
        if let Some(d) = d {
            if fuzzy || (digit.is_some() && !prev_zero) {
                return None;
            }
            digit = Some(d);
            prev_zero = d == 0;
            zero_gap |= prev_zero;
            bare = false;
            continue;
        }
        if fuzzy {
            return None;
        }
        prev_zero = false;
        zero_gap = false;
        match c {
            '几' => {
                if digit.is_some() {
                    return None;
                }
                fuzzy = true;
            }
            '十' | '百' | '千' => {
                let m = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                if m >= last_pos || digit == Some(0) {
                    return None;
                }
                sec += digit.take().unwrap_or(1) * m;
                last_pos = m;
            }
            '万' => {
                if wan_seen {
                    return None;
                }
                wan_seen = true;
                let w = sec + digit.take().unwrap_or(0);
                wan = w.max(1) * 10_000;
                sec = 0;
                last_pos = u64::MAX;
            }
            '亿' => {
                let y = total + wan + sec + digit.take().unwrap_or(0);
                total = y.max(1).checked_mul(100_000_000)?;
                wan = 0;
                sec = 0;
                wan_seen = false;
                last_pos = u64::MAX;
            }
            _ => return None,
        }
    }
    if let Some(d) = digit {
        let nothing_before = total == 0 && wan == 0 && sec == 0;
        if d != 0 && !(nothing_before || last_pos == 10 || zero_gap) {
            return None;
        }
    }
    let value = total.checked_add(wan)?.checked_add(sec)?.checked_add(digit.unwrap_or(0))?;
    if value == 0 || value > 10u64.pow(MAX_DIGITS as u32) {
        return None;
    }
    Some(Number {
        end,
        value: Decimal { mantissa: value, decimals: 0 },
        chinese: true,
        bare,
        fuzzy,
    })
}

/// Extends a Chinese numeral by its decimal part written with `点` (`十五点三` = 15.3,
/// `七点二个百分点`), as the reports of the 1950s write rates. Only digit characters may follow
/// the point, and no position after them: `八点三十分` is a time of day, `十二点半` too.
pub fn chinese_point(line: &str, n: Number) -> Number {
    chinese_decimal(line, n).unwrap_or(n)
}

/// The Chinese numeral that fills `line[pos..end]` with its decimal part, if any, including a
/// zero before the point (`零点五倍`), which [`chinese`] alone rejects as no count.
pub fn chinese_number(line: &str, pos: usize, end: usize) -> Option<Number> {
    match chinese(line, pos, end) {
        Some(n) => Some(chinese_point(line, n)),
        None => {
            let zero = line.get(pos..end).is_some_and(|t| matches!(t, "零" | "〇"));
            let n = Number {
                end,
                value: Decimal { mantissa: 0, decimals: 0 },
                chinese: true,
                bare: false,
                fuzzy: false,
            };
            zero.then(|| chinese_decimal(line, n)).flatten()
        }
    }
}

/// [`chinese_point`], `None` when there is no decimal part.
fn chinese_decimal(line: &str, n: Number) -> Option<Number> {
    if !n.chinese || n.fuzzy || !matches!(at(line, n.end), Some(('点', _))) {
        return None;
    }
    let mut p = n.end + '点'.len_utf8();
    let (mut mantissa, mut decimals) = (n.value.mantissa, 0u32);
    while let Some((c, len)) = at(line, p) {
        let Some(d) = cn_digit(c) else { break };
        if decimals >= 6 {
            return None;
        }
        mantissa = mantissa.checked_mul(10)?.checked_add(d)?;
        decimals += 1;
        p += len;
    }
    let position_after = at(line, p).is_some_and(|(c, _)| is_cn_numeral(c));
    if decimals == 0 || position_after {
        return None;
    }
    Some(Number { end: p, value: Decimal { mantissa, decimals }, bare: false, ..n })
}

/// The value of a Chinese digit character (`〇` `零` `一` … `九`, `两` excluded: it is no
/// decimal digit).
fn cn_digit(c: char) -> Option<u64> {
    let d = match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    };
    Some(d)
}
