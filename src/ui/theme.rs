//! Colour themes: `themes/*.toml` resolved into ratatui styles. Pass `&Theme`, no globals.
//!
//! Two steps: the file is read into [`file::ThemeFile`] (unknown fields rejected, colours
//! checked, so errors carry the TOML line), then resolved over the theme it inherits.

pub mod file;

use std::path::Path;

use ratatui::style::{Color, Modifier, Style};

pub use file::ThemeError;

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

/// The bundled themes, embedded in the binary.
pub const BUILTIN: [(&str, &str); 4] = [
    ("default", include_str!("../../themes/default.toml")),
    ("light", include_str!("../../themes/light.toml")),
    ("high-contrast", include_str!("../../themes/high-contrast.toml")),
    ("mono", include_str!("../../themes/mono.toml")),
];

/// How deep `inherits` may chain (bundled themes only inherit `default` or `none`).
const MAX_DEPTH: usize = 4;

impl Theme {
    /// Every slot unstyled: the start of `inherits = "none"`.
    pub fn plain() -> Theme {
        let s = Style::default();
        Theme {
            base: s,
            border: s,
            border_focused: s,
            outline_doc: s,
            outline_heading: s,
            outline_selected: s,
            dim: s,
            heading: [s; 4],
            metric: s,
            hit: s,
            status: s,
            key: s,
            control: s,
            error: s,
            popup: s,
        }
    }

    /// The theme for `--theme NAME|PATH`; without one, `mono` when `no_color` (the `NO_COLOR`
    /// convention) and `default` otherwise. An explicit theme wins over `NO_COLOR`.
    pub fn load(spec: Option<&str>, no_color: bool) -> Result<Theme, ThemeError> {
        match spec {
            None if no_color => Theme::builtin("mono"),
            None => Theme::builtin("default"),
            Some(s) if BUILTIN.iter().any(|(n, _)| *n == s) => Theme::builtin(s),
            Some(s) if s.contains(['/', '\\']) || s.ends_with(".toml") || Path::new(s).exists() => {
                let text = std::fs::read_to_string(s)
                    .map_err(|e| ThemeError::Read { path: s.to_string(), reason: e.to_string() })?;
                Theme::from_toml(&text, s)
            }
            Some(s) => Err(ThemeError::Unknown(s.to_string())),
        }
    }

    /// [`Theme::load`] with `NO_COLOR` read from the environment (set and not empty).
    pub fn from_env(spec: Option<&str>) -> Result<Theme, ThemeError> {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::load(spec, no_color)
    }

    /// A bundled theme by name.
    pub fn builtin(name: &str) -> Result<Theme, ThemeError> {
        Theme::builtin_at(name, 0)
    }

    fn builtin_at(name: &str, depth: usize) -> Result<Theme, ThemeError> {
        if name == "none" {
            return Ok(Theme::plain());
        }
        let (_, text) = BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .ok_or_else(|| ThemeError::Unknown(name.to_string()))?;
        Theme::resolve(text, &format!("themes/{name}.toml"), depth)
    }

    /// A theme from TOML text; `origin` names it in errors (a path, usually).
    pub fn from_toml(text: &str, origin: &str) -> Result<Theme, ThemeError> {
        Theme::resolve(text, origin, 0)
    }

    fn resolve(text: &str, origin: &str, depth: usize) -> Result<Theme, ThemeError> {
        let f = file::ThemeFile::parse(text, origin)?;
        let parent = f.inherits.as_deref().unwrap_or("default");
        if depth >= MAX_DEPTH {
            return Err(ThemeError::Inherits { path: origin.into(), name: parent.into() });
        }
        let mut theme = Theme::builtin_at(parent, depth + 1).map_err(|e| match e {
            ThemeError::Unknown(name) => ThemeError::Inherits { path: origin.into(), name },
            other => other,
        })?;
        f.apply(&mut theme);
        Ok(theme)
    }
}

#[cfg(test)]
mod tests;
