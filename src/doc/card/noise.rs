//! Recognising site chrome line by line: navigation and breadcrumbs, language switches, share
//! buttons, font-size widgets, footers (主办单位, ICP备, 网站标识码 …), contact blocks, and the
//! page's own metadata lines (发布日期, 来源, 浏览次数, the 发文字号 line).

use std::borrow::Cow;
use std::sync::OnceLock;

mod markers;
mod news;

use super::{dates, fields};
use crate::text;
use markers::Hits;
use news::{is_caption, is_clock, is_dateline, is_photo_credit, is_section_name};

/// What one line of a page is, for the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Empty or whitespace only.
    Blank,
    /// No letter, digit or ideograph at all: bullets, rules, separators.
    Punct,
    /// Site chrome: navigation, share buttons, font-size widgets, footers, contact blocks.
    Chrome,
    /// Page metadata: 发布日期, 来源, 作者, 浏览次数, 索引号, the 发文字号 / 签发人 line.
    Meta,
    /// Anything else: the report's own text, or page text nothing recognises.
    Text,
}

/// A line as the recognisers see it: NFKC-folded (full-width `:` `(` and digits become ASCII,
/// no-break and ideographic spaces become spaces), whitespace runs collapsed, trimmed.
pub fn norm(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    norm_into(line, &mut out);
    out
}

/// [`norm`], appended to `out` (a page's lines share one buffer rather than a string each).
pub fn norm_into(line: &str, out: &mut String) {
    let start = out.len();
    // Report text is almost all characters whose NFKC form is known without tables: fold
    // those directly; anything else takes the whole line through `text::fold`. Runs of
    // characters that stay as they are (ideographs, most of a line) are copied whole.
    let mut space = false;
    let mut run = 0;
    for (i, c) in line.char_indices() {
        if is_invisible(c) {
            // Zero-width characters are dropped: a reader sees nothing there.
            push_run(out, &line[run..i], &mut space);
            run = i + c.len_utf8();
            continue;
        }
        let Some(f) = quick_fold(c) else {
            out.truncate(start);
            let folded: String = text::fold(line).chars().filter(|&c| !is_invisible(c)).collect();
            for (k, word) in folded.split_whitespace().enumerate() {
                if k > 0 {
                    out.push(' ');
                }
                out.push_str(word);
            }
            return;
        };
        if f == c && !c.is_whitespace() {
            continue;
        }
        push_run(out, &line[run..i], &mut space);
        run = i + c.len_utf8();
        if f.is_whitespace() {
            space = out.len() > start;
        } else {
            let mut buf = [0; 4];
            push_run(out, f.encode_utf8(&mut buf), &mut space);
        }
    }
    push_run(out, &line[run..], &mut space);
}

/// A character that takes no room on the page: zero-width space, non-joiner and joiner, word
/// joiner, byte-order mark (scraped pages are full of them; `各位代表:\u{200D}` is `各位代表:`).
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Appends `run` (no whitespace in it) to `out`, after the one space a pending whitespace run
/// leaves.
fn push_run(out: &mut String, run: &str, space: &mut bool) {
    if run.is_empty() {
        return;
    }
    if *space {
        out.push(' ');
        *space = false;
    }
    out.push_str(run);
}

/// The NFKC form of `c` when it is one character that nothing around it can change: ASCII,
/// CJK ideographs (traditional ones simplified, as [`text::fold`] does) and the common CJK
/// punctuation stay; full-width ASCII forms and the spaces
/// (no-break, en, em, ideographic …) become ASCII. `None` for any other character.
fn quick_fold(c: char) -> Option<char> {
    match c {
        '\u{4E00}'..='\u{9FFF}' => Some(crate::text::script::simplify(c)),
        '\0'..='\u{7F}'
        | '\u{3001}'..='\u{3002}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301B}'
        | '\u{2014}'
        | '\u{2018}'..='\u{2019}'
        | '\u{201C}'..='\u{201D}'
        | '\u{00B7}'
        | '\u{00D7}' => Some(c),
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Some(' '),
        _ => None,
    }
}

/// True when `line` (as written) is site chrome; page metadata does not count.
pub fn is_chrome(line: &str) -> bool {
    classify(&norm(line)) == LineKind::Chrome
}

/// Whole lines (or every `|`/space-separated token of a line) that are a link or widget
/// label, compared without brackets and ASCII case.
#[rustfmt::skip]
const NAV_WORDS: &[&str] = &[
    "中文", "english", "en", "简体", "繁体", "繁體", "简体中文", "繁體中文", "繁体中文", "无障碍",
    "无障碍浏览", "长者模式", "关怀版", "适老化", "登录", "注册", "搜索", "首页", "返回首页",
    "返回顶部", "顶部", "微信", "微博", "手机版", "移动版", "打印", "关闭", "收藏", "分享",
    "打印本页", "关闭窗口", "打印此页", "关闭本页", "返回", "返回列表", "上一页", "下一页", "尾页",
    "字号", "大", "中", "小", "更多", "扫码", "二维码", "政务微信", "政务微博", "rss", "信访举报",
    "智能推荐", "智能问答", "网站导航", "网站首页", "政务公开", "政务服务", "互动交流", "新闻中心",
    "新闻动态", "办事服务", "公众参与", "数据开放", "收藏本页", "打印文章", "我要打印", "关闭页面",
    "繁体版", "简体版", "英文版", "-", "|", "下载", "全屏", "加大", "还原", "减小", "默认", "放大",
    "缩小",
];

/// The byte length of the longest [`NAV_WORDS`] entry.
const NAV_LONGEST: usize = {
    let mut longest = 0;
    let mut k = 0;
    while k < NAV_WORDS.len() {
        if NAV_WORDS[k].len() > longest {
            longest = NAV_WORDS[k].len();
        }
        k += 1;
    }
    longest
};

/// Markers specific enough to mark a line of any length (no report sentence contains them).
#[rustfmt::skip]
const STRONG: &[&str] = &[
    "icp备", "icp证", "公网安备", "网安备", "公网备案", "网站标识码", "网站识别码", "copyright",
    "©", "版权所有", "网站支持ipv6", "法宝引证码", "pkulaw.com",
];

/// Markers that mark a short line, or any line they begin.
#[rustfmt::skip]
const WEAK: &[&str] = &[
    "当前位置", "现在的位置", "现在位置", "位置:", "您的位置", "当前的位置", "所在位置", "分享到",
    "分享至", "扫一扫", "在手机打开", "手机扫描", "打印本页", "关闭窗口", "加入收藏", "设为首页",
    "字体大小", "字号:", "大 中 小", "[大]", "【大】", "主办单位", "主办:", "承办:", "主管:",
    "协办:", "网站主办", "备案号", "访客", "本网站", "本站", "上一条", "下一条", "相关稿件",
    "相关信息", "延伸阅读", "往期回顾", "视力保护色", "阅读数", "承办单位", "协办单位", "主管单位",
    "技术支持", "运维单位", "关于我们", "网站地图", "友情链接", "联系我们", "网站声明", "免责声明",
    "隐私声明", "隐私政策", "使用帮助", "热门标签", "热点新闻", "相关新闻", "相关链接", "相关文章",
    "相关阅读", "推荐阅读", "上一篇", "下一篇", "我要纠错", "网站纠错", "欢迎访问", "建议使用",
    "分辨率", "浏览器", "访问量", "访问人数", "政府网站找错", "ipv6", "分享:", "字体:", "相关报道",
    "相关附件", "本作品",
];

/// Contact-block markers; a contact line in parentheses or starting `联系人` is the report's
/// own 附注 (GB/T 9704 puts it in parentheses under the date), not the site's footer.
#[rustfmt::skip]
const CONTACT: &[&str] = &[
    "咨询热线", "服务热线", "热线电话", "联系方式", "联系电话", "电话:", "传真", "邮编", "邮政编码",
    "地址:", "通讯地址", "email", "e-mail", "邮箱",
];

/// Labels of page metadata; a line starting with one of them followed by `:` is metadata.
#[rustfmt::skip]
const META_LABELS: &[&str] = &[
    "信息来源", "文章来源", "稿件来源", "新闻来源", "来源", "作者", "责任编辑", "编辑", "审核",
    "审校", "供稿", "撰稿", "摄影", "浏览次数", "点击次数", "阅读次数", "访问次数", "浏览量",
    "点击量", "阅读量", "阅读", "浏览", "点击", "访问", "索引号", "主题分类", "体裁分类",
    "组配分类", "服务对象", "分类", "名称", "发文机关", "发布机构", "公开方式", "公开范围",
    "公开形式", "有效性", "主题词", "成文日期", "发文字号", "文号", "签发人", "标题", "原文链接",
];

/// Labels of the page's published date (`发布日期:2024-03-04`); also in [`META_LABELS`]'
/// sense, but `时间`/`日期` count only when a date follows, as they are common words.
#[rustfmt::skip]
pub const DATE_LABELS: &[&str] = &[
    "发布日期", "发布时间", "发表日期", "发表时间", "更新日期", "更新时间", "公开日期", "公开时间",
    "上传时间", "录入时间", "时间", "日期",
];

/// Classifies one [`norm`]ed line.
pub fn classify(n: &str) -> LineKind {
    if n.is_empty() {
        return LineKind::Blank;
    }
    if !n.chars().any(char::is_alphanumeric) || is_page_number(n) {
        return LineKind::Punct;
    }
    let low = lower(n);
    // Leading bullets and brackets do not hide a label (`• 地址:…`, `【打印】`).
    let core = low.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(');
    if is_meta(core) || is_dateline(n) || is_photo_credit(n) || is_caption(core) {
        return LineKind::Meta;
    }
    if is_chrome_low(&low, core) {
        return LineKind::Chrome;
    }
    LineKind::Text
}

/// `s.to_lowercase()`, without a copy when nothing changes (report text is almost all
/// ideographs, punctuation and lower-case or no letters).
fn lower(s: &str) -> Cow<'_, str> {
    // Bytes first: no ASCII capital, and every other character in U+3000..=U+9FFF (lead
    // bytes E3..=E9: CJK punctuation, kana, ideographs, none with a case).
    let caseless = |&b: &u8| !b.is_ascii_uppercase() && (b < 0xC0 || (0xE3..=0xE9).contains(&b));
    if s.as_bytes().iter().all(caseless) {
        return Cow::Borrowed(s);
    }
    let unchanged = |c: char| match c {
        _ if c.is_ascii() => !c.is_ascii_uppercase(),
        // Ideographs, CJK and general punctuation (quotes, dashes) have no case.
        '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{2000}'..='\u{206F}' => true,
        _ => {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        }
    };
    if s.chars().all(unchanged) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// Chrome tests on the lower-cased line and its bullet-stripped core.
fn is_chrome_low(low: &str, core: &str) -> bool {
    let chars = low.chars().count();
    let short = chars <= 40;
    let hits = Hits::of(low, low.len() - core.len(), short);
    let tokens_are_nav = nav_tokens_only(low);
    let breadcrumb = (core.starts_with("首页") && core.contains(['>', '»', '›', '/', '→']))
        || (short && low.matches(['>', '»', '›']).count() >= 2);
    let contact = !core.starts_with('(')
        && !core.starts_with("联系人")
        && (hits.contact_starts || (short && hits.contact) || (chars <= 60 && has_email(low)));
    tokens_are_nav
        || breadcrumb
        || is_clock(core)
        || is_section_name(core)
        || contact
        || hits.strong
        || hits.weak_starts
        || (short && hits.weak)
}

/// Whether every `|`/space/bracket-separated token of `low` is a [`NAV_WORDS`] entry; stops
/// at the first token longer than any of them (prose lines are one long token).
fn nav_tokens_only(low: &str) -> bool {
    let longest = NAV_LONGEST;
    let separator =
        |c: char| c == '|' || c.is_whitespace() || matches!(c, '[' | ']' | '【' | '】' | '<' | '>');
    let mut start = 0;
    for (i, c) in low.char_indices().chain([(low.len(), ' ')]) {
        if separator(c) {
            let token = &low[start..i];
            if !token.is_empty() && !NAV_WORDS.contains(&token) {
                return false;
            }
            start = i + c.len_utf8();
        } else if i - start > longest {
            return false;
        }
    }
    true
}

/// Page metadata: a label at the start followed by `:`, a date label followed by a date, or
/// the 发文字号 line (a document number alone or followed by `签发人`).
fn is_meta(core: &str) -> bool {
    // This runs for every line: most lines start with no label's first character.
    let Some(first) = core.chars().next() else { return false };
    if label_firsts().contains(&first) {
        let after_label = |label: &str| core.strip_prefix(label).map(str::trim_start);
        if META_LABELS
            .iter()
            .chain(DATE_LABELS)
            .any(|l| after_label(l).is_some_and(|r| r.starts_with(':')))
        {
            return true;
        }
        if DATE_LABELS.iter().any(|l| after_label(l).and_then(dates::date_at_start).is_some()) {
            return true;
        }
    }
    // A 发文字号 at 0 starts with an ideograph and has its bracket within 12 characters (the
    // issuer prefix is at most 12 long): the first number is the one found, and one whose
    // bracket stood further on would start after 0.
    if !fields::is_ideograph(first) || !core.chars().take(13).any(fields::is_open_bracket) {
        return false;
    }
    match fields::find_doc_number(core) {
        Some(r) if r.start == 0 => {
            let rest = core[r.end..].trim_start();
            rest.is_empty() || rest.starts_with("签发人")
        }
        _ => false,
    }
}

/// The first characters of [`META_LABELS`] and [`DATE_LABELS`].
fn label_firsts() -> &'static [char] {
    static FIRSTS: OnceLock<Vec<char>> = OnceLock::new();
    FIRSTS.get_or_init(|| {
        let mut firsts: Vec<char> =
            META_LABELS.iter().chain(DATE_LABELS).filter_map(|l| l.chars().next()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        firsts
    })
}

/// A page number left by PDF conversion (`- 3 -`, `— 12 —`, `7`): digits and dashes only,
/// short, and not a date.
fn is_page_number(n: &str) -> bool {
    // Cheapest test first: every line of a page comes here, and prose fails on its first
    // character.
    n.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '—' | '–'))
        && n.chars().count() <= 12
        && (n.contains(['-', '—', '–']) || n.len() <= 3)
        && dates::parse_date(n).is_none()
}

/// True when `s` holds something shaped like an e-mail address (`name@host.tld`).
fn has_email(s: &str) -> bool {
    s.match_indices('@').any(|(i, _)| {
        let before = s[..i].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric());
        let host: String = s[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
            .collect();
        before && host.contains('.') && !host.ends_with('.')
    })
}

#[cfg(test)]
mod tests;
