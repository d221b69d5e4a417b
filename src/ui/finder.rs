//! The finder popup: the query line (the terminal cursor at its caret, see [`cursor`]), key
//! hints, the result rows (kind, document, heading path, the matched text with its matches
//! highlighted — computed only for the rows on screen), the count, and on wide screens a
//! preview of the selected hit in its paragraph.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};

use super::rect;
use super::strings;
use super::theme::Theme;
use crate::app::finder::FinderLayout;
use crate::app::reader::heading_path;
use crate::app::App;
use crate::search::{Hit, Index, Query};
use crate::text::sanitize::{sanitize, shown, str_width, truncate, Shown};
use crate::text::wrap::wrap;

/// Widest document name in a result row.
const TITLE_WIDTH: usize = 15;
/// Widest heading path in a result row.
const PATH_WIDTH: usize = 18;
/// Columns of text kept before the first match when a row's text is cut at the left.
const LEAD: usize = 6;

/// The finder over the whole screen.
pub struct FinderView<'a> {
    /// The state drawn.
    pub app: &'a App,
    /// The styles.
    pub theme: &'a Theme,
}

/// Where the terminal cursor goes (the caret of the query line), when the finder is open. The
/// real cursor, so that an input method shows its candidates there.
pub fn cursor(app: &App) -> Option<(u16, u16)> {
    if !app.finder.open {
        return None;
    }
    let input = app.finder_layout().input;
    if input.is_empty() {
        return None;
    }
    let (_, caret_x) = query_view(app, usize::from(input.width));
    Some((input.x + caret_x as u16, input.y))
}

/// The part of the query shown (from a char index) and the caret's column in the input line:
/// the line scrolls left so that the caret stays visible.
fn query_view(app: &App, width: usize) -> (usize, usize) {
    let f = &app.finder;
    let prompt = str_width(strings::FINDER_PROMPT);
    let widths: Vec<usize> =
        f.query.chars().map(|c| str_width(&sanitize(&c.to_string()))).collect();
    let room = width.saturating_sub(prompt + 1).max(1);
    let caret = f.caret.min(widths.len());
    let mut first = 0;
    let mut before: usize = widths[..caret].iter().sum();
    while before > room && first < caret {
        before -= widths[first];
        first += 1;
    }
    (first, (prompt + before).min(width.saturating_sub(1)))
}

impl Widget for FinderView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let l = app.finder_layout();
        let popup = rect(l.popup);
        // The layout is for the last resize: draw nothing rather than outside today's buffer.
        if popup.width < 3 || popup.height < 3 || popup.intersection(area) != popup {
            return;
        }
        // A blank column each side of the popup, so that no text behind touches its border.
        let ring = Rect { x: popup.x.saturating_sub(1), width: popup.width + 2, ..popup };
        let ring = ring.intersection(area);
        Clear.render(ring, buf);
        buf.set_style(ring, theme.base);
        buf.set_style(popup, theme.popup);
        let border = theme.popup.patch(theme.border_focused);
        let mut block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(border)
            .title(format!(" {} ", strings::FINDER_TITLE))
            .title_style(border);
        if let (Some(r), Some(index)) = (&app.finder.results, &app.finder.index) {
            let mut count = strings::hit_count(r.total, r.exhaustive, index.len());
            // Documents still loading are not searched yet: say so.
            let docs = app.progress.map_or(app.docs.len(), |p| p.total.max(app.docs.len()));
            if index.docs().len() < docs {
                count = format!("{count} · {}", strings::partial_index(index.docs().len(), docs));
            }
            block = block.title(Line::styled(format!(" {count} "), border).right_aligned());
        }
        block.render(popup, buf);
        self.input(&l, buf);
        self.hints(&l, buf);
        self.list(&l, buf);
        if !l.preview.is_empty() {
            let p = rect(l.preview);
            for y in p.y..p.bottom() {
                buf[(p.x - 1, y)].set_symbol("│").set_style(border);
            }
            self.preview(p, buf);
        }
    }
}

impl FinderView<'_> {
    fn input(&self, l: &FinderLayout, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let r = rect(l.input);
        if r.is_empty() {
            return;
        }
        let (first, _) = query_view(app, usize::from(r.width));
        let prompt = strings::FINDER_PROMPT;
        buf.set_stringn(r.x, r.y, prompt, r.width.into(), theme.popup.patch(theme.key));
        let start = app.finder.query.char_indices().nth(first).map_or(0, |(i, _)| i);
        let x = r.x + str_width(prompt) as u16;
        let text = &app.finder.query[start..];
        put(
            buf,
            Rect { x, width: r.right().saturating_sub(x), ..r },
            text,
            0,
            &[],
            theme.popup,
            theme.hit,
        );
    }

    fn hints(&self, l: &FinderLayout, buf: &mut Buffer) {
        let theme = self.theme;
        let r = rect(l.hint);
        let mut x = r.x;
        for (k, what) in strings::FINDER_HINTS {
            let w = (str_width(k) + str_width(what) + 3) as u16;
            if x + w > r.right() {
                break;
            }
            buf.set_string(x, r.y, k, theme.popup.patch(theme.key));
            buf.set_string(x + str_width(k) as u16 + 1, r.y, what, theme.popup.patch(theme.dim));
            x += w;
        }
    }

    fn list(&self, l: &FinderLayout, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let r = rect(l.list);
        if r.is_empty() {
            return;
        }
        let f = &app.finder;
        let dim = theme.popup.patch(theme.dim);
        let Some(index) = &f.index else {
            let msg = match app.progress {
                Some(p) => strings::indexing_loading(p.done, p.total),
                None => strings::INDEXING.to_string(),
            };
            buf.set_stringn(r.x, r.y, msg, r.width.into(), dim);
            return;
        };
        let msg = match &f.results {
            _ if f.query.trim().is_empty() => Some(strings::FINDER_EMPTY.to_string()),
            Some(res) => match &res.query {
                Err(e) => Some(e.to_string()),
                Ok(_) if res.hits.is_empty() && f.current() => Some(strings::NO_HITS.into()),
                Ok(_) => None,
            },
            None => None,
        };
        if let Some(m) = msg {
            buf.set_stringn(r.x, r.y, sanitize(&m), r.width.into(), dim);
            return;
        }
        let Some(q) = f.shown_query() else { return };
        let rows = f.hits().iter().enumerate().skip(f.offset).take(r.height.into());
        for ((i, hit), y) in rows.zip(r.y..) {
            let selected = i == f.selected;
            let row = Rect { y, height: 1, ..r };
            self.row(index, q, hit, row, selected, buf);
        }
    }

    /// One result: kind, document, heading path, the matched text.
    fn row(&self, index: &Index, q: &Query, hit: &Hit, r: Rect, selected: bool, buf: &mut Buffer) {
        let theme = self.theme;
        let base = if selected { theme.popup.patch(theme.outline_selected) } else { theme.popup };
        buf.set_style(r, base);
        let doc = index.doc(hit);
        let narrow = r.width < 60;
        let mut x = r.x;
        let mut put_str = |s: &str, style: Style, width: usize, buf: &mut Buffer| {
            let s = truncate(s, width);
            buf.set_stringn(x, r.y, &s, usize::from(r.right().saturating_sub(x)), style);
            x = x.saturating_add((width + 1) as u16).min(r.right());
        };
        put_str(strings::kind_tag(hit.kind), base.patch(theme.dim), 4, buf);
        let title_w = if narrow { TITLE_WIDTH / 2 } else { TITLE_WIDTH };
        put_str(&doc_label(doc, title_w), base.patch(theme.outline_doc), title_w, buf);
        if !narrow {
            let path = hit.heading.map(|h| short_path(doc, h, PATH_WIDTH)).unwrap_or_default();
            put_str(&path, base.patch(theme.dim), PATH_WIDTH, buf);
        }
        // The highlight positions, for this row only (it is on screen).
        let text = index.text(hit);
        let marks = index.highlight(q, hit);
        let room = usize::from(r.right().saturating_sub(x));
        let from = left_cut(text, &marks, room);
        let area = Rect { x, width: r.right().saturating_sub(x), ..r };
        if from > 0 {
            buf.set_string(x, r.y, "…", base.patch(theme.dim));
            let area = Rect { x: x + 1, width: area.width.saturating_sub(1), ..area };
            put(buf, area, &text[from..], from, &marks, base, theme.hit);
        } else {
            put(buf, area, text, 0, &marks, base, theme.hit);
        }
    }

    /// The selected hit's paragraph, wrapped, the matches highlighted.
    fn preview(&self, r: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let f = &app.finder;
        let (Some(index), Some(q), Some(hit)) =
            (&f.index, f.shown_query(), f.hits().get(f.selected))
        else {
            return;
        };
        let doc = index.doc(hit);
        let mut y = r.y;
        let head = match hit.heading {
            Some(h) => format!("{} › {}", doc.short_title(), path_text(doc, h, 24)),
            None => doc.short_title(),
        };
        buf.set_stringn(
            r.x + 1,
            y,
            truncate(&head, r.width.saturating_sub(2).into()),
            r.width.into(),
            theme.popup.patch(theme.outline_doc),
        );
        y += 2;
        let line = doc.line(hit.line);
        let marks: Vec<Range<usize>> = match hit.kind {
            crate::search::Kind::Heading | crate::search::Kind::Text => {
                let off = hit.span.start;
                index.highlight(q, hit).into_iter().map(|m| m.start + off..m.end + off).collect()
            }
            _ => vec![hit.span.clone()],
        };
        let width = usize::from(r.width.saturating_sub(2)).max(1);
        let rows = wrap(line, width);
        let at = marks.first().map_or(0, |m| m.start);
        let first_row = rows.iter().position(|w| w.end > at).unwrap_or(0);
        let room = usize::from(r.bottom().saturating_sub(y));
        let skip = first_row.saturating_sub(room / 3);
        for w in rows.iter().skip(skip).take(room) {
            let area = Rect { x: r.x + 1, y, width: r.width.saturating_sub(2), height: 1 };
            put(buf, area, &line[w.clone()], w.start, &marks, theme.popup, theme.hit);
            y += 1;
        }
    }
}

/// The document's short title in `width` columns, the year kept when the name is cut
/// (`渭南高新… 2020`).
fn doc_label(doc: &crate::doc::Document, width: usize) -> String {
    let short = doc.short_title();
    if str_width(&short) <= width {
        return short;
    }
    match short.rsplit_once(' ') {
        Some((name, year)) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{} {year}", truncate(name, width.saturating_sub(5)))
        }
        _ => truncate(&short, width),
    }
}

/// The heading path down to heading `h` when it fits `width`, else the innermost heading alone
/// (it says most about the hit).
fn short_path(doc: &crate::doc::Document, h: usize, width: usize) -> String {
    let path = path_text(doc, h, width);
    if str_width(&path) <= width {
        return path;
    }
    doc.headings.get(h).map(|h| truncate(&h.title, width)).unwrap_or_default()
}

/// The heading path down to heading `h`, each title cut to `part` columns.
fn path_text(doc: &crate::doc::Document, h: usize, part: usize) -> String {
    let parts: Vec<String> =
        heading_path(&doc.headings, h).iter().map(|h| truncate(&h.title, part)).collect();
    parts.join("›")
}

/// Where to start showing `text` so that its first mark fits in `room` columns (0: the start).
fn left_cut(text: &str, marks: &[Range<usize>], room: usize) -> usize {
    let Some(first) = marks.first() else { return 0 };
    let end = marks.last().map_or(first.end, |m| m.end).min(text.len());
    if str_width(text.get(..end).unwrap_or(text)) <= room {
        return 0;
    }
    // Keep LEAD columns before the first mark.
    let mut w = 0;
    let before = text.get(..first.start).unwrap_or("");
    for (i, c) in before.char_indices().rev() {
        w += str_width(&c.to_string());
        if w > LEAD {
            return i + c.len_utf8();
        }
    }
    0
}

/// Draws `text` (starting at byte `offset` of the string `marks` refer to) on one row, each
/// character in its terminal-safe form, marked bytes in `mark` style.
fn put(
    buf: &mut Buffer,
    area: Rect,
    text: &str,
    offset: usize,
    marks: &[Range<usize>],
    base: Style,
    mark: Style,
) {
    let mut x = area.x;
    let right = area.right();
    for (i, c) in text.char_indices() {
        let at = offset + i;
        let style = if marks.iter().any(|m| m.contains(&at)) { base.patch(mark) } else { base };
        let (symbol, width) = match shown(c) {
            Shown::Hidden | Shown::Itself(0) => continue,
            Shown::Itself(w) => (c, w as u16),
            Shown::Placeholder(p) => (p, 1),
            Shown::Tab => (' ', 1),
        };
        if x + width > right {
            break;
        }
        buf[(x, area.y)].set_char(symbol).set_style(style);
        for dx in 1..width {
            buf[(x + dx, area.y)].reset();
        }
        x += width;
    }
}
