//! Theme loading: every bundled theme resolves, partial user themes inherit, mistakes are
//! errors with the path and line.

use super::*;

#[test]
fn every_bundled_theme_resolves() {
    for (name, _) in BUILTIN {
        let t = Theme::builtin(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_ne!(t.status, Style::default(), "{name}: the status line must stand out");
        assert_ne!(t.outline_selected, Style::default(), "{name}: the selection must show");
    }
}

#[test]
fn the_default_file_is_the_default_theme() {
    assert_eq!(Theme::builtin("default").ok(), Some(Theme::default()));
}

fn colours(t: &Theme) -> Vec<Color> {
    let mut all = vec![
        t.base,
        t.border,
        t.border_focused,
        t.outline_doc,
        t.outline_heading,
        t.outline_selected,
        t.dim,
        t.metric,
        t.hit,
        t.status,
        t.key,
        t.control,
        t.error,
        t.popup,
    ];
    all.extend(t.heading);
    all.iter().flat_map(|s| [s.fg, s.bg]).flatten().collect()
}

#[test]
fn default_uses_only_the_16_ansi_colours_and_mono_none() {
    let default = Theme::builtin("default").ok().map(|t| colours(&t)).unwrap_or_default();
    assert!(!default.is_empty());
    for c in default {
        assert!(
            !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
            "{c:?} needs more than 16 colours"
        );
    }
    let mono = Theme::builtin("mono").ok().map(|t| colours(&t));
    assert_eq!(mono, Some(vec![]));
}

#[test]
fn no_color_picks_mono_unless_a_theme_is_named() {
    assert_eq!(Theme::load(None, true).ok(), Theme::builtin("mono").ok());
    assert_eq!(Theme::load(None, false).ok(), Some(Theme::default()));
    assert_eq!(Theme::load(Some("light"), true).ok(), Theme::builtin("light").ok());
}

#[test]
fn a_partial_user_theme_inherits_the_default() {
    let t = Theme::from_toml("metric = { fg = \"#ff8800\", bold = true }\n", "mine.toml");
    let t = t.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.metric, Style::default().fg(Color::Rgb(255, 136, 0)).add_modifier(Modifier::BOLD));
    assert_eq!(t.status, Theme::default().status);
    let light = Theme::from_toml("inherits = \"light\"\n", "x.toml").ok();
    assert_eq!(light, Theme::builtin("light").ok());
}

#[test]
fn mistakes_are_errors_with_path_and_line() {
    let bad_colour = Theme::from_toml("# c\nbase = {}\nmetric = { fg = \"purplish\" }\n", "t.toml");
    let msg = bad_colour.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("t.toml") && msg.contains("line 3") && msg.contains("purplish"), "{msg}");

    let unknown_slot = Theme::from_toml("\nheadline = {}\n", "t.toml");
    let msg = unknown_slot.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("line 2") && msg.contains("headline"), "{msg}");

    let syntax = Theme::from_toml("base = {", "t.toml");
    assert!(matches!(syntax, Err(ThemeError::Parse { .. })));

    let inherits = Theme::from_toml("inherits = \"solarized\"", "t.toml");
    assert!(matches!(inherits, Err(ThemeError::Inherits { .. })));
}

#[test]
fn named_files_are_read_and_unknown_names_refused() {
    let dir = tempfile::tempdir().ok();
    let dir = dir.as_ref().map(|d| d.path().to_path_buf()).unwrap_or_default();
    let path = dir.join("broken.toml");
    std::fs::write(&path, "status = { fg = 12 }\n").ok();
    let err = Theme::load(path.to_str(), false).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("broken.toml") && err.contains("line 1"), "{err}");
    assert!(matches!(Theme::load(Some("nosuch"), false), Err(ThemeError::Unknown(_))));
    let missing = dir.join("missing.toml");
    assert!(matches!(Theme::load(missing.to_str(), false), Err(ThemeError::Read { .. })));
}
