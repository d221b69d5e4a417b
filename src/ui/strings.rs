//! Every user-facing string of the reader, in one place.

/// Why the reader does not start when its output is not a terminal.
pub const NOT_A_TERMINAL: &str = "the reader needs a terminal (stdout is a pipe or a file); \
     for text use `gongwen text PATH`, `gongwen outline` or `gongwen search`";
/// The outline pane's title.
pub const OUTLINE_TITLE: &str = "Outline";
/// Marks the reader's title when the original file is shown.
pub const RAW_TAG: &str = "[original]";
/// Shown in the reader while no document is loaded.
pub const NOTHING_YET: &str = "Loading…";
/// Shown in the reader when loading found nothing.
pub const NOTHING_LOADED: &str = "No document could be loaded (see the messages: !).";
/// The help overlay's title.
pub const HELP_TITLE: &str = "Keys (? or Esc to close)";
/// The help's mouse line.
pub const HELP_MOUSE: &str = "Mouse: wheel scrolls, click opens an outline row (--no-mouse: off)";
/// Help section titles, by keymap context.
pub const HELP_MOVE: &str = "Move (focused pane)";
/// Help section title.
pub const HELP_READER: &str = "Reader";
/// Help section title.
pub const HELP_OUTLINE: &str = "Outline";
/// Help section title.
pub const HELP_GLOBAL: &str = "Anywhere";
/// Help section title.
pub const HELP_NUMBERS: &str = "Metrics and bookmarks";
/// Help section title.
pub const HELP_METRICS: &str = "Metrics table and compare";
/// The help line for typing in the views (not a binding of its own).
pub const HELP_TYPING: (&str, &str) = ("type", "edit the filter / label");
/// The metrics table's title: rows shown of all, and the sort.
pub fn metrics_title(shown: usize, total: usize) -> String {
    format!("Metrics · {shown} of {total}")
}
/// The label of the filter line in the metrics table.
pub const FILTER_PROMPT: &str = "Filter: ";
/// Shown in the filter line while it is empty.
pub const FILTER_PLACEHOLDER: &str = "type words or >5 <=1亿 …";
/// The metrics table's column names.
pub const COLUMNS: [&str; 5] = ["Document", "Label", "Value", "Unit", "Heading"];
/// Shown when no metric passes the filter.
pub const NO_METRICS: &str = "No metric matches.";
/// The selected metric's place in the status line.
pub fn metric_place(short_title: &str, line: usize) -> String {
    format!("{short_title} · line {line}")
}
/// The compare view's title.
pub fn compare_title(groups: usize, rows: usize) -> String {
    let g = if groups == 1 { "unit" } else { "units" };
    format!("Compare · {rows} in {groups} {g}")
}
/// The label line of the compare view.
pub const COMPARE_PROMPT: &str = "Label: ";
/// The note after the compare label.
pub const COMPARE_NOTE: &str = "ranked, bars scaled per unit";
/// A unit group's header in the compare view.
pub fn group_header(unit: &str, n: usize) -> String {
    format!("{unit} · {n} metric{}", if n == 1 { "" } else { "s" })
}
/// Shown when no metric has the compared label.
pub fn no_compare(label: &str) -> String {
    format!("No metric labelled “{label}”.")
}
/// The message list's title.
pub const MESSAGES_TITLE: &str = "Messages (Esc to dismiss)";
/// The status note for `n`/`N` before any search.
pub const NO_SEARCH: &str = "no search yet: / to find";
/// The status note after `n`/`N`.
pub fn hit_of(i: usize, n: usize) -> String {
    format!("hit {i}/{n}")
}
/// The finder's title.
pub const FINDER_TITLE: &str = "Find";
/// The finder's prompt before the query.
pub const FINDER_PROMPT: &str = "› ";
/// The finder's key hints.
pub const FINDER_HINTS: &[(&str, &str)] = &[
    ("Enter", "open"),
    ("Esc", "back"),
    ("Ctrl-n/p Tab", "select"),
    ("↑/↓", "history"),
    ("Ctrl-a/e/k/u", "edit"),
];
/// Said on quitting while the search index is still being written to the cache.
pub const SAVING_INDEX: &str = "keeping the search index for the next start…";
/// Shown in the finder until the index is built.
pub const INDEXING: &str = "indexing… (type away: the search runs when it is ready)";
/// Shown in the finder while documents are still loading and none is indexed yet.
pub fn indexing_loading(done: usize, total: usize) -> String {
    format!("loading {done}/{total}… the search starts once the first documents are indexed")
}
/// The finder's note while only part of the documents is indexed.
pub fn partial_index(indexed: usize, docs: usize) -> String {
    format!("{} of {} documents so far", thousands(indexed), thousands(docs))
}
/// Shown in the finder before anything is typed.
pub const FINDER_EMPTY: &str = "type words, pinyin (xzfy) or a metric (metric:件 >1000)";
/// Shown in the finder when nothing matches.
pub const NO_HITS: &str = "no match";
/// The result count: matched (with + when more may match) / items searched.
pub fn hit_count(matched: usize, exhaustive: bool, items: usize) -> String {
    let plus = if exhaustive { "" } else { "+" };
    format!("{}{plus} / {}", thousands(matched), thousands(items))
}
/// `12480` as `12,480`.
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
/// The kind tag of a finder row.
pub fn kind_tag(kind: crate::search::Kind) -> &'static str {
    use crate::search::Kind;
    match kind {
        Kind::Doc => "doc ",
        Kind::Heading => "head",
        Kind::Text => "text",
        Kind::Metric => "num ",
    }
}
/// The status note when a jump has nowhere to go.
pub const NO_MORE: &str = "no more in that direction";
/// The status note when `c` finds no metric on screen.
pub const NO_METRIC: &str = "no metric on screen to compare";
/// Loading progress in the status line.
pub fn loading(done: usize, total: usize) -> String {
    if total == 0 {
        format!("loading {done}…")
    } else {
        format!("loading {done}/{total}")
    }
}
/// The message count in the status line when the list is closed.
pub fn message_count(n: usize) -> String {
    format!("{n} message{} (!)", if n == 1 { "" } else { "s" })
}
/// Year and heading count of a document root in the outline.
pub fn doc_suffix(year: Option<i32>, headings: usize) -> String {
    match year {
        Some(y) => format!("{y}·{headings}"),
        None => format!("{headings}"),
    }
}
/// Status hints with the reader focused.
pub const HINTS_READER: &[(&str, &str)] =
    &[("j/k", "scroll"), ("]/[", "heading"), ("}/{", "doc"), ("Tab", "outline")];
/// Status hints with the outline focused.
pub const HINTS_OUTLINE: &[(&str, &str)] =
    &[("Enter", "open"), ("h/l", "fold"), ("Tab", "reader"), ("q", "quit")];
/// Status hints in the metrics table.
pub const HINTS_METRICS: &[(&str, &str)] =
    &[("type", "filter"), ("Enter", "go"), ("s/S", "sort"), ("c", "compare"), ("Esc", "back")];
/// Status hints in the compare view.
pub const HINTS_COMPARE: &[(&str, &str)] =
    &[("type", "label"), ("Enter", "go"), ("Esc", "back"), ("q", "quit")];
/// The hint shown whenever there is room: the way to all the others.
pub const HELP_HINT: (&str, &str) = ("?", "help");
/// The status note after `b` set a bookmark.
pub fn bookmark_set(line: usize) -> String {
    format!("bookmark set at line {line} (' lists them)")
}
/// The status note after `b` removed a bookmark.
pub fn bookmark_removed(line: usize) -> String {
    format!("bookmark at line {line} removed")
}
/// The status note for `'` without bookmarks.
pub const NO_BOOKMARKS: &str = "no bookmarks yet: b sets one";
/// The status note when the document read was deleted on disk.
pub const DOC_REMOVED: &str = "the document was removed on disk; showing its neighbour";
/// The bookmark list's title.
pub const BOOKMARKS_TITLE: &str = "Bookmarks (Enter jump, d delete, Esc close)";
/// A line number in the bookmark list.
pub fn line_no(line: usize) -> String {
    format!("{line:>5}")
}
/// In the messages when no state directory is known (no home): nothing is remembered.
pub const NO_STATE_DIR: &str =
    "no state directory (set GONGWEN_STATE_DIR or HOME): places and bookmarks are not kept";
/// The mark left of a bookmarked line in the reader (ASCII: one column in every terminal).
pub const BOOKMARK_MARK: &str = "*";
