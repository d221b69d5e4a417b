//! Small synthetic pages in shapes the bundled samples do not have, and property tests.

use proptest::prelude::*;

use crate::doc::{Document, Format};

fn doc(text: &str) -> Document {
    Document::new("t.txt", "UTF-8", Format::Text, text.to_string())
}

/// The body lines' text.
fn body(d: &Document) -> Vec<&str> {
    d.body_lines().map(|(_, l)| l.trim()).collect()
}

#[test]
fn html_page_with_breadcrumb_and_footer() {
    let d = doc("网站首页 | 政务公开 | 互动交流\n\
        当前位置:首页 > 政务公开 > 法治政府建设\n\
        \n\
        某某区2021年法治政府建设年度报告\n\
        发布时间:2022-01-15 09:30 浏览次数:321\n\
        【字体:大 中 小】\n\
        \n\
        2021年,我区深入学习贯彻习近平法治思想,法治政府建设取得新成效。\n\
        一、主要举措\n\
        (一)依法全面履行政府职能。全年办理行政许可1200件。\n\
        某某区人民政府\n\
        2022年1月10日\n\
        \n\
        【打印本页】【关闭窗口】\n\
        相关链接:\n\
        关于印发《某某区依法行政工作要点》的通知(某府办〔2021〕5号)\n\
        版权所有:某某区人民政府 网站标识码:1234567890\n");
    let c = &d.card;
    assert_eq!(c.title.as_deref(), Some("某某区2021年法治政府建设年度报告"));
    assert_eq!(c.year, Some(2021));
    assert_eq!(c.published.as_deref(), Some("2022-01-15"));
    assert_eq!((c.body_first_line, c.body_last_line), (8, 12));
    assert_eq!(c.issuer.as_deref(), Some("某某区人民政府"));
    assert_eq!(c.date.as_deref(), Some("2022-01-10"));
    assert_eq!(c.doc_number, None, "a related document's number is not this report's");
}

#[test]
fn published_and_source_on_one_line() {
    for meta in ["发布时间:2021-03-02 来源:区司法局", "来源:区司法局 发布时间:2021/3/2 16:05"]
    {
        let d = doc(&format!(
            "关于2020年度法治政府建设情况的报告\n{meta}\n  2020年,区司法局依法履职。\n  全年审查合同45件。\n"
        ));
        let c = &d.card;
        assert_eq!(c.published.as_deref(), Some("2021-03-02"), "{meta}");
        assert_eq!(c.title.as_deref(), Some("关于2020年度法治政府建设情况的报告"), "{meta}");
        assert_eq!((c.body_first_line, c.body_last_line), (3, 4), "{meta}");
    }
}

#[test]
fn chinese_numeral_date_and_title_over_two_lines() {
    let d = doc("某某县人民政府\n\
        关于二〇二〇年法治政府建设情况的报告\n\
        某某市人民政府:\n\
        二〇二〇年,我县深入推进依法行政。\n\
        一、主要成效\n\
        全年化解矛盾纠纷300件。\n\
        某某县人民政府\n\
        二〇二一年一月二十二日\n");
    let c = &d.card;
    assert_eq!(c.title.as_deref(), Some("某某县人民政府关于二〇二〇年法治政府建设情况的报告"));
    assert_eq!(c.year, Some(2020));
    assert_eq!(c.addressee.as_deref(), Some("某某市人民政府"));
    assert_eq!(c.issuer.as_deref(), Some("某某县人民政府"));
    assert_eq!(c.date.as_deref(), Some("2021-01-22"));
    assert_eq!(c.published, None);
    assert_eq!((c.body_first_line, c.body_last_line), (3, 8));
}

#[test]
fn title_issuer_on_its_own_paragraph_is_joined_only_before_guanyu() {
    let d = doc("某某区管委会\n\n关于2020年度法治政府建设工作的报告\n\n2020年,我区依法行政。\n");
    assert_eq!(d.card.title.as_deref(), Some("某某区管委会关于2020年度法治政府建设工作的报告"));
    let d = doc("某某区人民政府\n\n某某区2020年度法治政府建设报告\n\n2020年,我区依法行政。\n");
    assert_eq!(d.card.title.as_deref(), Some("某某区2020年度法治政府建设报告"));
}

#[test]
fn plain_report_without_navigation() {
    let d = doc("2020年,我区坚持依法行政。\n一、主要做法\n(一)完善制度。出台规范性文件3件。\n");
    assert_eq!(d.card.title, None);
    assert_eq!(d.card.year, Some(2020), "the year comes from the first sentence");
    assert_eq!((d.card.body_first_line, d.card.body_last_line), (1, 3));

    let d = doc("某区2020年法治政府建设工作总结\n\n一年来,我区依法行政水平不断提高。\n二〇二一年是开局之年。\n");
    assert_eq!(d.card.title.as_deref(), Some("某区2020年法治政府建设工作总结"));
    assert_eq!(d.card.year, Some(2020), "the title's year, not a later one in the body");
    assert_eq!((d.card.body_first_line, d.card.body_last_line), (3, 4));
}

#[test]
fn cc_and_printing_line_close_the_body() {
    let d = doc("某区2019年法治政府建设报告\n\
        全年办理复议案件12件。\n\
        \n\
        某区人民政府\n\
        (盖章)\n\
        2020年1月4日\n\
        抄送:市依法治市办,市司法局。\n\
        某区人民政府办公室      2020年1月6日印发\n\
        分享到:\n");
    let c = &d.card;
    assert_eq!(c.cc.as_deref(), Some("市依法治市办,市司法局"));
    assert_eq!(c.date.as_deref(), Some("2020-01-04"), "成文日期, not the printing date");
    assert_eq!(c.issuer.as_deref(), Some("某区人民政府"));
    assert_eq!((c.body_first_line, c.body_last_line), (2, 8));
}

#[test]
fn copyright_footer_and_contact_block_are_cut() {
    let d = doc("首页 > 法治政府\n\
        某局2022年度法治政府建设情况报告\n\
        2022年,我局认真落实法治政府建设要求。\n\
        全年开展普法活动20场。\n\
        Copyright © 2023 某某市司法局 版权所有\n\
        地址:某某路1号 电话:0000-1234567\n");
    assert_eq!(body(&d), ["2022年,我局认真落实法治政府建设要求。", "全年开展普法活动20场。"]);
}

#[test]
fn doc_number_signer_and_signature_on_the_date_line() {
    let d = doc("津高新发[2021]3号\n签发人:李四\n某区2020年法治政府建设情况报告\n\
        市委依法治市办:\n现将有关情况报告如下。\n某区管委会 2021年1月5日\n");
    let c = &d.card;
    assert_eq!(c.doc_number.as_deref(), Some("津高新发[2021]3号"));
    assert_eq!(c.signer.as_deref(), Some("李四"));
    assert_eq!(c.addressee.as_deref(), Some("市委依法治市办"));
    assert_eq!(c.issuer.as_deref(), Some("某区管委会"));
    assert_eq!(c.date.as_deref(), Some("2021-01-05"));
    assert_eq!(c.body_first_line, 4);
}

#[test]
fn labelled_metadata_table_fills_missing_fields() {
    let d = doc("索引号:11440000/2021-00012\n发文机关:某某区司法局\n成文日期:2021-01-20\n\
        标题:某某区司法局2020年法治政府建设年度报告\n发文字号:区司发〔2021〕2号\n\
        发布日期:2021-01-25\n\n2020年,我局坚持依法行政。\n全年审查文件30件。\n");
    let c = &d.card;
    assert_eq!(c.title.as_deref(), Some("某某区司法局2020年法治政府建设年度报告"));
    assert_eq!(c.doc_number.as_deref(), Some("区司发〔2021〕2号"));
    assert_eq!(c.issuer.as_deref(), Some("某某区司法局"));
    assert_eq!(c.date.as_deref(), Some("2021-01-20"));
    assert_eq!(c.published.as_deref(), Some("2021-01-25"));
    assert_eq!((c.body_first_line, c.body_last_line), (8, 9));
}

#[test]
fn hard_wrapped_text_with_page_numbers() {
    // Text converted from PDF: lines wrapped at a fixed width, page numbers between pages.
    let d = doc("某某区2020年法治政府建设\n\
        工作情况报告\n\
        \n\
        2020年,我区坚持以习近平新时代中国特色社会主义思想\n\
        为指导,全面推进依法行政,各项工作取得明显成效。\n\
        — 1 —\n\
        一、主要做法\n\
        某某区人民政府\n\
        2021年1月8日\n\
        - 2 -\n");
    let c = &d.card;
    assert_eq!(c.title.as_deref(), Some("某某区2020年法治政府建设工作情况报告"));
    assert_eq!((c.body_first_line, c.body_last_line), (4, 9), "the whole first paragraph");
    assert_eq!(c.date.as_deref(), Some("2021-01-08"));
}

#[test]
fn unknown_page_text_between_title_and_prose_is_left_out() {
    let d = doc("某区2020年法治政府建设报告\n文章配图\n\n2020年,我区依法行政。\n");
    assert_eq!(d.card.body_first_line, 4);
}

#[test]
fn after_the_signed_date_only_notes_cc_and_appendices_stay() {
    let d = doc("某区2021年法治政府建设年度报告\n\
        2021年,我区依法行政。\n\
        某区人民政府\n\
        2022年1月5日\n\
        (此件公开发布)\n\
        某区政府网 网站导航 我要留言\n\
        某区2021年度其他新闻标题\n");
    assert_eq!(d.card.body_last_line, 5, "unrecognised page text after the signature is cut");

    let d = doc("某区2021年法治政府建设年度报告\n\
        2021年,我区依法行政。\n\
        某区人民政府\n\
        2022年1月5日\n\
        附件:重点工作完成情况\n\
        1.完成立法项目3件。\n\
        2.办理复议案件8件。\n\
        分享到:\n");
    assert_eq!(d.card.body_last_line, 7, "an appendix after the signature is kept");
}

#[test]
fn page_title_copy_and_site_header_do_not_become_the_title() {
    let d = doc("某某区法治政府网\n\
        \n\
        某某区2020年度法治政府建设情况报告_某某区人民政府网\n\
        当前位置:首页>政务公开>法治政府\n\
        某某区2020年度法治政府建设情况报告\n\
        时间:2021-01-28 10:12:30 来源:区司法局 字号:[ 大 中 小 ]\n\
        【大】【中】【小】\n\
        2020年,我区法治政府建设取得新进展。\n");
    assert_eq!(d.card.title.as_deref(), Some("某某区2020年度法治政府建设情况报告"));
    assert_eq!(d.card.published.as_deref(), Some("2021-01-28"));
    assert_eq!((d.card.body_first_line, d.card.body_last_line), (8, 8));
}

#[test]
fn metadata_table_with_values_on_their_own_lines() {
    let d = doc("索引号:\n11440606/2021-00012\n名称:\n顺德区2020年法治政府建设年度报告\n\
        成文日期:\n2021-01-29\n发布日期:\n2021-02-01\n\n\
        2020年,我区坚持依法行政。\n全年审查合同45件。\n");
    let c = &d.card;
    assert_eq!(c.title.as_deref(), Some("顺德区2020年法治政府建设年度报告"));
    assert_eq!(c.published.as_deref(), Some("2021-02-01"));
    assert_eq!(c.date.as_deref(), Some("2021-01-29"));
    assert_eq!((c.body_first_line, c.body_last_line), (10, 11));
}

#[test]
fn a_page_without_visible_text_has_an_empty_body() {
    for text in ["", "\n\n", " \u{3000}\n\u{a0}"] {
        let d = doc(text);
        assert_eq!((d.card.body_first_line, d.card.body_last_line), (1, 0), "{text:?}");
        assert_eq!(d.body_lines().count(), 0);
    }
}

/// Lines a page may be made of, chrome and report text alike.
fn page_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("首页 > 公开".to_string()),
        Just("发布日期:2020-01-06字体大小: | |".to_string()),
        Just("分享到:".to_string()),
        Just("某区2020年法治政府建设报告".to_string()),
        Just("某区人民政府:".to_string()),
        Just("一、主要做法".to_string()),
        Just("2021年1月22日".to_string()),
        Just("二〇二一年十三月四十日".to_string()),
        Just("抄送:市司法局。".to_string()),
        Just("来源:本网".to_string()),
        Just("".to_string()),
        "[\\PC]{0,40}",
        ".{0,20}",
    ]
}

#[test]
fn a_page_of_short_lines_only_has_a_title_of_a_few_lines() {
    let text: String = (1..=2000).map(|i| format!("第{i}行\n")).collect();
    let title = doc(&text).card.title.expect("a title");
    assert!(title.starts_with("第1行"), "{title}");
    assert!(title.matches('行').count() <= 6, "{title}");
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics_and_the_range_holds(text in "(\\PC|\n|\r|\t){0,400}") {
        check_range(&doc(&text));
    }

    #[test]
    fn pages_of_mixed_lines_keep_the_range(lines in prop::collection::vec(page_line(), 0..30)) {
        let d = doc(&lines.join("\n"));
        check_range(&d);
        if let Some(date) = &d.card.date {
            prop_assert_eq!(date.len(), 10);
        }
    }
}

fn check_range(d: &Document) {
    let (first, last) = (d.card.body_first_line, d.card.body_last_line);
    if d.lines().any(|l| !l.trim().is_empty()) {
        assert!(1 <= first && first <= last && last <= d.line_count(), "{first}..={last}");
    } else {
        assert_eq!((first, last), (1, 0));
    }
}

mod real_lines;
