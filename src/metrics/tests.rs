//! Unit tests of the extractor as a reader sees it: what is reported for a phrase, with which
//! value, unit, approximation flag and label.

use super::{extract_line, value_text, Metric};

mod real_forms;

fn one(line: &str) -> Metric {
    let got = extract_line(line);
    assert_eq!(got.len(), 1, "{line}: expected one metric, got {got:?}");
    got.into_iter().next().expect("one metric")
}

/// `(raw, value, unit, approx)` of every metric of a line.
fn all(line: &str) -> Vec<(String, f64, String, bool)> {
    extract_line(line)
        .into_iter()
        .map(|m| (m.raw.into(), m.value, m.unit.into(), m.approx))
        .collect()
}

/// A line and the one metric it states: `(line, (raw, value, unit, approx))`.
type Case = (&'static str, (&'static str, f64, &'static str, bool));

fn q(raw: &str, value: f64, unit: &str, approx: bool) -> (String, f64, String, bool) {
    (raw.to_string(), value, unit.to_string(), approx)
}

fn none(line: &str) {
    let got = extract_line(line);
    assert!(got.is_empty(), "{line}: expected no metric, got {got:?}");
}

#[test]
fn arabic_numbers_with_units() {
    assert_eq!(all("办理入区审核4070件。"), vec![q("4070件", 4070.0, "件", false)]);
    assert_eq!(all("共1,200人次参加"), vec![q("1,200人次", 1200.0, "人次", false)]);
    assert_eq!(all("满意率达98.34%"), vec![q("98.34%", 98.34, "%", false)]);
    assert_eq!(all("平均分99.2分"), vec![q("99.2分", 99.2, "分", false)]);
    assert_eq!(all("压缩至68个工作日"), vec![q("68个工作日", 68.0, "个工作日", false)]);
    assert_eq!(all("受理１２件"), vec![q("１２件", 12.0, "件", false)], "full-width digits");
}

#[test]
fn chinese_numerals_from_ten_up() {
    assert_eq!(all("组成十个工作组"), vec![q("十个", 10.0, "个", false)]);
    assert_eq!(all("走访二十三家企业"), vec![q("二十三家", 23.0, "家", false)]);
    assert_eq!(all("培训三百人"), vec![q("三百人", 300.0, "人", false)]);
    assert_eq!(all("奖励两万元"), vec![q("两万元", 20000.0, "元", false)]);
    assert_eq!(all("清理十二项"), vec![q("十二项", 12.0, "项", false)]);
}

#[test]
fn small_chinese_numerals_and_yi_are_idiom() {
    // Spelled-out numbers below ten enumerate kinds; `一` + unit is idiom.
    none("两项试点工作联动结合");
    none("全面推行入区审核三项制度");
    none("建设“一站式”矛盾调解中心");
    none("一次办好");
    none("建立两委领导重点包联");
}

#[test]
fn magnitudes_normalise_the_value() {
    assert_eq!(all("贷款总额1.59亿元,"), vec![q("1.59亿元", 159_000_000.0, "元", false)]);
    assert_eq!(all("政策资金2653万元。"), vec![q("2653万元", 26_530_000.0, "元", false)]);
    assert_eq!(all("下放事项1.5万件"), vec![q("1.5万件", 15_000.0, "件", false)]);
    assert_eq!(all("总额1.2万亿元"), vec![q("1.2万亿元", 1.2e12, "元", false)]);
    assert_eq!(all("投资3千万美元"), vec![q("3千万美元", 3e7, "美元", false)]);
}

#[test]
fn approximation_in_every_position() {
    assert_eq!(all("近4000家企业法人"), vec![q("近4000家", 4000.0, "家", true)]);
    assert_eq!(all("处置1500余件"), vec![q("1500余件", 1500.0, "件", true)]);
    assert_eq!(all("覆盖2万余人"), vec![q("2万余人", 20_000.0, "人", true)]);
    assert_eq!(all("发放300余万元"), vec![q("300余万元", 3_000_000.0, "元", true)]);
    assert_eq!(all("组织百余名机关干部"), vec![q("百余名", 100.0, "名", true)]);
    assert_eq!(all("制定10多部党内法规"), vec![q("10多部", 10.0, "部", true)]);
    assert_eq!(all("履职率超过91%"), vec![q("超过91%", 91.0, "%", true)]);
    assert_eq!(all("审批金额超20亿元"), vec![q("超20亿元", 2e9, "元", true)]);
    assert_eq!(all("每年不少于2次"), vec![q("不少于2次", 2.0, "次", true)]);
    assert_eq!(all("培训3人以上"), vec![q("3人以上", 3.0, "人", true)]);
    assert_eq!(all("增长10%左右"), vec![q("10%左右", 10.0, "%", true)]);
    assert_eq!(all("组织近百个驻企工作组"), vec![q("近百个", 100.0, "个", true)]);
    assert_eq!(all("十几家单位"), vec![q("十几家", 10.0, "家", true)]);
    assert_eq!(all("历时2个多月"), vec![q("2个多月", 2.0, "个月", true)]);
    assert_eq!(all("耗时3个多小时"), vec![q("3个多小时", 3.0, "小时", true)]);
}

#[test]
fn traditional_forms() {
    assert_eq!(all("服務2萬餘人"), vec![q("2萬餘人", 20_000.0, "人", true)]);
    assert_eq!(all("總額1.59億元"), vec![q("1.59億元", 159_000_000.0, "元", false)]);
    assert_eq!(all("辦理30餘項"), vec![q("30餘項", 30.0, "项", true)]);
    assert_eq!(all("設置十個窗口"), vec![q("十個", 10.0, "个", false)]);
}

#[test]
fn dates_and_years_are_not_metrics() {
    none("2019年,全区");
    none("12月8日,主持召开");
    none("截至2020年1月4日");
    none("二〇二〇年工作");
    none("比2016年版下放");
}

#[test]
fn document_numbers_ordinals_and_codes_are_not_metrics() {
    none("(渭高办发〔2019〕3号)");
    none("令第178号");
    none("第三次会议");
    none("第十个国家宪法日");
    none("第3次");
    none("党的十九届四中全会");
    none("“七五”普法");
    none("电话:0757-86683830");
    none("粤ICP备05033683号");
    none("深化改革2.0版");
    none("上午8:30开始");
    none("8时30分");
    none("每5年");
    none("3D打印中心");
    none("进入全国前10名");
    assert_eq!(all("提前3天完成"), vec![q("3天", 3.0, "天", false)], "前 before a duration");
}

#[test]
fn names_and_quotes_hide_their_numbers() {
    let line =
        "《高端研磨机械设备总部项目1栋办公楼、2栋综合楼建设工程规划类许可证核发》等19个审批项目";
    assert_eq!(all(line), vec![q("19个", 19.0, "个", false)]);
    none("落实“30条”措施");
    assert_eq!(all("组织召开5期“云上”招聘会"), vec![q("5期", 5.0, "期", false)]);
}

#[test]
fn slogans_and_idioms() {
    none("实现“三个100%”目标");
    none("实现三个100%目标");
    none("走进千家万户");
    none("十分重要");
    none("数十家企业");
    none("几十家企业");
    assert_eq!(all("近千人参加"), vec![q("近千人", 1000.0, "人", true)]);
    assert_eq!(all("上百家企业"), vec![q("上百家", 100.0, "家", true)]);
    assert_eq!(all("培训千余人"), vec![q("千余人", 1000.0, "人", true)]);
    assert_eq!(all("发放万余份"), vec![q("万余份", 10_000.0, "份", true)]);
    none("万人助企");
}

#[test]
fn ranges_are_one_metric_at_the_lower_bound() {
    assert_eq!(all("走访3-5家企业"), vec![q("3-5家", 3.0, "家", true)]);
    assert_eq!(all("走访3至5家企业"), vec![q("3至5家", 3.0, "家", true)]);
    assert_eq!(all("增长10%-20%"), vec![q("10%-20%", 10.0, "%", true)]);
    assert_eq!(all("投入3-5万元"), vec![q("3-5万元", 30_000.0, "元", true)]);
    none("2019至2020年");
    none("增长10%-20家");
}

#[test]
fn percent_in_words() {
    assert_eq!(all("备案率百分之百"), vec![q("百分之百", 100.0, "%", false)]);
    assert_eq!(all("达到百分之九十"), vec![q("百分之九十", 90.0, "%", false)]);
}

#[test]
fn words_that_start_like_units() {
    none("联合3部门发文");
    none("建国70周年");
    none("共有3个体工商户");
}

#[test]
fn labels_from_before_the_number() {
    assert_eq!(one("全年受理行政复议案件6件,均按规定办结").label, "受理行政复议案件");
    assert_eq!(one("共计办理市级权力下放事项1.5万件。").label, "办理市级权力下放事项");
    assert_eq!(one("总数为3130户;").label, "总数");
    assert_eq!(one("群众对信访部门满意率达98.43%。").label, "群众对信访部门满意率");
    assert_eq!(one("已办结385件。").label, "已办结", "a bare verb keeps its 已");
    assert_eq!(one("市级纾困等政策资金2653万元。").label, "政策资金");
    assert_eq!(one("审批结果物(证件、批复类)253份,").label, "审批结果物");
}

#[test]
fn labels_from_after_the_unit() {
    assert_eq!(one("取消1家涉黑企业享受区域股权市场挂牌展示补贴资格").label, "涉黑企业");
    assert_eq!(one("组织3名拟任处级领导干部考试。").label, "拟任处级领导干部");
    assert_eq!(one("开展为期7天的读书班,").label, "读书班");
    assert_eq!(one("组织百余名机关干部下沉社区").label, "机关干部");
    let got = extract_line("受理案件12件同比增长20%。");
    assert_eq!(got[0].label, "受理案件", "a comparison after the unit is no noun phrase");
    // A verb after the unit sends the label back before the number.
    let m = one("编制《政策汇编》300余本逐户送至辖区企业");
    assert!(m.label.contains("政策汇编") && !m.label.contains("逐户"), "{}", m.label);
}

#[test]
fn labels_follow_a_change() {
    let got = extract_line("办理时限由5个工作日压缩至1个工作日,");
    let labels: Vec<&str> = got.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, vec!["办理时限", "办理时限"]);
}

#[test]
fn raw_is_the_source_text_at_start() {
    let line = "  全年共接待来访群众2978人次,受理群众来信40余件";
    for m in extract_line(line) {
        assert_eq!(&line[m.start..m.start + m.raw.len()], m.raw);
    }
}

#[test]
fn value_text_is_plain() {
    let m = one("贷款总额1.59亿元");
    assert_eq!(value_text(&m), "159000000");
    assert_eq!(value_text(&one("满意率98.34%")), "98.34");
}

#[test]
fn long_lines_are_read_whole() {
    let line = "办理4070件,".repeat(50_000);
    let got = extract_line(&line);
    assert_eq!(got.len(), 50_000);
    assert!(got.iter().all(|m| m.value == 4070.0 && m.label == "办理"));
}

#[test]
fn traditional_script_reads_like_simplified() {
    // Lines of the 1954 government work report, written partly in traditional characters:
    // 萬 億 餘 噸 點 fold to 万 亿 余 吨 点 (OpenCC's table), the raw text stays as written.
    assert_eq!(
        all("等於一九四九年的二點五倍；原煤八千一百九十九萬噸"),
        vec![q("二點五倍", 2.5, "倍", false), q("八千一百九十九萬噸", 81_990_000.0, "吨", false)]
    );
    assert_eq!(
        all("這個工程因爲盲目採購材料而積壓資金一百四十四億餘元"),
        vec![q("一百四十四億餘元", 14_400_000_000.0, "元", true)]
    );
    // The same sentence in either script gives the same metrics.
    let value_unit = |line: &str| -> Vec<(f64, String, bool)> {
        all(line).into_iter().map(|(_, v, u, a)| (v, u, a)).collect()
    };
    assert_eq!(
        value_unit("因爲工地臨時建築標準過高浪費二十三億元，金屬切削機床一萬三千五百十三台"),
        value_unit("因为工地临时建筑标准过高浪费二十三亿元，金属切削机床一万三千五百十三台")
    );
    // Labels stop at the same words in either script (`給了` as at `给了`), shown as written.
    let trad = one("尤其是在建設一百四十一項企業方面給了我們系統的經濟援助和技術援助");
    let simp = one("尤其是在建设一百四十一项企业方面给了我们系统的经济援助和技术援助");
    assert_eq!(crate::text::fold(&trad.label), simp.label.to_string());
    assert!(trad.label.starts_with("企業"), "{}", trad.label);
}
