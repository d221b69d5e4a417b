//! Tables flattened one cell per line, as PDF extraction (and a table copied out of a word
//! processor) leaves them, and the page numbers of PDF text: neither holds a heading.
//!
//! Rules, as a reader states them:
//! * A **value cell** is a line holding only a number (`0`, `21`, `7730.28`, `1,756`, `12%`).
//! * A **table** is a stretch of lines in which no line ends a sentence (`。！？`, or a closing
//!   quote or bracket after one) and which holds at least [`MIN_CELLS`] value cells: prose ends
//!   its sentences every few lines, a table never does.
//! * Inside a table a numbered line is a heading only when it is the **next number of a style
//!   already open** (`三、` after `二、`): the report's own numbering going on past its table.
//!   A row label numbers the rows of the table from its own start (`一、本年新收…`, `（一）予以
//!   公开`, `1.属于国家秘密`, `第二十条第（一）项`): it opens a new style or breaks the count.
//! * Inside a table a numbered line followed by a value cell (blank lines aside) is a **row
//!   label** even when its number would go on (`四、结转下年度继续办理` / `0`): a heading is
//!   followed by text, a row label by the row's values.
//! * Inside a table a numbered line followed by prose (a line that ends a sentence, or one of
//!   [`MIN_PROSE_CHARS`] characters or more with a comma or full stop) begins the text after
//!   the table: it is a heading as anywhere (`一、2024年“三公”经费预算情况说明` after the last
//!   table of a budget).
//! * A **page number** is a line such as `-1-`, `- 2 -`, `—3—`, `第 3 页`, `第3页 共5页`: a
//!   number between dashes or in `第…页`. It is never a heading, a value cell or part of a title.
//!
//! Linear: one pass to find sentence ends and cells, one to mark the stretches.

/// Fewest value cells that make a stretch of lines a table.
pub const MIN_CELLS: usize = 3;
/// Shortest line with a comma that counts as prose after a table, in characters (a wrapped
/// line of a PDF is about 30).
pub const MIN_PROSE_CHARS: usize = 16;

/// Whether the trimmed line `s` is a value cell: digits, possibly with a decimal point,
/// thousands commas, a sign or a percent sign, and nothing else.
pub fn is_value_cell(s: &str) -> bool {
    let s = s.trim_matches(super::is_indent);
    let body = s.trim_start_matches(['-', '+', '－', '＋']).trim_end_matches(['%', '％']);
    body.chars().next().is_some_and(is_digit)
        && body.chars().all(|c| is_digit(c) || matches!(c, '.' | ',' | '．' | '，'))
        && s.len() <= 40
}

/// An ASCII or full-width digit.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{ff10}'..='\u{ff19}').contains(&c)
}

/// Whether the line `s` is a page number (module doc).
pub fn is_page_number(s: &str) -> bool {
    // Bounded: a page number is a short line.
    if s.len() > 80 {
        return false;
    }
    let t: String = s.chars().filter(|&c| !super::is_indent(c)).collect();
    if t.is_empty() || t.len() > 40 {
        return false;
    }
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '－' | '─');
    let core = t.trim_matches(dash);
    let digits = |s: &str| !s.is_empty() && s.chars().all(is_digit);
    if core.len() < t.len() && t.starts_with(dash) && t.ends_with(dash) && digits(core) {
        return true;
    }
    // `第3页`, `第3页共5页`, `第3页/共5页`.
    let page =
        |p: &str| p.strip_prefix('第').and_then(|r| r.strip_suffix('页')).is_some_and(digits);
    let total =
        |p: &str| p.strip_prefix('共').and_then(|r| r.strip_suffix('页')).is_some_and(digits);
    match t.find('页') {
        Some(i) => {
            let (first, rest) = t.split_at(i + '页'.len_utf8());
            let rest = rest.trim_start_matches(['/', ',', '，']);
            page(first) && (rest.is_empty() || total(rest))
        }
        None => false,
    }
}

/// Whether the trimmed line `s` ends a sentence.
fn ends_sentence(s: &str) -> bool {
    let core = s.trim_end_matches(|c: char| {
        super::is_indent(c) || matches!(c, '”' | '’' | '」' | '』' | '）' | ')')
    });
    core.ends_with(['。', '！', '？', '!', '?'])
}

/// For each line, whether it lies inside a table (module doc).
pub fn in_table(lines: &[&str]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut start = 0;
    let mut cells = 0;
    for (i, line) in lines.iter().enumerate() {
        if ends_sentence(line) {
            if cells >= MIN_CELLS {
                out[start..i].iter_mut().for_each(|b| *b = true);
            }
            start = i + 1;
            cells = 0;
        } else if is_value_cell(line) {
            cells += 1;
        }
    }
    if cells >= MIN_CELLS {
        out[start..].iter_mut().for_each(|b| *b = true);
    }
    out
}

/// The first non-blank line from `from` on.
fn next_text<'a>(lines: &[&'a str], from: usize) -> Option<&'a str> {
    lines.iter().skip(from).find(|l| !l.trim_matches(super::is_indent).is_empty()).copied()
}

/// Whether a numbered line inside a table, whose title ends on line `last`, is a heading
/// there: it begins the text after the table (prose follows it), or it goes on with the
/// report's numbering (`continues`, [`super::Stack`]) and no value cell follows it.
pub fn keeps_heading(lines: &[&str], last: usize, continues: bool) -> bool {
    let next = next_text(lines, last + 1);
    next.is_some_and(is_prose) || (continues && !next.is_some_and(is_value_cell))
}

/// Whether the line `s` is prose rather than a cell: it ends a sentence, or it is at least
/// [`MIN_PROSE_CHARS`] characters long with a Chinese comma or full stop in it (a thousands comma makes no prose).
fn is_prose(s: &str) -> bool {
    ends_sentence(s)
        || (s.chars().filter(|&c| !super::is_indent(c)).nth(MIN_PROSE_CHARS - 1).is_some()
            && s.contains(['，', '。']))
}

#[cfg(test)]
mod tests;
