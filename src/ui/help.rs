//! Overlays: the key help, generated from the keymap table, and the message list of load
//! errors.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};

use super::keymap::{applies, keys_label, Binding, Context, KEYMAP};
use super::strings;
use super::theme::Theme;
use crate::app::{App, Focus};
use crate::text::sanitize::{str_width, truncate};

/// The key help overlay: the keys of the panes, or those of the metrics views when opened
/// from there.
pub struct HelpView<'a> {
    /// The styles.
    pub theme: &'a Theme,
    /// Where the help was asked for.
    pub focus: Focus,
}

/// Width of the key column.
const KEY_COL: usize = 9;

/// The help lines of one keymap context, under its title.
fn section(
    theme: &Theme,
    focus: Focus,
    contexts: &[Context],
    title: &'static str,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(title, theme.popup.patch(theme.heading[1])))];
    // The views show only their own keys; the panes' help shows both panes.
    let shown =
        |b: &&Binding| contexts.contains(&b.context) && (!focus.takes_text() || applies(b, focus));
    for b in KEYMAP.iter().filter(shown) {
        let keys = keys_label(b);
        let pad = KEY_COL.saturating_sub(str_width(&keys));
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys}{}", " ".repeat(pad)), theme.popup.patch(theme.key)),
            Span::styled(b.help, theme.popup),
        ]));
    }
    lines
}

/// A centred rectangle of at most `w`×`h` inside `area`.
pub(super) fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let (w, h) = (w.min(area.width), h.min(area.height));
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

/// A popup frame: clears `r`, draws the border and title, returns the inside.
pub(super) fn popup(theme: &Theme, r: Rect, title: &str, buf: &mut Buffer) -> Rect {
    Clear.render(r, buf);
    // A wide glyph just left of the popup would cover its left border on a real terminal
    // (the diff skips the cell it overlaps): blank it.
    if r.x > buf.area.x {
        for y in r.top()..r.bottom() {
            let cell = &mut buf[(r.x - 1, y)];
            if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
    buf.set_style(r, theme.popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.popup.patch(theme.border_focused))
        .title(format!(" {title} "));
    let inner = block.inner(r);
    block.render(r, buf);
    inner
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let mut left = section(t, self.focus, &[Context::Move], strings::HELP_MOVE);
        let mut right = if self.focus.takes_text() {
            let mut s =
                section(t, self.focus, &[Context::Metrics, Context::Views], strings::HELP_METRICS);
            let (key, what) = strings::HELP_TYPING;
            let pad = KEY_COL.saturating_sub(str_width(key));
            s.push(Line::from(vec![
                Span::styled(format!("  {key}{}", " ".repeat(pad)), t.popup.patch(t.key)),
                Span::styled(what, t.popup),
            ]));
            s
        } else {
            left.push(Line::default());
            left.extend(section(
                t,
                self.focus,
                &[Context::Reader, Context::Document],
                strings::HELP_READER,
            ));
            let mut s = section(t, self.focus, &[Context::Outline], strings::HELP_OUTLINE);
            s.push(Line::default());
            s.extend(section(
                t,
                self.focus,
                &[Context::Numbers, Context::Places],
                strings::HELP_NUMBERS,
            ));
            s
        };
        right.push(Line::default());
        right.extend(section(t, self.focus, &[Context::Global], strings::HELP_GLOBAL));
        let col =
            [&left, &right].iter().flat_map(|c| c.iter()).map(|l| l.width()).max().unwrap_or(0)
                as u16
                + 2;
        let mouse = Line::from(Span::styled(strings::HELP_MOUSE, t.popup.patch(t.dim)));
        // Two columns when they fit, else one.
        let two = area.width >= 2 * col + 4;
        let (w, h) = if two {
            (2 * col + 2, left.len().max(right.len()) as u16 + 4)
        } else {
            (col + 2, (left.len() + right.len() + 1) as u16 + 4)
        };
        let w = w.max(mouse.width() as u16 + 4);
        let r = centred(area, w, h);
        if r.width < 3 || r.height < 3 {
            return;
        }
        let inner = popup(t, r, strings::HELP_TITLE, buf);
        let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(1), ..inner };
        // (column offset, row, line)
        let placed: Vec<(u16, usize, &Line)> = if two {
            let l = left.iter().enumerate().map(|(i, l)| (0, i, l));
            l.chain(right.iter().enumerate().map(|(i, l)| (col, i, l))).collect()
        } else {
            let below = left.len() + 1;
            let l = left.iter().enumerate().map(|(i, l)| (0, i, l));
            l.chain(right.iter().enumerate().map(|(i, l)| (0, below + i, l))).collect()
        };
        // The last inner row is the mouse line.
        let rows = usize::from(inner.height.saturating_sub(1));
        for (dx, dy, l) in placed {
            if dy < rows && dx < inner.width {
                let y = inner.y + dy as u16;
                buf.set_line(inner.x + dx, y, l, inner.width - dx);
            }
        }
        if inner.height >= 2 {
            buf.set_line(inner.x, inner.bottom() - 1, &mouse, inner.width);
        }
    }
}

/// The list of load errors.
pub struct MessagesView<'a> {
    /// The state drawn.
    pub app: &'a App,
    /// The styles.
    pub theme: &'a Theme,
}

/// Most messages listed at once.
const MAX_SHOWN: usize = 8;

impl Widget for MessagesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, t) = (self.app, self.theme);
        let n = app.messages.len().min(MAX_SHOWN);
        let w = area.width.saturating_sub(4).min(100);
        let h = (n as u16 + 2).min(area.height.saturating_sub(1));
        if w < 10 || h < 3 {
            return;
        }
        // Bottom of the screen, above the status line.
        let r = Rect::new(area.x + (area.width - w) / 2, area.bottom() - 1 - h, w, h);
        let inner = popup(t, r, strings::MESSAGES_TITLE, buf);
        let more = app.messages.len() - n;
        for (y, m) in (inner.y..inner.bottom()).zip(app.messages.iter().rev().take(n)) {
            let text = truncate(m, inner.width.into());
            buf.set_stringn(inner.x, y, text, inner.width.into(), t.popup.patch(t.error));
        }
        if more > 0 && inner.height > 0 {
            let note = format!("+{more}");
            let x = inner.right().saturating_sub(note.len() as u16);
            buf.set_stringn(x, inner.bottom() - 1, note, inner.width.into(), t.popup.patch(t.dim));
        }
    }
}
