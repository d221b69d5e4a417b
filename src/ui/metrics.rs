//! The metrics table: every metric of the loaded documents, one per row — document, label,
//! value, unit, heading — under the filter line and a header that marks the sort column.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::strings;
use super::theme::Theme;
use crate::app::metrics::{shown_value as value_text, SortKey};
use crate::app::App;
use crate::text::sanitize::{str_width, truncate};

/// The metrics table over both panes.
pub struct MetricsView<'a> {
    /// The state drawn.
    pub app: &'a App,
    /// The styles.
    pub theme: &'a Theme,
}

/// `s` truncated (in shown form) and padded to exactly `w` columns.
pub(super) fn fit(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let fill = w.saturating_sub(str_width(&t));
    format!("{t}{}", " ".repeat(fill))
}

/// `s` truncated and aligned right in `w` columns.
pub(super) fn fit_right(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let fill = w.saturating_sub(str_width(&t));
    format!("{}{t}", " ".repeat(fill))
}

/// The line being edited: prompt, text with a cursor, and a placeholder or note after it.
pub(super) fn edit_line<'a>(
    theme: &Theme,
    prompt: &'a str,
    text: &str,
    after: Option<(String, Style)>,
    width: usize,
) -> Line<'a> {
    // Long input shows its end, where the cursor is.
    let room = width.saturating_sub(str_width(prompt) + 2);
    let shown = crate::text::sanitize::sanitize(text);
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in shown.chars().rev() {
        let w = crate::text::sanitize::char_width(c);
        if used + w > room {
            break;
        }
        used += w;
        tail.push(c);
    }
    let tail: String = tail.into_iter().rev().collect();
    let mut spans = vec![
        Span::styled(prompt, theme.key),
        Span::styled(tail, theme.base),
        Span::styled(" ", theme.base.add_modifier(Modifier::REVERSED)),
    ];
    if let Some((note, style)) = after {
        let left = width.saturating_sub(str_width(prompt) + used + 2);
        spans.push(Span::styled(format!(" {}", truncate(&note, left)), style));
    }
    Line::from(spans)
}

/// Column widths for a table `w` columns wide.
struct Columns {
    doc: usize,
    label: usize,
    value: usize,
    unit: usize,
    heading: usize,
}

impl Columns {
    fn new(w: usize, doc: usize, value: usize, unit: usize) -> Columns {
        let doc = doc.clamp(6, (w * 24 / 100).clamp(6, 24));
        let value = value.clamp(7, 14);
        let unit = unit.clamp(4, 8);
        // One space before each column.
        let rest = w.saturating_sub(doc + value + unit + 5);
        let label = rest * 45 / 100;
        Columns { doc, label, value, unit, heading: rest - label }
    }

    fn line(&self, cells: [&str; 5]) -> String {
        format!(
            " {} {} {} {} {}",
            fit(cells[0], self.doc),
            fit(cells[1], self.label),
            fit_right(cells[2], self.value),
            fit(cells[3], self.unit),
            fit(cells[4], self.heading)
        )
    }
}

impl Widget for MetricsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, t) = (self.app, self.theme);
        let m = &app.metrics;
        let block = super::pane(t, strings::metrics_title(m.rows.len(), m.total), true);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        let width = usize::from(inner.width);
        let after = match (&m.error, m.query.is_empty()) {
            (Some(e), _) => Some((e.clone(), t.error)),
            (None, true) => Some((strings::FILTER_PLACEHOLDER.to_string(), t.dim)),
            (None, false) => None,
        };
        let edit = edit_line(t, strings::FILTER_PROMPT, &m.query, after, width);
        buf.set_line(inner.x, inner.y, &edit, inner.width);
        if inner.height < 2 {
            return;
        }

        let w = m.widths;
        let cols = Columns::new(width, w.doc, w.value, w.unit);
        let arrow = if m.descending { "▼" } else { "▲" };
        let keys =
            [SortKey::Document, SortKey::Label, SortKey::Value, SortKey::Unit, SortKey::Heading];
        let names: Vec<String> = strings::COLUMNS
            .iter()
            .zip(keys)
            .map(|(n, k)| if k == m.sort { format!("{n}{arrow}") } else { (*n).to_string() })
            .collect();
        let header = cols.line([&names[0], &names[1], &names[2], &names[3], &names[4]]);
        let header_style = t.dim.add_modifier(Modifier::BOLD);
        buf.set_stringn(inner.x, inner.y + 1, header, width, header_style);

        let list = Rect { y: inner.y + 2, height: inner.height - 2, ..inner };
        if m.rows.is_empty() {
            buf.set_stringn(list.x + 1, list.y, strings::NO_METRICS, width, t.dim);
            return;
        }
        let on_screen = m.rows.iter().enumerate().skip(m.offset).take(list.height.into());
        for (y, (i, r)) in (list.y..).zip(on_screen) {
            let Some((doc, metric)) = r.get(&app.docs) else { continue };
            let heading = doc.metric_heading(metric).map_or("—", |h| &h.title);
            let value = value_text(metric);
            let text =
                cols.line([&doc.short_title(), &metric.label, &value, &metric.unit, heading]);
            buf.set_stringn(list.x, y, &text, width, t.base);
            // The value in the metric colour, as in the reading text.
            let vx = list.x + (cols.doc + cols.label + 3) as u16;
            let vw = cols.value as u16;
            buf.set_style(Rect::new(vx, y, vw.min(list.right().saturating_sub(vx)), 1), t.metric);
            if i == m.selected {
                buf.set_style(Rect::new(list.x, y, list.width, 1), t.outline_selected);
            }
        }
    }
}
