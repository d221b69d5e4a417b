//! Pure text utilities shared by the parsers, the search and the reader.

use unicode_normalization::UnicodeNormalization;

/// NFKC-folds `s` (full-width `(),:;` and digits become ASCII, compatibility forms are
/// unified) so that full-width and ASCII text compare alike.
pub fn fold(s: &str) -> String {
    s.nfkc().collect()
}

/// `s` with every control character (C0 except tab, DEL, C1) and bidi override made visible
/// as U+FFFD, so printing it on a terminal cannot start an escape sequence.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    fn bad(c: char) -> bool {
        (c.is_control() && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    }
    if s.chars().any(bad) {
        s.chars().map(|c| if bad(c) { '\u{FFFD}' } else { c }).collect::<String>().into()
    } else {
        s.into()
    }
}
