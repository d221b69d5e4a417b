//! The open list of units: what may follow a number for it to be a stated quantity, how each is
//! normalised, and the words whose first character only looks like a unit (`部门`, `单位`).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::chars::{at, first_char, starts_with};

/// What a unit counts; the label rules use it to end a noun phrase at the right word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// People (`名` `人` `位` `人次`).
    People,
    /// Organisations or households (`家` `户` `所`).
    Bodies,
    /// A percentage or a multiple.
    Ratio,
    /// Anything else: items, money, durations, areas.
    Other,
}

/// A unit found after a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// The normalised unit (`元`, `件`, `%`).
    pub name: &'static str,
    /// What it counts.
    pub kind: Kind,
    /// Byte offset where it ends.
    pub end: usize,
}

/// Counting words, measures and currencies as they appear in the reports. Multi-character
/// units win over their first character (`人次` over `人`, `个工作日` over `个`).
const UNITS: &[(&str, Kind)] = &[
    // people
    ("人", Kind::People),
    ("名", Kind::People),
    ("位", Kind::People),
    ("人次", Kind::People),
    ("户次", Kind::Bodies),
    // organisations, households
    ("家", Kind::Bodies),
    ("家次", Kind::Bodies),
    ("户", Kind::Bodies),
    ("所", Kind::Bodies),
    // items and events
    ("件", Kind::Other),
    ("件次", Kind::Other),
    ("项", Kind::Other),
    ("个", Kind::Other),
    ("间", Kind::Other),
    ("间次", Kind::Other),
    ("宗", Kind::Other),
    ("份", Kind::Other),
    ("条", Kind::Other),
    ("次", Kind::Other),
    ("期", Kind::Other),
    ("部", Kind::Other),
    ("篇", Kind::Other),
    ("场", Kind::Other),
    ("场次", Kind::Other),
    ("批", Kind::Other),
    ("批次", Kind::Other),
    ("支", Kind::Other),
    ("台", Kind::Other),
    ("本", Kind::Other),
    ("株", Kind::Other),
    ("栋", Kind::Other),
    ("幢", Kind::Other),
    ("起", Kind::Other),
    ("单", Kind::Other),
    ("笔", Kind::Other),
    ("处", Kind::Other),
    ("座", Kind::Other),
    ("辆", Kind::Other),
    ("车次", Kind::Other),
    ("架次", Kind::Other),
    ("艘", Kind::Other),
    ("套", Kind::Other),
    ("张", Kind::Other),
    ("册", Kind::Other),
    ("类", Kind::Other),
    ("种", Kind::Other),
    ("门", Kind::Other),
    ("堂", Kind::Other),
    ("节", Kind::Other),
    ("课", Kind::Other),
    ("课时", Kind::Other),
    ("学时", Kind::Other),
    ("轮", Kind::Other),
    ("组", Kind::Other),
    ("队", Kind::Other),
    ("块", Kind::Other),
    ("则", Kind::Other),
    ("封", Kind::Other),
    ("枚", Kind::Other),
    ("幅", Kind::Other),
    ("盏", Kind::Other),
    ("棵", Kind::Other),
    ("头", Kind::Other),
    ("只", Kind::Other),
    ("层", Kind::Other),
    ("例", Kind::Other),
    ("卷", Kind::Other),
    ("箱", Kind::Other),
    ("盒", Kind::Other),
    ("袋", Kind::Other),
    ("瓶", Kind::Other),
    ("项次", Kind::Other),
    ("宗次", Kind::Other),
    ("台次", Kind::Other),
    ("班次", Kind::Other),
    ("个次", Kind::Other),
    ("篇次", Kind::Other),
    ("条次", Kind::Other),
    ("期次", Kind::Other),
    ("艘次", Kind::Other),
    ("分", Kind::Other),
    // money
    ("元", Kind::Other),
    ("美元", Kind::Other),
    ("欧元", Kind::Other),
    ("港元", Kind::Other),
    ("港币", Kind::Other),
    ("日元", Kind::Other),
    ("韩元", Kind::Other),
    ("英镑", Kind::Other),
    ("澳门元", Kind::Other),
    ("澳元", Kind::Other),
    ("新台币", Kind::Other),
    // durations
    ("小时", Kind::Other),
    ("天", Kind::Other),
    ("个工作日", Kind::Other),
    ("工作日", Kind::Other),
    ("个月", Kind::Other),
    ("周", Kind::Other),
    ("分钟", Kind::Other),
    ("秒", Kind::Other),
    // a duration; years of the calendar are told apart by their value (`scan`)
    ("年", Kind::Other),
    ("岁", Kind::Other),
    // measures
    ("亩", Kind::Other),
    ("平方米", Kind::Other),
    ("平方公里", Kind::Other),
    ("平方千米", Kind::Other),
    ("厘米", Kind::Other),
    ("兆瓦", Kind::Other),
    ("立方米", Kind::Other),
    ("立方", Kind::Other),
    ("方", Kind::Other),
    ("公方", Kind::Other),
    ("公尺", Kind::Other),
    ("平方公尺", Kind::Other),
    ("立方公尺", Kind::Other),
    ("公顷", Kind::Other),
    ("公里", Kind::Other),
    ("千米", Kind::Other),
    ("米", Kind::Other),
    ("吨", Kind::Other),
    ("公斤", Kind::Other),
    ("千克", Kind::Other),
    ("千瓦", Kind::Other),
    ("千瓦时", Kind::Other),
    ("吉瓦", Kind::Other),
    ("度", Kind::Other),
    ("马力", Kind::Other),
    ("大卡", Kind::Other),
    ("斤", Kind::Other),
    ("市斤", Kind::Other),
    ("担", Kind::Other),
    ("克", Kind::Other),
    ("毫米", Kind::Other),
    ("亩次", Kind::Other),
    ("标准箱", Kind::Other),
    ("标箱", Kind::Other),
    ("列", Kind::Other),
    ("架", Kind::Other),
    ("颗", Kind::Other),
    ("匹", Kind::Other),
    ("匹马力", Kind::Other),
    ("锭", Kind::Other),
    // rates, kept whole (`2.5万元/人` is 25000 元/人)
    ("微克/立方米", Kind::Other),
    ("毫克/立方米", Kind::Other),
    ("克/千克", Kind::Other),
    ("元/人", Kind::Other),
    ("元/月", Kind::Other),
    ("元/年", Kind::Other),
    ("元/天", Kind::Other),
    ("元/日", Kind::Other),
    ("元/吨", Kind::Other),
    ("元/亩", Kind::Other),
    ("元/平方米", Kind::Other),
    ("元/千瓦时", Kind::Other),
    ("元/人·月", Kind::Other),
    ("元/人·年", Kind::Other),
    ("吨/日", Kind::Other),
    ("吨/天", Kind::Other),
    ("吨/年", Kind::Other),
    ("吨/小时", Kind::Other),
    ("立方米/秒", Kind::Other),
    ("立方米/日", Kind::Other),
    ("公里/小时", Kind::Other),
    ("千米/小时", Kind::Other),
    // ratios
    ("%", Kind::Ratio),
    ("‰", Kind::Ratio),
    ("倍", Kind::Ratio),
    ("个百分点", Kind::Ratio),
    ("百分点", Kind::Ratio),
];

/// Words that begin with a unit character but are not a unit after a number: `3部门联合`,
/// `2个体工商户`, `70周年`, `5起草`. Each would otherwise turn a number into a false count.
const NOT_UNITS: &[&str] = &[
    "部门",
    "部署",
    "部分",
    "部长",
    "部委",
    "单位",
    "单独",
    "单一",
    "分局",
    "分别",
    "分类",
    "分管",
    "分级",
    "分院",
    "分析",
    "分中心",
    "起草",
    "起诉",
    "起步",
    "起来",
    "起到",
    "起点",
    "批准",
    "批复",
    "批示",
    "场所",
    "场地",
    "场景",
    "期间",
    "期限",
    "期末",
    "期初",
    "期满",
    "次日",
    "次年",
    "次月",
    "所有",
    "所属",
    "所在",
    "所得",
    "所以",
    "所谓",
    "台账",
    "台阶",
    "本级",
    "本年",
    "本次",
    "本单位",
    "本部门",
    "支持",
    "支付",
    "支部",
    "条例",
    "条件",
    "条款",
    "户籍",
    "户口",
    "名单",
    "名称",
    "名义",
    "名列",
    "位于",
    "位居",
    "位列",
    "位置",
    "元旦",
    "元素",
    "天然",
    "天津",
    "天下",
    "家庭",
    "家属",
    "家长",
    "间隔",
    "倍增",
    "篇章",
    "栋梁",
    "宗旨",
    "宗教",
    "处理",
    "处罚",
    "处置",
    "处室",
    "处长",
    "处级",
    "座谈",
    "类型",
    "类别",
    "种类",
    "种植",
    "门户",
    "门槛",
    "门诊",
    "组织",
    "组建",
    "组成",
    "组长",
    "队伍",
    "只有",
    "只要",
    "只能",
    "周年",
    "周岁",
    "周边",
    "个人",
    "个体",
    "个别",
    "层级",
    "层面",
    "节点",
    "节约",
    "头部",
    "米面",
    "张贴",
    "套餐",
    "课题",
    "课程",
    "轮岗",
    "块状",
    "则是",
    "人民",
    "人大",
    "例如",
    "例外",
    "瓶颈",
    "年代",
    "年级",
    "年度",
    "年初",
    "年底",
    "年末",
    "年中",
    "年份",
    "年会",
    "年报",
    "年鉴",
    "年检",
    "年薪",
    "年龄",
    "年轻",
    "年终",
    "年货",
    "年画",
    "岁月",
    "列入",
    "列为",
    "列出",
    "列席",
    "列举",
    "列支",
    "列表",
    "克服",
    "克难",
    "度过",
    "度假",
    "担任",
    "担当",
    "担保",
    "担负",
    "担心",
    "担起",
    "担纲",
    "匹配",
    "方面",
    "方式",
    "方案",
    "方法",
    "方向",
    "方针",
    "方便",
    "方舱",
    "方阵",
    "方言",
    "方略",
    "方位",
    "方能",
    "方可",
    "方才",
    "方队",
    "方志",
    "立方体",
    "架构",
    "架设",
    "颗粒",
];

/// The unit starting at `pos`, if any (longest spelling first, blocked words excluded).
pub fn unit_at(line: &str, pos: usize) -> Option<Unit> {
    let (first, _) = at(line, pos)?;
    // Asked after every number (most are dates): only the entries of its first character.
    let (units, not_units) = by_first_char().get(&first)?;
    let (name, kind, end) = units
        .iter()
        .filter_map(|(n, k)| starts_with(line, pos, n).map(|end| (*n, *k, end)))
        .max_by_key(|(n, _, _)| n.len())?;
    let longer_word =
        not_units.iter().any(|w| w.len() > name.len() && starts_with(line, pos, w).is_some());
    if longer_word {
        return None;
    }
    Some(Unit { name, kind, end })
}

/// Units and blocked words of each first character, in list order.
type Index = HashMap<char, (Vec<(&'static str, Kind)>, Vec<&'static str>)>;

/// [`UNITS`] and [`NOT_UNITS`] indexed by their first character, built once.
fn by_first_char() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = Index::new();
        for &(unit, kind) in UNITS {
            if let Some(c) = first_char(unit) {
                index.entry(c).or_default().0.push((unit, kind));
            }
        }
        // Blocked words matter only where a unit starts the same way.
        for &word in NOT_UNITS {
            if let Some(entry) = first_char(word).and_then(|c| index.get_mut(&c)) {
                entry.1.push(word);
            }
        }
        index
    })
}

/// Whether a unit starting with a magnitude character (`千米` `千克` `百分点`) is at `pos`, so
/// that `5千米` is read as kilometres rather than 5000 米.
pub fn magnitude_unit_at(line: &str, pos: usize) -> Option<Unit> {
    match at(line, pos) {
        Some(('千' | '百' | '万', _)) => unit_at(line, pos),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Option<&'static str> {
        unit_at(s, 0).map(|u| u.name)
    }

    #[test]
    fn longest_unit_wins() {
        assert_eq!(name("人次,"), Some("人次"));
        assert_eq!(name("个工作日"), Some("个工作日"));
        assert_eq!(name("个窗口"), Some("个"));
        assert_eq!(name("家次"), Some("家次"));
        assert_eq!(name("%"), Some("%"));
        assert_eq!(name("％"), Some("%"), "full-width percent");
        assert_eq!(name("項"), Some("项"), "traditional form");
    }

    #[test]
    fn calendar_words_are_not_units() {
        // Months, days and document numbers never follow a count; `年` is a duration unit
        // whose calendar years the scanner rejects by value.
        assert_eq!(name("年代"), None);
        assert_eq!(name("年度"), None);
        assert_eq!(name("月"), None);
        assert_eq!(name("日"), None);
        assert_eq!(name("号"), None);
        assert_eq!(name("版"), None);
        assert_eq!(name("届"), None);
    }

    #[test]
    fn words_that_start_like_units_are_blocked() {
        assert_eq!(name("部门联合"), None);
        assert_eq!(name("周年"), None);
        assert_eq!(name("个体工商户"), None);
        assert_eq!(name("单位"), None);
        assert_eq!(name("部"), Some("部"));
        assert_eq!(name("例如"), None);
        assert_eq!(name("例,"), Some("例"));
    }

    #[test]
    fn kilometres_are_not_thousands() {
        assert_eq!(magnitude_unit_at("千米", 0).map(|u| u.name), Some("千米"));
        assert_eq!(magnitude_unit_at("千人", 0), None);
    }
}
