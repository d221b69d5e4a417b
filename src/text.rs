//! Pure text utilities shared by the parsers, the search and the reader.

use unicode_normalization::UnicodeNormalization;

/// NFKC-folds `s` (full-width `(),:;` and digits become ASCII, compatibility forms are
/// unified) so that full-width and ASCII text compare alike.
pub fn fold(s: &str) -> String {
    s.nfkc().collect()
}

pub mod sanitize;
pub mod wrap;
