//! The status line: document title, the heading path of the reading position, position in %,
//! loading progress, notes, and the key hints that matter now.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::strings;
use super::theme::Theme;
use crate::app::reader::heading_path;
use crate::app::{App, Focus, Note};
use crate::text::sanitize::{str_width, truncate};

/// The status line.
pub struct StatusView<'a> {
    /// The state drawn.
    pub app: &'a App,
    /// The styles.
    pub theme: &'a Theme,
}

/// Longest shown part of one heading in the path.
const PATH_PART: usize = 24;
/// Below this width the status line has no room for the help hint.
const HELP_HINT_MIN_WIDTH: usize = 40;
/// Longest shown document title.
const TITLE_MAX: usize = 30;

impl Widget for StatusView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let (app, theme) = (self.app, self.theme);
        buf.set_style(area, theme.status);
        let width = usize::from(area.width);

        // Right side first: it is short and must stay visible.
        let mut right: Vec<Span> = Vec::new();
        let note = match app.note {
            Some(Note::NoSearch) => Some(strings::NO_SEARCH.to_string()),
            Some(Note::Hit(i, n)) => Some(strings::hit_of(i, n)),
            Some(Note::NoMore) => Some(strings::NO_MORE.to_string()),
            Some(Note::BookmarkSet(line)) => Some(strings::bookmark_set(line)),
            Some(Note::BookmarkRemoved(line)) => Some(strings::bookmark_removed(line)),
            Some(Note::NoBookmarks) => Some(strings::NO_BOOKMARKS.to_string()),
            Some(Note::DocRemoved) => Some(strings::DOC_REMOVED.to_string()),
            Some(Note::NoMetric) => Some(strings::NO_METRIC.to_string()),
            None => None,
        };
        if let Some(n) = &note {
            right.push(Span::styled(format!(" {n} "), theme.status.add_modifier(Modifier::BOLD)));
        }
        if let Some(p) = app.progress {
            right.push(Span::styled(
                format!(" {} ", strings::loading(p.done, p.total)),
                theme.status,
            ));
        }
        if !app.messages.is_empty() && !app.messages_open {
            let n = strings::message_count(app.messages.len());
            right.push(Span::styled(format!(" {n} "), theme.status.patch(theme.error)));
        }
        // The way to every other key stays visible whenever there is room.
        if note.is_none() && width >= HELP_HINT_MIN_WIDTH {
            right.push(Span::styled(
                format!(" {}", strings::HELP_HINT.0),
                theme.status.patch(theme.key),
            ));
            right.push(Span::styled(format!(" {}", strings::HELP_HINT.1), theme.status));
        }
        if app.current_doc().is_some() && !app.focus.takes_text() {
            right.push(Span::styled(format!(" {:>3}% ", app.reader.percent()), theme.status));
        }
        let mut right_width: usize = right.iter().map(|s| str_width(&s.content)).sum();

        // Left side: title and heading path in what is left.
        let room = width.saturating_sub(right_width);
        let mut left: Vec<Span> = Vec::new();
        let selected = match app.focus {
            Focus::Metrics => app.metrics.selected(),
            Focus::Compare => app.compare.selected(),
            _ => None,
        };
        if app.focus.takes_text() {
            // Where the selected metric is: the document and the line.
            if let Some((doc, m)) = selected.and_then(|r| r.get(&app.docs)) {
                let title = truncate(&doc.short_title(), TITLE_MAX.min(room / 2));
                let place =
                    truncate(&strings::metric_place(&title, m.line), room.saturating_sub(2));
                left.push(Span::styled(
                    format!(" {place} "),
                    theme.status.add_modifier(Modifier::BOLD),
                ));
            }
        } else if let Some(doc) = app.current_doc() {
            let title = truncate(&doc.short_title(), TITLE_MAX.min(room / 2));
            left.push(Span::styled(
                format!(" {title} "),
                theme.status.add_modifier(Modifier::BOLD),
            ));
            if let Some(h) = app.reader.heading(&app.docs) {
                let parts: Vec<String> = heading_path(&doc.headings, h)
                    .iter()
                    .map(|h| truncate(&format!("{}{}", h.marker, h.title), PATH_PART))
                    .collect();
                let used = str_width(&left[0].content);
                let path = truncate(&parts.join(" › "), room.saturating_sub(used + 3));
                left.push(Span::styled(format!("│ {path} "), theme.status));
            }
        }
        let left_width: usize = left.iter().map(|s| str_width(&s.content)).sum();

        // Key hints in whatever room is left, as many as fit, unless a note is showing.
        if note.is_none() {
            let hints = match app.focus {
                Focus::Reader => strings::HINTS_READER,
                Focus::Outline => strings::HINTS_OUTLINE,
                Focus::Metrics => strings::HINTS_METRICS,
                Focus::Compare => strings::HINTS_COMPARE,
            };
            // The finder shows its own keys.
            let hints = if app.finder.open { &[][..] } else { hints };
            let mut spare = width.saturating_sub(left_width + right_width + 1);
            let mut h = Vec::new();
            for (k, what) in hints {
                let w = str_width(k) + str_width(what) + 2;
                if w > spare {
                    break;
                }
                spare -= w;
                h.push(Span::styled(format!(" {k}"), theme.status.patch(theme.key)));
                h.push(Span::styled(format!(" {what}"), theme.status));
                right_width += w;
            }
            h.append(&mut right);
            right = h;
        }

        let left_line = Line::from(left);
        buf.set_line(area.x, area.y, &left_line, area.width);
        let right_line = Line::from(right);
        let rw = u16::try_from(right_width).unwrap_or(u16::MAX).min(area.width);
        buf.set_line(area.right() - rw, area.y, &right_line, rw);
    }
}
