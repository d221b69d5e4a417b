//! The outline pane: each document a root (title, year, heading count), its headings below
//! by level, with expand/collapse marks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::strings;
use super::theme::Theme;
use crate::app::outline::Node;
use crate::app::{App, Focus};
use crate::text::sanitize::{str_width, truncate};

/// The outline rows of the app's tree.
pub struct OutlineView<'a> {
    /// The state drawn.
    pub app: &'a App,
    /// The styles.
    pub theme: &'a Theme,
}

impl Widget for OutlineView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let o = &self.app.outline;
        let rows = o.nodes.iter().enumerate().skip(o.offset).take(area.height.into());
        for (y, (i, node)) in (area.y..).zip(rows) {
            let selected = i == o.selected;
            let line = self.row(node, area.width.into(), selected);
            buf.set_line(area.x, y, &line, area.width);
            if selected {
                let mut style = self.theme.outline_selected;
                if self.app.focus != Focus::Outline {
                    // Keep the reading position visible without claiming the keys.
                    style = style.patch(self.theme.dim);
                }
                buf.set_style(Rect::new(area.x, y, area.width, 1), style);
            }
        }
    }
}

impl OutlineView<'_> {
    /// One tree row, fitted to `width` columns.
    fn row(&self, node: &Node, width: usize, selected: bool) -> Line<'static> {
        let theme = self.theme;
        let Some(doc) = self.app.docs.get(node.doc) else { return Line::default() };
        let mark = match (node.has_children, node.open) {
            (false, _) => "  ",
            (true, true) => "▾ ",
            (true, false) => "▸ ",
        };
        let reading = node.doc == self.app.reader.doc;
        match node.heading {
            None => {
                let suffix = strings::doc_suffix(doc.card.year, doc.headings.len());
                let room = width.saturating_sub(2 + str_width(&suffix) + 1);
                // The short name (issuing body), the year in the suffix.
                let short = doc.short_title();
                let name = match doc.card.year {
                    Some(y) => short.strip_suffix(&format!(" {y}")).unwrap_or(&short),
                    None => &short,
                };
                let title = truncate(name, room);
                let gap = width.saturating_sub(2 + str_width(&title) + str_width(&suffix));
                let style = if reading || selected {
                    theme.outline_doc
                } else {
                    theme.outline_doc.patch(theme.dim)
                };
                Line::from(vec![
                    Span::styled(mark, theme.dim),
                    Span::styled(title, style),
                    Span::raw(" ".repeat(gap)),
                    Span::styled(suffix, theme.dim),
                ])
            }
            Some(h) => {
                let Some(head) = doc.headings.get(h) else { return Line::default() };
                let indent = " ".repeat((2 * node.depth).saturating_sub(1).min(9));
                let room = width.saturating_sub(indent.len() + 2);
                let text = truncate(&format!("{}{}", head.marker, head.title), room);
                let style = if head.level == 1 {
                    theme.outline_heading.add_modifier(Modifier::BOLD)
                } else {
                    theme.outline_heading
                };
                Line::from(vec![
                    Span::raw(indent),
                    Span::styled(mark, theme.dim),
                    Span::styled(text, style),
                ])
            }
        }
    }
}
