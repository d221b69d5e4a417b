//! Recognising the numbering marker at the start of a line: which style it is and where it ends.
//!
//! Only a short prefix of the line is ever folded (NFKC, [`crate::text::fold`]) so that a 20 MB
//! line costs no more than a short one; the marker itself keeps the text as written.

use super::Style;
use crate::text::fold;

/// How many characters of a line (after its leading spaces) are folded and examined. The longest
/// marker (`第一百二十三部分`) and the number that may follow it fit well inside this.
const PREFIX_CHARS: usize = 24;

/// A marker found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marker {
    /// The numbering style.
    pub style: Style,
    /// Byte length of the marker in the original text (after the leading spaces).
    pub len: usize,
    /// The number it counts (`三、` → 3, `(十二)` → 12, `第一百零五条` → 105), for the
    /// numbering sequence of run-together text.
    pub value: u32,
}

/// The folded prefix of a line: folded characters, and for each one the byte offset just past
/// the original character it came from when it is the last character of that fold (a marker may
/// only end on such a boundary).
struct Folded {
    chars: Vec<char>,
    ends: Vec<Option<usize>>,
}

impl Folded {
    fn new(text: &str) -> Self {
        let mut chars = Vec::with_capacity(PREFIX_CHARS);
        let mut ends = Vec::with_capacity(PREFIX_CHARS);
        let mut buf = [0u8; 4];
        for (i, c) in text.char_indices().take(PREFIX_CHARS) {
            if folds_to_itself(c) {
                chars.push(crate::text::script::simplify(c));
                ends.push(Some(i + c.len_utf8()));
                continue;
            }
            let folded = fold(c.encode_utf8(&mut buf));
            let n = folded.chars().count();
            for (k, f) in folded.chars().enumerate() {
                chars.push(f);
                ends.push((k + 1 == n).then_some(i + c.len_utf8()));
            }
        }
        Folded { chars, ends }
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// Original byte length of the first `n` folded characters, if they end on a boundary.
    fn original_len(&self, n: usize) -> Option<usize> {
        n.checked_sub(1).and_then(|i| self.ends.get(i).copied().flatten())
    }
}

/// Recognises the marker at the start of `text` (a line with its leading spaces removed).
pub(super) fn recognise(text: &str) -> Option<Marker> {
    if let Some(m) = circled(text) {
        return Some(m);
    }
    if !may_start_marker(text.chars().next()?) {
        return None;
    }
    let f = Folded::new(text);
    let (style, n, value) = match f.at(0)? {
        '第' => ordinal(&f)?,
        '(' => bracketed(&f)?,
        c if c.is_ascii_digit() => num_dot(&f)?,
        c if cn_digit(c).is_some() => cn_dun_or_shi(&f)?,
        _ => return None,
    };
    Some(Marker { style, len: f.original_len(n)?, value })
}

/// ASCII and the CJK unified ideographs (and `、` `。`) have no compatibility decomposition:
/// NFKC leaves them alone, so they need no call to the normaliser.
fn folds_to_itself(c: char) -> bool {
    c.is_ascii() || ('\u{4e00}'..='\u{9fff}').contains(&c) || matches!(c, '、' | '。')
}

/// Whether a line starting with `c` may open a marker: among the characters that fold to
/// themselves only the ones that open a marker qualify. This keeps ordinary body lines from
/// paying for the fold.
fn may_start_marker(c: char) -> bool {
    if folds_to_itself(c) {
        c.is_ascii_digit() || c == '(' || c == '第' || cn_digit(c).is_some()
    } else {
        true
    }
}

/// `①` … `⑳`, checked before folding because NFKC turns `①` into a plain `1`.
fn circled(text: &str) -> Option<Marker> {
    let mut chars = text.chars();
    let c = chars.next()?;
    let n = circled_value(c)?;
    // `①②号线`: a circled number followed by the next one is a list of numbers, not a marker.
    let next = chars.next();
    if next.and_then(circled_value) == Some(n + 1) {
        return None;
    }
    let mut len = c.len_utf8();
    if next == Some('、') {
        len += '、'.len_utf8();
    }
    Some(Marker { style: Style::Circled, len, value: n })
}

fn circled_value(c: char) -> Option<u32> {
    ('\u{2460}'..='\u{2473}').contains(&c).then(|| c as u32 - 0x2460 + 1)
}

/// `第一部分` `第2章` `第三节` `第十条`: ordinal numeral then the unit word; `第一,` `第二、`:
/// a bare ordinal opening its paragraph.
fn ordinal(f: &Folded) -> Option<(Style, usize, u32)> {
    let digits = run(f, 1, |c| c.is_ascii_digit());
    let numeral = run(f, 1, |c| cn_digit(c).is_some() || matches!(c, '百' | '千' | '零' | '〇'));
    let end = 1 + if digits > 0 { digits } else { numeral };
    if end == 1 || end > 9 {
        return None;
    }
    let value = if digits > 0 {
        f.chars[1..end].iter().fold(0u32, |v, c| v.saturating_mul(10) + c.to_digit(10).unwrap_or(0))
    } else {
        big_cn_value(&f.chars[1..end])
    };
    let (style, n) = match (f.at(end)?, f.at(end + 1)) {
        ('部', Some('分')) => (Style::Part, end + 2),
        ('章', _) => (Style::Part, end + 1),
        // Traditional 節 and 條 are the same units as 节 and 条.
        ('节' | '節', _) => (Style::Section, end + 1),
        ('条' | '條', _) => (Style::Article, end + 1),
        // `第一,` (NFKC folds the full-width comma to `,`): an ordinal counting the points of
        // an argument, written where another report would put `一是`.
        (',' | '、', _) if digits == 0 && value <= 99 => (Style::Ordinal, end + 1),
        _ => return None,
    };
    Some((style, n, value))
}

/// The value of a Chinese numeral with its units (`一百零五` → 105, `十二` → 12); `零` and `〇`
/// only hold a place.
fn big_cn_value(chars: &[char]) -> u32 {
    let (mut total, mut digit) = (0u32, 0u32);
    for &c in chars {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                digit = cn_digit(c).unwrap_or(0);
                continue;
            }
        };
        total += digit.max(1) * unit;
        digit = 0;
    }
    total + digit
}

/// `(一)` `(1)` in any mix of ASCII and full-width brackets (folded to ASCII here).
fn bracketed(f: &Folded) -> Option<(Style, usize, u32)> {
    let (style, close, value) = if let Some(d) = digits_value(f, 1) {
        (Style::NumParen, 1 + d.len, d.value)
    } else {
        let n = cn_value(f, 1)?;
        (Style::CnParen, 1 + n.len, n.value)
    };
    (f.at(close)? == ')').then_some(())?;
    // `(一)、`: the stray `、` some reports add belongs to the numbering, not to the title.
    let end = if f.at(close + 1) == Some('、') { close + 2 } else { close + 1 };
    Some((style, end, value))
}

/// `1.` `1、` (`1.` `1.` fold to `1.`), one or two digits.
fn num_dot(f: &Folded) -> Option<(Style, usize, u32)> {
    let n = digits_value(f, 0)?;
    let sep = f.at(n.len)?;
    let after = n.len + 1;
    match sep {
        // `1.5万件`, `12.4`: a dot between digits is a decimal point.
        '.' if f.at(after).is_some_and(|c| c.is_ascii_digit()) => None,
        // `1、2、3号楼`: a number followed by the next number is a list of numbers.
        '、' if digits_value(f, after).map(|m| m.value) == Some(n.value + 1) => None,
        '.' | '、' => Some((Style::NumDot, after, n.value)),
        _ => None,
    }
}

/// `一、` (cn-dun) and `一是` / `一要` (cn-shi).
fn cn_dun_or_shi(f: &Folded) -> Option<(Style, usize, u32)> {
    let n = cn_value(f, 0)?;
    let after = n.len + 1;
    match f.at(n.len)? {
        // `一、二线城市`, `三、四月份`: a numeral followed by the next one is a range, not a marker.
        '、' if cn_value(f, after).map(|m| m.value) == Some(n.value + 1) => None,
        '、' => Some((Style::CnDun, after, n.value)),
        // `一要 / 二要` enumerate what must be done the way `一是 / 二是` enumerate points.
        '是' | '要' => Some((Style::CnShi, after, n.value)),
        _ => None,
    }
}

/// A number read from the folded prefix: its value and how many folded characters it spans.
#[derive(Clone, Copy)]
struct Number {
    value: u32,
    len: usize,
}

/// Length of the run of characters from `start` that satisfy `pred`.
fn run(f: &Folded, start: usize, pred: impl Fn(char) -> bool) -> usize {
    f.chars.get(start..).map_or(0, |s| s.iter().take_while(|&&c| pred(c)).count())
}

/// One or two ASCII digits at `start`, not followed by a third, with a value of at least 1
/// (numbering starts at one; `2019年` and `100%` are not markers).
fn digits_value(f: &Folded, start: usize) -> Option<Number> {
    let len = run(f, start, |c| c.is_ascii_digit());
    if !(1..=2).contains(&len) {
        return None;
    }
    let value =
        f.chars[start..start + len].iter().fold(0, |v, c| v * 10 + c.to_digit(10).unwrap_or(0));
    (value >= 1).then_some(Number { value, len })
}

/// A well-formed Chinese numeral from 1 to 99 at `start` (`一` `十` `十二` `二十` `九十九`),
/// taking the whole run of numeral characters: `二〇二〇` or `一二` are not numbering.
fn cn_value(f: &Folded, start: usize) -> Option<Number> {
    let len = run(f, start, |c| cn_digit(c).is_some() || matches!(c, '百' | '千' | '零' | '〇'));
    let digits: Vec<u32> =
        f.chars.get(start..start + len)?.iter().map(|&c| cn_digit(c)).collect::<Option<_>>()?;
    let value = match digits.as_slice() {
        [d] => *d,
        [10, d] if *d < 10 => 10 + d,
        [d, 10] if (2..10).contains(d) => d * 10,
        [d, 10, e] if (2..10).contains(d) && *e < 10 => d * 10 + e,
        _ => return None,
    };
    Some(Number { value, len })
}

/// Value of a Chinese numeral character `一`…`九` and `十` (10).
fn cn_digit(c: char) -> Option<u32> {
    "一二三四五六七八九十".chars().position(|d| d == c).map(|i| i as u32 + 1)
}
