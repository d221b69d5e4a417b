//! News-page lines of [`super`]: datelines, photo credits and captions, a page's clock, site
//! section names.

use super::super::dates;

/// A page's clock: `今天是:2019年10月31日 星期三 …`.
pub(super) fn is_clock(core: &str) -> bool {
    core.strip_prefix("今天是").is_some_and(|r| {
        let r = r.trim_start_matches([':', ' ']);
        dates::date_at_start(r).is_some() || r.contains("星期")
    })
}

/// A site section's name standing alone: a short line ending with `要闻` `新闻` `头条` `快讯`
/// (`宁夏要闻`, `图片新闻`).
pub(super) fn is_section_name(core: &str) -> bool {
    core.chars().count() <= 8
        && ["要闻", "新闻", "头条", "快讯"].iter().any(|w| core.ends_with(w))
        && !core.contains(' ')
}

/// A photo caption: a line starting with `图为` (`图为会议现场。`).
pub(super) fn is_caption(core: &str) -> bool {
    core.starts_with("图为")
}

/// A news agency's dateline standing alone: `新华社北京3月16日电` (a month, a day and `电`
/// end a short line).
pub(super) fn is_dateline(n: &str) -> bool {
    let Some(rest) = n.strip_suffix("日电") else { return false };
    if n.chars().count() > 24 {
        return false;
    }
    let day = rest.trim_end_matches(|c: char| c.is_ascii_digit());
    let Some(month) = day.strip_suffix('月').filter(|_| day.len() < rest.len()) else {
        return false;
    };
    month.ends_with(|c: char| c.is_ascii_digit())
}

/// A photo caption's credit at the end of its line: `…作《政府工作报告》。新华社记者 饶爱民 摄`,
/// `(记者 张三 摄)`: the line ends with `摄`, a photographer named just before it.
pub(super) fn is_photo_credit(n: &str) -> bool {
    let t = n.trim_end_matches([')', ' ']);
    if !t.ends_with('摄') || t.ends_with("拍摄") {
        return false;
    }
    let tail: String = t.chars().rev().take(24).collect::<Vec<_>>().into_iter().rev().collect();
    ["记者", "摄影", "通讯员"].iter().any(|w| tail.contains(w))
}
