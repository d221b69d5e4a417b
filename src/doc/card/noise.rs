//! Recognising site chrome line by line: navigation and breadcrumbs, language switches, share
//! buttons, font-size widgets, footers (主办单位, ICP备, 网站标识码 …), contact blocks, and the
//! page's own metadata lines (发布日期, 来源, 浏览次数, the 发文字号 line).

use std::borrow::Cow;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use super::{dates, fields};
use crate::text;

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
        let Some(f) = quick_fold(c) else {
            out.truncate(start);
            let folded = text::fold(line);
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
/// CJK ideographs and the common CJK punctuation stay; full-width ASCII forms and the spaces
/// (no-break, en, em, ideographic …) become ASCII. `None` for any other character.
fn quick_fold(c: char) -> Option<char> {
    match c {
        '\0'..='\u{7F}'
        | '\u{4E00}'..='\u{9FFF}'
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
    "繁体版", "简体版", "英文版", "-", "|",
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
    "©", "版权所有", "网站支持ipv6",
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
    "分辨率", "浏览器", "访问量", "访问人数", "政府网站找错", "ipv6",
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
    "公开形式", "有效性", "主题词", "成文日期", "发文字号", "文号", "签发人", "标题",
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
    if is_meta(core) {
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

/// One automaton per marker list, so that a line is searched once per list rather than once
/// per marker; `None` only if they could not be built (then each marker is searched).
struct Markers {
    strong: AhoCorasick,
    weak: AhoCorasick,
    contact: AhoCorasick,
}

fn markers() -> Option<&'static Markers> {
    static MARKERS: OnceLock<Option<Markers>> = OnceLock::new();
    MARKERS
        .get_or_init(|| {
            // Weak and contact markers are also looked for at the start of a line's core.
            let build = |words: &[&str]| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .start_kind(StartKind::Both)
                    .build(words)
                    .ok()
            };
            Some(Markers { strong: build(STRONG)?, weak: build(WEAK)?, contact: build(CONTACT)? })
        })
        .as_ref()
}

/// Where the markers of each list occur in a lower-cased line whose core starts at byte
/// `core_at`: anywhere, and at the start of the core. Weak and contact markers anywhere count
/// only in short lines, so in long ones they are not looked for (and stay `false`): prose
/// lines are long, and this runs on every line.
#[derive(Debug, Default, PartialEq, Eq)]
struct Hits {
    strong: bool,
    weak: bool,
    weak_starts: bool,
    contact: bool,
    contact_starts: bool,
}

impl Hits {
    fn of(low: &str, core_at: usize, short: bool) -> Hits {
        let Some(m) = markers() else { return Hits::by_lists(low, core_at, short) };
        let anywhere = |ac: &AhoCorasick| ac.try_find(Input::new(low)).map(|m| m.is_some());
        let starts = |ac: &AhoCorasick| {
            let input = Input::new(low).range(core_at..).anchored(Anchored::Yes);
            ac.try_find(input).map(|m| m.is_some())
        };
        let found = (|| {
            Ok::<_, aho_corasick::MatchError>(Hits {
                strong: anywhere(&m.strong)?,
                weak: short && anywhere(&m.weak)?,
                weak_starts: starts(&m.weak)?,
                contact: short && anywhere(&m.contact)?,
                contact_starts: starts(&m.contact)?,
            })
        })();
        found.unwrap_or_else(|_| Hits::by_lists(low, core_at, short))
    }

    /// The same, one marker at a time.
    fn by_lists(low: &str, core_at: usize, short: bool) -> Hits {
        let core = &low[core_at..];
        Hits {
            strong: STRONG.iter().any(|m| low.contains(m)),
            weak: short && WEAK.iter().any(|m| low.contains(m)),
            weak_starts: WEAK.iter().any(|m| core.starts_with(m)),
            contact: short && CONTACT.iter().any(|m| low.contains(m)),
            contact_starts: CONTACT.iter().any(|m| core.starts_with(m)),
        }
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
mod tests {
    use super::*;

    fn kind(line: &str) -> LineKind {
        classify(&norm(line))
    }

    #[test]
    fn site_chrome_is_recognised() {
        for line in [
            "中文",
            "English",
            "网站支持IPv6 智能推荐\u{a0}\u{a0}|\u{a0}\u{a0}微信\u{a0}\u{a0}|\u{a0}\u{a0}微博",
            "首页 > 公开 > 重点领域公开",
            "您当前的位置: 火炬开发区网站\u{a0}>\u{a0}政务公开",
            "当前位置:首页 » 政务公开 » 规划计划",
            "分享到:",
            "扫一扫在手机打开当前页",
            "【打印本页】 【关闭窗口】",
            "字体大小: | |",
            "字号:大 中 小",
            "联系我们\u{a0}\u{a0}|\u{a0}\u{a0} 网站地图",
            "主办单位:佛山高新技术产业开发区管理委员会\u{2002}\u{2002}工作时间:周一至周五上午8:30—12:00 下午14:00—17:30(节假日除外)",
            "粤ICP备05033683号 粤公网安备 44060502000361号",
            "网站标识码:1201160063",
            "  • Email:fshitech@foshan.gov.cn",
            "  • 咨询热线 管委会:0757-86683830",
            "  • 地址:广东省佛山市南海区狮山镇万锦路2号佛山高新区管委会",
            "联系方式:gxqwxb@tht.gov.cn",
            "版权所有:某某区人民政府 未经授权禁止复制",
            "Copyright © 2020 All Rights Reserved",
            "热门标签",
            "主办:某某区人民政府办公室 承办:某某区政务服务数据管理局",
            "您是本站第123456位访客",
            "上一条:某区召开法治政府建设推进会",
        ] {
            assert_eq!(kind(line), LineKind::Chrome, "{line}");
        }
    }

    #[test]
    fn page_metadata_is_recognised() {
        for line in [
            "发布时间:2024-03-04 本网",
            "发布日期:2020-01-06字体大小: | |",
            "信息来源:本网 发布日期:2019-11-26",
            "来源:天津高新区",
            "发布时间 2021/3/30 10:30",
            "渭高新字〔2021〕1号 签发人:薛清军",
            "签发人:张三",
            "浏览次数:123",
        ] {
            assert_eq!(kind(line), LineKind::Meta, "{line}");
        }
    }

    #[test]
    fn report_text_is_not_chrome() {
        for line in [
            "  2023年,佛山高新区坚持以习近平法治思想为指导,全面贯彻中央、省、市《法治政府建设实施纲要(2021-2025 年)》。",
            "(联系人:邓国燊,联系电话:86683701)",
            "  抄送:市依法治市办。",
            "渭南高新技术产业开发区管理委员会",
            "2021年1月22日",
            "时间紧、任务重,我区克服困难,完成各项工作。",
            "(四)推进政务公开。完善政府网站,在首页开设“法治政府”专栏,更新网站地图和友情链接,全年发布信息1200余条。",
            "渭南市人民政府:",
        ] {
            assert_eq!(kind(line), LineKind::Text, "{line}");
        }
    }

    #[test]
    fn one_search_finds_what_each_marker_would() {
        // Markers inside others (`ipv6` in `网站支持ipv6`), at the start of the core and not,
        // in short and long lines.
        let long = "全年办理行政复议案件40件".repeat(3);
        for line in [
            "网站支持ipv6 智能推荐 | 微信",
            "• 地址:广东省佛山市 联系电话:0757-1234 传真:5678",
            "  • 咨询热线 管委会:0757-86683830",
            "本站由某某区人民政府主办 版权所有 icp备05033683号",
            "相关链接 上一篇 下一篇",
            "【打印本页】 【关闭窗口】",
            "发布时间:2024-03-04 本网",
            &format!("{long}上一条{long}"),
            "办理案件,联系我们的群众邮箱 e-mail",
        ] {
            let low = lower(&norm(line)).into_owned();
            let core = low.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(');
            let core_at = low.len() - core.len();
            for short in [false, true] {
                let (of, by_lists) =
                    (Hits::of(&low, core_at, short), Hits::by_lists(&low, core_at, short));
                assert_eq!(of, by_lists, "{line}");
            }
        }
    }

    #[test]
    fn quick_folding_is_nfkc() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            if let Some(f) = quick_fold(c) {
                assert_eq!(text::fold(&c.to_string()), f.to_string(), "{c:?}");
            }
        }
        // Combining marks and compatibility forms beside quick ones take the slow way.
        for line in
            ["e\u{301}5件", "㈠ 概况", "…共计 ３ 项", "Ａ\u{a0}\u{a0}b\tc  ", "  一、总体情况  "]
        {
            let slow = text::fold(line).split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(norm(line), slow, "{line:?}");
        }
    }

    #[test]
    fn nav_lines_are_nav_words_only() {
        let split = |low: &str| {
            low.split(|c: char| {
                c == '|' || c.is_whitespace() || matches!(c, '[' | ']' | '【' | '】' | '<' | '>')
            })
            .filter(|t| !t.is_empty())
            .all(|t| NAV_WORDS.contains(&t))
        };
        for line in [
            "首页 | 政务公开 | 【打印】 【关闭】",
            "简体中文|繁體中文|english",
            "无障碍浏览",
            "首页 | 无障碍浏览器",
            "全年办理行政复议案件40件,办结率100%。",
            "",
            "|| [] <>",
            "首页 英文版 >",
        ] {
            assert_eq!(nav_tokens_only(line), split(line), "{line}");
        }
    }

    #[test]
    fn lower_case_copies_only_when_something_changes() {
        assert!(matches!(lower("首页 > 政务公开 icp"), Cow::Borrowed(_)));
        assert_eq!(lower("Copyright ©"), "copyright ©");
        assert_eq!(lower("ǅ Σ Ⅰ ＡＢ"), "ǆ σ ⅰ ａｂ");
        // The byte test takes U+3000..=U+9FFF as caseless.
        let cased: Vec<char> = ('\u{3000}'..='\u{9FFF}')
            .chain('\u{2000}'..='\u{206F}')
            .filter(|c| c.to_lowercase().ne([*c]))
            .collect();
        assert!(cased.is_empty(), "{cased:?}");
    }

    #[test]
    fn blank_and_punctuation_lines() {
        assert_eq!(kind("  \u{a0} \u{3000}"), LineKind::Blank);
        assert_eq!(kind("  • \u{2002}\u{2002}"), LineKind::Punct);
        assert_eq!(kind("-"), LineKind::Punct);
    }
}
