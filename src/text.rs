//! Pure text utilities shared by the parsers, the search and the reader.

use unicode_normalization::UnicodeNormalization;

/// NFKC-folds `s` (full-width `(),:;` and digits become ASCII, compatibility forms are
/// unified) and folds traditional characters to simplified ([`script::simplify`]), so that
/// full-width and ASCII text, and traditional and simplified script, compare alike.
pub fn fold(s: &str) -> String {
    s.nfkc().map(script::simplify).collect()
}

pub mod sanitize;
pub mod script;
pub mod wrap;

/// `s` with every control character (C0 except tab, DEL, C1 such as U+009B CSI) and bidi
/// embedding, override or isolate (U+202A–U+202E, U+2066–U+2069) made visible as U+FFFD, so
/// printing it on a terminal cannot start an escape sequence (`ESC [` CSI, `ESC ]` OSC …) nor
/// reorder what follows.
///
/// Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and the bidi marks U+200E, U+200F,
/// U+061C are kept: they cannot move the cursor or start a sequence, web pages are full of
/// them, and showing them would litter ordinary text; search and the outline treat them as
/// text or indentation.
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

/// Display width of `s` in terminal cells (CJK characters are two).
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` cells, with `…` where it was cut; never splits a wide character.
pub fn truncate(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    use unicode_width::UnicodeWidthChar;
    if width(s) <= max {
        return s.into();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out.into()
}

/// `s` truncated to `cells` and padded with spaces to exactly that display width.
pub fn pad(s: &str, cells: usize) -> String {
    let t = truncate(s, cells);
    let fill = cells.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(fill))
}
