//! The forms of full-length real reports (issue 11): bounds, units, durations, PDF spacing,
//! the full-width thousands comma, Chinese decimals, names and lost superscripts — each on lines
//! of `tests/real/`, or on the issue's own example where the corpus has none.

use super::{all, none, q, Case};
use crate::metrics::extract_line;

#[test]
fn bounds_after_the_unit_are_approximate() {
    // Real lines: a bound after a rate reads "at least" as after a count (issue 11).
    let cases: &[Case] = &[
        ("网办率达到95%以上。", ("95%以上", 95.0, "%", true)),
        ("应届高校毕业生就业率保持95%以上", ("95%以上", 95.0, "%", true)),
        ("全体居民人均可支配收入年均增长5%以上。", ("5%以上", 5.0, "%", true)),
        ("优良天数比率达到72％以上。", ("72％以上", 72.0, "%", true)),
        (
            "PM2.5年均浓度降至38微克／立方米以下，",
            ("38微克／立方米以下", 38.0, "微克/立方米", true),
        ),
        ("为3岁以下婴幼儿做生长发育监测", ("3岁以下", 3.0, "岁", true)),
        ("达到百分之九十以上", ("百分之九十以上", 90.0, "%", true)),
    ];
    for &(line, (raw, value, unit, approx)) in cases {
        assert_eq!(all(line), vec![q(raw, value, unit, approx)], "{line}");
    }
}

/// Issue 11: units and forms that full-length real reports use, each on a line of
/// `tests/real/` (or the issue's own example where the corpus has none).
#[test]
fn units_real_reports_use() {
    let cases: &[Case] = &[
        ("粮食连续五年增产，总产量10570亿斤，创历史最高水平", ("10570亿斤", 1.057e12, "斤", false)),
        ("确保粮食产量达到297.1亿斤", ("297.1亿斤", 2.971e10, "斤", false)),
        ("人均预期寿命达到78岁。", ("78岁", 78.0, "岁", false)),
        ("PM2.5年均浓度为26.3微克/立方米", ("26.3微克/立方米", 26.3, "微克/立方米", false)),
        ("全员劳动生产率提高到42万元/人", ("42万元/人", 420_000.0, "元/人", false)),
        ("城乡低保平均标准分别提高至778元/月", ("778元/月", 778.0, "元/月", false)),
        ("完成病虫害防治1.2万亩次", ("1.2万亩次", 12_000.0, "亩次", false)),
        ("上海港集装箱吞吐量达到5506.3万标准箱", ("5506.3万标准箱", 55_063_000.0, "标准箱", false)),
        ("中欧班列开行超2000列，", ("超2000列", 2000.0, "列", true)),
        ("劳动年龄人口平均受教育年限达到10.5年。", ("10.5年", 10.5, "年", false)),
        ("天然气产量370亿方。", ("370亿方", 3.7e10, "方", false)),
        ("发电能力将为四百零六万千瓦", ("四百零六万千瓦", 4_060_000.0, "千瓦", false)),
        ("新增4万多亿元。", ("4万多亿元", 4e12, "元", true)),
        ("发电量3，120亿度，比", ("3，120亿度", 3.12e11, "度", false)),
    ];
    for &(line, (raw, value, unit, approx)) in cases {
        assert_eq!(all(line), vec![q(raw, value, unit, approx)], "{line}");
    }
}

#[test]
fn durations_in_years_but_never_calendar_years() {
    let got = all("耕地面积连续4年净增加。杂交水稻制种面积连续8年全国第一");
    assert_eq!(got, vec![q("4年", 4.0, "年", false), q("8年", 8.0, "年", false)]);
    assert_eq!(all("我国与东盟一致同意今后１０年内逐步建立"), vec![q("１０年", 10.0, "年", false)]);
    assert_eq!(all("必须大力开展扫除文盲的运动，今后十年内"), vec![q("十年", 10.0, "年", false)]);
    none("1979年轻工业总产值比上年增长");
    none("本届政府从1 9 9 3 年");
    none("上世纪70年代，肇庆市");
    none("两年多试点证明");
    none("世界百年未有之大变局");
    none("实施低空经济高质量发展3年行动");
    // `加上` is "plus", not the approximation `上`.
    assert_eq!(all("再加上十年“文化大革命”的破坏"), vec![q("十年", 10.0, "年", false)]);
}

#[test]
fn numbers_printed_with_spaces() {
    // PDF text: a space before the unit, digits letter-spaced, a spaced decimal point.
    assert_eq!(all("以全省 100 个县（市、区）"), vec![q("100 个", 100.0, "个", false)]);
    assert_eq!(all("公开政府信息1136 条"), vec![q("1136 条", 1136.0, "条", false)]);
    assert_eq!(
        all("生产总值达到7 4 7 7 2 亿元，"),
        vec![q("7 4 7 7 2 亿元", 7.4772e12, "元", false)]
    );
    assert_eq!(all("去年经济增长8 ．8 ％，"), vec![q("8 ．8 ％", 8.8, "%", false)]);
    assert_eq!(all("国内生产总值达到39.8 万亿元"), vec![q("39.8 万亿元", 3.98e13, "元", false)]);
    none("细颗粒物（PM 2.5 ）浓度继续下降");
    none("第 3 次会议");
}

#[test]
fn full_width_thousands_separators() {
    let got = all("原材料工业，钢产量3，500万吨，水泥7，800万吨，化肥1，230万吨");
    let want = vec![
        q("3，500万吨", 3.5e7, "吨", false),
        q("7，800万吨", 7.8e7, "吨", false),
        q("1，230万吨", 1.23e7, "吨", false),
    ];
    assert_eq!(got, want);
}

#[test]
fn chinese_numeral_decimals() {
    assert_eq!(all("增长百分之十五点三"), vec![q("百分之十五点三", 15.3, "%", false)]);
    assert_eq!(all("提高七点二个百分点"), vec![q("七点二个百分点", 7.2, "个百分点", false)]);
    assert_eq!(all("路货运周转量增长百分之三十六，"), vec![q("百分之三十六", 36.0, "%", false)]);
    assert_eq!(all("电视机增长十点四倍，"), vec![q("十点四倍", 10.4, "倍", false)]);
    assert_eq!(
        all("从一亿一千一百六十三万匹增加到一亿六千三百七十二万匹，增长零点五倍。"),
        vec![
            q("一亿一千一百六十三万匹", 111_630_000.0, "匹", false),
            q("一亿六千三百七十二万匹", 163_720_000.0, "匹", false),
            q("零点五倍", 0.5, "倍", false),
        ]
    );
    none("零点三十分");
    none("上午八点三十分开会");
    none("十二点半");
}

#[test]
fn counts_named_by_what_follows_a_magnitude() {
    assert_eq!(all("解决4800多万农村人口的饮水"), vec![q("4800多万", 4.8e7, "", true)]);
    assert_eq!(all("近14亿中国人的饭碗"), vec![q("近14亿", 1.4e9, "", true)]);
    assert_eq!(all("今年再减少农村贫困人口1000万以上，"), vec![q("1000万以上", 1e7, "", true)]);
    assert!(extract_line("这将使农村1.5 亿中小学生的家庭")[0].label.starts_with("中小学生"));
    none("推动5G应用");
    none("建成3D打印中心");
}

#[test]
fn numbers_that_form_a_name() {
    // A number + unit + 制/式/型/级 is the class of a thing, not a count of it.
    none("新建3人制篮球场");
    none("宁(牛湾)至贵港3000吨级航道工程");
    none("实行10分制考核");
    assert_eq!(all("出台12个制度"), vec![q("12个", 12.0, "个", false)]);
    assert_eq!(all("引进3家制造企业"), vec![q("3家", 3.0, "家", false)]);
}

#[test]
fn lost_superscripts_are_no_counts() {
    // `10¹⁸` printed as `1018` once the superscript is lost: operations per second.
    none("建成每秒1018次浮点运算的超级计算机");
    none("峰值运算速度达到每秒10^18次");
    assert_eq!(all("开展巡查1018次"), vec![q("1018次", 1018.0, "次", false)]);
}

#[test]
fn a_list_writes_its_unit_once() {
    let got = all("水土流失、荒漠化、沙化土地面积分别净减少10.6万、3.8万、3.3万平方公里。");
    let want = vec![
        q("10.6万", 106_000.0, "平方公里", false),
        q("3.8万", 38_000.0, "平方公里", false),
        q("3.3万平方公里", 33_000.0, "平方公里", false),
    ];
    assert_eq!(got, want);
    // Joined by 和, each names its own count.
    let got = all("医疗保险参保人数分别增加1753万和2028万，失业");
    assert_eq!(got, vec![q("1753万", 1.753e7, "", false), q("2028万", 2.028e7, "", false)]);
}

#[test]
fn names_that_look_like_measures() {
    none("百度与阿里");
    none("加快建设长春百克生物制药研发生产基地");
    assert_eq!(all("每年出产五十四匹马力的拖拉机"), vec![q("五十四匹马力", 54.0, "匹马力", false)]);
    assert_eq!(all("土壤有机质平均含量28克/千克。"), vec![q("28克/千克", 28.0, "克/千克", false)]);
}

#[test]
fn counts_before_a_second_number_and_ranks() {
    assert_eq!(
        all("改造老旧小区1343个52.54万户，"),
        vec![q("1343个", 1343.0, "个", false), q("52.54万户", 525_400.0, "户", false)]
    );
    assert_eq!(all("推进卡阳、松如沟等14个750千伏电网工程"), vec![q("14个", 14.0, "个", false)]);
    none("实现三个100%目标");
    none("在“世界500强”排名由369位上升到235位。");
    assert_eq!(all("全省创新能力排名上升5位。"), vec![q("5位", 5.0, "位", false)], "places moved");
    assert_eq!(
        all("为1467位80岁以上低收入老年人"),
        vec![q("1467位", 1467.0, "位", false), q("80岁以上", 80.0, "岁", true)]
    );
}

#[test]
fn a_wan_after_a_yi_counts_the_part_after_the_yi() {
    // gwr-national-1954 (traditional) and its simplified form.
    for line in ["積壓資金二十五億七千多萬元", "积压资金二十五亿七千多万元"]
    {
        let m = extract_line(line);
        assert_eq!(m.len(), 1, "{line}");
        assert_eq!((m[0].value, m[0].approx), (2_570_000_000.0, true), "{line}");
    }
    assert_eq!(extract_line("一亿二千万吨")[0].value, 120_000_000.0);
    assert_eq!(extract_line("三亿五千万元")[0].value, 350_000_000.0);
}
