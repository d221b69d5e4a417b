//! The open list of units: what may follow a number for it to be a stated quantity, how each is
//! normalised, and the words whose first character only looks like a unit (`部门`, `单位`).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::chars::{at, first_char, starts_with};

mod table;

use table::{NOT_UNITS, UNITS};

/// What a unit counts; the label rules use it to end a noun phrase at the right word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// People (`名` `人` `位` `人次`).
    People,
    /// Organisations or households (`家` `户` `所`).
    Bodies,
    /// A percentage or a multiple.
    Ratio,
    /// Anything else: items, money, durations, areas.
    Other,
}

/// A unit found after a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// The normalised unit (`元`, `件`, `%`).
    pub name: &'static str,
    /// What it counts.
    pub kind: Kind,
    /// Byte offset where it ends.
    pub end: usize,
}

/// The unit starting at `pos`, if any (longest spelling first, blocked words excluded).
pub fn unit_at(line: &str, pos: usize) -> Option<Unit> {
    let (first, _) = at(line, pos)?;
    // Asked after every number (most are dates): only the entries of its first character.
    let (units, not_units) = by_first_char().get(&first)?;
    let (name, kind, end) = units
        .iter()
        .filter_map(|(n, k)| starts_with(line, pos, n).map(|end| (*n, *k, end)))
        .max_by_key(|(n, _, _)| n.len())?;
    let longer_word =
        not_units.iter().any(|w| w.len() > name.len() && starts_with(line, pos, w).is_some());
    if longer_word {
        return None;
    }
    Some(Unit { name, kind, end })
}

/// Units and blocked words of each first character, in list order.
type Index = HashMap<char, (Vec<(&'static str, Kind)>, Vec<&'static str>)>;

/// [`UNITS`] and [`NOT_UNITS`] indexed by their first character, built once.
fn by_first_char() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = Index::new();
        for &(unit, kind) in UNITS {
            if let Some(c) = first_char(unit) {
                index.entry(c).or_default().0.push((unit, kind));
            }
        }
        // Blocked words matter only where a unit starts the same way.
        for &word in NOT_UNITS {
            if let Some(entry) = first_char(word).and_then(|c| index.get_mut(&c)) {
                entry.1.push(word);
            }
        }
        index
    })
}

/// Whether a unit starting with a magnitude character (`千米` `千克` `百分点`) is at `pos`, so
/// that `5千米` is read as kilometres rather than 5000 米.
pub fn magnitude_unit_at(line: &str, pos: usize) -> Option<Unit> {
    match at(line, pos) {
        Some(('千' | '百' | '万', _)) => unit_at(line, pos),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Option<&'static str> {
        unit_at(s, 0).map(|u| u.name)
    }

    #[test]
    fn longest_unit_wins() {
        assert_eq!(name("人次,"), Some("人次"));
        assert_eq!(name("个工作日"), Some("个工作日"));
        assert_eq!(name("个窗口"), Some("个"));
        assert_eq!(name("家次"), Some("家次"));
        assert_eq!(name("%"), Some("%"));
        assert_eq!(name("％"), Some("%"), "full-width percent");
        assert_eq!(name("項"), Some("项"), "traditional form");
    }

    #[test]
    fn calendar_words_are_not_units() {
        // Months, days and document numbers never follow a count; `年` is a duration unit
        // whose calendar years the scanner rejects by value.
        assert_eq!(name("年代"), None);
        assert_eq!(name("年度"), None);
        assert_eq!(name("月"), None);
        assert_eq!(name("日"), None);
        assert_eq!(name("号"), None);
        assert_eq!(name("版"), None);
        assert_eq!(name("届"), None);
    }

    #[test]
    fn words_that_start_like_units_are_blocked() {
        assert_eq!(name("部门联合"), None);
        assert_eq!(name("周年"), None);
        assert_eq!(name("个体工商户"), None);
        assert_eq!(name("单位"), None);
        assert_eq!(name("部"), Some("部"));
        assert_eq!(name("例如"), None);
        assert_eq!(name("例,"), Some("例"));
    }

    #[test]
    fn kilometres_are_not_thousands() {
        assert_eq!(magnitude_unit_at("千米", 0).map(|u| u.name), Some("千米"));
        assert_eq!(magnitude_unit_at("千人", 0), None);
    }
}
