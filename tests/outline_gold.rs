//! The outline of every sample report equals its gold file (`tests/gold/*.json`), and stays the
//! same when the sample's ASCII punctuation is written full-width, as most real reports do.

use std::path::{Path, PathBuf};

use gongwen::outline::{self, Heading};
use gongwen::text::fold;

const SAMPLES: [&str; 5] = [
    "foshan-hitech-2023",
    "tianjin-binhai-hitech-2020",
    "weinan-hitech-2020",
    "xiamen-torch-hitech-2019",
    "zhongshan-torch-2019",
];

/// One heading reduced to what the gold file states.
#[derive(Debug, PartialEq)]
struct Row {
    line: usize,
    level: usize,
    marker: String,
    title: String,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs of white space folded to one space, as the spec compares titles.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn gold(name: &str) -> Vec<Row> {
    let path = repo().join("tests/gold").join(format!("{name}.json"));
    let json: serde_json::Value = serde_json::from_str(&read(&path)).expect("gold is JSON");
    let headings = json["headings"].as_array().expect("gold has headings");
    headings
        .iter()
        .map(|h| Row {
            line: h["line"].as_u64().expect("line") as usize,
            level: h["level"].as_u64().expect("level") as usize,
            marker: h["marker"].as_str().expect("marker").to_owned(),
            title: squash(h["title"].as_str().expect("title")),
        })
        .collect()
}

fn parse_text(text: &str) -> Vec<Heading> {
    outline::parse(text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)))
}

fn sample(name: &str) -> String {
    read(&repo().join("tests/samples").join(format!("{name}.txt")))
}

/// Describes every difference between `want` and `got`, one per line, keyed by line number.
fn diff(name: &str, want: &[Row], got: &[Row]) -> Vec<String> {
    let mut out = Vec::new();
    for w in want {
        match got.iter().find(|g| g.line == w.line) {
            None => out.push(format!("{name}:{}: missing heading {w:?}", w.line)),
            Some(g) if g != w => {
                out.push(format!("{name}:{}: want {w:?}\n      got {g:?}", w.line))
            }
            Some(_) => {}
        }
    }
    for g in got.iter().filter(|g| !want.iter().any(|w| w.line == g.line)) {
        out.push(format!("{name}:{}: unexpected heading {g:?}", g.line));
    }
    out
}

#[test]
fn every_sample_outline_matches_its_gold_file() {
    let mut problems = Vec::new();
    for name in SAMPLES {
        let got: Vec<Row> = parse_text(&sample(name))
            .into_iter()
            .map(|h| Row {
                line: h.line,
                level: h.level,
                marker: h.marker.into(),
                title: squash(&h.title),
            })
            .collect();
        problems.extend(diff(name, &gold(name), &got));
    }
    assert!(problems.is_empty(), "{} differences:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn full_width_punctuation_gives_the_same_outline() {
    let mut problems = Vec::new();
    for name in SAMPLES {
        let wide: String = sample(name)
            .chars()
            .map(|c| match c {
                '(' => '\u{ff08}',
                ')' => '\u{ff09}',
                ',' => '\u{ff0c}',
                ':' => '\u{ff1a}',
                ';' => '\u{ff1b}',
                c => c,
            })
            .collect();
        assert_ne!(wide, sample(name), "{name}: the variant must differ from the sample");
        // Markers are kept as written, so only their folded form can equal the gold's.
        let want: Vec<Row> = gold(name)
            .into_iter()
            .map(|r| Row { marker: fold(&r.marker), title: squash(&fold(&r.title)), ..r })
            .collect();
        let got: Vec<Row> = parse_text(&wide)
            .into_iter()
            .map(|h| Row {
                line: h.line,
                level: h.level,
                marker: fold(&h.marker),
                title: squash(&fold(&h.title)),
            })
            .collect();
        problems.extend(diff(name, &want, &got));
    }
    assert!(problems.is_empty(), "{} differences:\n{}", problems.len(), problems.join("\n"));
}
