//! Numbers as written: Arabic digits (with thousands separators and decimals), Chinese numerals
//! (`十二` `三百` `两万` `十几`), and the magnitudes `百` `千` `万` `亿` that follow them.

use super::chars::{at, before, is_cn_numeral, is_digit};

/// More significant digits than this is an identifier (phone, record or account number), not a
/// quantity; it also keeps every value exactly representable and finite.
const MAX_DIGITS: usize = 15;

/// An exact decimal: `mantissa / 10^decimals`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    /// The digits as an integer.
    pub mantissa: u64,
    /// How many of them are after the decimal point.
    pub decimals: u32,
}

impl Decimal {
    /// The value times `10^exp`, computed with one rounding so that `1.59` × 10⁸ is exactly
    /// 159000000 and `98.34` stays `98.34`.
    pub fn scaled(self, exp: i32) -> f64 {
        let k = exp - self.decimals as i32;
        let m = self.mantissa as f64;
        if k >= 0 {
            m * 10f64.powi(k)
        } else {
            m / 10f64.powi(-k)
        }
    }

    /// Whether this is strictly less than `other` (same scale assumed from the caller's view).
    pub fn lt(self, other: Decimal) -> bool {
        self.scaled(0) < other.scaled(0)
    }
}

/// A number found in a line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    /// Byte offset just after the number.
    pub end: usize,
    /// Its value.
    pub value: Decimal,
    /// Written in Chinese numerals.
    pub chinese: bool,
    /// A Chinese numeral of position characters only (`十` `百` `千万`), no digit before them.
    pub bare: bool,
    /// A Chinese numeral ending in `几` (`十几`): the value is a floor.
    pub fuzzy: bool,
}

/// Why a candidate is not a number, and where scanning resumes.
pub type Skip = usize;

/// Parses Arabic digits at `pos`: `1500`, `1,200`, `15.6`, `９８．３４`.
///
/// Dotted groups such as `1.2.3` (section and version numbers, dates like `2019.12.8`) and
/// numbers with a leading zero (`05033683` in an ICP record, `0757` in a phone number) are not
/// quantities; they are skipped whole.
pub fn arabic(line: &str, pos: usize) -> Result<Number, Skip> {
    let mut digits = String::new();
    let mut decimals = 0u32;
    let mut p = pos;
    let mut int_len = 0usize;
    // Digits of one group since the last letter space (`1 9 9 3`).
    let mut group = 0usize;
    while let Some((c, len)) = at(line, p) {
        if is_digit(c) {
            digits.push(c);
            int_len += 1;
            group += 1;
            p += len;
        } else if group == 1 && spaced_digit(line, p) {
            // PDF text letter-spaces every digit (`7 4 7 7 2 亿元`): one number, as printed.
            p += 1;
            group = 0;
        } else {
            break;
        }
    }
    let spaced = int_len > group;
    // Thousands separators: a comma followed by exactly three digits. Reports of the 1980s
    // write it full-width (`钢产量3，500万吨`); a clause comma is never followed by exactly three
    // digits and then a magnitude, unit or clause end in those texts, while it is in a list of
    // small numbers (`1，2，3`) that this rule leaves alone.
    if int_len <= 3 && !spaced {
        while let Some((',', comma)) = at(line, p) {
            // Three digits (ASCII or full-width, `３，２８０个`) and then no fourth nor a point.
            let mut q = p + comma;
            let mut three = String::new();
            while three.len() < 3 {
                match at(line, q) {
                    Some((c, len)) if is_digit(c) => {
                        three.push(c);
                        q += len;
                    }
                    _ => break,
                }
            }
            let fourth = at(line, q).is_some_and(|(c, _)| is_digit(c) || c == '.');
            if three.len() == 3 && !fourth {
                digits.push_str(&three);
                int_len += 3;
                p = q;
            } else {
                break;
            }
        }
    }
    // The decimal point, letter-spaced too in the same texts (`8 ．8 ％`).
    let point = match at(line, p) {
        Some(('.', dot)) => Some(p + dot),
        Some((' ', 1)) if spaced || int_len == 1 => match at(line, p + 1) {
            Some(('.', dot)) => Some(p + 1 + dot),
            _ => None,
        },
        _ => None,
    };
    if let Some(q) = point.filter(|&q| at(line, q).is_some_and(|(c, _)| is_digit(c))) {
        p = q;
        while let Some((c, len)) = at(line, p) {
            if !is_digit(c) {
                break;
            }
            digits.push(c);
            decimals += 1;
            p += len;
        }
        // A second dot group: `1.2.3`.
        if let Some(('.', dot)) = at(line, p) {
            if at(line, p + dot).is_some_and(|(c, _)| is_digit(c)) {
                return Err(skip_group(line, p));
            }
        }
    }
    let leading_zero = int_len > 1 && digits.starts_with('0');
    let significant = digits.trim_start_matches('0').len();
    if leading_zero || significant > MAX_DIGITS || digits.len() > MAX_DIGITS + 20 {
        return Err(skip_group(line, p));
    }
    let mantissa = digits.parse::<u64>().map_err(|_| skip_group(line, p))?;
    Ok(Number {
        end: p,
        value: Decimal { mantissa, decimals },
        chinese: false,
        bare: false,
        fuzzy: false,
    })
}

/// Whether the ASCII space at `p` (after a single digit) letter-spaces a number: one digit
/// follows it, itself followed by a space, a point or no digit (`1 9 9 3`, but never `1 2019`).
fn spaced_digit(line: &str, p: usize) -> bool {
    if line.as_bytes().get(p) != Some(&b' ') {
        return false;
    }
    match at(line, p + 1) {
        Some((c, len)) if is_digit(c) => !at(line, p + 1 + len).is_some_and(|(d, _)| is_digit(d)),
        _ => false,
    }
}

/// The end of a group of digits joined by `-` `.` `:` `/` (phone numbers, dates, times), so that
/// none of its parts is read as a quantity.
pub fn skip_group(line: &str, mut p: usize) -> usize {
    loop {
        match at(line, p) {
            Some((c, len)) if is_digit(c) => p += len,
            Some(('-' | '.' | ':' | '/', len)) => {
                let digit_before = before(line, p).is_some_and(|(b, _)| is_digit(b));
                let digit_after = at(line, p + len).is_some_and(|(a, _)| is_digit(a));
                if digit_before && digit_after {
                    p += len;
                } else {
                    return p;
                }
            }
            _ => return p,
        }
    }
}

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
    for c in text.chars().map(super::chars::norm) {
        let d = match c {
            '〇' | '零' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
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

/// A magnitude after a number (`万` `亿` `千` `百`, also `千万` `万亿`), as a power of ten, and
/// where it ends. Returns `(0, pos)` when there is none.
pub fn magnitude(line: &str, pos: usize, chinese: bool) -> (i32, usize) {
    let mut exp = 0;
    let mut p = pos;
    if !chinese {
        match at(line, p) {
            Some(('千', len)) => {
                exp = 3;
                p += len;
            }
            Some(('百', len)) => {
                exp = 2;
                p += len;
            }
            _ => {}
        }
    }
    if let Some(('万', len)) = at(line, p) {
        exp += 4;
        p += len;
    }
    if let Some(('亿', len)) = at(line, p) {
        exp += 8;
        p += len;
    }
    (exp, p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cn(s: &str) -> Option<f64> {
        chinese(s, 0, cn_run_end(s, 0)).map(|n| n.value.scaled(0))
    }

    fn ar(s: &str) -> Option<f64> {
        arabic(s, 0).ok().map(|n| n.value.scaled(0))
    }

    #[test]
    fn chinese_numerals_read_as_written() {
        assert_eq!(cn("十"), Some(10.0));
        assert_eq!(cn("十二"), Some(12.0));
        assert_eq!(cn("二十三"), Some(23.0));
        assert_eq!(cn("三百"), Some(300.0));
        assert_eq!(cn("两千"), Some(2000.0));
        assert_eq!(cn("一百零五"), Some(105.0));
        assert_eq!(cn("十三万"), Some(130_000.0));
        assert_eq!(cn("三亿五千万"), Some(350_000_000.0));
        assert_eq!(cn("百"), Some(100.0));
        assert_eq!(cn("两"), Some(2.0));
    }

    #[test]
    fn malformed_chinese_numerals_are_not_numbers() {
        assert_eq!(cn("二〇二〇"), None, "a year spelled digit by digit");
        assert_eq!(cn("七五"), None, "the 七五 普法 plan");
        assert_eq!(cn("十四五"), None, "the 十四五 plan");
        assert_eq!(cn("三千五"), None, "colloquial shortening");
        assert_eq!(cn("几十"), None, "vague");
        assert_eq!(cn("十百"), None, "rising positions");
    }

    #[test]
    fn shi_ji_is_a_fuzzy_ten() {
        let n = chinese("十几", 0, cn_run_end("十几", 0));
        assert_eq!(n.map(|n| (n.value.scaled(0), n.fuzzy)), Some((10.0, true)));
    }

    #[test]
    fn arabic_numbers_with_separators_and_decimals() {
        assert_eq!(ar("4070件"), Some(4070.0));
        assert_eq!(ar("1,200人"), Some(1200.0));
        assert_eq!(ar("98.34%"), Some(98.34));
        assert_eq!(ar("１５．６万"), Some(15.6));
        assert_eq!(ar("40,主动"), Some(40.0), "a comma before text is a clause comma");
        assert_eq!(ar("３，２８０个"), Some(3280.0), "full-width digits and comma");
        assert_eq!(ar("1，2，3"), Some(1.0), "a list of small numbers");
    }

    #[test]
    fn identifiers_are_not_numbers() {
        assert!(arabic("05033683号", 0).is_err(), "ICP record");
        assert_eq!(arabic("0757-86683830", 0), Err(13), "the whole phone number is skipped");
        assert!(arabic("1.2.3", 0).is_err(), "section number");
        assert!(arabic("1234567890123456789", 0).is_err(), "too many digits");
        assert_eq!(ar("0.5"), Some(0.5));
    }

    #[test]
    fn scaling_is_exact() {
        let d = Decimal { mantissa: 159, decimals: 2 };
        assert_eq!(d.scaled(8), 159_000_000.0);
        assert_eq!(Decimal { mantissa: 156, decimals: 1 }.scaled(4), 156_000.0);
    }

    #[test]
    fn magnitudes() {
        assert_eq!(magnitude("万元", 0, false), (4, 3));
        assert_eq!(magnitude("亿元", 0, false), (8, 3));
        assert_eq!(magnitude("千万", 0, false), (7, 6));
        assert_eq!(magnitude("万亿", 0, false), (12, 6));
        assert_eq!(magnitude("件", 0, false), (0, 0));
    }
}
