//! What the user asks of the reader ([`Action`], produced by the keymap in `ui`) and the
//! transient notes the status line shows in reply ([`Note`]).

/// What the user asked for, in the reader's terms (the keymap in `ui` produces these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Switch focus between the outline and the reader.
    SwitchFocus,
    /// Show or hide the key help.
    ToggleHelp,
    /// Close the help or the message list; else go back from a view (compare → table →
    /// reader); in the reader, clear the highlight.
    Close,
    /// One row (reader) or one item (outline) down.
    Down,
    /// One row or item up.
    Up,
    /// Half a screen down.
    HalfPageDown,
    /// Half a screen up.
    HalfPageUp,
    /// A screen down.
    PageDown,
    /// A screen up.
    PageUp,
    /// To the top.
    Top,
    /// To the bottom.
    Bottom,
    /// The reader to the next heading.
    NextHeading,
    /// The reader to the previous heading.
    PrevHeading,
    /// The reader to the next document, where it was left.
    NextDoc,
    /// The reader to the previous document, where it was left.
    PrevDoc,
    /// Cleaned text ↔ original file.
    ToggleRaw,
    /// Outline: close the node, or go to its parent.
    Collapse,
    /// Outline: open the node, or go to its first child.
    Expand,
    /// Outline: open or close the node.
    ToggleNode,
    /// Show the selection in the reader: an outline node, or a metric (highlighted).
    Open,
    /// The table of all metrics.
    OpenMetrics,
    /// Compare the selected metric's kind across the documents (in the reader: the
    /// highlighted metric, else the first on screen).
    OpenCompare,
    /// Metrics table: sort by the next column.
    CycleSort,
    /// Metrics table: reverse the sort.
    ReverseSort,
    /// A typed character for the line being edited (filter, compare label).
    Input(char),
    /// Delete the last character of the line being edited.
    DeleteChar,
    /// Open the finder.
    OpenFinder,
    /// Set or remove a bookmark on the reading line.
    ToggleBookmark,
    /// Show the bookmark list.
    OpenBookmarks,
    /// Bookmark list: delete the selected bookmark.
    DeleteBookmark,
    /// The reader to the next hit of the last search.
    NextHit,
    /// The reader to the previous hit of the last search.
    PrevHit,
    /// Finder: recall the previous (older) query.
    HistoryBack,
    /// Finder: recall the next (newer) query.
    HistoryForward,
    /// Show the message list again.
    ShowMessages,
    /// The terminal has this many columns and rows.
    Resize(u16, u16),
    /// The mouse wheel at a cell; `true` scrolls down.
    Wheel(u16, u16, bool),
    /// A mouse click at a cell.
    Click(u16, u16),
}

/// A transient note in the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    /// `n`/`N` before any search was opened.
    NoSearch,
    /// Hit `.0` of `.1` of the last search is shown.
    Hit(usize, usize),
    /// No further heading or document in that direction.
    NoMore,
    /// A bookmark was set on this line.
    BookmarkSet(usize),
    /// The bookmark on this line was removed.
    BookmarkRemoved(usize),
    /// `'` with no bookmarks in the loaded documents.
    NoBookmarks,
    /// The document being read was removed from disk.
    DocRemoved,
    /// `c` in the reader with no metric on screen.
    NoMetric,
}
