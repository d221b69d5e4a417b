//! The query language (`shared/spec/CLI.md`): fuzzy words (all must match), `'literal`,
//! `!exclude`, the scopes `#` headings, `@` titles, `=` metrics, and in metric search the
//! value filters `>N` `>=N` `<N` `<=N` with `万`/`亿` understood in N.

use super::fold::fold;
use super::items::{metric_text, Kind};
use super::score::{self, Scratch};
use crate::metrics::Metric;

/// Why a query could not be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// Nothing to search for.
    #[error("empty query")]
    Empty,
    /// `!` or `'` with no word after it.
    #[error("`{0}` needs a word after it")]
    MissingWord(char),
    /// A value filter whose number could not be read.
    #[error("cannot read the number in `{0}`")]
    BadNumber(String),
    /// A value filter outside metric search.
    #[error("`{0}`: value filters apply to metrics only (start the query with `=`)")]
    FilterOutsideMetrics(String),
}

/// How a term matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Fuzzy, or by pinyin for Latin letters.
    Fuzzy,
    /// Contiguous, exact after folding.
    Literal,
    /// Items containing it (contiguous, exact after folding) are dropped.
    Exclude,
}

/// One word of a query, folded.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Term {
    pub mode: Mode,
    pub text: String,
    pub chars: Vec<char>,
}

impl Term {
    /// Whether every character is a Latin letter (may match by pinyin alone).
    pub fn letters_only(&self) -> bool {
        self.chars.iter().all(char::is_ascii_lowercase)
    }
}

/// A comparison on a metric's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Gt,
    Ge,
    Lt,
    Le,
}

/// `>N` and friends, with an optional unit (`>1亿元`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Filter {
    pub op: Op,
    pub value: f64,
    pub unit: Option<String>,
}

impl Filter {
    pub fn accepts(&self, m: &Metric) -> bool {
        let v = m.value;
        let ok = match self.op {
            Op::Gt => v > self.value,
            Op::Ge => v >= self.value,
            Op::Lt => v < self.value,
            Op::Le => v <= self.value,
        };
        ok && self.unit.as_deref().is_none_or(|u| fold(&m.unit) == u)
    }
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub(crate) scope: Option<Kind>,
    pub(crate) terms: Vec<Term>,
    pub(crate) filters: Vec<Filter>,
    source: String,
}

impl Query {
    /// Parses a query as typed in the finder or given to `gongwen search`.
    pub fn parse(input: &str) -> Result<Query, QueryError> {
        Self::parse_in(input, None)
    }

    /// Parses a query restricted to one kind of item (`--kind`); a scope prefix in the query
    /// is still honoured when `kind` is `None`.
    pub fn parse_in(input: &str, kind: Option<Kind>) -> Result<Query, QueryError> {
        let folded = fold(input);
        let mut rest = folded.trim();
        let mut scope = kind;
        let prefix = match rest.chars().next() {
            Some('#') => Some(Kind::Heading),
            Some('@') => Some(Kind::Doc),
            Some('=') => Some(Kind::Metric),
            _ => None,
        };
        if let Some(p) = prefix {
            rest = &rest[1..];
            scope = scope.or(Some(p));
        }
        if rest.trim().is_empty() && scope.is_none() {
            return Err(QueryError::Empty);
        }
        let mut terms = Vec::new();
        let mut filters = Vec::new();
        for word in rest.split_whitespace() {
            if let Some(f) = parse_filter(word)? {
                if scope.is_some_and(|s| s != Kind::Metric) {
                    return Err(QueryError::FilterOutsideMetrics(word.to_string()));
                }
                scope = Some(Kind::Metric);
                filters.push(f);
                continue;
            }
            let (mode, text) = if let Some(w) = word.strip_prefix('!') {
                (Mode::Exclude, w.strip_prefix('\'').unwrap_or(w))
            } else if let Some(w) = word.strip_prefix('\'') {
                (Mode::Literal, w)
            } else {
                (Mode::Fuzzy, word)
            };
            if text.is_empty() {
                return Err(QueryError::MissingWord(word.chars().next().unwrap_or('!')));
            }
            terms.push(Term { mode, text: text.to_string(), chars: text.chars().collect() });
        }
        Ok(Query { scope, terms, filters, source: input.to_string() })
    }

    /// Parses a metric query (`复议 >5`, `=资金 >1亿`), as `gongwen metrics --query` takes it:
    /// the `=` scope is implied.
    pub fn parse_metric(input: &str) -> Result<Query, QueryError> {
        Self::parse_in(input, Some(Kind::Metric))
    }

    /// The query as typed.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The kind of item this query is restricted to, if any.
    pub fn scope(&self) -> Option<Kind> {
        self.scope
    }

    /// Whether metric `m` satisfies this query: its words match the metric's label and raw
    /// text and its value passes every filter. Used by `gongwen metrics --query`.
    pub fn matches_metric(&self, m: &Metric) -> bool {
        if self.scope.is_some_and(|s| s != Kind::Metric) {
            return false;
        }
        if !self.filters.iter().all(|f| f.accepts(m)) {
            return false;
        }
        let mut scratch = Scratch::new();
        score::match_terms(&self.terms, &metric_text(m), &mut scratch).is_some()
    }
}

/// Reads `>N`, `>=N`, `<N`, `<=N` (also `≥` `≤`), N with `万`/`亿`/`千` and an optional unit.
/// Not a filter: `Ok(None)`.
fn parse_filter(word: &str) -> Result<Option<Filter>, QueryError> {
    let ops = [
        (">=", Op::Ge),
        ("<=", Op::Le),
        ("≥", Op::Ge),
        ("≤", Op::Le),
        (">", Op::Gt),
        ("<", Op::Lt),
    ];
    let Some((op, rest)) = ops.iter().find_map(|(p, op)| word.strip_prefix(p).map(|r| (*op, r)))
    else {
        return Ok(None);
    };
    let bad = || QueryError::BadNumber(word.to_string());
    let num_end = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(rest.len(), |(i, _)| i);
    let digits: String = rest[..num_end].chars().filter(|&c| c != ',').collect();
    let mut value: f64 = digits.parse().map_err(|_| bad())?;
    let mut tail = &rest[num_end..];
    for (m, f) in [("万", 1e4), ("亿", 1e8), ("千", 1e3)] {
        if let Some(t) = tail.strip_prefix(m) {
            value *= f;
            tail = t;
            break;
        }
    }
    let unit = (!tail.is_empty()).then(|| tail.to_string());
    Ok(Some(Filter { op, value, unit }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(op: Op, value: f64) -> Filter {
        Filter { op, value, unit: None }
    }

    #[test]
    fn words_scopes_literals_exclusions() {
        let q = Query::parse("  #行政 'ICP !xm ").expect("parses");
        assert_eq!(q.scope(), Some(Kind::Heading));
        let modes: Vec<_> = q.terms.iter().map(|t| (t.mode, t.text.as_str())).collect();
        assert_eq!(modes, [(Mode::Fuzzy, "行政"), (Mode::Literal, "icp"), (Mode::Exclude, "xm")]);
        assert_eq!(Query::parse("@厦门").expect("parses").scope(), Some(Kind::Doc));
        assert_eq!(Query::parse("=").expect("parses").scope(), Some(Kind::Metric));
    }

    #[test]
    fn value_filters_understand_wan_and_yi() {
        let q = Query::parse("=资金 >1亿").expect("parses");
        assert_eq!(q.filters, [f(Op::Gt, 1e8)]);
        let q = Query::parse("复议 >=1.5万 <2,000万件").expect("parses");
        assert_eq!(q.scope(), Some(Kind::Metric));
        assert_eq!(q.filters[0], f(Op::Ge, 15000.0));
        assert_eq!(q.filters[1].value, 2e7);
        assert_eq!(q.filters[1].unit.as_deref(), Some("件"));
        // Full-width operators fold to ASCII.
        assert_eq!(Query::parse("=x ＞5").expect("parses").filters, [f(Op::Gt, 5.0)]);
    }

    #[test]
    fn errors_are_messages() {
        assert_eq!(Query::parse("  "), Err(QueryError::Empty));
        assert_eq!(Query::parse("a !"), Err(QueryError::MissingWord('!')));
        assert_eq!(Query::parse("=a >x"), Err(QueryError::BadNumber(">x".into())));
        assert!(matches!(Query::parse("#a >5"), Err(QueryError::FilterOutsideMetrics(_))));
    }
}
