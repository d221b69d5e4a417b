//! The theme file format: a serde struct with unknown fields rejected and colours checked
//! while parsing, so that every mistake is reported with its TOML line and column.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Deserializer};

use super::Theme;

/// Why a theme could not be used. Shown to the user; never a silent fallback.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ThemeError {
    /// The theme file could not be read.
    #[error("theme {path}: {reason}")]
    Read {
        /// The path given.
        path: String,
        /// Why.
        reason: String,
    },
    /// The theme file is not valid (the message has the line and column).
    #[error("theme {path}: {message}")]
    Parse {
        /// The path given.
        path: String,
        /// The TOML parser's message, with line and column.
        message: String,
    },
    /// `inherits` names no bundled theme.
    #[error("theme {path}: inherits unknown theme '{name}' (bundled: default, light, high-contrast, mono; or none)")]
    Inherits {
        /// The path given.
        path: String,
        /// The name inherited.
        name: String,
    },
    /// `--theme NAME` names no bundled theme and no file.
    #[error("unknown theme '{0}' (bundled: default, light, high-contrast, mono; or a path to a .toml file)")]
    Unknown(String),
}

/// A colour as written in a theme file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColorSpec(pub Color);

impl<'de> Deserialize<'de> for ColorSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Color::from_str(&s).map(ColorSpec).map_err(|_| {
            serde::de::Error::custom(format!(
                "unknown colour '{s}' (use a name like \"yellow\" or \"light-blue\", \"#rrggbb\", 0-255, or \"reset\")"
            ))
        })
    }
}

/// One style slot as written in a theme file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    /// Foreground colour.
    pub fg: Option<ColorSpec>,
    /// Background colour.
    pub bg: Option<ColorSpec>,
    /// Bold.
    #[serde(default)]
    pub bold: bool,
    /// Dim.
    #[serde(default)]
    pub dim: bool,
    /// Italic.
    #[serde(default)]
    pub italic: bool,
    /// Underlined.
    #[serde(default)]
    pub underline: bool,
    /// Reverse video.
    #[serde(default)]
    pub reversed: bool,
}

impl StyleSpec {
    /// The ratatui style.
    pub fn style(&self) -> Style {
        let mut s = Style::default();
        if let Some(ColorSpec(c)) = self.fg {
            s = s.fg(c);
        }
        if let Some(ColorSpec(c)) = self.bg {
            s = s.bg(c);
        }
        let flags = [
            (self.bold, Modifier::BOLD),
            (self.dim, Modifier::DIM),
            (self.italic, Modifier::ITALIC),
            (self.underline, Modifier::UNDERLINED),
            (self.reversed, Modifier::REVERSED),
        ];
        for (on, m) in flags {
            if on {
                s = s.add_modifier(m);
            }
        }
        s
    }
}

/// A theme file: every slot optional (left out: inherited).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeFile {
    /// The theme this one starts from: a bundled name or `none` (absent: `default`).
    pub inherits: Option<String>,
    /// Slot.
    pub base: Option<StyleSpec>,
    /// Slot.
    pub border: Option<StyleSpec>,
    /// Slot.
    pub border_focused: Option<StyleSpec>,
    /// Slot.
    pub outline_doc: Option<StyleSpec>,
    /// Slot.
    pub outline_heading: Option<StyleSpec>,
    /// Slot.
    pub outline_selected: Option<StyleSpec>,
    /// Slot.
    pub dim: Option<StyleSpec>,
    /// Slot: level-1 headings.
    pub heading1: Option<StyleSpec>,
    /// Slot: level-2 headings.
    pub heading2: Option<StyleSpec>,
    /// Slot: level-3 headings.
    pub heading3: Option<StyleSpec>,
    /// Slot: level-4 and deeper headings.
    pub heading4: Option<StyleSpec>,
    /// Slot.
    pub metric: Option<StyleSpec>,
    /// Slot.
    pub hit: Option<StyleSpec>,
    /// Slot.
    pub status: Option<StyleSpec>,
    /// Slot.
    pub key: Option<StyleSpec>,
    /// Slot.
    pub control: Option<StyleSpec>,
    /// Slot.
    pub error: Option<StyleSpec>,
    /// Slot.
    pub popup: Option<StyleSpec>,
}

impl ThemeFile {
    /// Parses theme TOML; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<ThemeFile, ThemeError> {
        toml::from_str(text).map_err(|e: toml::de::Error| ThemeError::Parse {
            path: origin.to_string(),
            message: e.to_string().trim_end().to_string(),
        })
    }

    /// Overrides the slots this file sets.
    pub fn apply(&self, t: &mut Theme) {
        let [h1, h2, h3, h4] = &mut t.heading;
        let slots: [(&Option<StyleSpec>, &mut Style); 18] = [
            (&self.base, &mut t.base),
            (&self.border, &mut t.border),
            (&self.border_focused, &mut t.border_focused),
            (&self.outline_doc, &mut t.outline_doc),
            (&self.outline_heading, &mut t.outline_heading),
            (&self.outline_selected, &mut t.outline_selected),
            (&self.dim, &mut t.dim),
            (&self.heading1, h1),
            (&self.heading2, h2),
            (&self.heading3, h3),
            (&self.heading4, h4),
            (&self.metric, &mut t.metric),
            (&self.hit, &mut t.hit),
            (&self.status, &mut t.status),
            (&self.key, &mut t.key),
            (&self.control, &mut t.control),
            (&self.error, &mut t.error),
            (&self.popup, &mut t.popup),
        ];
        for (spec, slot) in slots {
            if let Some(spec) = spec {
                *slot = spec.style();
            }
        }
    }
}
