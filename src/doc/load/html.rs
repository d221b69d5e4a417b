//! The text of an HTML page, one block per line, through a real parser (html5ever via scraper).
//!
//! Decisions:
//!
//! * dropped with all their content: `head` (the page `<title>` too — government pages repeat
//!   it in the body), `script`, `style`, `noscript`, `template`, `iframe`, `object`, `svg`,
//!   `canvas`, and any element with the `hidden` attribute or an inline `display:none`;
//! * block elements (`p`, `div`, `br`, `li`, `tr`, `h1`–`h6`, `section`, `table`, …) end the
//!   current line; inline elements join; table cells in a row are separated by one space;
//! * inside a line, runs of ASCII whitespace collapse to one space, and vanish at the line's
//!   ends and where a source line break falls between two Chinese characters (so that
//!   `<p>法治\n政府</p>` reads `法治政府`); `pre` keeps its spaces and line breaks;
//! * non-breaking spaces and U+3000 are text, not markup whitespace: they are kept, so an
//!   indented `&nbsp;&nbsp;一、` paragraph keeps its indent, as its plain-text copy would;
//! * lines that hold nothing but whitespace are left out; there are no blank lines between
//!   blocks; entities are decoded by the parser.

use scraper::{Html, Node};

/// Elements whose content is never text of the page.
const DROPPED: [&str; 10] = [
    "head", "script", "style", "noscript", "template", "iframe", "object", "svg", "canvas", "title",
];

/// Elements that end a line before and after themselves.
const BLOCKS: [&str; 44] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
];

/// Whether text that did not come with an HTML extension is an HTML page all the same: its
/// first non-blank characters are `<!DOCTYPE html` or `<html` (any case).
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let head: String = head.chars().take(14).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// The declared encoding of an HTML page's bytes: `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` within the first 4 KiB.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"charset") {
        let mut j = from + i + b"charset".len();
        from = j;
        let skip = |j: &mut usize| {
            while lower.get(*j).is_some_and(|b| b.is_ascii_whitespace()) {
                *j += 1;
            }
        };
        skip(&mut j);
        if lower.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        skip(&mut j);
        while lower.get(j).is_some_and(|&b| b == b'"' || b == b'\'') {
            j += 1;
        }
        let end = lower[j..]
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b"-_.:".contains(&b)))
            .map_or(lower.len(), |n| j + n);
        if let Some(enc) = encoding_rs::Encoding::for_label(&lower[j..end]) {
            return Some(enc);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The text of an HTML document, one block per line, lines joined by `\n`.
pub fn extract(source: &str) -> String {
    let html = Html::parse_document(source);
    let mut out = Lines::default();
    let root = html.tree.root();
    // An explicit walk (no recursion): deeply nested pages must not exhaust the stack.
    let mut next = root.first_child();
    while let Some(node) = next {
        let descend = out.open(node.value());
        if let Some(child) = node.first_child().filter(|_| descend) {
            next = Some(child);
            continue;
        }
        let mut done = node;
        next = loop {
            out.close(done.value());
            if let Some(sibling) = done.next_sibling() {
                break Some(sibling);
            }
            match done.parent() {
                Some(parent) => done = parent,
                None => break None,
            }
        };
    }
    out.finish()
}

/// The output being built: finished lines and the current one.
#[derive(Default)]
struct Lines {
    text: String,
    /// Start of the current line in `text`.
    line_start: usize,
    /// Whitespace seen since the last character: `Some(had a line break)`.
    pending_space: Option<bool>,
    /// Depth of open `pre` elements.
    pre: usize,
    /// A table cell has been written on this line: the next cell is set off by a space.
    in_cell_row: bool,
}

impl Lines {
    /// Handles an opening node; returns whether to visit its children.
    fn open(&mut self, node: &Node) -> bool {
        match node {
            Node::Text(t) => {
                self.push_text(t);
                false
            }
            Node::Element(e) => {
                let name = e.name();
                if DROPPED.contains(&name) || is_hidden(e) {
                    return false;
                }
                if name == "pre" {
                    self.pre += 1;
                }
                if name == "td" || name == "th" {
                    if self.in_cell_row {
                        self.pending_space = Some(false);
                    }
                    self.in_cell_row = true;
                } else if BLOCKS.contains(&name) {
                    self.end_line();
                }
                true
            }
            _ => true,
        }
    }

    /// Handles the end of a node whose children (if visited) are done.
    fn close(&mut self, node: &Node) {
        if let Node::Element(e) = node {
            let name = e.name();
            if DROPPED.contains(&name) || is_hidden(e) {
                return;
            }
            if name == "pre" {
                self.pre = self.pre.saturating_sub(1);
            }
            if BLOCKS.contains(&name) {
                self.end_line();
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if self.pre > 0 {
                if c == '\n' {
                    self.end_line();
                } else if c != '\r' {
                    self.push_char(c);
                }
            } else if c.is_ascii_whitespace() {
                let had_break = self.pending_space.unwrap_or(false) || c == '\n' || c == '\r';
                self.pending_space = Some(had_break);
            } else {
                self.push_char(c);
            }
        }
    }

    fn push_char(&mut self, c: char) {
        if let Some(had_break) = self.pending_space.take() {
            let line = &self.text[self.line_start..];
            let drop = line.is_empty()
                || (had_break && line.chars().next_back().is_some_and(is_cjk) && is_cjk(c));
            if !drop {
                self.text.push(' ');
            }
        }
        self.text.push(c);
    }

    /// Ends the current line if it holds any visible text; drops it otherwise.
    fn end_line(&mut self) {
        self.pending_space = None;
        self.in_cell_row = false;
        if self.text[self.line_start..].chars().all(char::is_whitespace) {
            self.text.truncate(self.line_start);
            return;
        }
        self.text.push('\n');
        self.line_start = self.text.len();
    }

    fn finish(mut self) -> String {
        self.end_line();
        if self.text.ends_with('\n') {
            self.text.pop();
        }
        self.text
    }
}

/// `hidden`, or an inline style with `display:none`.
fn is_hidden(e: &scraper::node::Element) -> bool {
    e.attr("hidden").is_some()
        || e.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

/// Chinese characters and full-width punctuation, between which a source line break is no
/// space.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines_and_inline_elements_join() {
        let page = "<html><head><title>T</title><style>p{}</style></head><body>\
            <h1>关于<b>2020年度</b>的报告</h1><div><p>一、总体情况</p><p>  a  b  </p></div>\
            x<br>y<ul><li>甲</li><li>乙</li></ul></body></html>";
        assert_eq!(extract(page), "关于2020年度的报告\n一、总体情况\na b\nx\ny\n甲\n乙");
    }

    #[test]
    fn a_source_line_break_between_hanzi_is_no_space() {
        assert_eq!(extract("<p>法治\n  政府 建设\nok\nok</p>"), "法治政府 建设 ok ok");
    }

    #[test]
    fn hidden_content_scripts_and_comments_are_dropped() {
        let page = "<p>a<!-- 一、注释 --></p><div hidden>一、隐藏</div>\
            <div style=\"DISPLAY: none\">二、隐藏</div><script>document.write('三、')</script>\
            <noscript>四、</noscript><template><p>五、</p></template><p>b</p>";
        assert_eq!(extract(page), "a\nb");
    }

    #[test]
    fn table_cells_share_their_row_line() {
        let page = "<table><tr><th>项目</th><th>数量</th></tr><tr><td>复议</td><td>12件</td>\
            </tr></table>";
        assert_eq!(extract(page), "项目 数量\n复议 12件");
    }

    #[test]
    fn entities_and_indent_are_kept_pre_keeps_its_lines() {
        assert_eq!(extract("<p>&nbsp;&nbsp;一、&lt;总&gt;&amp;</p>"), "\u{a0}\u{a0}一、<总>&");
        assert_eq!(extract("<pre>a  b\n  c</pre>"), "a  b\n  c");
        assert_eq!(extract("<p>&nbsp;</p><p>\u{3000}</p><p>z</p>"), "z");
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let page = format!("{}深{}", "<div><span>".repeat(5_000), "</span></div>".repeat(5_000));
        assert_eq!(extract(&page), "深");
    }

    #[test]
    fn sniffing_and_meta_charset() {
        assert!(looks_like_html("\u{feff}\n  <!DOCTYPE HTML>\n<html>"));
        assert!(looks_like_html("<HTML lang=zh>"));
        assert!(!looks_like_html("一、<html> 标签"));
        let gbk =
            meta_charset(b"<meta http-equiv=Content-Type content='text/html; charset=GB2312'>");
        assert_eq!(gbk, Some(encoding_rs::GBK));
        assert_eq!(meta_charset(b"<meta charset = \"big5\">"), Some(encoding_rs::BIG5));
        assert_eq!(meta_charset(b"<p>charset is a word</p>"), None);
    }
}
