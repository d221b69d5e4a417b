//! Unnumbered headings, on lines copied from `tests/real/`: what a reader lists as a heading,
//! and the short lines that are not headings.

use crate::outline::{parse, Style};

/// A prose paragraph (gwr-prov2025-xizang.txt).
const PROSE: &str = "2024年是新中国成立75周年，是实现“十四五”规划目标任务的关键一年，也是西藏发展进程中极不平凡的一年。";
const PROSE2: &str = "今年是“十四五”规划收官之年，是自治区成立60周年，做好今年工作意义重大，我们要坚定信心、真抓实干。";

/// (line, style, marker, title, level) of the headings of `lines`.
fn outline(lines: &[&str]) -> Vec<(usize, Style, String, String, usize)> {
    parse(lines.iter().copied())
        .into_iter()
        .map(|h| (h.line, h.style, h.marker.to_string(), h.title.to_string(), h.level))
        .collect()
}

#[test]
fn part_titles_standing_alone_are_headings() {
    // gwr-prov2025-xizang.txt: paragraphs one per line, part titles without numbers.
    let lines = [
        "各位代表：",
        "现在，我代表自治区人民政府，向大会报告政府工作，请予审议。",
        "2024年工作回顾",
        PROSE,
        "我们也清醒地认识到，我区经济社会发展还存在不少困难和问题。",
        "2025年工作安排",
        PROSE2,
    ];
    let h = outline(&lines);
    assert_eq!(
        h,
        [
            (3, Style::Standalone, String::new(), "2024年工作回顾".into(), 1),
            (6, Style::Standalone, String::new(), "2025年工作安排".into(), 1),
        ]
    );
}

#[test]
fn in_a_blank_separated_document_a_part_title_stands_between_blank_lines() {
    // gwr-national-1957.txt (Wikisource: paragraphs between blank lines).
    let lines = [
        "下面我想对于教育改革和向科学进军两个问题讲一些意见。",
        "",
        "关于教育改革问题",
        "",
        "一定的文化是一定社会的政治和经济的反映，又给予伟大影响和作用于一定社会的政治和经济。",
        "",
        "以往一年，教育事业有了很大的发展，我们在这方面做了许多工作，也有一些缺点和错误。",
    ];
    assert_eq!(
        outline(&lines),
        [(3, Style::Standalone, String::new(), "关于教育改革问题".into(), 1)]
    );
    // gwr-national-2023.txt: a linked treaty name the scrape put on a line of its own, right
    // under the heading line and before its `(CPTPP)…` continuation: no blank line around it.
    let lines = [
        "今年要做好的工作很多，要突出抓好以下几个方面。",
        "",
        "（四）更大力度吸引和利用外资。扩大市场准入，加大现代服务业领域开放力度。积极推动加入",
        "全面与进步跨太平洋伙伴关系协定",
        "（CPTPP）等高标准经贸协议，主动对照相关规则、规制、管理、标准，深化相关领域改革。",
        "",
    ];
    assert_eq!(outline(&lines).len(), 1, "only the numbered heading");
}

/// Short lines between paragraphs that are not headings, each with its reason.
#[test]
fn salutations_datelines_captions_and_fragments_are_not_headings() {
    let cases: &[(&[&str], &str)] = &[
        (&["请予审议。", "各位代表：", PROSE], "a salutation ends in a colon"),
        (&["请予审议。", "同志们！", PROSE], "a salutation ends in an exclamation mark"),
        (&["请予审议。", "——2026年1月26日在四川省第十四届人民代表大会第五次会议上", PROSE], "a dateline"),
        (&["请予审议。", "1月15日，市十六届人大三次会议开幕。新华社记者 王翔 摄", PROSE], "a caption"),
        (&["我国同偉大的和平堡壘蘇聯已經締結了", "友好同盟互助條約", "。蘇聯根據友好互助的精神，已經給了我國很大的援助，這種援助對我國的建設有很大的作用。"], "a wiki link cut out of its sentence"),
        (&["2026年河北省政府工作报告", "——2026年1月在河北省第十四届人民代表大会第五次会议上", PROSE], "a title above the first sentence"),
        (&["请予审议。", "首先，", PROSE], "a connective ending in a comma"),
        (&["请予审议。", "指标", "单位", "2025年"], "table cells: no prose after them"),
    ];
    for (lines, why) in cases {
        let h = outline(lines);
        assert!(h.is_empty(), "{why}: {h:?}");
    }
}

#[test]
fn a_run_of_lead_lines_are_headings_and_one_short_sentence_is_not() {
    // gwr-national-1993.txt: bold lead lines in place of numbers, each before its paragraph.
    let lines = [
        "实现上述目标，关键是加快改革开放步伐，集中精力把经济建设搞上去。",
        "今后五年，我们要着重抓好以下工作：",
        "加强农业的基础地位。",
        "农业是整个国民经济稳定和发展的基础，任何时候都要十分重视农业，这一点决不能动摇。",
        "加快基础设施和基础工业建设。",
        "随着经济增长速度加快，基础设施和基础工业的“瓶颈”制约越来越突出，必须加快建设。",
        "积极发展第三产业。",
        "要使第三产业增长高于国民生产总值的增长，逐步提高第三产业在国民经济中的比重，加快发展商业、金融和信息咨询业。",
    ];
    let h = outline(&lines);
    let titles: Vec<&str> = h.iter().map(|x| x.3.as_str()).collect();
    assert_eq!(titles, ["加强农业的基础地位", "加快基础设施和基础工业建设", "积极发展第三产业"]);
    assert!(h.iter().all(|x| x.1 == Style::Lead && x.2.is_empty() && x.4 == 1));
    // gwr-national-1957.txt: one short sentence between paragraphs is text.
    let lines = [
        "这三年的工业总产值增长得很快，超过了前三年增长的总和。",
        "现在我举出一些数字说明这个情况。",
        "我国的工业总产值（不包括手工业）1956年比1955年增长了百分之二十八点二。",
    ];
    assert_eq!(outline(&lines), []);
}

#[test]
fn a_bare_numeral_alone_is_a_heading_when_it_continues_the_numbering() {
    // gwr-national-1960.txt: parts numbered `一` `二` alone on their lines.
    let lines = [
        "我受中共中央和国务院的委托，向大会作报告。",
        "",
        "一",
        "",
        "一九五六年到一九六七年全国农业发展纲要，是中共中央提出的。",
        "",
        "二",
        "",
        "下面我首先说一下农业发展纲要在过去四年中执行的情况。",
        "",
        "四",
        "",
        "各位代表，全国农业发展纲要草案已经提交大会。",
    ];
    let h = outline(&lines);
    let got: Vec<(usize, &str, &str)> =
        h.iter().map(|x| (x.0, x.2.as_str(), x.3.as_str())).collect();
    assert_eq!(got, [(3, "一", ""), (7, "二", "")], "`四` after `二` does not continue");
}

#[test]
fn leads_nest_under_a_part_title_by_the_stack_rule() {
    // gwr-national-1988.txt: a part title, then its lead lines.
    let lines = [
        "现在，我代表国务院，向大会作政府工作报告，请予审议。",
        "",
        "过去五年国内工作的基本总结",
        "",
        "第六届全国人民代表大会期间，我国社会主义现代化建设和改革取得了重大进展，总的形势是很好的。",
        "",
        "城乡人民生活进一步改善。",
        "农民人均纯收入，１９８２年为２７０元，１９８７年增加到４６３元，平均每年实际增长百分之八点三。",
        "",
        "农村改革继续深入。",
        "在完善家庭联产承包责任制的同时，积极发展多种经营，农村产业结构发生了深刻变化，乡镇企业异军突起。",
        "",
        "积极推行宏观经济管理的改革。",
        "在计划、投资、物资、财政、税收、金融、外贸等方面都进行了不同程度的改革，间接调控开始发挥作用。",
    ];
    let levels: Vec<(Style, usize)> = outline(&lines).iter().map(|x| (x.1, x.4)).collect();
    assert_eq!(
        levels,
        [(Style::Standalone, 1), (Style::Lead, 2), (Style::Lead, 2), (Style::Lead, 2)]
    );
}

#[test]
fn a_run_of_this_was_the_five_years_leads_are_headings() {
    // gwr-prov2026-qinghai.txt: `这是…的五年。` leads, one per line before their paragraphs.
    let lines = [
        "各位代表！2025年主要目标任务圆满完成，标志着“十四五”规划确定的目标任务胜利完成。",
        "这是生态文明建设取得显著成效的五年。",
        "“四级三类”国土空间规划体系基本建立，国家公园示范省建设取得重大进展，生态环境质量持续改善。",
        "这是综合经济实力显著提升的五年。",
        "全省地区生产总值历史性迈上4000亿元台阶，钾、钠、镁、锂等资源开发利用水平全国领先。",
        "这是改革开放步伐显著加快的五年。",
        "重点领域和关键环节改革纵深推进，营商环境持续优化，开放型经济水平不断提高，活力持续迸发。",
    ];
    let titles: Vec<String> = outline(&lines).into_iter().map(|x| x.3).collect();
    assert_eq!(
        titles,
        [
            "这是生态文明建设取得显著成效的五年",
            "这是综合经济实力显著提升的五年",
            "这是改革开放步伐显著加快的五年"
        ]
    );
}

#[test]
fn a_closing_part_or_an_appendix_is_a_heading_before_its_salutation_subtitle_or_points() {
    // gwr-national-1982.txt: `结束语`, then the salutation, then prose.
    let lines = [
        "现在，我们要全面完成第六个五年计划，任务是繁重的，必须付出艰苦的努力。",
        "",
        "结束语",
        "",
        "各位代表！",
        "",
        "我们要全面完成第六个五年计划，并且为第七个五年计划的经济发展做好准备，这是光荣而艰巨的任务。",
    ];
    assert_eq!(outline(&lines), [(3, Style::Standalone, String::new(), "结束语".into(), 1)]);
    // gwr-prov2025-jiangxi.txt: `附件`, its subtitle, then its numbered notes.
    let lines = ["各位代表！实干托举梦想，拼搏铸就辉煌。让我们更加紧密地团结在以习近平同志为核心的党中央周围。", "附件", "《政府工作报告》有关内容名词注释", "1.“两重”、“两新”：国家重大战略实施和重点领域安全能力建设。"];
    let h = outline(&lines);
    let got: Vec<(usize, Style)> = h.iter().map(|x| (x.0, x.1)).collect();
    assert_eq!(got, [(2, Style::Standalone), (4, Style::NumDot)]);
    // gwr-prov2026-sichuan.txt: `名词解释`, then its first point.
    let lines = [
        "各位代表！骐骥迎春至，万象启新程。我们要更加紧密地团结在以习近平同志为核心的党中央周围。",
        "名词解释",
        "1.“两重”：是指国家重大战略实施和重点领域安全能力建设。",
    ];
    assert_eq!(outline(&lines)[0].3, "名词解释");
    // other-cpc-congress-11-1977.txt: a sentence cut before a linked name is no part title,
    // though a short line and prose follow it.
    let lines = [
        "这是我们党的一贯方针，一定要坚持下去，不能动摇，这是关系到社会主义事业成败的大问题。",
        "把国民经济搞上去，就是要认真贯彻执行",
        "鞍钢宪法",
        "，坚持政治挂帅，加强党的领导，大搞群众运动，实行两参一改三结合，大搞技术革新和技术革命。",
    ];
    assert_eq!(outline(&lines), []);
}
