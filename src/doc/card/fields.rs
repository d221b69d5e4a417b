//! Reading single card fields out of single lines: 发文字号, labelled values (`签发人:`,
//! `抄送:`), organisation names (发文机关署名, 主送机关) and title tidying. Values are taken from
//! the line as written (full-width brackets kept), with whitespace runs collapsed to one space.

use std::ops::Range;

/// Collapses whitespace runs (no-break and ideographic spaces included) to one space and trims.
pub fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Byte range of the first 发文字号 in `s`: an issuer prefix of ideographs, a bracketed year
/// (`〔2021〕` `[2021]` `(2021)` `【2021】`, ASCII or full-width), a number and `号`.
pub fn find_doc_number(s: &str) -> Option<Range<usize>> {
    let is_open = is_open_bracket;
    let is_close = |c: char| matches!(c, '〕' | ']' | '］' | ')' | '）' | '】');
    // Every line of every page comes here: one cheap pass rules out most of them (a number
    // needs a bracket and a `号`) before the line is split into characters.
    if !s.contains('号') || !s.chars().any(is_open) {
        return None;
    }
    let cs: Vec<(usize, char)> = s.char_indices().collect();
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    (1..cs.len()).find_map(|i| {
        if !is_open(cs[i].1) {
            return None;
        }
        let year_ok = (i + 1..i + 5).all(|k| cs.get(k).is_some_and(|&(_, c)| is_digit(c)));
        if !year_ok || !cs.get(i + 5).is_some_and(|&(_, c)| is_close(c)) {
            return None;
        }
        let mut k = i + 6;
        while cs.get(k).is_some_and(|&(_, c)| is_digit(c)) {
            k += 1;
        }
        if k == i + 6 || cs.get(k).map(|&(_, c)| c) != Some('号') {
            return None;
        }
        let mut start = i;
        while start > 0 && i - start < 12 && is_ideograph(cs[start - 1].1) {
            start -= 1;
        }
        let end = cs.get(k + 1).map_or(s.len(), |&(b, _)| b);
        (start < i).then(|| cs[start].0..end)
    })
}

/// A bracket that opens the year of a 发文字号: `〔` `[` `［` `(` `（` `【`.
pub fn is_open_bracket(c: char) -> bool {
    matches!(c, '〔' | '[' | '［' | '(' | '（' | '【')
}

/// A CJK unified ideograph (not punctuation, not a digit).
pub fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// The text after `label` and a `:`/`:` in `s` (spaces allowed around the colon), when the
/// label starts `s` or follows a non-ideograph (so `成文日期` is not read as `日期`).
pub fn label_value<'a>(s: &'a str, label: &str) -> Option<&'a str> {
    after_label(s, label, true)
}

/// Like [`label_value`], but with `colon` false the colon may be missing (`发布时间 2021-03-30`).
pub fn after_label<'a>(s: &'a str, label: &str, colon: bool) -> Option<&'a str> {
    // Lines without the label are most: `contains` rules them out without building a searcher.
    if !s.contains(label) {
        return None;
    }
    s.match_indices(label).find_map(|(i, _)| {
        let free = s[..i].chars().next_back().is_none_or(|c| !is_ideograph(c));
        let rest = s[i + label.len()..].trim_start();
        let rest = match rest.strip_prefix([':', ':']) {
            Some(r) => r,
            None if !colon => rest,
            None => return None,
        };
        free.then(|| rest.trim_start())
    })
}

/// The 签发人's name in `s`: the ideographs (at most six) after `签发人:`.
pub fn signer(s: &str) -> Option<String> {
    let v = label_value(s, "签发人")?;
    let name: String = v.chars().take_while(|&c| is_ideograph(c) || c == '·').take(6).collect();
    (name.chars().count() >= 2).then_some(name)
}

/// Endings of organisation names, longest first where one contains another.
#[rustfmt::skip]
const ORG_ENDINGS: &[&str] = &[
    "委员会", "管委会", "政府", "工委", "党委", "党组", "委", "办公室", "办", "局", "厅", "处",
    "院", "部", "署", "中心", "小组", "所", "站", "队", "会", "区", "县", "市", "镇", "乡", "街道",
    "公司", "集团", "社", "单位",
];

/// True for one organisation name: short, ideographs (and brackets) only, ending like one.
pub fn is_org_name(s: &str) -> bool {
    let n = s.chars().count();
    (2..=30).contains(&n)
        && s.chars().all(|c| is_ideograph(c) || "()()".contains(c))
        && ORG_ENDINGS.iter().any(|e| s.ends_with(e))
}

/// The organisations of a signature line (several may stand on one line, separated by
/// spaces), joined by one space; `None` unless every part is an organisation name.
pub fn org_line(line: &str) -> Option<String> {
    let t = tidy(line);
    let parts: Vec<&str> = t.split(' ').collect();
    parts.iter().all(|p| is_org_name(p)).then_some(t).filter(|t| !t.is_empty())
}

/// The 主送机关 of an addressee line (`中共厦门市委、厦门市人民政府:`): short, ends with a
/// colon, no sentence punctuation, and names at least one organisation.
pub fn addressee(line: &str) -> Option<String> {
    let t = tidy(line);
    let body = t.strip_suffix([':', ':'])?.trim_end();
    if body.is_empty() || body.chars().count() > 60 || body.contains(['。', ':', ':', ';', ';']) {
        return None;
    }
    let named = body
        .split(['、', ',', ',', ' '])
        .map(|p| p.trim_start_matches('各'))
        .any(|p| ORG_ENDINGS.iter().any(|e| p.ends_with(e)));
    named.then(|| body.to_string())
}

/// The 抄送 list of a line starting `抄送:`, its closing `。` removed.
pub fn cc(line: &str) -> Option<String> {
    // Tidying trims what `trim_start` trims: a line that does not start so is no 抄送 line.
    if !line.trim_start().starts_with("抄送") {
        return None;
    }
    let t = tidy(line);
    let v = t.strip_prefix("抄送")?.trim_start().strip_prefix([':', ':'])?;
    let v = v.trim().trim_end_matches(['。', '.', '.']).trim_end();
    (!v.is_empty()).then(|| v.to_string())
}

/// Words a document title ends with (文种); a title that ends so is complete, and the next
/// line is not joined to it.
pub const DOC_KINDS: &[&str] = &[
    "报告", "总结", "情况", "通知", "意见", "方案", "办法", "规定", "决定", "通报", "要点", "计划",
    "函", "批复", "请示", "公告", "通告", "纪要", "说明",
];

/// True when `title` ends with a document-kind word, perhaps followed by a bracketed note.
pub fn title_is_complete(title: &str) -> bool {
    let t = title.trim_end();
    // A closing bracketed note (`(2021年1月)`, `(征求意见稿)`) does not count.
    let t = match t.strip_suffix([')', ')']) {
        Some(inner) => inner.rfind(['(', '(']).map_or(t, |i| inner[..i].trim_end()),
        None => t,
    };
    DOC_KINDS.iter().any(|k| t.ends_with(k))
}

/// Words that mark a line as a report title rather than a site name or a subtitle.
const TITLE_WORDS: &[&str] = &["报告", "总结", "情况", "年度", "法治", "工作", "依法"];

/// True when `s` reads like a report title.
pub fn has_title_word(s: &str) -> bool {
    TITLE_WORDS.iter().any(|w| s.contains(w))
}

/// A title line with the site chrome around it removed: a `标题:` label, page metadata
/// written after it on the same line (`发布日期:…`, `来源:…`), and a site-name suffix
/// (`… - 某某区人民政府网`, `…_某某门户网站`).
pub fn clean_title(line: &str) -> String {
    let mut t = tidy(line);
    if let Some(v) = label_value(&t, "标题") {
        t = v.to_string();
    }
    for label in
        ["发布日期", "发布时间", "信息来源", "来源:", "来源:", "字体大小", "分享到", "浏览次数"]
    {
        if let Some(i) = t.find(label).filter(|&i| i > 0) {
            t.truncate(i);
        }
    }
    for sep in [" - ", " — ", "_", "|", "|", " -", "- "] {
        if let Some(i) = t.rfind(sep) {
            let tail = &t[i + sep.len()..];
            if tail.chars().count() <= 20 && (tail.contains('网') || tail.contains("门户")) {
                t.truncate(i);
            }
        }
    }
    tidy(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc_number(s: &str) -> Option<&str> {
        find_doc_number(s).map(|r| &s[r])
    }

    #[test]
    fn doc_numbers_in_every_bracket() {
        assert_eq!(doc_number("渭高新字〔2021〕1号 签发人:薛清军"), Some("渭高新字〔2021〕1号"));
        assert_eq!(doc_number("文号:厦高管〔2020〕12号"), Some("厦高管〔2020〕12号"));
        assert_eq!(doc_number("津高新发[2021]3号"), Some("津高新发[2021]3号"));
        assert_eq!(doc_number("佛高办(2024)15号"), Some("佛高办(2024)15号"));
        assert_eq!(doc_number("某府办【２０２０】７号"), Some("某府办【２０２０】７号"));
    }

    #[test]
    fn not_doc_numbers() {
        for s in
            ["〔2021〕1号", "渭高新字〔21〕1号", "渭高新字〔2021〕号", "(2021-2025年)", "第1号"]
        {
            assert_eq!(doc_number(s), None, "{s}");
        }
    }

    #[test]
    fn labelled_values() {
        assert_eq!(signer("渭高新字〔2021〕1号 签发人:薛清军"), Some("薛清军".into()));
        assert_eq!(signer("签发人: 王 五"), None);
        assert_eq!(label_value("成文日期:2021-01-01", "日期"), None);
        assert_eq!(label_value("发布 日期 : x", "日期"), Some("x"));
        assert_eq!(cc("  抄送:市依法治市办。"), Some("市依法治市办".into()));
        assert_eq!(cc("抄送:区委办,区人大办。"), Some("区委办,区人大办".into()));
    }

    #[test]
    fn organisations_and_addressees() {
        let two = "  中共厦门市委火炬高新区工委 \u{a0}\u{a0}\u{a0}\u{a0}厦门火炬高技术产业开发区管理委员会";
        assert_eq!(
            org_line(two).as_deref(),
            Some("中共厦门市委火炬高新区工委 厦门火炬高技术产业开发区管理委员会")
        );
        assert_eq!(org_line("特此报告。"), None);
        assert_eq!(org_line("(三)加强队伍建设"), None);
        assert_eq!(
            addressee("  中共厦门市委、厦门市人民政府:").as_deref(),
            Some("中共厦门市委、厦门市人民政府")
        );
        assert_eq!(
            addressee("各镇人民政府、区直各单位:").as_deref(),
            Some("各镇人民政府、区直各单位")
        );
        assert_eq!(addressee("主要做法如下:"), None);
        assert_eq!(addressee("渭南市人民政府"), None);
    }

    #[test]
    fn titles() {
        assert!(title_is_complete("关于2020年度法治政府建设工作的报告"));
        assert!(title_is_complete("2020年法治政府建设情况(2021年1月)"));
        assert!(!title_is_complete("渭南高新区管委会"));
        assert_eq!(
            clean_title("某区2020年法治政府建设年度报告 - 某某区人民政府网"),
            "某区2020年法治政府建设年度报告"
        );
        assert_eq!(clean_title("标题:某区2020年法治报告"), "某区2020年法治报告");
        assert_eq!(clean_title("某区2020年法治报告 发布日期:2021-01-02"), "某区2020年法治报告");
    }
}
