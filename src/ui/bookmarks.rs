//! The bookmark list popup (`'`): every loaded document's bookmarks with the document's short
//! title, the line and the label; the selected row is highlighted and kept on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::help::{centred, popup};
use super::strings;
use super::theme::Theme;
use crate::app::App;
use crate::text::sanitize::{str_width, truncate};

/// The bookmark list.
pub struct BookmarksView<'a> {
    /// The state drawn.
    pub app: &'a App,
    /// The styles.
    pub theme: &'a Theme,
}

/// Widest the popup gets.
const MAX_WIDTH: u16 = 90;
/// Columns of the document title.
const TITLE_COL: usize = 24;

impl Widget for BookmarksView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, t) = (self.app, self.theme);
        let m = &app.marks;
        let w = area.width.saturating_sub(4).min(MAX_WIDTH);
        let rows = u16::try_from(m.entries.len()).unwrap_or(u16::MAX);
        let h = rows.saturating_add(2).min(area.height.saturating_sub(2));
        if w < 20 || h < 3 {
            return;
        }
        let inner = popup(t, centred(area, w, h), strings::BOOKMARKS_TITLE, buf);
        let shown = usize::from(inner.height);
        // Keep the selection on screen: scroll so it is the last row when below.
        let first = (m.selected + 1).saturating_sub(shown);
        let width = usize::from(inner.width);
        for (y, (i, e)) in (inner.y..inner.bottom()).zip(m.entries.iter().enumerate().skip(first)) {
            let title = app.docs.get(e.doc).map(|d| d.short_title()).unwrap_or_default();
            let title = truncate(&title, TITLE_COL);
            let pad = " ".repeat(TITLE_COL.saturating_sub(str_width(&title)));
            let head = format!(" {title}{pad} {} ", strings::line_no(e.line));
            let label = truncate(&e.label, width.saturating_sub(str_width(&head)));
            let selected = i == m.selected;
            let base = if selected { t.popup.patch(t.outline_selected) } else { t.popup };
            let line = Line::from(vec![
                Span::styled(head, if selected { base } else { base.patch(t.dim) }),
                Span::styled(label, base),
            ]);
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), base);
            buf.set_line(inner.x, y, &line, inner.width);
        }
    }
}
