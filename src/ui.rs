//! Drawing: [`render`] draws the whole reader from `&App` and `&Theme`, one widget per pane.
//! No input or output here: the view borrows the state and never changes it.

pub mod bookmarks;
pub mod compare;
pub mod finder;
pub mod help;
pub mod keymap;
pub mod metrics;
pub mod outline;
pub mod reader;
pub mod status;
pub mod strings;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, BorderType, Borders, Widget};
use ratatui::Frame;

use crate::app::geometry::Area;
use crate::app::{App, Focus};
pub use theme::Theme;

/// Draws the reader into a frame.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    frame.render_widget(AppView { app, theme }, frame.area());
    // The real cursor at the finder's caret (an input method shows its candidates there);
    // hidden otherwise.
    let inside = |&(x, y): &(u16, u16)| x < frame.area().right() && y < frame.area().bottom();
    if let Some((x, y)) = finder::cursor(app).filter(inside).filter(|_| !app.help) {
        frame.set_cursor_position((x, y));
    }
}

/// The whole screen.
pub struct AppView<'a> {
    /// The state drawn.
    pub app: &'a App,
    /// The styles.
    pub theme: &'a Theme,
}

impl Widget for AppView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        buf.set_style(area, theme.base);
        let g = &app.geometry;
        // The geometry was computed for the last resize; never draw outside today's buffer.
        let fit = |a: Area| rect(a).intersection(area);
        match app.focus {
            Focus::Metrics => metrics::MetricsView { app, theme }.render(fit(g.view), buf),
            Focus::Compare => compare::CompareView { app, theme }.render(fit(g.view), buf),
            Focus::Reader | Focus::Outline => self.panes(area, buf),
        }
        status::StatusView { app, theme }.render(fit(g.status), buf);
        if app.finder.open {
            finder::FinderView { app, theme }.render(area, buf);
        }
        if app.messages_open && !app.messages.is_empty() {
            help::MessagesView { app, theme }.render(area, buf);
        }
        if app.marks.open {
            bookmarks::BookmarksView { app, theme }.render(area, buf);
        }
        if app.help {
            help::HelpView { theme, focus: app.focus }.render(area, buf);
        }
    }
}

impl AppView<'_> {
    /// The outline and the reading pane.
    fn panes(&self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let g = &app.geometry;
        let fit = |a: Area| rect(a).intersection(area);
        if !g.outline.is_empty() {
            let block = pane(theme, strings::OUTLINE_TITLE.into(), app.focus == Focus::Outline);
            block.render(fit(g.outline), buf);
            outline::OutlineView { app, theme }.render(fit(g.list), buf);
        }
        if !g.reader.is_empty() {
            let title = reader::title(app, g.reader.width.saturating_sub(4).into());
            let block = pane(theme, title, app.focus == Focus::Reader);
            block.render(fit(g.reader), buf);
            reader::ReaderView { app, theme }.render(fit(g.text), buf);
        }
    }
}

/// A pane's border with its title.
fn pane<'a>(theme: &Theme, title: String, focused: bool) -> Block<'a> {
    let style = if focused { theme.border_focused } else { theme.border };
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(style)
        .title(format!(" {title} "))
        .title_style(style)
}

/// The ratatui twin of an [`Area`].
pub fn rect(a: Area) -> Rect {
    Rect::new(a.x, a.y, a.width, a.height)
}
