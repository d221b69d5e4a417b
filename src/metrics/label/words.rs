//! The word lists the label rules use: fillers, link words, verbs that end a noun phrase, and
//! the head nouns that end a phrase naming people or organisations.

/// Words that open a clause without saying what is counted (`全年` `共计` `其中` …).
pub const FILLERS: &[&str] = &[
    "全年",
    "今年来",
    "今年",
    "共计",
    "共",
    "累计",
    "合计",
    "总计",
    "其中",
    "达到",
    "达",
    "为",
    "先后",
    "目前",
    "对",
    "向",
    "并",
    "另",
    "同时",
    "还",
    "又",
    "均",
];

/// Words that start like a filler but carry meaning (`达成就业意向`).
pub const NOT_FILLERS: &[&str] =
    &["达成", "对外", "为民", "共享", "共建", "共同", "向社会", "并联"];

/// Words that link the label to the number and end the words before it (`总数为3130户`).
pub const TRAILING: &[&str] = &[
    "的",
    "为",
    "达",
    "达到",
    "已达",
    "共",
    "共计",
    "合计",
    "累计",
    "总计",
    "约",
    "均",
    "至",
    "到",
    "由",
    "从",
    "是",
    "有",
    "计",
    "分别",
    "分别为",
    "等",
    "已",
    "仅",
    "只有",
    "多达",
    "高达",
    "了",
    "即",
];

/// Verbs of change: in `由5个工作日压缩至1个工作日` the second number counts what the first did.
pub const CHANGE_VERBS: &[&str] = &[
    "压缩", "缩减", "减少", "增加", "提高", "提升", "降低", "下降", "增长", "缩短", "上升", "扩大",
    "降", "增", "减", "升",
];

/// Words that end a noun phrase after the unit: verbs, prepositions, conjunctions.
pub const STOPS: &[&str] = &[
    "进行", "开展", "享受", "组建", "下沉", "帮扶", "予以", "达成", "申请", "搭建", "送", "逐",
    "在", "于", "与", "和", "及", "并", "被", "将", "把", "向", "从", "由", "对", "给", "为",
    "参加", "参与", "用于", "实现", "完成", "办理", "提供", "获得", "通过", "全部", "分别", "共",
    "累计", "以上", "以下", "以内", "左右", "达到", "达", "占", "涉及", "共计", "合计", "约", "近",
    "超", "缩减", "压缩", "减少", "增加", "提高", "提升", "降低", "下降", "增长", "缩短", "签订",
    "签约", "入驻", "进驻", "落户", "接受", "纳入", "列入", "开通", "上线", "受理", "均", "已",
    "得到", "按", "按照", "经", "是", "作为", "等", "可", "可以", "能够",
];

/// Words right after the unit that make it a time limit or bound, not a noun phrase
/// (`24小时内` `3天后`); elsewhere they are parts of nouns (`区内`, `职能`).
pub const LEADING_STOPS: &[&str] = &["内", "后", "前", "以来", "里"];

/// Two-character words whose first character is a one-character stop but which are nouns.
pub const NOT_STOPS: &[&str] = &[
    "对象", "对口", "对接", "在线", "在建", "在册", "在岗", "在校", "在职", "在编", "与会", "和谐",
    "及时", "并网", "被告", "将来", "从业", "为民", "给予", "向导", "经营", "经济", "经费", "是否",
    "已婚", "近期", "超市", "共享", "共建", "等级", "达标", "可视", "内部", "内设", "内容", "后备",
    "后续", "前期", "前沿", "能力", "能源",
];

/// Words that end a phrase naming people (`拟任处级领导干部考试` → `拟任处级领导干部`).
pub const PEOPLE: &[&str] = &[
    "干部",
    "人员",
    "群众",
    "员",
    "者",
    "师",
    "生",
    "代表",
    "居民",
    "职工",
    "党员",
    "专家",
    "人才",
    "村民",
    "儿童",
    "老人",
    "青少年",
    "对象",
    "农民工",
    "官",
    "长",
];

/// Words that end a phrase naming organisations or places.
pub const BODIES: &[&str] = &[
    "企业",
    "单位",
    "机构",
    "公司",
    "银行",
    "医院",
    "学校",
    "院校",
    "组织",
    "协会",
    "商户",
    "门店",
    "网点",
    "驿站",
    "部门",
    "中心",
    "平台",
    "社区",
    "园区",
    "基地",
    "工作站",
    "律所",
    "事务所",
    "商家",
    "经营户",
    "个体工商户",
    "场所",
    "村",
    "户",
    "法人",
];
