//! The metrics of the five samples against the gold files (`tests/gold/*.json`): every required
//! metric found with the right value, unit, approximation and raw text; nothing extra on the
//! gold lines; labels containing the gold hint for at least 90% of the metrics.

use std::path::Path;

use gongwen::metrics::{extract, Metric};
use serde_json::Value;

struct Sample {
    name: String,
    lines: Vec<String>,
    gold: Value,
}

fn samples() -> Vec<Sample> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(root.join("tests/gold"))
        .expect("tests/gold exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no gold files");
    paths
        .into_iter()
        .map(|p| {
            let gold: Value =
                serde_json::from_str(&std::fs::read_to_string(&p).expect("gold readable"))
                    .expect("gold is JSON");
            let file = gold["file"].as_str().expect("gold names its file").to_string();
            let text = std::fs::read_to_string(root.join("tests/samples").join(&file))
                .expect("sample readable");
            Sample { name: file, lines: text.split('\n').map(str::to_string).collect(), gold }
        })
        .collect()
}

fn gold_metrics(s: &Sample) -> Vec<&Value> {
    s.gold["metrics"].as_array().expect("metrics array").iter().collect()
}

fn extracted(s: &Sample) -> Vec<Metric> {
    extract(s.lines.iter().map(String::as_str), &[])
}

/// Pairs each gold metric with the first unused extracted metric that matches it, so that two
/// `100%` on one line are told apart by order.
fn pair<'g, 'm>(gold: &[&'g Value], got: &'m [Metric]) -> Vec<(&'g Value, Option<&'m Metric>)> {
    let mut used = vec![false; got.len()];
    gold.iter()
        .map(|g| {
            let i = (0..got.len()).find(|&i| !used[i] && matches(g, &got[i]));
            if let Some(i) = i {
                used[i] = true;
            }
            (*g, i.map(|i| &got[i]))
        })
        .collect()
}

fn matches(g: &Value, m: &Metric) -> bool {
    let value = g["value"].as_f64().expect("gold value");
    let close = (m.value - value).abs() <= value.abs() * 0.001;
    m.line as u64 == g["line"].as_u64().expect("gold line")
        && m.raw == g["raw"].as_str().expect("gold raw")
        && close
        && m.unit == g["unit"].as_str().expect("gold unit")
        && m.approx == g["approx"].as_bool().expect("gold approx")
}

fn optional(g: &Value) -> bool {
    g["optional"].as_bool().unwrap_or(false)
}

#[test]
fn every_required_gold_metric_is_found() {
    let mut missing = Vec::new();
    let mut total = 0;
    for s in samples() {
        let got = extracted(&s);
        for (g, m) in pair(&gold_metrics(&s), &got) {
            if optional(g) {
                continue;
            }
            total += 1;
            if m.is_none() {
                let line = g["line"].as_u64().unwrap_or(0) as usize;
                let near: Vec<String> = got
                    .iter()
                    .filter(|m| m.line == line)
                    .map(|m| {
                        format!(
                            "{}={}{}{}",
                            m.raw,
                            m.value,
                            m.unit,
                            if m.approx { "~" } else { "" }
                        )
                    })
                    .collect();
                missing.push(format!(
                    "{} line {line}: {} (got {})",
                    s.name,
                    g["raw"],
                    near.join(" ")
                ));
            }
        }
    }
    println!("recall: {}/{total}", total - missing.len());
    assert!(missing.is_empty(), "missing gold metrics:\n{}", missing.join("\n"));
}

#[test]
fn nothing_extra_on_gold_lines() {
    let mut extra = Vec::new();
    let mut reported = 0;
    for s in samples() {
        let lines: Vec<u64> = s.gold["metric_lines"]
            .as_array()
            .expect("metric_lines array")
            .iter()
            .filter_map(Value::as_u64)
            .collect();
        let got = extracted(&s);
        let paired = pair(&gold_metrics(&s), &got);
        for m in got.iter().filter(|m| lines.contains(&(m.line as u64))) {
            reported += 1;
            if !paired.iter().any(|(_, p)| p.is_some_and(|p| std::ptr::eq(p, m))) {
                extra.push(format!(
                    "{} line {}: {} ({} {})",
                    s.name, m.line, m.raw, m.value, m.unit
                ));
            }
        }
    }
    println!("precision: {}/{reported}", reported - extra.len());
    assert!(extra.is_empty(), "metrics the gold does not list:\n{}", extra.join("\n"));
}

#[test]
fn labels_contain_the_gold_hint() {
    let (mut hits, mut total) = (0, 0);
    let mut misses = Vec::new();
    for s in samples() {
        let got = extracted(&s);
        for (g, m) in pair(&gold_metrics(&s), &got) {
            let Some(hint) = g["label_hint"].as_str() else { continue };
            let Some(m) = m else { continue };
            total += 1;
            if m.label.contains(hint) {
                hits += 1;
            } else {
                misses.push(format!(
                    "{} line {}: {} label {:?} lacks {hint:?}",
                    s.name, m.line, m.raw, m.label
                ));
            }
        }
    }
    println!("labels: {hits}/{total}\n{}", misses.join("\n"));
    assert!(total > 0, "no labelled gold metric was found");
    assert!(hits * 10 >= total * 9, "labels: {hits}/{total}; misses:\n{}", misses.join("\n"));
}

#[test]
fn metrics_carry_their_heading() {
    use gongwen::outline::{Heading, Style};
    let lines = ["一、工作情况", "受理行政复议案件6件。", "二、存在问题", "办理12件。"];
    let heading = |line: usize, title: &str| Heading {
        line,
        level: 1,
        marker: Default::default(),
        title: title.into(),
        style: Style::CnDun,
        col: None,
    };
    let headings = [heading(1, "工作情况"), heading(3, "存在问题")];
    let got = extract(lines, &headings);
    let pairs: Vec<(usize, Option<&str>)> =
        got.iter().map(|m| (m.line, m.heading.map(|h| headings[h].title.as_str()))).collect();
    assert_eq!(pairs, vec![(2, Some("工作情况")), (4, Some("存在问题"))]);
}
