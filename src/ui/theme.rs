//! Colour themes: `themes/*.toml` resolved into ratatui styles. Pass `&Theme`, no globals.

use ratatui::style::{Color, Modifier, Style};

/// Every style the reader draws with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Background and default text.
    pub base: Style,
    /// Pane borders.
    pub border: Style,
    /// The border of the focused pane.
    pub border_focused: Style,
    /// A document root in the outline tree.
    pub outline_doc: Style,
    /// A heading in the outline tree.
    pub outline_heading: Style,
    /// The selected outline row.
    pub outline_selected: Style,
    /// Secondary text (counts, years, hints).
    pub dim: Style,
    /// Reader headings by level (index 0 = level 1; deeper levels use the last).
    pub heading: [Style; 4],
    /// Metrics in the reading text (`4070件`).
    pub metric: Style,
    /// Search hits in the reading text and the finder.
    pub hit: Style,
    /// The status line.
    pub status: Style,
    /// Key names in the status line and help.
    pub key: Style,
    /// Placeholders shown for control characters from documents.
    pub control: Style,
    /// Error messages.
    pub error: Style,
    /// Popups (help, finder, messages).
    pub popup: Style,
}

impl Default for Theme {
    fn default() -> Self {
        let bold = Modifier::BOLD;
        Theme {
            base: Style::default(),
            border: Style::default().fg(Color::DarkGray),
            border_focused: Style::default().fg(Color::Cyan),
            outline_doc: Style::default().fg(Color::Yellow).add_modifier(bold),
            outline_heading: Style::default(),
            outline_selected: Style::default().add_modifier(Modifier::REVERSED),
            dim: Style::default().fg(Color::DarkGray),
            heading: [
                Style::default().fg(Color::Yellow).add_modifier(bold),
                Style::default().fg(Color::Cyan).add_modifier(bold),
                Style::default().fg(Color::Green),
                Style::default().fg(Color::Magenta),
            ],
            metric: Style::default().fg(Color::Cyan),
            hit: Style::default().fg(Color::Black).bg(Color::Yellow),
            status: Style::default().fg(Color::White).bg(Color::Blue),
            key: Style::default().fg(Color::Yellow).add_modifier(bold),
            control: Style::default().fg(Color::Red),
            error: Style::default().fg(Color::Red).add_modifier(bold),
            popup: Style::default(),
        }
    }
}
