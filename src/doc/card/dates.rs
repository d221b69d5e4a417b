//! The one date parser of the card, used for the published date and the 成文日期: ISO
//! (`2024-03-04`), slashed (`2024/3/4`), dotted (`2024.03.04`), Chinese (`2019年3月1日`) and
//! Chinese-numeral (`二〇二一年一月二十二日`) forms, with ASCII or full-width digits.

use std::ops::Range;

/// A valid calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year, 1900..=2100.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u32,
    /// Day, 1..=the month's length.
    pub day: u32,
}

impl Date {
    /// A date if it exists on the calendar (leap years included) and lies in 1900..=2100.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let len = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1900..=2100).contains(&year) && (1..=len).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// An Arabic digit, ASCII or full-width.
pub(super) fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A Chinese numeral digit as written in dates (`〇` `○` `零` `一` … `九`).
pub(super) fn cn_digit(c: char) -> Option<u32> {
    // A match rather than a search of a string: this runs at every character of a line.
    match c {
        '〇' | '○' | '零' | 'O' | 'Ｏ' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// Reads `[start..]` of `cs` as 1–2 Arabic digits not followed by a third; returns value and end.
fn arabic(cs: &[(usize, char)], start: usize, max: usize) -> Option<(u32, usize)> {
    let mut v = 0;
    let mut i = start;
    while i < cs.len() && i - start < max {
        match digit(cs[i].1) {
            Some(d) => v = v * 10 + d,
            None => break,
        }
        i += 1;
    }
    let followed_by_digit = cs.get(i).is_some_and(|&(_, c)| digit(c).is_some());
    (i > start && !followed_by_digit).then_some((v, i))
}

/// Reads a Chinese-numeral month or day (`一` … `十二`, `二十二`, `三十一`).
fn cn_small(cs: &[(usize, char)], start: usize) -> Option<(u32, usize)> {
    let mut i = start;
    let mut tens = None;
    let mut ones = None;
    while i < cs.len() && i - start < 3 {
        let c = cs[i].1;
        if c == '十' && tens.is_none() {
            tens = Some(ones.take().unwrap_or(1));
        } else if let Some(d) = cn_digit(c).filter(|&d| d > 0) {
            if ones.is_some() {
                return None;
            }
            ones = Some(d);
        } else {
            break;
        }
        i += 1;
    }
    let v = tens.unwrap_or(0) * 10 + ones.unwrap_or(0);
    (i > start && v > 0).then_some((v, i))
}

/// Tries to read a date starting exactly at char index `i`; returns it and the char end.
fn date_at(cs: &[(usize, char)], i: usize) -> Option<(Date, usize)> {
    let at = |k: usize| cs.get(k).map(|&(_, c)| c);
    if digit(cs[i].1).is_some() {
        if i > 0 && at(i - 1).and_then(digit).is_some() {
            return None;
        }
        let (year, j) = arabic(cs, i, 4).filter(|&(_, j)| j == i + 4)?;
        let sep = at(j)?;
        let (month, k) = arabic(cs, j + 1, 2)?;
        let close = match sep {
            '-' | '/' | '.' | '－' | '／' | '．' => sep,
            '年' => '月',
            _ => return None,
        };
        if at(k)? != close {
            return None;
        }
        let (day, mut end) = arabic(cs, k + 1, 2)?;
        if sep == '年' {
            if !matches!(at(end)?, '日' | '号') {
                return None;
            }
            end += 1;
        }
        return Date::new(year as i32, month, day).map(|d| (d, end));
    }
    // Chinese numerals: four digits, 年, month, 月, day, 日.
    let mut year = 0;
    for k in i..i + 4 {
        year = year * 10 + at(k).and_then(cn_digit)?;
    }
    if at(i + 4)? != '年' {
        return None;
    }
    let (month, k) = cn_small(cs, i + 5)?;
    if at(k)? != '月' {
        return None;
    }
    let (day, end) = cn_small(cs, k + 1)?;
    if !matches!(at(end)?, '日' | '号') {
        return None;
    }
    Date::new(year as i32, month, day).map(|d| (d, end + 1))
}

/// The first valid date in `s` and the byte range it spans.
pub fn find_date(s: &str) -> Option<(Date, Range<usize>)> {
    let cs: Vec<(usize, char)> = s.char_indices().collect();
    (0..cs.len()).find_map(|i| {
        let (d, end) = date_at(&cs, i)?;
        let stop = cs.get(end).map_or(s.len(), |&(b, _)| b);
        Some((d, cs[i].0..stop))
    })
}

/// `s` read as a date alone: surrounding spaces and a trailing time of day (`10:30`,
/// `10:30:00`) are allowed, nothing else.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let (d, r) = date_at_start(s)?;
    is_time_or_empty(&s[r.end..]).then_some(d)
}

/// The date that starts `s`, if one does: what [`find_date`] finds when its date is at 0,
/// without looking further (a date spans at most 14 characters, and its reader never looks
/// more than one past its end).
pub fn date_at_start(s: &str) -> Option<(Date, Range<usize>)> {
    let cs: Vec<(usize, char)> = s.char_indices().take(DATE_CHARS).collect();
    if cs.is_empty() {
        return None;
    }
    let (d, end) = date_at(&cs, 0)?;
    let stop = cs.get(end).map_or(s.len(), |&(b, _)| b);
    Some((d, 0..stop))
}

/// More characters than any date and the one after it.
const DATE_CHARS: usize = 24;

/// True for an empty rest or a time of day `H:MM` / `HH:MM:SS`.
fn is_time_or_empty(rest: &str) -> bool {
    let rest = rest.trim();
    if rest.is_empty() {
        return true;
    }
    let parts: Vec<&str> = rest.split([':', ':']).collect();
    (2..=3).contains(&parts.len())
        && parts.iter().all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
}

/// The first year `YYYY年` (Arabic or Chinese digits) in `s`, 1900..=2100.
pub fn find_year(s: &str) -> Option<i32> {
    let cs: Vec<char> = s.chars().collect();
    cs.windows(5).enumerate().find_map(|(i, w)| {
        if w[4] != '年' || (i > 0 && digit(cs[i - 1]).is_some()) {
            return None;
        }
        let arabic: Option<u32> = w[..4].iter().try_fold(0, |v, &c| Some(v * 10 + digit(c)?));
        let cn: Option<u32> = w[..4].iter().try_fold(0, |v, &c| Some(v * 10 + cn_digit(c)?));
        let y = arabic.or(cn)? as i32;
        (1900..=2100).contains(&y).then_some(y)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        find_date(s).map(|(d, _)| d.iso())
    }

    #[test]
    fn every_written_form_reads_as_the_same_day() {
        for s in [
            "2024-03-04",
            "2024/3/4",
            "2024.03.04",
            "2024年3月4日",
            "2024年03月04日",
            "２０２４－０３－０４",
            "二〇二四年三月四日",
            "二○二四年三月四号",
            "发布时间:2024-03-04 10:30",
            "发布日期:2024-03-04 10:30:00 字体大小",
            "发布日期:2024-03-04字体大小: | |",
        ] {
            assert_eq!(iso(s).as_deref(), Some("2024-03-04"), "{s}");
        }
    }

    #[test]
    fn chinese_numerals_with_tens() {
        assert_eq!(iso("二〇二一年一月二十二日").as_deref(), Some("2021-01-22"));
        assert_eq!(iso("二〇二〇年十二月三十一日").as_deref(), Some("2020-12-31"));
        assert_eq!(iso("二〇二〇年十月十日").as_deref(), Some("2020-10-10"));
        assert_eq!(iso("二〇二〇年十一月三十日").as_deref(), Some("2020-11-30"));
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for s in ["2023-13-40", "2023-02-29", "2023年4月31日", "二〇二三年十三月一日", "1800-01-01"]
        {
            assert_eq!(iso(s), None, "{s}");
        }
        assert_eq!(iso("2024-02-29").as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn ranges_numbers_and_partial_dates_are_not_dates() {
        for s in ["2021-2025年", "12024-03-04", "2024-03-045", "2019年3月", "1.5万件", "2019年"]
        {
            assert_eq!(iso(s), None, "{s}");
        }
    }

    #[test]
    fn a_date_alone_allows_only_a_time_after_it() {
        assert!(parse_date("  2021年1月22日 ").is_some());
        assert!(parse_date("2021-01-22 10:30").is_some());
        assert!(parse_date("2021-01-22 10:30:00").is_some());
        assert!(parse_date("2021年1月4日印发").is_none());
        assert!(parse_date("截至2021年1月22日").is_none());
    }

    #[test]
    fn a_date_at_the_start_is_the_first_date_found_there() {
        let long = "二〇二〇年十二月三十一日".to_string() + &"附".repeat(30);
        for s in [
            "2024-03-04",
            "2024-03-045",
            "12024-03-04",
            "2024-03-04 10:30 更新",
            "二〇二〇年十二月三十一日",
            "二〇二〇年十二月三十一日印发",
            long.as_str(),
            "发布日期:2024-03-04",
            "2021-2025年 2024-03-04",
            "",
            "2",
            "２０２４－０３－０４",
        ] {
            let first = find_date(s).filter(|(_, r)| r.start == 0);
            assert_eq!(date_at_start(s), first, "{s}");
        }
    }

    #[test]
    fn find_date_reports_the_byte_range() {
        let s = "时间:2020年1月4日印发";
        let (_, r) = find_date(s).expect("a date");
        assert_eq!(&s[r], "2020年1月4日");
    }

    proptest::proptest! {
        #[test]
        fn any_date_found_is_valid_and_reads_back(s in "[0-9０-９〇一二三四五六七八九十年月日号./ -]{0,24}") {
            if let Some((d, r)) = find_date(&s) {
                proptest::prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                proptest::prop_assert_eq!(parse_date(&d.iso()), Some(d));
                proptest::prop_assert_eq!(Date::new(d.year, d.month, d.day), Some(d));
            }
        }
    }

    #[test]
    fn years_from_titles() {
        assert_eq!(find_year("关于2020年度法治政府建设工作的报告"), Some(2020));
        assert_eq!(find_year("二〇一九年法治政府建设情况"), Some(2019));
        assert_eq!(find_year("12019年"), None);
        assert_eq!(find_year("法治政府建设报告"), None);
    }
}
