//! The real corpus (`tests/real`: 130 full-length reports as published, see its SOURCES.md)
//! through the real binary's `info --json` and `outline --json`, judged per document the way a
//! reader would judge the card and the outline:
//!
//! * the title is the document's own, never page chrome (a salutation, a dateline, a database
//!   header, a share button, a clock line, invisible characters, letter spacing);
//! * a year given is the one the corpus's SOURCES.md gives, and it is given wherever the text
//!   states it where a reader looks (title block, first sentences, signature, headings);
//! * the body keeps at least 80% of the file's non-blank text and every heading lies in it;
//! * a report whose text has numbered headings gets at least one, and a report scraped into
//!   one line gets them with their `col`.
//!
//! The checks here are independent of the library's own classifiers, so they can fail.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

fn real() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/real")
}

/// The real reports and, for the body and title rules, the five samples.
fn corpus() -> [PathBuf; 2] {
    [real(), PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/samples")]
}

/// One JSON object per document, keyed by the path relative to `tests/`.
fn run(sub: &str) -> HashMap<String, Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args([sub, "--json", "--no-cache"])
        .args(corpus())
        .stdin(Stdio::null())
        .output()
        .expect("the gongwen binary runs");
    assert!(out.status.success(), "{sub}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("a JSON line"))
        .filter_map(|v| {
            let path = v["path"].as_str()?.to_string();
            let tests = real().parent()?.to_path_buf();
            let rel = Path::new(&path).strip_prefix(tests).ok()?.to_string_lossy().into_owned();
            rel.ends_with(".txt").then_some((rel, v))
        })
        .collect()
}

/// The `year` column of SOURCES.md's tables, by file.
fn source_years() -> HashMap<String, i64> {
    let text = std::fs::read_to_string(real().join("SOURCES.md")).expect("SOURCES.md");
    text.lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let file = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            let year = cells.get(4)?.parse().ok()?;
            Some((format!("real/{file}"), year))
        })
        .collect()
}

fn file_text(rel: &str) -> String {
    let tests = real().parent().map(Path::to_path_buf).unwrap_or_default();
    std::fs::read_to_string(tests.join(rel)).expect("corpus files are UTF-8")
}

/// Why `title` is page chrome rather than a document's title, if it is.
fn chrome_reason(title: &str) -> Option<&'static str> {
    let t = title.trim();
    let starts = |p: &[&str]| p.iter().any(|s| t.starts_with(s));
    let has = |p: &[&str]| p.iter().any(|s| t.contains(s));
    if starts(&["各位代表", "同志们", "代表们"]) {
        return Some("a salutation");
    }
    if has(&["日电", "月电"]) && has(&["新华社", "记者", "讯"]) {
        return Some("a dateline");
    }
    if has(&["【法宝", "法宝引证码", "原文链接", "http", "www."]) {
        return Some("a database or link header");
    }
    if has(&["分享", "今天是", "星期", "字号", "当前位置", "首页", "打印", "来源："])
    {
        return Some("page chrome");
    }
    if starts(&["——", "--", "—"]) {
        return Some("a subtitle");
    }
    if t.ends_with(['！', '：', ':', '!']) {
        return Some("a salutation or label");
    }
    if t.contains(['\u{200b}', '\u{200d}', '\u{feff}', '\u{2060}']) {
        return Some("invisible characters");
    }
    // `政 府 工 作 报 告`: single characters separated by spaces.
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() >= 3 && words.iter().filter(|w| w.chars().count() == 1).count() >= 3 {
        return Some("letter spacing");
    }
    None
}

/// The year written in the forms reports use: `2019`, full-width `２０１９`, `二〇一九`/`二零一九`,
/// and (the 1950s–80s reports) `一九五四`.
fn year_forms(year: i64) -> Vec<String> {
    let digits = year.to_string();
    let full: String = digits
        .chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xff10).unwrap_or(c))
        .collect();
    let cn = |zero: char| -> String {
        digits
            .chars()
            .map(|c| match c {
                '0' => zero,
                d => "一二三四五六七八九".chars().nth(d as usize - '1' as usize).unwrap_or(d),
            })
            .collect()
    };
    vec![digits.clone(), full, cn('〇'), cn('零'), cn('○')]
}

/// Whether `text` names `year` as a year (`2019年`, `一九五四年`), not as an end of a period
/// (`一九八六年到一九九○年`, `到2035年`).
fn names_year(text: &str, year: i64) -> bool {
    year_forms(year).iter().any(|f| {
        let y = format!("{f}年");
        text.match_indices(&y).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + y.len()..].chars().next();
            !before.is_some_and(|c| "到至—-".contains(c))
                && !after.is_some_and(|c| "到至—-".contains(c))
        })
    })
}

/// Whether the report states its year where a reader looks for it: in its title block (the
/// first sentence of each of the first lines with text: title, subtitle, dateline, opening),
/// in its signature (the last lines), or in a heading (`一、2015年工作回顾`). A report that
/// names its year only deep in its body, among the dozens of years a review cites, does not
/// state it.
fn states_year(text: &str, headings: &[Value], year: i64) -> bool {
    const EDGE: usize = 3;
    let lines: Vec<&str> = text.lines().filter(|l| non_blank_chars(l) > 0).collect();
    let edge = lines.iter().take(EDGE).chain(lines.iter().rev().take(EDGE));
    let first_sentence = |l: &&str| l.split('。').next().unwrap_or("").to_string();
    edge.map(first_sentence).any(|l| names_year(&l, year))
        || headings.iter().any(|h| names_year(h["title"].as_str().unwrap_or(""), year))
}

/// Whether the text has official numbered headings: `一、` and `二、` each opening a line (after
/// any white space) or following the end of a sentence, as a reader would see them.
fn has_numbered_headings(text: &str) -> bool {
    let opens = |marker: &str| {
        text.lines().any(|l| {
            l.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{200b}').starts_with(marker)
        }) || ["。", "：", "！", " ", "\u{3000}"]
            .iter()
            .any(|end| text.contains(&format!("{end}{marker}")))
    };
    opens("一、") && opens("二、")
}

fn non_blank_chars(line: &str) -> usize {
    line.chars().filter(|c| !c.is_whitespace() && !matches!(c, '\u{200b}' | '\u{feff}')).count()
}

#[test]
fn every_real_report_has_a_true_card_a_whole_body_and_its_outline() {
    let info = run("info");
    let outline = run("outline");
    let years = source_years();
    assert!(info.len() >= 135, "the whole corpus loads: {} documents", info.len());
    let with_year = info.keys().filter(|k| years.contains_key(*k)).count();
    assert!(with_year >= 130, "SOURCES.md gives the year of every real report ({with_year})");
    let mut failures = Vec::new();
    let mut fail = |rel: &str, what: String| failures.push(format!("{rel}: {what}"));
    let mut names: Vec<&String> = info.keys().collect();
    names.sort();
    for rel in names {
        let card = &info[rel];
        let text = file_text(rel);
        let lines: Vec<&str> = text.lines().collect();

        if let Some(title) = card["title"].as_str() {
            if let Some(why) = chrome_reason(title) {
                fail(rel, format!("title {title:?} is {why}"));
            }
        }

        let heads = outline[rel]["headings"].as_array().cloned().unwrap_or_default();
        let year = card["year"].as_i64();
        match years.get(rel.as_str()) {
            Some(&want) if year.is_some() && year != Some(want) => {
                fail(rel, format!("year {year:?}, SOURCES.md gives {want}"))
            }
            Some(&want) if states_year(&text, &heads, want) && year != Some(want) => {
                fail(rel, format!("year {year:?}, the text states {want}"))
            }
            _ => {}
        }

        let first = card["body_first_line"].as_u64().unwrap_or(1) as usize;
        let last = card["body_last_line"].as_u64().unwrap_or(0) as usize;
        let total: usize = lines.iter().map(|l| non_blank_chars(l)).sum();
        let kept: usize = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| (first..=last).contains(&(i + 1)))
            .map(|(_, l)| non_blank_chars(l))
            .sum();
        if total > 0 && kept * 5 < total * 4 {
            fail(rel, format!("body {first}-{last} keeps {kept} of {total} characters"));
        }

        for h in &heads {
            let line = h["line"].as_u64().unwrap_or(0) as usize;
            if !(first..=last).contains(&line) {
                fail(rel, format!("heading {} at line {line} outside the body", h["title"]));
            }
        }
        if has_numbered_headings(&text) && heads.is_empty() {
            fail(rel, "numbered headings in the text, none in the outline".into());
        }
        let one_line = lines.iter().any(|l| l.chars().count() > 5_000);
        if one_line && has_numbered_headings(&text) && !heads.iter().any(|h| h["col"].is_u64()) {
            fail(rel, "a text in one line, but no heading carries its col".into());
        }
    }
    assert!(
        failures.is_empty(),
        "{} of the real reports:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_independent_checks_catch_what_they_are_for() {
    for chrome in [
        "各位代表！",
        "同志们！",
        "各位代表：\u{200d}",
        "新华社北京3月17日电政府工作报告",
        "【法宝引证码】 CLI.12.4638041原文链接：https://www.pkulaw.com",
        "今天是:2019年10月31日 星期三",
        "政 府 工 作 报 告",
        "——在中国共产党第十九次全国代表大会上的报告",
    ] {
        assert!(chrome_reason(chrome).is_some(), "{chrome}");
    }
    for title in [
        "2026年四川省人民政府工作报告",
        "政府工作报告",
        "中共中央 国务院关于实施乡村振兴战略的意见",
    ] {
        assert_eq!(chrome_reason(title), None, "{title}");
    }
    assert!(names_year("我國在一九五四年", 1954));
    assert!(names_year("２０１５年", 2015));
    assert!(!names_year("2015", 2015));
    assert!(!names_year("一九八六年到一九九○年的第七个五年计划", 1986), "a period");
    let head = [serde_json::json!({"title": "2015年工作回顾"})];
    assert!(states_year("各位代表：\n现在报告工作。", &head, 2016 - 1));
    let deep =
        format!("标题\n{}\n1954年的成就。\n{}", "正文。\n".repeat(10), "结尾。\n".repeat(10));
    assert!(!states_year(&deep, &[], 1954), "a year deep in the body is not the report's");
    assert!(has_numbered_headings("前言。一、总体要求（一）指导思想。二、主要任务"));
    assert!(has_numbered_headings("\u{2003}\u{2003}一、回顾\n\u{2003}\u{2003}二、安排"));
    assert!(!has_numbered_headings("一、二线城市"));
}
