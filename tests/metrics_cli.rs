//! `gongwen metrics` as scripts and spreadsheets use it: JSON Lines and CSV carry the same
//! rows, CSV quotes what needs quoting, numbers are never in scientific notation.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn gongwen(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        // The document cache of these runs lives under target/, not in the user's cache.
        .env("GONGWEN_CACHE_DIR", Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-cache"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn json_rows(args: &[&str]) -> Vec<Value> {
    let out = gongwen(args);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn plain_number(s: &str) -> bool {
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    !int.is_empty()
        && int.chars().all(|c| c.is_ascii_digit())
        && !frac.is_empty()
        && frac.chars().all(|c| c.is_ascii_digit())
}

#[test]
fn csv_and_json_carry_the_same_rows_and_columns() {
    let rows = json_rows(&["metrics", "--json"]);
    assert!(rows.len() > 50, "the samples state many quantities: {}", rows.len());
    let out = gongwen(&["metrics", "--csv"]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(!text.starts_with('\u{feff}'), "no BOM unless --excel");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        ["path", "title", "line", "raw", "value", "unit", "approx", "label", "heading"]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(records.len(), rows.len());
    for (rec, row) in records.iter().zip(&rows) {
        for (i, col) in header.iter().enumerate() {
            let want = match &row[col.as_str()] {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            };
            assert_eq!(&rec[i], want, "column {col} of {row}");
        }
        assert!(plain_number(&rec[4]), "value {} is not a plain decimal", &rec[4]);
    }
}

#[test]
fn large_and_fractional_values_are_plain_decimals() {
    let rows = json_rows(&["metrics", "--json"]);
    let yi = rows.iter().find(|r| r["raw"] == "1.59亿元").expect("tianjin states 1.59亿元");
    assert_eq!(yi["value"], 159_000_000);
    assert_eq!(yi["unit"], "元");
    let csv = String::from_utf8(gongwen(&["metrics", "--csv"]).stdout).expect("UTF-8");
    let line = csv.lines().find(|l| l.contains(",1.59亿元,")).expect("the 1.59亿元 row");
    assert!(line.contains(",159000000,元,"), "{line}");
    let pct = rows
        .iter()
        .find(|r| r["unit"] == "%" && r["value"].as_f64().is_some_and(|v| v.fract() != 0.0));
    let pct = pct.expect("a fractional percentage such as 98.34%");
    assert!(plain_number(&pct["value"].to_string()), "{pct}");
}

#[test]
fn csv_quotes_commas_and_quotes_and_excel_gets_a_bom() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a,\"quoted\" report.txt");
    std::fs::write(
        &path,
        "某区2020年法治政府建设报告\n一、复议工作,诉讼\"应诉\"工作\n全年受理行政复议案件6件。\n",
    )
    .expect("write");
    let p = path.display().to_string();
    let out = gongwen(&["metrics", "--csv", "--excel", &p]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let body = text.strip_prefix('\u{feff}').expect("--excel starts with a BOM");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let rec = reader.records().next().expect("one row").expect("parses");
    assert_eq!(&rec[0], p, "path with comma and quotes round-trips");
    assert_eq!(&rec[3], "6件");
    assert_eq!(&rec[8], "复议工作,诉讼\"应诉\"工作", "heading with comma and quotes round-trips");
    assert!(body.contains("\"复议工作,诉讼\"\"应诉\"\"工作\""), "RFC 4180 quoting: {body}");
}

#[test]
fn compare_ranks_one_kind_of_metric_by_unit_with_bars() {
    let out = gongwen(&["metrics", "--compare", "企业"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.lines().next().expect("a group header");
    assert!(first.starts_with("企业 · 家 ("), "{first}");
    let rows: Vec<&str> = text.lines().skip(1).take_while(|l| !l.is_empty()).collect();
    assert!(rows.len() >= 3, "{text}");
    assert!(
        rows[0].contains("████████████████████████"),
        "the largest gets the full bar: {}",
        rows[0]
    );
    let bar_len = |l: &str| l.chars().filter(|c| ('▏'..='█').contains(c)).count();
    assert!(rows.windows(2).all(|w| bar_len(w[0]) >= bar_len(w[1])), "ranked: {text}");
    for group in text.split("\n\n") {
        let mut lines = group.lines();
        let header = lines.next().expect("header");
        let unit = header.split(" · ").nth(1).and_then(|u| u.split(" (").next()).expect("unit");
        for row in lines {
            let quantity = row.split_whitespace().next().expect("quantity");
            assert!(quantity.ends_with(unit), "{row} is in the {unit} group");
        }
    }
}

#[test]
fn query_filters_by_label_and_value_with_wan_and_yi() {
    let rows = json_rows(&["metrics", "--json", "--query", "复议 >5"]);
    assert!(rows.iter().any(|r| r["raw"] == "6件" && r["path"].as_str().is_some_and(|p| p.contains("tianjin"))), "{rows:?}");
    for r in &rows {
        assert!(r["label"].as_str().is_some_and(|l| l.contains("复议")), "{r}");
        assert!(r["value"].as_f64().is_some_and(|v| v > 5.0), "{r}");
    }
    let rows = json_rows(&["metrics", "--json", "--query", "资金 >=1亿"]);
    let raws: Vec<&str> = rows.iter().filter_map(|r| r["raw"].as_str()).collect();
    assert!(raws.contains(&"1亿元") && raws.contains(&"3亿元"), "{raws:?}");
    assert!(rows.iter().all(|r| r["value"].as_f64().is_some_and(|v| v >= 1e8)), "{rows:?}");
    let out = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["metrics", "--query", ">abc"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "a query that does not parse is bad usage");
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("gongwen: --query: "));
}
