//! The chrome markers of [`super`] searched in a line: one automaton per marker list.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use super::{CONTACT, STRONG, WEAK};

/// One automaton per marker list, so that a line is searched once per list rather than once
/// per marker; `None` only if they could not be built (then each marker is searched).
struct Markers {
    strong: AhoCorasick,
    weak: AhoCorasick,
    contact: AhoCorasick,
}

fn markers() -> Option<&'static Markers> {
    static MARKERS: OnceLock<Option<Markers>> = OnceLock::new();
    MARKERS
        .get_or_init(|| {
            // Weak and contact markers are also looked for at the start of a line's core.
            let build = |words: &[&str]| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .start_kind(StartKind::Both)
                    .build(words)
                    .ok()
            };
            Some(Markers { strong: build(STRONG)?, weak: build(WEAK)?, contact: build(CONTACT)? })
        })
        .as_ref()
}

/// Where the markers of each list occur in a lower-cased line whose core starts at byte
/// `core_at`: anywhere, and at the start of the core. Weak and contact markers anywhere count
/// only in short lines, so in long ones they are not looked for (and stay `false`): prose
/// lines are long, and this runs on every line.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Hits {
    pub(super) strong: bool,
    pub(super) weak: bool,
    pub(super) weak_starts: bool,
    pub(super) contact: bool,
    pub(super) contact_starts: bool,
}

impl Hits {
    pub(super) fn of(low: &str, core_at: usize, short: bool) -> Hits {
        let Some(m) = markers() else { return Hits::by_lists(low, core_at, short) };
        let anywhere = |ac: &AhoCorasick| ac.try_find(Input::new(low)).map(|m| m.is_some());
        let starts = |ac: &AhoCorasick| {
            let input = Input::new(low).range(core_at..).anchored(Anchored::Yes);
            ac.try_find(input).map(|m| m.is_some())
        };
        let found = (|| {
            Ok::<_, aho_corasick::MatchError>(Hits {
                strong: anywhere(&m.strong)?,
                weak: short && anywhere(&m.weak)?,
                weak_starts: starts(&m.weak)?,
                contact: short && anywhere(&m.contact)?,
                contact_starts: starts(&m.contact)?,
            })
        })();
        found.unwrap_or_else(|_| Hits::by_lists(low, core_at, short))
    }

    /// The same, one marker at a time.
    pub(super) fn by_lists(low: &str, core_at: usize, short: bool) -> Hits {
        let core = &low[core_at..];
        Hits {
            strong: STRONG.iter().any(|m| low.contains(m)),
            weak: short && WEAK.iter().any(|m| low.contains(m)),
            weak_starts: WEAK.iter().any(|m| core.starts_with(m)),
            contact: short && CONTACT.iter().any(|m| low.contains(m)),
            contact_starts: CONTACT.iter().any(|m| core.starts_with(m)),
        }
    }
}
