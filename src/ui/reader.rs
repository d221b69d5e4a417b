//! The reading pane: the wrapped rows on screen, headings styled by level, metrics subtly
//! highlighted, the current hit (`App::highlight`) in the hit style, and every character drawn
//! in its terminal-safe form.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::strings;
use super::theme::Theme;
use crate::app::rows::{Mode, Rows};
use crate::app::App;
use crate::doc::Document;
use crate::outline::is_indent;
use crate::text::sanitize::{shown, truncate, Shown, TAB_WIDTH};

/// The reading text of the app's current document.
pub struct ReaderView<'a> {
    /// The state drawn.
    pub app: &'a App,
    /// The styles.
    pub theme: &'a Theme,
}

/// The reader pane's title: the document title, and the mode when raw.
pub fn title(app: &App, width: usize) -> String {
    let Some(doc) = app.current_doc() else { return String::new() };
    match app.reader.mode {
        Mode::Clean => truncate(doc.title(), width),
        Mode::Raw => {
            let room = width.saturating_sub(strings::RAW_TAG.len() + 1);
            format!("{} {}", truncate(doc.title(), room), strings::RAW_TAG)
        }
    }
}

impl Widget for ReaderView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let (app, theme) = (self.app, self.theme);
        let (Some(doc), Some(rows)) = (app.current_doc(), app.reader.rows()) else {
            let msg = if app.progress.is_some() || app.docs.is_empty() && app.messages.is_empty() {
                strings::NOTHING_YET
            } else {
                strings::NOTHING_LOADED
            };
            buf.set_stringn(area.x, area.y, msg, area.width.into(), theme.dim);
            return;
        };
        let on_screen = rows.rows.iter().skip(app.reader.top).take(area.height.into());
        for (y, row) in (area.y..).zip(on_screen) {
            let text = doc.line(row.line);
            let mut spans = Spans::of_line(doc, rows, row.line, text, theme);
            if let Some(h) = &app.highlight {
                if h.doc == app.reader.doc && h.line == row.line {
                    // Last, so that it wins over the heading and metric styles.
                    spans.spans.push((h.range.clone(), theme.hit));
                }
            }
            draw_row(buf, area, y, text, row.range.clone(), &spans, theme);
            // A bookmarked line is marked in the padding column left of its first row.
            let padded = area.x > app.geometry.reader.x + 1;
            if padded && row.range.start == 0 && app.is_bookmarked(app.reader.doc, row.line) {
                buf[(area.x - 1, y)].set_symbol(strings::BOOKMARK_MARK).set_style(theme.key);
            }
        }
    }
}

/// The styled byte spans of one line: heading title, metrics.
struct Spans {
    spans: Vec<(Range<usize>, Style)>,
}

impl Spans {
    fn of_line(doc: &Document, rows: &Rows, line: usize, text: &str, theme: &Theme) -> Spans {
        let mut spans = Vec::new();
        let heads = &doc.headings;
        let i = heads.partition_point(|h| h.line < line);
        let on_line = heads[i..].iter().zip(&rows.heading_bytes[i.min(rows.heading_bytes.len())..]);
        for (h, &byte) in on_line.take_while(|(h, _)| h.line == line) {
            // A heading that opens its line starts after its indent; one inside a run-together
            // line at its marker. It is styled up to the end of its title.
            let start = if h.col.is_some() {
                byte
            } else {
                text.len() - text.trim_start_matches(is_indent).len()
            };
            let rest = text.get(start..).unwrap_or("");
            let end = match rest.find(h.title.as_str()) {
                Some(p) if !h.title.is_empty() => start + p + h.title.len(),
                _ if h.col.is_some() => start + h.marker.len(),
                _ => text.len(),
            };
            let level = h.level.clamp(1, theme.heading.len()) - 1;
            spans.push((start..end.max(start), theme.heading[level]));
        }
        let metrics = &doc.metrics;
        let first = metrics.partition_point(|m| m.line < line);
        for m in metrics[first..].iter().take_while(|m| m.line == line) {
            spans.push((m.start..m.start + m.raw.len(), theme.metric));
        }
        Spans { spans }
    }

    fn style_at(&self, byte: usize, base: Style) -> Style {
        self.spans.iter().filter(|(r, _)| r.contains(&byte)).fold(base, |s, (_, st)| s.patch(*st))
    }
}

/// Draws bytes `range` of `text` on row `y`, character by character in shown form.
fn draw_row(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    text: &str,
    range: Range<usize>,
    spans: &Spans,
    theme: &Theme,
) {
    let right = area.right();
    let mut x = area.x;
    let mut last: Option<u16> = None; // the cell of the last visible character
    let Some(slice) = text.get(range.clone()) else { return };
    for (off, c) in slice.char_indices() {
        let style = spans.style_at(range.start + off, theme.base);
        let (symbol, width, style) = match shown(c) {
            Shown::Hidden => continue,
            Shown::Itself(0) => {
                // A combining mark joins the character before it.
                if let Some(lx) = last {
                    let cell = &mut buf[(lx, y)];
                    let joined = format!("{}{c}", cell.symbol());
                    cell.set_symbol(&joined);
                }
                continue;
            }
            Shown::Itself(w) => (c, w as u16, style),
            Shown::Placeholder(p) => (p, 1, style.patch(theme.control)),
            Shown::Tab => (' ', TAB_WIDTH as u16, style),
        };
        if x + width > right {
            break;
        }
        if c == '\t' {
            for dx in 0..width {
                buf[(x + dx, y)].set_char(' ').set_style(style);
            }
        } else {
            buf[(x, y)].set_char(symbol).set_style(style);
            for dx in 1..width {
                buf[(x + dx, y)].reset();
            }
        }
        last = Some(x);
        x += width;
    }
}
