//! The compare view: one kind of metric across the documents as a ranked list per unit, each
//! row a bar scaled to its group's largest value (eighth blocks, so small gaps still show).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::Widget;

use super::metrics::{edit_line, fit, fit_right};
use super::strings;
use super::theme::Theme;
use crate::app::compare::CompareGroup;
use crate::app::metrics::shown_value as value_text;
use crate::app::App;
use crate::metrics::compare::bar;
use crate::text::sanitize::str_width;

/// The compare view over both panes.
pub struct CompareView<'a> {
    /// The state drawn.
    pub app: &'a App,
    /// The styles.
    pub theme: &'a Theme,
}

/// One screen line of the list.
enum Item<'a> {
    Header(&'a CompareGroup),
    Row { group: &'a CompareGroup, rank: usize, flat: usize },
    Blank,
}

impl Widget for CompareView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, t) = (self.app, self.theme);
        let c = &app.compare;
        let block = super::pane(t, strings::compare_title(c.groups.len(), c.len()), true);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        let width = usize::from(inner.width);
        let note = Some((strings::COMPARE_NOTE.to_string(), t.dim));
        let edit = edit_line(t, strings::COMPARE_PROMPT, &c.label, note, width);
        buf.set_line(inner.x, inner.y, &edit, inner.width);
        if inner.height < 3 {
            return;
        }
        let list = Rect { y: inner.y + 2, height: inner.height - 2, ..inner };
        if c.is_empty() {
            let text = strings::no_compare(&crate::text::sanitize::sanitize(&c.label));
            buf.set_stringn(list.x + 1, list.y, text, width, t.dim);
            return;
        }

        // The screen lines, as `CompareState::line_of` counts them.
        let mut items = Vec::with_capacity(c.lines());
        let mut flat = 0;
        for (gi, group) in c.groups.iter().enumerate() {
            if gi > 0 {
                items.push(Item::Blank);
            }
            items.push(Item::Header(group));
            for rank in 1..=group.rows.len() {
                items.push(Item::Row { group, rank, flat });
                flat += 1;
            }
        }
        let value_w = c
            .rows()
            .filter_map(|r| r.get(&app.docs))
            .map(|(_, m)| str_width(&value_text(m)) + str_width(&m.unit))
            .max()
            .unwrap_or(0);
        let longest =
            c.rows().filter_map(|r| r.get(&app.docs)).map(|(d, _)| str_width(&d.short_title()));
        let title_w = longest.max().unwrap_or(0).clamp(8, (width * 28 / 100).max(8));
        let label_w = if width >= 60 { (width * 22 / 100).min(32) } else { 0 };
        // " NN. title  value  bar  label"
        let bar_w = width.saturating_sub(5 + title_w + 2 + value_w + 2 + 2 + label_w).max(1);

        let on_screen = items.iter().skip(c.offset).take(list.height.into());
        for (y, item) in (list.y..).zip(on_screen) {
            match item {
                Item::Blank => {}
                Item::Header(g) => {
                    let text = strings::group_header(&g.unit, g.rows.len());
                    let style = t.heading[1].add_modifier(Modifier::BOLD);
                    buf.set_stringn(list.x + 1, y, fit(&text, width - 1), width - 1, style);
                }
                Item::Row { group, rank, flat } => {
                    let Some(r) = group.rows.get(rank - 1) else { continue };
                    let Some((doc, m)) = r.get(&app.docs) else { continue };
                    let fraction = if group.max > 0.0 { m.value / group.max } else { 0.0 };
                    let head = format!(" {rank:>2}. {}  ", fit(&doc.short_title(), title_w));
                    let value = format!("{}{}", value_text(m), m.unit);
                    let value = format!("{}  ", fit_right(&value, value_w));
                    let bars = format!("{}  ", fit(&bar(fraction, bar_w), bar_w));
                    let label = fit(&m.label, label_w);
                    let mut x = list.x;
                    for (text, style) in
                        [(head, t.base), (value, t.metric), (bars, t.metric), (label, t.dim)]
                    {
                        let room = list.right().saturating_sub(x);
                        let (nx, _) = buf.set_stringn(x, y, &text, room.into(), style);
                        x = nx;
                    }
                    if *flat == c.selected {
                        buf.set_style(Rect::new(list.x, y, list.width, 1), t.outline_selected);
                    }
                }
            }
        }
    }
}
