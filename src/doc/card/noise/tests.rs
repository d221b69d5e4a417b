//! Line classification: chrome, metadata and text, on lines from real pages.

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

#[test]
fn traditional_lines_are_recognised_as_their_simplified_form() {
    // The 1954 government work report is partly in traditional characters; its lines reach
    // the recognisers folded by OpenCC's table, full-width forms as before.
    assert_eq!(
        norm("我們第一届全國人民代表大會第一次會議，在聽了劉少奇同志"),
        "我们第一届全国人民代表大会第一次会议,在听了刘少奇同志"
    );
    assert_eq!(norm("中華人民共和國憲法"), "中华人民共和国宪法");
}

#[test]
fn news_and_database_page_lines_from_real_reports() {
    // Toolbars one word per line, share and font widgets, related-report headers, the
    // Wikisource licence, the 北大法宝 header (tests/real: 2026 provinces, sichuan, national).
    for line in [
        "下载",
        "全屏",
        "加大",
        "还原",
        "减小",
        "【字体：",
        "分享：",
        "相关报道：",
        "相关附件>>",
        "本作品是中华人民共和国的",
        "本作品来自1949年10月1日（含）之后的中国共产党文件。根据《刑事审判参考》指导案例第680号",
        "    【法宝引证码】 CLI.12.4638041",
        "今天是:2019年10月31日 星期三",
        "今天是：2019年10月31日 星期三 农历十月初四",
        "宁夏要闻",
        "图片新闻",
    ] {
        assert_eq!(kind(line), LineKind::Chrome, "{line}");
    }
    for line in [
        "原文链接：https://www.pkulaw.com/lar/e069caa6e9e192c2d4e5fade93a3d543bdfb.html",
        "        新华社北京3月17日电",
        "新华社北京3月16日电",
        "3月5日，第十二届全国人民代表大会第三次会议在北京人民大会堂开幕。国务院总理李克强作政府工作报告。新华社记者<U+00A0>庞兴雷<U+00A0>摄",
        "殷勇同志作政府工作报告。本报记者 戴冰摄",
        "图为会议现场。",
    ] {
        assert_eq!(kind(line), LineKind::Meta, "{line}");
    }
    for line in [
        "各位代表：\u{200D}",
        "新华社北京3月5日电 国务院总理李克强5日在十二届全国人大三次会议上作政府工作报告，全文如下。",
        "组织新闻记者深入基层一线拍摄",
        "今天是全面建成小康社会的关键一年。",
        "一、2015年工作回顾",
    ] {
        assert_eq!(kind(line), LineKind::Text, "{line}");
    }
}

#[test]
fn invisible_characters_are_dropped() {
    assert_eq!(norm("各位代表：\u{200D}"), "各位代表:");
    assert_eq!(norm("\u{200B}"), "");
    assert_eq!(norm("\u{FEFF}政府工作报\u{200B}告"), "政府工作报告");
    // The slow (NFKC) path drops them too.
    assert_eq!(norm("㈠\u{200D}概况"), norm("㈠概况"));
}
