//! Numbers as written: Arabic digits (with thousands separators and decimals), Chinese numerals
//! (`十二` `三百` `两万` `十几`), and the magnitudes `百` `千` `万` `亿` that follow them.

use super::chars::{at, before, is_digit};

mod chinese;

#[cfg(test)]
use chinese::chinese;
pub use chinese::{chinese_number, cn_run_end};

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
