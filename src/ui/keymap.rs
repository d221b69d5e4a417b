//! The key table: every binding with its context and help text. The event loop looks keys up
//! here and the help overlay is generated from it, so the two cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Action, Focus};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Movement keys, for whichever pane has the focus.
    Move,
    /// Only with the reading pane focused.
    Reader,
    /// Only with the outline focused.
    Outline,
    /// Reader commands that work from either pane.
    Document,
    /// Anywhere.
    Global,
    /// Bookmarks, from either pane (`b`, `'`).
    Places,
    /// In the bookmark list (movement keys work there too).
    Marks,
    /// In the finder (other keys edit the query line).
    Finder,
    /// The metrics views' doors, from either pane (`m`, `c`).
    Numbers,
    /// The metrics table.
    Metrics,
    /// The metrics table and the compare view.
    Views,
}

/// One key: a code and the modifiers that must be held (Shift is ignored for characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Whether Ctrl is held.
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: false }
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: true }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The keys, the first one shown first in the help.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// The help text.
    pub help: &'static str,
}

const fn b(context: Context, keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding { context, keys, action, help }
}

use Context::{
    Document, Finder, Global, Marks, Metrics, Move, Numbers, Outline, Places, Reader, Views,
};
use KeyCode::{
    BackTab, Backspace, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

/// The key table, in help order.
pub const KEYMAP: &[Binding] = &[
    b(Move, &[k('j'), code(Down)], Action::Down, "down a line / item"),
    b(Move, &[k('k'), code(Up)], Action::Up, "up a line / item"),
    b(Move, &[ctrl('d')], Action::HalfPageDown, "down half a screen"),
    b(Move, &[ctrl('u')], Action::HalfPageUp, "up half a screen"),
    b(Move, &[code(PageDown)], Action::PageDown, "down a screen"),
    b(Move, &[code(PageUp)], Action::PageUp, "up a screen"),
    b(Move, &[k('g'), code(Home)], Action::Top, "to the top"),
    b(Move, &[k('G'), code(End)], Action::Bottom, "to the bottom"),
    b(Reader, &[k(' ')], Action::PageDown, "down a screen"),
    b(Document, &[k(']')], Action::NextHeading, "next heading"),
    b(Document, &[k('[')], Action::PrevHeading, "previous heading"),
    b(Document, &[k('}')], Action::NextDoc, "next document"),
    b(Document, &[k('{')], Action::PrevDoc, "previous document"),
    b(Document, &[k('r')], Action::ToggleRaw, "clean text ↔ original"),
    b(Document, &[k('n')], Action::NextHit, "next search hit"),
    b(Document, &[k('N')], Action::PrevHit, "previous search hit"),
    b(Numbers, &[k('m')], Action::OpenMetrics, "table of all metrics"),
    b(Numbers, &[k('c')], Action::OpenCompare, "compare a metric"),
    b(Places, &[k('b')], Action::ToggleBookmark, "bookmark line / unmark"),
    b(Places, &[k('\'')], Action::OpenBookmarks, "list bookmarks, jump"),
    b(Outline, &[code(Enter)], Action::Open, "show in the reader"),
    b(Outline, &[k('l'), code(Right)], Action::Expand, "expand / first child"),
    b(Outline, &[k('h'), code(Left)], Action::Collapse, "collapse / parent"),
    b(Outline, &[k(' ')], Action::ToggleNode, "expand or collapse"),
    b(Metrics, &[k('s')], Action::CycleSort, "sort by the next column"),
    b(Metrics, &[k('S')], Action::ReverseSort, "reverse the sort"),
    b(Metrics, &[k('c')], Action::OpenCompare, "compare this kind"),
    b(Views, &[code(Enter)], Action::Open, "show it in the reader"),
    b(Views, &[code(Backspace)], Action::DeleteChar, "delete a typed character"),
    b(Global, &[code(Tab)], Action::SwitchFocus, "outline ↔ reader"),
    b(Global, &[k('/'), ctrl('p')], Action::OpenFinder, "find (pinyin too)"),
    b(Global, &[k('!')], Action::ShowMessages, "show messages"),
    b(Global, &[code(Esc)], Action::Close, "close / go back"),
    b(Global, &[k('?')], Action::ToggleHelp, "this help"),
    b(Global, &[k('q'), ctrl('c')], Action::Quit, "quit"),
    b(Finder, &[code(Enter)], Action::Open, "show the hit in the reader"),
    b(Finder, &[code(Esc)], Action::Close, "close, back to where you were"),
    b(Finder, &[ctrl('n'), code(Tab)], Action::Down, "next result"),
    b(Finder, &[ctrl('p'), code(BackTab)], Action::Up, "previous result"),
    b(Finder, &[code(PageDown)], Action::PageDown, "results: a screen down"),
    b(Finder, &[code(PageUp)], Action::PageUp, "results: a screen up"),
    b(Finder, &[code(Up)], Action::HistoryBack, "recall an older query"),
    b(Finder, &[code(Down)], Action::HistoryForward, "recall a newer query"),
    b(Marks, &[code(Enter)], Action::Open, "bookmarks: jump to it"),
    b(Marks, &[k('d')], Action::DeleteBookmark, "bookmarks: delete it"),
];

/// The bookmark list's action for `event`: its own keys, then the movement keys, `Esc`,
/// `'` (closes) and the quit keys.
pub fn lookup_marks(event: &KeyEvent) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    if event.modifiers.intersects(KeyModifiers::ALT | KeyModifiers::SUPER) {
        return None;
    }
    let hit = |b: &&Binding| b.keys.iter().any(|key| key.code == event.code && key.ctrl == ctrl);
    let usable = |b: &&Binding| {
        matches!(b.context, Marks | Move)
            || matches!(b.action, Action::Close | Action::Quit | Action::OpenBookmarks)
    };
    KEYMAP.iter().filter(usable).find(hit).map(|b| b.action)
}

/// The finder's own action for `event`; `None` means the key edits the query line (Emacs
/// keys: Ctrl-a/e/b/f/d/h/k/u/w, Alt-b/f, Ctrl-y, …; tui-textarea's own Ctrl-j deletes to
/// the start as Ctrl-u does in readline, and the loop makes Ctrl-u do that too).
pub fn lookup_finder(event: &KeyEvent) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    if event.modifiers.intersects(KeyModifiers::ALT | KeyModifiers::SUPER) {
        return None;
    }
    // Ctrl-c quits from the finder too.
    if ctrl && event.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    let hit = |b: &&Binding| b.keys.iter().any(|key| key.code == event.code && key.ctrl == ctrl);
    KEYMAP.iter().filter(|b| b.context == Finder).find(hit).map(|b| b.action)
}

/// Whether `binding` applies with `focus`.
pub fn applies(binding: &Binding, focus: Focus) -> bool {
    match binding.context {
        Move => true,
        // `!` is part of the query language (`!exclude`): typed in the views, not a key.
        Global => !(focus.takes_text() && binding.action == Action::ShowMessages),
        Document | Numbers | Places => matches!(focus, Focus::Reader | Focus::Outline),
        Finder | Marks => false,
        Reader => focus == Focus::Reader,
        Outline => focus == Focus::Outline,
        Metrics => focus == Focus::Metrics,
        Views => focus.takes_text(),
    }
}

/// The action bound to `event` with `focus`, if any. In the views that take text, a character
/// bound to nothing there is typed ([`Action::Input`]).
pub fn lookup(event: &KeyEvent, focus: Focus) -> Option<Action> {
    let found = lookup_bound(event, focus);
    match event.code {
        KeyCode::Char(c)
            if found.is_none()
                && focus.takes_text()
                && !event.modifiers.intersects(
                    KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER,
                ) =>
        {
            Some(Action::Input(c))
        }
        _ => found,
    }
}

/// The bound action for `event` with `focus`.
fn lookup_bound(event: &KeyEvent, focus: Focus) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    if event.modifiers.intersects(KeyModifiers::ALT | KeyModifiers::SUPER) {
        return None;
    }
    // BackTab and Shift-Tab switch focus too.
    let code = if event.code == KeyCode::BackTab { KeyCode::Tab } else { event.code };
    let hit = |b: &&Binding| b.keys.iter().any(|key| key.code == code && key.ctrl == ctrl);
    KEYMAP.iter().filter(|b| applies(b, focus)).find(hit).map(|b| b.action)
}

/// The name of a key as the help and the status line show it.
pub fn key_name(key: &Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        Down => "↓".into(),
        Up => "↑".into(),
        Left => "←".into(),
        Right => "→".into(),
        PageDown => "PgDn".into(),
        PageUp => "PgUp".into(),
        Home => "Home".into(),
        End => "End".into(),
        Enter => "Enter".into(),
        Backspace => "Bksp".into(),
        Tab => "Tab".into(),
        BackTab => "S-Tab".into(),
        Esc => "Esc".into(),
        other => format!("{other:?}"),
    };
    if key.ctrl {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// The keys of a binding joined for display (`j ↓`).
pub fn keys_label(binding: &Binding) -> String {
    binding.keys.iter().map(key_name).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn the_issue_keys_are_bound() {
        let none = KeyModifiers::NONE;
        let r = Focus::Reader;
        assert_eq!(lookup(&key(KeyCode::Char('j'), none), r), Some(Action::Down));
        assert_eq!(
            lookup(&key(KeyCode::Char('d'), KeyModifiers::CONTROL), r),
            Some(Action::HalfPageDown)
        );
        assert_eq!(lookup(&key(KeyCode::Char(' '), none), r), Some(Action::PageDown));
        assert_eq!(
            lookup(&key(KeyCode::Char(' '), none), Focus::Outline),
            Some(Action::ToggleNode)
        );
        assert_eq!(lookup(&key(KeyCode::Char('G'), KeyModifiers::SHIFT), r), Some(Action::Bottom));
        assert_eq!(lookup(&key(KeyCode::Char('}'), KeyModifiers::SHIFT), r), Some(Action::NextDoc));
        assert_eq!(lookup(&key(KeyCode::Char('c'), KeyModifiers::CONTROL), r), Some(Action::Quit));
        assert_eq!(lookup(&key(KeyCode::Enter, none), Focus::Outline), Some(Action::Open));
        assert_eq!(lookup(&key(KeyCode::Char('h'), none), r), None, "h folds only in the outline");
        assert_eq!(lookup(&key(KeyCode::Char('/'), none), r), Some(Action::OpenFinder));
        assert_eq!(lookup(&key(KeyCode::Char('j'), KeyModifiers::ALT), r), None);
    }

    #[test]
    fn the_finder_has_its_own_keys_and_leaves_the_rest_to_the_query_line() {
        let none = KeyModifiers::NONE;
        let c = KeyModifiers::CONTROL;
        assert_eq!(lookup_finder(&key(KeyCode::Enter, none)), Some(Action::Open));
        assert_eq!(lookup_finder(&key(KeyCode::Esc, none)), Some(Action::Close));
        assert_eq!(lookup_finder(&key(KeyCode::Up, none)), Some(Action::HistoryBack));
        assert_eq!(lookup_finder(&key(KeyCode::Char('n'), c)), Some(Action::Down));
        assert_eq!(lookup_finder(&key(KeyCode::Char('p'), c)), Some(Action::Up));
        assert_eq!(lookup_finder(&key(KeyCode::Tab, none)), Some(Action::Down));
        for typed in ['j', 'q', 'n', '/', '行'] {
            assert_eq!(lookup_finder(&key(KeyCode::Char(typed), none)), None, "{typed} is typed");
        }
        for emacs in ['a', 'e', 'k', 'u', 'w', 'b', 'f'] {
            assert_eq!(lookup_finder(&key(KeyCode::Char(emacs), c)), None, "Ctrl-{emacs} edits");
        }
        let r = Focus::Reader;
        assert_eq!(lookup(&key(KeyCode::Char('n'), none), r), Some(Action::NextHit));
        assert_eq!(lookup(&key(KeyCode::Char('N'), KeyModifiers::SHIFT), r), Some(Action::PrevHit));
    }

    #[test]
    fn the_metrics_views_take_typed_text_and_their_own_keys() {
        let none = KeyModifiers::NONE;
        let m = Focus::Metrics;
        let press = |c: char, f: Focus| lookup(&key(KeyCode::Char(c), none), f);
        assert_eq!(press('m', Focus::Reader), Some(Action::OpenMetrics));
        assert_eq!(press('m', Focus::Outline), Some(Action::OpenMetrics));
        assert_eq!(press('复', m), Some(Action::Input('复')));
        assert_eq!(press('>', m), Some(Action::Input('>')));
        assert_eq!(press('5', m), Some(Action::Input('5')));
        assert_eq!(press('m', m), Some(Action::Input('m')), "m types in the filter");
        assert_eq!(press('!', m), Some(Action::Input('!')), "!exclude can be typed");
        assert_eq!(press('!', Focus::Reader), Some(Action::ShowMessages));
        assert_eq!(press('r', m), Some(Action::Input('r')), "reader keys do not apply");
        assert_eq!(press('s', m), Some(Action::CycleSort));
        assert_eq!(press('c', m), Some(Action::OpenCompare));
        assert_eq!(press('s', Focus::Compare), Some(Action::Input('s')));
        assert_eq!(press('j', m), Some(Action::Down));
        assert_eq!(lookup(&key(KeyCode::Enter, none), m), Some(Action::Open));
        assert_eq!(lookup(&key(KeyCode::Backspace, none), m), Some(Action::DeleteChar));
        assert_eq!(lookup(&key(KeyCode::Esc, none), Focus::Compare), Some(Action::Close));
        assert_eq!(lookup(&key(KeyCode::Char('s'), none), Focus::Reader), None);
        let ctrl_x = key(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&ctrl_x, m), None, "control keys are not typed");
    }

    #[test]
    fn bookmark_keys_work_from_both_panes_and_in_the_list() {
        let none = KeyModifiers::NONE;
        for focus in [Focus::Reader, Focus::Outline] {
            let b = lookup(&key(KeyCode::Char('b'), none), focus);
            assert_eq!(b, Some(Action::ToggleBookmark));
            let q = lookup(&key(KeyCode::Char('\''), none), focus);
            assert_eq!(q, Some(Action::OpenBookmarks));
        }
        assert_eq!(lookup_marks(&key(KeyCode::Enter, none)), Some(Action::Open));
        assert_eq!(lookup_marks(&key(KeyCode::Char('j'), none)), Some(Action::Down));
        assert_eq!(lookup_marks(&key(KeyCode::Char('d'), none)), Some(Action::DeleteBookmark));
        assert_eq!(lookup_marks(&key(KeyCode::Esc, none)), Some(Action::Close));
        assert_eq!(lookup_marks(&key(KeyCode::Char(']'), none)), None, "no reader keys");
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in &KEYMAP[i + 1..] {
                // The finder's keys are looked up apart from the others.
                let apart = (a.context == Finder) != (b.context == Finder);
                let overlap = !apart && Focus::ALL.iter().any(|&f| applies(a, f) && applies(b, f));
                if overlap {
                    for key in a.keys {
                        assert!(!b.keys.contains(key), "{} is bound twice", key_name(key));
                    }
                }
            }
        }
    }
}
