//! The command line as scripts use it: the real binary, its stdout, stderr and exit codes,
//! checked against the gold files of `shared/spec/gold` (copied to `tests/gold`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const SAMPLES: [&str; 5] = [
    "foshan-hitech-2023",
    "tianjin-binhai-hitech-2020",
    "weinan-hitech-2020",
    "xiamen-torch-hitech-2019",
    "zhongshan-torch-2019",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gongwen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        // The document cache of these runs lives under target/, not in the user's cache.
        .env("GONGWEN_CACHE_DIR", Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-cache"))
        .stdin(Stdio::null())
        .output()
        .expect("the gongwen binary runs")
}

fn gold(name: &str) -> Value {
    let text = std::fs::read_to_string(root().join("tests/gold").join(format!("{name}.json")))
        .expect("gold file");
    serde_json::from_str(&text).expect("gold JSON")
}

fn sample(name: &str) -> String {
    root().join("tests/samples").join(format!("{name}.txt")).display().to_string()
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line: {l}: {e}")))
        .collect()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn outline_json_equals_the_gold_headings_for_every_sample() {
    let mut mismatches = Vec::new();
    for name in SAMPLES {
        let out = gongwen(&["outline", "--json", &sample(name)]);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let docs = json_lines(&out);
        assert_eq!(docs.len(), 1, "{name}: one JSON line per document");
        let got = docs[0]["headings"].as_array().cloned().unwrap_or_default();
        let want = gold(name)["headings"].as_array().cloned().unwrap_or_default();
        for i in 0..got.len().max(want.len()) {
            let key = |h: Option<&Value>| {
                h.map(|h| {
                    (
                        h["line"].as_u64(),
                        h["level"].as_u64(),
                        h["marker"].as_str().map(str::to_owned),
                        h["title"].as_str().map(squash),
                    )
                })
            };
            let (g, w) = (key(got.get(i)), key(want.get(i)));
            if g != w {
                mismatches.push(format!("{name} #{i}: got {g:?}, want {w:?}"));
            }
        }
    }
    assert!(mismatches.is_empty(), "{} mismatches:\n{}", mismatches.len(), mismatches.join("\n"));
}

#[test]
fn info_json_gives_the_gold_card_for_every_sample() {
    let fields = [
        "title",
        "year",
        "published",
        "issuer",
        "date",
        "doc_number",
        "signer",
        "addressee",
        "cc",
        "body_first_line",
        "body_last_line",
    ];
    let mut mismatches = Vec::new();
    for name in SAMPLES {
        let out = gongwen(&["info", "--json", &sample(name)]);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let card = &json_lines(&out)[0];
        let want = gold(name);
        for f in fields {
            if card[f] != want[f] {
                mismatches.push(format!("{name}.{f}: got {}, want {}", card[f], want[f]));
            }
        }
        assert_eq!(card["encoding"], "UTF-8", "{name}");
    }
    assert!(mismatches.is_empty(), "{} mismatches:\n{}", mismatches.len(), mismatches.join("\n"));
}

#[test]
fn no_path_means_the_bundled_samples_from_any_directory() {
    let out = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["outline", "--json"])
        .current_dir(std::env::temp_dir())
        .output()
        .expect("runs");
    assert!(out.status.success());
    let docs = json_lines(&out);
    let paths: Vec<_> = docs.iter().filter_map(|d| d["path"].as_str()).collect();
    assert_eq!(paths.len(), 5, "{paths:?}");
    for name in SAMPLES {
        assert!(paths.iter().any(|p| p.ends_with(&format!("{name}.txt"))), "{name} in {paths:?}");
    }
    let weinan = docs.iter().find(|d| d["path"].as_str().is_some_and(|p| p.contains("weinan")));
    let weinan = weinan.expect("weinan is bundled");
    assert_eq!(weinan["headings"], gold("weinan-hitech-2020")["headings"]);
}

#[test]
fn outline_for_people_is_an_indented_tree_with_line_numbers() {
    let out = gongwen(&["outline", &sample("zhongshan-torch-2019")]);
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("火炬开发区2019年法治政府建设工作报告"), "{}", lines[0]);
    assert!(lines.contains(&"  9  一、2019年度推进法治政府建设的主要举措和成效"), "{text}");
    assert!(lines.contains(&" 11    (一)依法全面履行政府职能"), "{text}");
    assert!(lines.contains(&" 13      1.简政放权"), "{text}");
    assert!(lines.contains(&" 29        一是做好事前事中事后公示"), "{text}");
}

#[test]
fn a_bad_path_is_reported_and_the_other_paths_still_load() {
    let out = gongwen(&["outline", "--json", "/no/such/report.txt", &sample("weinan-hitech-2020")]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("gongwen: /no/such/report.txt: "), "{stderr}");
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 1);
    assert!(docs[0]["path"].as_str().is_some_and(|p| p.ends_with("weinan-hitech-2020.txt")));
}

#[test]
fn nothing_loaded_exits_1_and_bad_usage_exits_2() {
    let out = gongwen(&["info", "/no/such/dir"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("gongwen: /no/such/dir: "));
    let out = gongwen(&["outline", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
    let out = gongwen(&["frobnicate-no-such-command-or-path", "--json"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn text_prints_the_report_without_site_chrome() {
    let out = gongwen(&["text", &sample("foshan-hitech-2023")]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("一、2023年工作情况"));
    assert!(text.contains("2023年12月27日"));
    for noise in ["网站支持IPv6", "友情链接", "ICP备", "网站标识码"] {
        assert!(!text.contains(noise), "{noise} in the cleaned text");
    }
    let all = gongwen(&["text", "--all", &sample("foshan-hitech-2023")]);
    let all = String::from_utf8_lossy(&all.stdout);
    let original = std::fs::read_to_string(sample("foshan-hitech-2023")).expect("sample");
    assert_eq!(all.trim_end(), original.trim_end(), "--all is the file as decoded");
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["text", "--all"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.code().is_some(), "ended by a signal: {:?}", out.status);
}

#[test]
fn help_explains_each_command_with_an_example() {
    for cmd in ["outline", "info", "text", "search", "metrics"] {
        let out = gongwen(&[cmd, "--help"]);
        assert!(out.status.success(), "{cmd}");
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(help.contains("Examples:"), "{cmd} --help has no example:\n{help}");
        assert!(help.contains(&format!("gongwen {cmd}")), "{cmd} --help:\n{help}");
    }
}

#[test]
fn every_kind_of_bad_input_is_one_clear_line_and_the_good_file_still_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let put = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        p.display().to_string()
    };
    let empty = put("empty.txt", b"");
    let png = put("picture.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    let nul = put("nul.txt", "一、标题\0\0\0正文".as_bytes());
    let invalid = put("invalid.txt", b"abc \xfd\xff \xc3\x28 \x80\x81\x82\x83\xff");
    let no_docs = dir.path().join("no-docs");
    std::fs::create_dir(&no_docs).expect("mkdir");
    std::fs::write(no_docs.join("notes.pdf.bak"), b"x").expect("write");
    let no_docs = no_docs.display().to_string();
    let missing = dir.path().join("missing.txt").display().to_string();
    let good = sample("weinan-hitech-2020");

    let bad = [&empty, &png, &nul, &invalid, &no_docs, &missing];
    let mut args = vec!["outline", "--json"];
    args.extend(bad.iter().map(|s| s.as_str()));
    args.push(&good);
    let out = gongwen(&args);
    assert_eq!(out.status.code(), Some(0), "something loaded, so success");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    for (path, reason) in [
        (&empty, "empty file"),
        (&png, "binary file"),
        (&nul, "binary file (contains NUL bytes)"),
        (&invalid, "not UTF-8"),
        (&no_docs, "no documents"),
        (&missing, "no such file or directory"),
    ] {
        let line = stderr.lines().find(|l| l.starts_with(&format!("gongwen: {path}: ")));
        let line = line.unwrap_or_else(|| panic!("no message for {path} in:\n{stderr}"));
        assert!(line.contains(reason), "{path}: {line}");
    }
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["headings"], gold("weinan-hitech-2020")["headings"]);

    let out = gongwen(&["outline", &empty, &png]);
    assert_eq!(out.status.code(), Some(1), "nothing loaded");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_broken_theme_named_explicitly_is_bad_usage_with_path_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("mine.toml");
    std::fs::write(&path, "inherits = \"default\"\n\nbase = { fg = \"nocolor\" }\n")
        .expect("write");
    let p = path.display().to_string();
    let out = gongwen(&["--theme", &p]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with(&format!("gongwen: theme {p}")), "{stderr}");
    assert!(stderr.contains("line 3"), "{stderr}");
    let out = gongwen(&["--theme", "no-such-theme"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bundled: default, light"));
}
