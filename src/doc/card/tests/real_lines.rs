//! Card rules on lines copied from the real reports of `tests/real/` (heads, tails and the
//! lines that used to be taken for titles).

use crate::doc::{Document, Format};

fn doc(lines: &[&str]) -> Document {
    Document::new("t.txt", "UTF-8", Format::Text, lines.join("\n"))
}

/// A paragraph of report prose, long enough to outweigh page text around it.
const PROSE: &str = "过去一年，面对复杂严峻形势和多重超预期因素冲击，在以习近平同志为核心的党中央坚强领导下，省委团结带领全省各族人民，迎难而上、拼搏实干，全力以赴拼经济搞建设，扎实推动高质量发展。";

#[test]
fn a_source_line_under_the_first_paragraph_does_not_end_the_body() {
    // gwr-prov2025-hebei: the delivery line, then `来源：河北日报`, then the report.
    let mut lines = vec![
        "2025年河北省政府工作报告",
        "2025年1月13日在河北省第十四届人民代表大会第三次会议上河北省人民政府省长王正谱作政府工作报告。",
        "来源：河北日报",
        "各位代表：",
        "现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员和列席人员提出意见。",
        "一、2024年工作回顾",
        "（一）经济运行总体平稳、稳中有进。抢抓国家重大政策机遇，推动“两重”“两新”等落地见效。",
    ];
    lines.extend(std::iter::repeat_n(PROSE, 8));
    let d = doc(&lines);
    let c = &d.card;
    assert_eq!(c.title.as_deref(), Some("2025年河北省政府工作报告"));
    assert_eq!((c.body_first_line, c.body_last_line), (4, 15), "the delivery line is the head's");
    assert_eq!(c.year, Some(2025));
}

#[test]
fn a_site_notice_above_the_title_is_neither_title_nor_body() {
    let mut lines = vec![
        "首页 | 政务公开 | 互动交流",
        "本网站为某某区人民政府门户网站，欢迎提出宝贵意见。",
        "当前位置：首页 > 政务公开 > 法治政府建设",
        "某某区2020年法治政府建设年度报告",
        "发布日期：2021-01-28",
    ];
    lines.extend(std::iter::repeat_n(PROSE, 3));
    let d = doc(&lines);
    assert_eq!(d.card.title.as_deref(), Some("某某区2020年法治政府建设年度报告"));
    assert_eq!(d.card.body_first_line, 6);
    assert_eq!(d.card.year, Some(2020));
}

#[test]
fn a_news_page_head_and_tail_stay_out_and_the_glossary_stays_in() {
    // gwr-prov2026-sichuan: font-size widget one word per line, `分享：`, and after the
    // report's 名词解释 the editor, share and related-link lines and a teaser of the page.
    let mut lines = vec![
        "2026年四川省人民政府工作报告",
        "2026年02月10日 07时41分",
        "来源:",
        "四川日报",
        "【字体：",
        "大",
        "中",
        "小",
        "】",
        "分享：",
        "2026年2月3日在四川省第十四届人民代表大会第五次会议上",
        "四川省人民政府省长 施小琳",
        "各位代表：",
        "现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。",
        "一、2025年工作回顾和“十四五”发展主要成绩",
    ];
    lines.extend(std::iter::repeat_n(PROSE, 10));
    lines.extend([
        "名词解释",
        "1.“两重”：是指国家重大战略实施和重点领域安全能力建设。",
        "责任编辑：",
        "李莎莎",
        "扫一扫在手机打开当前页",
        "相关附件>>",
        "相关链接>>",
        "abcd39f1fb7f426d9dfb6bd0fa1f2146:",
        "四川省第十四届人民代表大会第五次会议关于政府工作报告的决议",
        "打印本页",
        "关闭窗口",
        "2026年四川省人民政府工作报告",
        "各位代表：现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。",
    ]);
    let d = doc(&lines);
    let c = &d.card;
    assert_eq!(c.title.as_deref(), Some("2026年四川省人民政府工作报告"));
    assert_eq!((c.body_first_line, c.body_last_line), (11, 27));
    assert_eq!(c.year, Some(2026));
}

#[test]
fn a_toolbar_one_word_per_line_and_related_reports_are_chrome() {
    // gwr-prov2026-anhui.
    let d = doc(&[
        "下载",
        "打印",
        "全屏",
        "收藏",
        "【字号：",
        "加大",
        "还原",
        "减小",
        "】",
        "2026年安徽省政府工作报告",
        "——2026年2月5日在安徽省第十四届人民代表大会第四次会议上",
        "来源：安徽日报",
        "时间：2026-02-11",
        "省人民政府省长 王清宪",
        "各位代表：",
        PROSE,
        "各位代表！",
        "我们已经开启“十五五”充满希望的新奋斗，这必将是安徽人民推动高质量发展的新征程。",
        "相关报道：",
    ]);
    let c = &d.card;
    assert_eq!(c.title.as_deref(), Some("2026年安徽省政府工作报告"));
    assert_eq!((c.body_first_line, c.body_last_line), (14, 18));
}

#[test]
fn a_licence_note_after_the_report_is_cut_but_never_a_heading() {
    // Wikisource pages (gwr-national-2016) end with the licence template.
    let mut lines = vec![
        "各位代表：",
        "现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协各位委员提出意见。",
    ];
    lines.extend(std::iter::repeat_n(PROSE, 12));
    lines.extend([
        "本作品是中华人民共和国的",
        "法律",
        "，国家机关的决议、决定、命令和其他具有立法、行政、司法性质的文件，及其官方正式译文。",
        "Public domain",
    ]);
    let d = doc(&lines);
    assert_eq!((d.card.body_first_line, d.card.body_last_line), (1, 14));

    // A heading after chrome keeps the body going: a report is never cut before a heading.
    let d = doc(&[
        "各位代表：",
        PROSE,
        PROSE,
        "分享到：",
        "二、2016年工作总体部署",
        "今年是全面建成小康社会决胜阶段的开局之年。",
    ]);
    assert_eq!(d.card.body_last_line, 6);
    for h in &d.headings {
        assert!((d.card.body_first_line..=d.card.body_last_line).contains(&h.line), "{h:?}");
    }
}

#[test]
fn salutations_are_never_titles() {
    for first in ["各位代表！", "同志们！", "各位代表：\u{200D}", "同志们："] {
        let d = doc(&[first, "", "现在，我代表国务院，向第五届全国人民代表大会作政府工作报告。"]);
        assert_eq!(d.card.title, None, "{first}");
        assert_eq!(d.card.body_first_line, 1, "{first}");
    }
}

#[test]
fn a_dateline_caption_and_glued_subtitle_leave_the_title_as_printed() {
    // gwr-national-2016-xinhua-variant.
    let d = doc(&[
        "",
        "        新华社北京3月17日电",
        "政府工作报告——2016年3月5日在第十二届全国人民代表大会第四次会议上国务院总理<U+00A0> 李克强",
        "",
        "<U+00A0> <U+00A0> 3月5日，李克强总理代表国务院在十二届全国人大四次会议上作《政府工作报告》。新华社记者 饶爱民 摄 ",
        "各位代表：",
        "现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协各位委员提出意见。",
    ]);
    assert_eq!(d.card.title.as_deref(), Some("政府工作报告"));
    assert_eq!(d.card.year, Some(2016));
    assert_eq!(d.card.body_first_line, 6, "the photo caption is not the report's");
}

#[test]
fn a_database_header_is_not_the_title() {
    // other-policy-anhui-sandi-yiqu-reform (北大法宝 export).
    let d = doc(&[
        "    【法宝引证码】 CLI.12.6476457",
        "原文链接：https://www.pkulaw.com/lar/2f52e167e6b73e8162d6f1fa1499e24dbdfb.html",
        "安徽省推进“三地一区”建设领导小组改革开放新高地执行小组办公室关于印发安徽省关于加快对接区域全面经济伙伴关系协定(RCEP)经贸新规则扎实推进高水平开放实施意见的通知",
        "安徽省推进“三地一区”建设领导小组改革开放新高地执行小组办公室关于印发安徽省关于加快对接区域全面经济伙伴关系协定（RCEP）经贸新规则扎实推进高水平开放实施意见的通知",
        "",
        "（皖开放办〔2022〕6号）",
        "",
        "省有关单位：",
        "\u{3000}\u{3000}《安徽省关于加快对接〈区域全面经济伙伴关系协定〉（RCEP）经贸新规则 扎实推进高水平开放实施意见》现印发给你们，请认真贯彻执行。",
    ]);
    let t = d.card.title.as_deref().unwrap_or_default();
    assert!(t.starts_with("安徽省推进“三地一区”建设") && t.ends_with("的通知"), "{t}");
    assert_eq!(d.card.year, Some(2022), "the year of its 发文字号");
}

#[test]
fn a_plan_period_in_the_title_is_not_its_year() {
    // other-policy-anhui-industrial-internet: signed 2021年9月2日, plan for 2021—2023.
    let d = doc(&[
        "安徽省人民政府办公厅关于印发支持工业互联网发展若干政策和安徽省工业互联网创新发展行动计划(2021—2023年)的通知",
        "各市人民政府，省政府各部门，各直属机构：",
        "\u{3000}\u{3000}《支持工业互联网发展若干政策》已经省政府同意，现印发给你们，请认真抓好落实。",
        "安徽省人民政府办公厅",
        "\u{3000}\u{3000}2021年9月2日",
    ]);
    assert_eq!(d.card.year, Some(2021));
}

#[test]
fn letter_spaced_and_split_titles_are_closed_up() {
    // gwr-district-hailar-2013.
    let d = doc(&[
        "政 府 工 作 报 告",
        "",
        "----2013年2月28日在海拉尔区第十四届人民代表大会第二次会议上",
        "",
        "海拉尔区人民政府区长\u{3000}\u{3000}杜联合",
        "\u{3000}\u{3000}各位代表：",
        "\u{3000}\u{3000}一、过去一年工作回顾",
        "\u{3000}\u{3000}2012年，区政府在市委、市政府和区委的正确领导下，紧紧围绕“两个中心”建设。",
    ]);
    assert_eq!(d.card.title.as_deref(), Some("政府工作报告"));
    assert_eq!(d.card.year, Some(2013), "the delivery date, not the year reviewed");

    // gwr-national-2017 (Wikisource): the title broken over two lines.
    let d = doc(&[
        "\u{200B}",
        "",
        "",
        "政府工作报",
        "告",
        "",
        "——2017年3月5日在第十二届全国人民代表大会第五次会议上",
        "",
        "国务院总理",
        "\u{3000}李克强",
        "",
        "各位代表：",
        "现在，我代表国务院，向大会报告政府工作。",
    ]);
    assert_eq!(d.card.title.as_deref(), Some("政府工作报告"));
    assert_eq!(d.card.year, Some(2017));

    // gwr-prov2026-qinghai: a subtitle set with U+2015 horizontal bars.
    let d = doc(&[
        "政府工作报告",
        "――2026年1月27日在青海省第十四届人民代表大会第四次会议上",
        "省长 罗东川",
        "2026-01-31 07:00:44",
        "来源：青海日报",
        "各位代表：",
        "现在，我代表省人民政府向大会报告工作，请予审议，并请各位政协委员和列席会议的同志提出意见。",
    ]);
    assert_eq!(d.card.title.as_deref(), Some("政府工作报告"));
    assert_eq!(d.card.year, Some(2026));
}

#[test]
fn the_title_is_above_its_subtitle() {
    // other-cpc-congress-19-2017: title in two parts, blank lines between, then the subtitle.
    let mut lines = vec!["决胜全面建成小康社会"];
    lines.extend(["", "", ""]);
    lines.push("为夺取新时代中国特色社会主义伟大胜利");
    lines.extend(["", ""]);
    lines.extend([
        "——在中国共产党第十九次全国代表大会上的报告",
        "",
        "（2017年10月18日）",
        "",
        "习\u{3000}近\u{3000}平",
    ]);
    lines.extend(["同志们：", "现在，我代表第十八届中央委员会向大会作报告。"]);
    let d = doc(&lines);
    assert_eq!(
        d.card.title.as_deref(),
        Some("决胜全面建成小康社会为夺取新时代中国特色社会主义伟大胜利")
    );
    assert_eq!(d.card.year, Some(2017));
}

#[test]
fn without_a_date_the_year_is_the_one_planned_for() {
    let open = |first: &str| doc(&["各位代表：", "", first]).card.year;
    // gwr-national-1956: the 决算 of 1955, the 预算 of 1956.
    assert_eq!(open("\u{3000}\u{3000}现在我代表中华人民共和国国务院向第一届全国人民代表大会第三次会议提出关于１９５５年国家决算和１９５６年国家预算的报告，请予审查。"), Some(1956));
    // gwr-national-1958: Chinese numerals.
    assert_eq!(open("\u{3000}\u{3000}我代表国务院向第一届全国人民代表大会第五次会议，提出关于一九五八年度国民经济计划（草案）的报告，请予审议。"), Some(1958));
    // gwr-national-1980: a list of years.
    assert_eq!(
        open("我受国务院的委托，现在向大会提出关于1980、1981年国民经济计划安排的报告，请予审议。"),
        Some(1980)
    );
    // gwr-national-1985: the year just past, looked back on.
    assert_eq!(open("刚刚过去的１９８４年，是我国各族人民在实现八十年代以至九十年代的三大任务方面取得伟大成就的一年。"), Some(1985));
    // gwr-national-2003: the month a government took office dates nothing.
    assert_eq!(open("本届政府1998年3月就职，任期即将结束。"), None);
    // gwr-national-1960: a span of years is no report's year.
    assert_eq!(open("我受中共中央和国务院的委托，向大会作关于一九五六年到一九六七年全国农业发展纲要的执行情况的报告。"), None);

    // gwr-national-2016: looks back on 2015, sets out the work of 2016.
    let d = doc(&[
        "各位代表：",
        "现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协各位委员提出意见。",
        "一、2015年工作回顾",
        "过去一年，我国发展面临多重困难和严峻挑战。",
        "二、“十三五”时期主要目标任务和重大举措",
        "三、2016年重点工作",
        "今年是全面建成小康社会决胜阶段的开局之年。",
    ]);
    assert_eq!(d.card.year, Some(2016));
    // gwr-national-2006: the headings name no year; the plan's opening year does.
    let d = doc(&[
        "各位代表：",
        "现在，我代表国务院，作政府工作报告，请予审议，并请全国政协各位委员提出意见。",
        "一、去年工作回顾",
        "2005年，我国社会主义现代化事业取得显著成就。",
        "二、今年主要任务",
        "2006年是实施“十一五”规划的第一年，改革发展任务繁重。",
    ]);
    assert_eq!(d.card.year, Some(2006));
    // gwr-national-1981: the second year of a plan is no opening.
    let d = doc(&[
        "各位代表：",
        "现在，我代表国务院报告工作。",
        "１９８２年是第六个五年计划的第二年。",
    ]);
    assert_eq!(d.card.year, None);
    // gwr-national-1992: only the review is dated.
    let d = doc(&[
        "各位代表：",
        "现在，我代表国务院向大会作政府工作报告。",
        "一、１９９１年国内工作的回顾",
        "过去的一年，我们取得了很大成绩。",
    ]);
    assert_eq!(d.card.year, Some(1992));
}

#[test]
fn a_text_without_line_breaks_opens_with_its_title() {
    let tail = "煤炭是我国重要的基础能源和原料，在国民经济中具有重要的战略地位。".repeat(60);
    // oneline/other-statecouncil-shanxi-coal-pilot-reply-2006: the 文号's issuer code `国函`.
    let d = doc(&[&format!("国务院关于同意在山西省开展煤炭工业可持续发展政策措施试点意见的批复国函〔2006〕52号山西省人民政府，发展改革委、财政部：{tail}")]);
    assert_eq!(
        d.card.title.as_deref(),
        Some("国务院关于同意在山西省开展煤炭工业可持续发展政策措施试点意见的批复")
    );
    assert_eq!(d.card.year, Some(2006));
    // oneline/gwr-national-2014-xinhua-oneline: caption, dateline, title, subtitle.
    let d = doc(&[&format!("\t\t\t\t3月5日，李克强代表国务院在十二届全国人大二次会议上作《政府工作报告》。<U+00A0>新华社记者姚大伟摄<U+00A0>新华社北京3月14日电政府工作报告——2014年3月5日在第十二届全国人民代表大会第二次会议上国务院总理<U+00A0>李克强各位代表：{tail}")]);
    assert_eq!(d.card.title.as_deref(), Some("政府工作报告"));
    assert_eq!(d.card.year, Some(2014));
    // oneline/gwr-prov-2020-shanghai-oneline: no title in the text.
    let d = doc(&[&format!("上海市市长\u{3000}应勇 各位代表： \u{3000}\u{3000}现在，我代表上海市人民政府，向大会报告工作。{tail}")]);
    assert_eq!(d.card.title, None);
}

#[test]
fn the_first_year_reviewed_or_planned_dates_the_report_not_a_later_target() {
    // gwr-national-1995: the review of 1994 comes first; a later lead names the 2010 vision.
    let d = doc(&[
        "各位代表：",
        "现在，我代表国务院向大会作政府工作报告，请予审议。",
        "一、１９９４年国内工作的回顾",
        "过去的一年，我国改革开放和现代化建设取得了新的重大成就。",
        "制定“九五”计划和２０１０年的远景目标，是今年的一项重要工作",
        "国务院正在抓紧研究。",
    ]);
    assert_eq!(d.card.year, Some(1995));
    // gwr-national-2002: the work of 2001 is reported on.
    let d = doc(&[
        "各位代表：",
        "",
        "\u{3000}\u{3000}现在，我代表国务院向大会作政府工作报告，请予审议，并请全国政协委员提出意见。",
        "",
        "",
        "首先报告２００１年的工作",
        "",
        "",
        "\u{3000}\u{3000}新世纪第一年，全国各族人民在中国共产党领导下，面对复杂多变的国际形势，同心同德，艰苦奋斗，取得了显著成绩。",
    ]);
    assert_eq!(d.card.year, Some(2002));
    // oneline/gwr-prov-2021-shanghai: the 2035 long-range goals of the 十四五 outline.
    let d = doc(&[
        "各位代表：",
        "现在，我代表上海市人民政府，向大会报告工作，请予审议。",
        "一、2020年工作回顾",
        "过去一年，我们经受住了严峻考验。",
        "二、关于《上海市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要（草案）》的说明",
        "《纲要（草案）》共分十五个部分。",
        "三、2021年主要任务",
        "今年是“十四五”开局之年。",
    ]);
    assert_eq!(d.card.year, Some(2021));
}
