//! Terminal-safe text: how each character of a document is shown, so that nothing from a file
//! ever reaches the terminal as a control sequence.
//!
//! ratatui 0.29 writes `Cf` characters (bidi overrides) straight through and drops `Cc` ones
//! silently; a reader should show the user that something is there instead. C0 controls become
//! the Unicode control pictures (`␛` `␇`), C1 controls `�`, and invisible format characters
//! (bidi overrides, zero-width joiners, variation selectors) are dropped from the display.

use unicode_width::UnicodeWidthChar;

/// Columns a tab is shown as (tab stops would make wrapping depend on the column).
pub const TAB_WIDTH: usize = 4;

/// How one character of a document is shown on the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Shown as itself, `width` columns wide (0 for combining marks).
    Itself(usize),
    /// A control character, shown as this visible one-column placeholder.
    Placeholder(char),
    /// A tab, shown as [`TAB_WIDTH`] spaces.
    Tab,
    /// Not shown: bidi overrides and isolates, zero-width characters, variation selectors.
    Hidden,
}

impl Shown {
    /// Columns this character takes on screen.
    pub fn width(self) -> usize {
        match self {
            Shown::Itself(w) => w,
            Shown::Placeholder(_) => 1,
            Shown::Tab => TAB_WIDTH,
            Shown::Hidden => 0,
        }
    }
}

/// How `c` is shown.
pub fn shown(c: char) -> Shown {
    match c {
        '\t' => Shown::Tab,
        // C0 controls: their control pictures ␀ … ␟ (ESC is ␛).
        '\0'..='\x1f' => {
            Shown::Placeholder(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'))
        }
        '\x7f' => Shown::Placeholder('\u{2421}'),
        // C1 controls (CSI is U+009B, OSC U+009D): no control picture exists.
        '\u{80}'..='\u{9f}' => Shown::Placeholder('\u{fffd}'),
        // Line and paragraph separators would start a new terminal line in some terminals.
        '\u{2028}' | '\u{2029}' => Shown::Placeholder('\u{21b5}'),
        // Bidi embeddings, overrides, isolates and marks; zero-width space, joiners, word
        // joiner, BOM; variation selectors (they change glyph widths behind our back).
        '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200b}'..='\u{200f}'
        | '\u{061c}'
        | '\u{2060}'..='\u{2064}'
        | '\u{feff}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{e0100}'..='\u{e01ef}' => Shown::Hidden,
        _ => Shown::Itself(c.width().unwrap_or(0)),
    }
}

/// Columns `c` takes on screen (its shown form).
pub fn char_width(c: char) -> usize {
    shown(c).width()
}

/// Columns `s` takes on screen, each character counted by its shown form.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// `s` in its shown form, for short texts such as titles, paths and messages: placeholders for
/// controls, tabs as one space, invisible characters removed.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match shown(c) {
            Shown::Itself(_) => out.push(c),
            Shown::Placeholder(p) => out.push(p),
            Shown::Tab => out.push(' '),
            Shown::Hidden => {}
        }
    }
    out
}

/// The longest prefix of `s` (in shown form) that fits `width` columns, with `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    let shown = sanitize(s);
    if str_width(&shown) <= width {
        return shown;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in shown.chars() {
        let w = char_width(c);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_and_inert() {
        let s = sanitize("a\x1b]2;X\x07b\x1b[2Jc\u{9b}31m");
        assert!(!s.chars().any(|c| c.is_control()), "{s:?}");
        assert_eq!(s, "a␛]2;X␇b␛[2Jc\u{fffd}31m");
    }

    #[test]
    fn bidi_overrides_and_zero_width_are_dropped() {
        assert_eq!(sanitize("ab\u{202e}cd\u{2066}e\u{200b}f\u{feff}"), "abcdef");
        assert_eq!(str_width("\u{202e}"), 0);
    }

    #[test]
    fn widths_follow_the_shown_form() {
        assert_eq!(str_width("中文"), 4);
        assert_eq!(str_width("a\x1b"), 2);
        assert_eq!(char_width('\t'), TAB_WIDTH);
        assert_eq!(str_width("4070件"), 6);
    }

    #[test]
    fn truncation_respects_width_and_marks_the_cut() {
        assert_eq!(truncate("法治政府建设", 12), "法治政府建设");
        let t = truncate("法治政府建设", 7);
        assert!(str_width(&t) <= 7, "{t}");
        assert!(t.ends_with('…'));
        assert_eq!(truncate("abc", 0), "");
    }
}
