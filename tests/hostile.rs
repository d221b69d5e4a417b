//! Hostile and odd input (issue 6, item 1): each input is generated in a temporary folder and
//! loaded together with a good document (a repository sample). Each test asserts the clear
//! message naming the path (or, for inputs that are valid documents, that they load sanely),
//! that the good document still loads, and that nothing panics.
//!
//! The two heavy inputs, a 200 MB file and 10,000 files, are generated cheaply and kept to a
//! few seconds in release; see the report of issue 6 for their debug timings.

#[path = "hostile/support.rs"]
mod support;

use std::fs;
use std::path::{Path, PathBuf};

use gongwen::doc::load::{expand_paths, load_file, load_paths, LoadError};
use gongwen::doc::Document;
use support::*;

#[test]
fn empty_and_blank_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let empty = write(tmp.path(), "empty.txt", b"");
    let bom = write(tmp.path(), "bom-only.txt", b"\xEF\xBB\xBF");
    let utf16_bom = write(tmp.path(), "utf16-bom-only.txt", b"\xFF\xFE");
    let blank = write(tmp.path(), "blank.txt", " \r\n\t\n\u{3000}\n\n".as_bytes());
    let blank_page = write(tmp.path(), "blank.html", b"<html><body><p> </p><br></body></html>");
    let bad = [&empty, &bom, &utf16_bom, &blank, &blank_page];
    let errors = load_beside_good(&bad.map(|p| p.to_path_buf()));
    assert_eq!(
        errors,
        [
            error(&empty, "empty file"),
            error(&bom, "empty file"),
            error(&utf16_bom, "empty file"),
            error(&blank, "empty file (only white space)"),
            error(&blank_page, "no text in the page (only markup, scripts or styles)"),
        ]
    );
    let stderr = cli_beside_good(&["outline", "--json"], &bad.map(|p| p.as_path()), 5);
    assert_message(&stderr, &empty, "empty file");
    assert_message(&stderr, &blank, "empty file (only white space)");
}

#[test]
fn zero_byte_and_one_byte_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let zero = write(tmp.path(), "zero.txt", b"");
    let letter = write(tmp.path(), "letter.txt", b"a");
    let newline = write(tmp.path(), "newline.txt", b"\n");
    let high = write(tmp.path(), "high.txt", b"\xFF");
    let nul = write(tmp.path(), "nul.txt", b"\0");
    let control = write(tmp.path(), "control.txt", b"\x01");
    let lt = write(tmp.path(), "lt.html", b"<");
    let paths = [&zero, &letter, &newline, &high, &nul, &control, &lt].map(|p| p.to_path_buf());
    let (docs, errors) = load_paths(&with_good(&paths));
    assert_eq!(
        errors,
        [
            error(&zero, "empty file"),
            error(&newline, "empty file (only white space)"),
            error(&high, "not UTF-8 and not a recognised Chinese encoding"),
            error(&nul, "binary file (contains NUL bytes)"),
            error(&control, "binary file"),
        ]
    );
    let loaded: Vec<_> = docs.iter().map(|d| (d.path.clone(), d.text())).collect();
    // A lone `<` is text to an HTML parser, as in a browser.
    let want = [(shown(&letter), "a"), (shown(&lt), "<")];
    assert_eq!(loaded[..2], want);
    assert_is_good(&docs[2]);
}

#[test]
fn a_200_mb_file_loads_with_bounded_memory() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let sample = fs::read(good()).expect("sample");
    let copies = (200 << 20) / sample.len() + 1;
    let big = tmp.path().join("big.txt");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(fs::File::create(&big).expect("create"));
        for _ in 0..copies {
            f.write_all(&sample).expect("write");
        }
    }
    let size = fs::metadata(&big).expect("metadata").len();
    let run = run_measured(&["info", "--json", &shown(&big), &shown(&good())]);
    eprintln!(
        "200 MB file: {:.0} MB, peak resident {:.0} MB ({:.2}× the file), {:.1?}",
        size as f64 / 1e6,
        run.peak_kb as f64 * 1024.0 / 1e6,
        run.peak_kb as f64 * 1024.0 / size as f64,
        run.elapsed,
    );
    assert!(run.output.status.success(), "{}", String::from_utf8_lossy(&run.output.stderr));
    assert!(run.output.stderr.is_empty(), "{}", String::from_utf8_lossy(&run.output.stderr));
    let cards = json_lines(&run.output.stdout);
    assert_eq!(cards.len(), 2);
    let line_ends = sample.iter().filter(|&&b| b == b'\n').count() * copies;
    let lines = line_ends + usize::from(!sample.ends_with(b"\n"));
    assert_eq!(cards[0]["lines"], lines, "every line of the big file");
    assert_eq!(cards[1]["path"], shown(&good()));
    // The text is held once (UTF-8 becomes it in place); on top come the card's normalised
    // copy of each line while it parses, the headings and the metrics: about 2.5–2.9× here.
    // The loader used to hold the bytes and the text at once as well (3.5×); 4× catches any
    // return of a whole extra copy.
    if run.peak_kb > 0 {
        assert!(run.peak_kb * 1024 < size * 4, "peak {} kB for a {size}-byte file", run.peak_kb);
    } else {
        eprintln!("note: /proc/PID/status not readable; peak memory not measured");
    }
}

#[test]
fn a_single_20_mb_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let filler = "法治政府建设取得新成效,行政复议案件12件,";
    let mut line = String::from("一、总体情况。");
    line.push_str(&filler.repeat((20 << 20) / filler.len()));
    let long = write(tmp.path(), "long-line.txt", line.as_bytes());
    let (docs, errors) = load_paths(&with_good(std::slice::from_ref(&long)));
    assert_eq!(errors, []);
    let doc = &docs[0];
    assert_eq!((doc.line_count(), doc.line(1).len()), (1, line.len()));
    let headings: Vec<_> = doc.headings.iter().map(|h| (h.level, h.title.as_str())).collect();
    assert_eq!(headings, [(1, "总体情况")], "the title stops at the first 。");
    assert!(!doc.metrics.is_empty(), "the repeated 12件 are metrics");
    assert!(doc.metrics.iter().all(|m| m.line == 1 && m.raw.len() < 100));
    assert_is_good(&docs[1]);
}

#[test]
fn ten_thousand_small_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("reports");
    fs::create_dir(&dir).expect("mkdir");
    for i in 0..10_000 {
        let text = format!("第{i}号报告\n一、总体情况\n全年办理案件{i}件。\n");
        fs::write(dir.join(format!("{i:05}.txt")), text).expect("write");
    }
    let empty = write(&dir, "04999-empty.txt", b"");
    let binary = write(&dir, "07777-scan.txt", b"%PDF-1.4\n");
    let (docs, errors) = load_paths(&[dir.clone(), good()]);
    assert_eq!(errors, [error(&empty, "empty file"), error(&binary, "binary file (pdf)")]);
    assert_eq!(docs.len(), 10_001);
    for (i, doc) in docs[..10_000].iter().enumerate() {
        assert_eq!(doc.path, shown(&dir.join(format!("{i:05}.txt"))), "sorted by path");
        assert_eq!(doc.line(1), format!("第{i}号报告"));
        assert_eq!(doc.headings.len(), 1);
    }
    assert_is_good(&docs[10_000]);
}

#[test]
fn deeply_nested_folders() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let top = tmp.path().join("deep");
    // 300 levels: a document every 100 levels; the walk is iterative, never recursive.
    let mut dir = top.clone();
    let mut expected = Vec::new();
    for depth in 1..=300 {
        dir.push("d");
        if depth % 100 == 0 {
            expected.push(write(&dir, "r.txt", format!("一、第{depth}层\n").as_bytes()));
        }
    }
    let (docs, errors) = load_paths(&[top.clone(), good()]);
    assert_eq!(errors, []);
    let paths: Vec<_> = docs.iter().map(|d| d.path.clone()).collect();
    // Sorted by path: `d/d/r.txt` comes before `d/r.txt` (`/` sorts before `r`).
    let want: Vec<_> = expected.iter().rev().chain([&good()]).map(|p| shown(p)).collect();
    assert_eq!(paths, want);

    // Deeper than PATH_MAX (4096 bytes): two chains of 3,000 bytes each, one moved to the
    // bottom of the other (each path given to the system stays under the limit). The part the
    // system cannot name is reported; what lies above it still loads.
    let abyss = tmp.path().join("abyss");
    write(&abyss, "top.txt", "一、顶层\n".as_bytes());
    let chain = |from: &Path| from.join("dddd/".repeat(600).trim_end_matches('/'));
    fs::create_dir_all(chain(&abyss)).expect("mkdir");
    let lower = tmp.path().join("lower");
    write(&chain(&lower), "bottom.txt", "一、底层\n".as_bytes());
    fs::rename(&lower, chain(&abyss).join("lower")).expect("move the lower chain down");
    let (docs, errors) = load_paths(&[abyss.clone(), good()]);
    let paths: Vec<_> = docs.iter().map(|d| d.path.clone()).collect();
    assert_eq!(paths, [shown(&abyss.join("top.txt")), shown(&good())]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].reason, "file name too long");
    assert!(errors[0].path.starts_with(&shown(&abyss.join("dddd/dddd"))));
}

#[test]
fn symbolic_link_loops() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().expect("tempdir");
    let top = tmp.path().join("links");
    let real = write(&top, "real.txt", "一、真实的报告\n".as_bytes());
    let own = top.join("self.txt");
    symlink(&own, &own).expect("symlink");
    symlink(top.join("b.txt"), top.join("a.txt")).expect("symlink");
    symlink(top.join("a.txt"), top.join("b.txt")).expect("symlink");
    fs::create_dir(top.join("sub")).expect("mkdir");
    symlink(&top, top.join("sub/up")).expect("symlink");
    symlink("sub", top.join("again")).expect("symlink");
    let out = gongwen(&["outline", "--json", &shown(&top), &shown(&own), &shown(&good())]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let paths: Vec<_> = json_lines(&out.stdout).iter().map(|d| d["path"].clone()).collect();
    assert_eq!(paths, [shown(&real), shown(&good())]);
    let looped = "too many levels of symbolic links";
    for path in [top.join("a.txt"), top.join("b.txt"), own.clone()] {
        assert_message(&stderr, &path, looped);
    }
    // `again` and `sub` are one folder, read once under the first name in name order.
    assert_message(&stderr, &top.join("again/up"), "symbolic link loop");
    assert_eq!(
        stderr.lines().count(),
        5,
        "one line each (self.txt twice: in the folder, named):\n{stderr}"
    );
    let (docs, _) = load_paths(std::slice::from_ref(&top));
    let paths: Vec<_> = docs.iter().map(|d| d.path.clone()).collect();
    assert_eq!(paths, [shown(&real)], "the folder behind `again` is read once");
}

#[test]
fn files_that_vanish_or_change_while_loading() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("changing");
    let names = ["deleted.txt", "emptied.txt", "now-binary.txt", "now-folder.txt", "kept.txt"];
    for name in names {
        write(&dir, name, "一、标题\n正文。\n".as_bytes());
    }
    let (files, errors) = expand_paths(&[dir.clone(), good()]);
    assert_eq!((files.len(), errors.len()), (6, 0));
    let at = |name: &str| dir.join(name);
    fs::remove_file(at("deleted.txt")).expect("rm");
    fs::write(at("emptied.txt"), b"").expect("truncate");
    fs::write(at("now-binary.txt"), b"\x7FELF\x02\x01\x01\0").expect("overwrite");
    fs::remove_file(at("now-folder.txt")).expect("rm");
    fs::create_dir(at("now-folder.txt")).expect("mkdir");
    let (docs, errors) = load_paths(&files);
    let mut errors = errors;
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    assert_eq!(
        errors,
        [
            error(&at("deleted.txt"), "no such file or directory"),
            error(&at("emptied.txt"), "empty file"),
            error(&at("now-binary.txt"), "binary file (executable)"),
            error(&at("now-folder.txt"), "no documents (.txt .text .htm .html .md) in this folder"),
        ]
    );
    let paths: Vec<_> = docs.iter().map(|d| d.path.clone()).collect();
    assert_eq!(paths, [shown(&at("kept.txt")), shown(&good())]);
    // A file removed after it was read is unaffected: the document holds its own text.
    let doc = load_file(&at("kept.txt")).expect("loads");
    fs::remove_file(at("kept.txt")).expect("rm");
    assert_eq!(doc.line(1), "一、标题");
}

#[test]
fn permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("tempdir");
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    let secret = write(tmp.path(), "secret.txt", "一、机密\n".as_bytes());
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).expect("chmod");
    let locked = tmp.path().join("locked");
    write(&locked, "inside.txt", "一、锁住\n".as_bytes());
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    // The readable report sits beside the others: run as `nobody` below, the binary may not be
    // able to enter the checkout (a clone under a 0700 directory).
    let report = fs::read(good()).expect("the sample");
    let good_doc = write(tmp.path(), "good.txt", &report);
    let args = ["outline", "--json", &shown(&secret), &shown(&locked), &shown(&good_doc)];
    let out = if fs::read(&secret).is_err() {
        gongwen(&args)
    } else {
        // Root reads mode 000. Run the real binary as `nobody` instead, when setpriv can.
        let bin = env!("CARGO_BIN_EXE_gongwen");
        let nobody = ["--reuid=65534", "--regid=65534", "--clear-groups", bin];
        match std::process::Command::new("setpriv").args(nobody).args(args).output() {
            Ok(out) if !String::from_utf8_lossy(&out.stderr).contains("setpriv:") => out,
            other => {
                eprintln!("note: running as root and setpriv cannot drop to nobody ({other:?}); the permission message is covered by the unit test of io_reason");
                return;
            }
        }
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_message(&stderr, &secret, "permission denied");
    assert_message(&stderr, &locked, "permission denied");
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    let docs = json_lines(&out.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["path"], shown(&good_doc));
}

#[test]
fn binary_files_with_a_txt_name() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let program = tmp.path().join("program.txt");
    fs::copy(env!("CARGO_BIN_EXE_gongwen"), &program).expect("copy the binary");
    let noise: Vec<u8> = lcg_bytes(7, 4096);
    let utf16_noise: Vec<u8> = [&b"\xFF\xFE"[..], &lcg_bytes(11, 4096)].concat();
    let cases = [
        (write(tmp.path(), "photo.txt", b"\xFF\xD8\xFF\xE0\0\x10JFIF"), "binary file (jpeg image)"),
        (write(tmp.path(), "report.docx.txt", b"PK\x03\x04\x14\0\x06\0"), "binary file (zip"),
        (write(tmp.path(), "scan.txt", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), "binary file (pdf)"),
        (write(tmp.path(), "archive.txt", b"\x1F\x8B\x08\0\0\0\0\0"), "binary file (gzip archive)"),
        (program, "binary file (executable)"),
        (write(tmp.path(), "noise.txt", &noise), "binary file"),
        (write(tmp.path(), "utf16-noise.txt", &utf16_noise), "binary file"),
    ];
    let paths: Vec<&Path> = cases.iter().map(|(p, _)| p.as_path()).collect();
    let stderr = cli_beside_good(&["outline", "--json"], &paths, cases.len());
    for (path, reason) in &cases {
        assert_message(&stderr, path, reason);
    }
}

#[test]
fn mixed_encodings_in_one_folder() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("mixed");
    let text = fs::read_to_string(good()).expect("sample");
    let traditional = "關於二〇二〇年度法治政府建設工作的報告\n一、創新優化,全面履行政府職能。\n";
    let utf16 = |bom: [u8; 2], f: fn(u16) -> [u8; 2]| -> Vec<u8> {
        bom.into_iter().chain(text.encode_utf16().flat_map(f)).collect()
    };
    let files: [(&str, Vec<u8>, &str); 6] = [
        ("a-utf8.txt", text.clone().into_bytes(), "UTF-8"),
        ("b-bom.txt", [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(), "UTF-8"),
        ("c-gb18030.txt", encoding_rs::GB18030.encode(&text).0.into_owned(), "GB18030"),
        ("d-big5.txt", encoding_rs::BIG5.encode(traditional).0.into_owned(), "Big5"),
        ("e-utf16le.txt", utf16([0xFF, 0xFE], u16::to_le_bytes), "UTF-16LE"),
        ("f-utf16be.txt", utf16([0xFE, 0xFF], u16::to_be_bytes), "UTF-16BE"),
    ];
    for (name, bytes, _) in &files {
        write(&dir, name, bytes);
    }
    let latin1 =
        write(&dir, "g-latin1.txt", b"Caf\xE9 cr\xE8me br\xFBl\xE9e, na\xEFve fa\xE7ade.\n");
    let (docs, errors) = load_paths(&[dir.clone(), good()]);
    assert_eq!(errors, [error(&latin1, "not UTF-8 and not a recognised Chinese encoding")]);
    assert_eq!(docs.len(), files.len() + 1);
    let original = good_doc();
    for (doc, (name, _, encoding)) in docs.iter().zip(&files) {
        assert_eq!(doc.encoding, *encoding, "{name}");
        if *name == "d-big5.txt" {
            assert!(doc.lines().eq(traditional.lines()), "{name}");
        } else {
            assert!(doc.lines().eq(original.lines()), "{name}");
            assert_eq!(doc.headings, original.headings, "{name}");
        }
    }
    assert_is_good(&docs[files.len()]);
}

#[test]
fn a_damaged_20_mb_file_loads_with_one_warning() {
    // A stray byte after every 50th line: decoding used to take minutes (each error made
    // encoding_rs touch the whole output again); now the file loads, the damage shown as U+FFFD.
    let tmp = tempfile::tempdir().expect("tempdir");
    let sample = fs::read(good()).expect("sample");
    let (mut bytes, mut places, mut first) = (Vec::with_capacity(21 << 20), 0, None);
    let mut n = 0;
    while bytes.len() < 20 << 20 {
        for line in sample.split_inclusive(|&b| b == b'\n') {
            bytes.extend_from_slice(line);
            n += 1;
            if n % 50 == 0 {
                first.get_or_insert(bytes.len());
                bytes.push(0xFF);
                places += 1;
            }
        }
    }
    let damaged = write(tmp.path(), "damaged.txt", &bytes);
    let (docs, errors) = load_paths(&with_good(std::slice::from_ref(&damaged)));
    assert_eq!(errors, []);
    let first = first.expect("damaged somewhere");
    let warning =
        format!("invalid UTF-8 in {places} places (first at byte {first}), shown as U+FFFD");
    assert_eq!(docs[0].warnings, [warning]);
    assert_eq!(docs[0].text().matches('\u{FFFD}').count(), places);
    assert_is_good(&docs[1]);
}

#[test]
fn escapes_controls_bidi_zero_width_and_nul() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut text = fs::read_to_string(good()).expect("sample");
    let hostile = "\x1b]0;pwned\x1b\\一、\x1b[2J\x1b[31m红色标题\x1b[0m。\u{9b}6n \u{85}\n\
                   \u{202E}txt.exe\u{202C} \u{2067}隔离\u{2069} 零\u{200B}宽\u{200D}字\u{FEFF}\x07\n";
    text.push_str(hostile);
    let escapes = write(tmp.path(), "escapes.txt", text.as_bytes());
    let nul = write(tmp.path(), "nul.txt", "一、标题\n正文\0\n".as_bytes());
    let (docs, errors) = load_paths(&[escapes.clone(), nul.clone(), good()]);
    assert_eq!(errors, [error(&nul, "binary file (contains NUL bytes)")]);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].text().trim_end(), text.trim_end(), "the text is kept as decoded");
    assert_is_good(&docs[1]);

    // In a pipe, `text --all` gives the text as decoded: scripts see the document as it is.
    let out = gongwen(&["text", "--all", &shown(&escapes)]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim_end(), text.trim_end());

    // On a terminal (a pseudo-terminal made by `script`), nothing can act as a sequence.
    let command = format!("{} text --all '{}'", env!("CARGO_BIN_EXE_gongwen"), shown(&escapes));
    match std::process::Command::new("script").args(["-qec", &command, "/dev/null"]).output() {
        Ok(out) if out.status.success() => {
            let shown = String::from_utf8_lossy(&out.stdout);
            assert!(shown.contains("红色标题"), "{shown}");
            assert!(shown.contains("零\u{200B}宽\u{200D}字"), "zero-width characters are kept");
            let bad = shown.chars().find(|&c| {
                (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                    || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
            });
            assert_eq!(bad, None, "a control or bidi character reached the terminal");
        }
        other => eprintln!("note: `script` cannot make a terminal here ({other:?}); skipped"),
    }
}

#[test]
fn terminal_safe_neutralises_every_sequence_starter() {
    use gongwen::text::terminal_safe;
    let cases = [
        ("\x1b[31m红\x1b[0m", "\u{FFFD}[31m红\u{FFFD}[0m"),
        ("\x1b]0;title\x07", "\u{FFFD}]0;title\u{FFFD}"),
        ("\x1b]8;;http://x\x1b\\link", "\u{FFFD}]8;;http://x\u{FFFD}\\link"),
        ("a\u{9b}2Jb\u{9d}c\u{85}d\u{80}", "a\u{FFFD}2Jb\u{FFFD}c\u{FFFD}d\u{FFFD}"),
        ("\0\x08\r\n\x7f", "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ("\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}", "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ("\u{2066}\u{2067}\u{2068}\u{2069}", "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        // Kept: tab, zero-width characters and bidi marks cannot move the cursor.
        (
            "a\tb\u{200B}c\u{200C}\u{200D}\u{2060}\u{FEFF}\u{200E}\u{200F}",
            "a\tb\u{200B}c\u{200C}\u{200D}\u{2060}\u{FEFF}\u{200E}\u{200F}",
        ),
        ("一、总体情况(一)", "一、总体情况(一)"),
    ];
    for (input, expected) in cases {
        assert_eq!(terminal_safe(input), expected, "{input:?}");
    }
    assert!(matches!(terminal_safe("plain 文本"), std::borrow::Cow::Borrowed(_)), "no copy");
}

#[test]
fn absurd_numbering() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut text = String::new();
    for i in 0..5_000 {
        text.push_str(&format!("(一)第{i}个标题。正文。\n"));
    }
    text.push_str(&"(一)".repeat(5_000));
    text.push_str("标题\n");
    for n in 1..=100 {
        text.push_str(&format!("{n}.第{n}条\n"));
    }
    // Every style nested in turn, a thousand times over.
    let ladder = [
        "第一部分 部分",
        "第一节 节",
        "第一条 条",
        "一、甲",
        "(一)乙",
        "1.丙",
        "(1)丁",
        "①戊",
        "一是己",
    ];
    for _ in 0..1_000 {
        for rung in ladder {
            text.push_str(rung);
            text.push('\n');
        }
    }
    text.push_str("九千九百九十九、大数\n第九千九百九十九亿部分 巨大\n");
    let path = write(tmp.path(), "absurd.txt", text.as_bytes());
    let (docs, errors) = load_paths(&with_good(std::slice::from_ref(&path)));
    assert_eq!(errors, []);
    let doc = &docs[0];
    let first: Vec<_> =
        doc.headings[..5_001].iter().map(|h| (h.level, h.marker.as_str())).collect();
    assert!(
        first.iter().all(|&(level, marker)| level == 1 && marker == "(一)"),
        "siblings at level 1"
    );
    assert_eq!(doc.headings[5_000].title, format!("{}标题", "(一)".repeat(4_999)));
    let numbered: Vec<_> = doc
        .headings
        .iter()
        .filter(|h| h.title.ends_with('条') && h.title.starts_with('第') && h.marker.ends_with('.'))
        .collect();
    assert_eq!(numbered.len(), 99, "1. to 99. are headings, 100. is not (two digits at most)");
    assert!(numbered.iter().all(|h| h.level == 2), "under the (一) level");
    let max = doc.headings.iter().map(|h| h.level).max();
    assert_eq!(max, Some(ladder.len()), "levels never exceed the number of styles");
    assert_is_good(&docs[1]);
    // The tree for people stays readable: indentation bounded by the levels.
    let out = gongwen(&["outline", &shown(&path)]);
    assert!(out.status.success());
    let widest = String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        .map(|l| l.len() - l.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ').len())
        .max();
    assert!(widest.is_some_and(|w| w <= 6 + 2 + 2 * (ladder.len() - 1)), "{widest:?}");
}

#[test]
fn html_with_broken_markup_and_huge_inline_scripts() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let script =
        "var s = \"一、假标题</p><p>二、假标题\"; if (a < b && c > d) { x++; }\n".repeat(150_000);
    let style = "p { color: red } /* 三、假标题 */\n".repeat(100_000);
    let page = format!(
        "<!DOCTYPE html><html><head><title>报告</title><script>{script}</script>\
         <style>{style}</style></head><body><div><p>一、总体情况<p>正文没有闭合<span>内联\
         </div></div></span><table><p>二、表格里的段落<tr><td>单元格</table>\
         <p>三、<b>加粗<i>交错</b>标签</i><p>&bogus; &#99999999; &amp <<>> </p>\
         <!-- 注释 <p>四、假标题</p> --> <p>五、<script>document.write('六、假标题')"
    );
    let path = write(tmp.path(), "broken.html", page.as_bytes());
    let (docs, errors) = load_paths(&with_good(std::slice::from_ref(&path)));
    assert_eq!(errors, []);
    let doc = &docs[0];
    assert!(
        !doc.text().contains("假标题") && !doc.text().contains("color"),
        "script or style leaked"
    );
    let titles: Vec<_> = doc.headings.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(titles, ["总体情况", "表格里的段落", "加粗交错标签"]);
    assert!(doc.text().contains("正文没有闭合"));
    assert_is_good(&docs[1]);
}

/// The load errors of `bad`, loaded with the good sample, after checking that one loaded.
fn load_beside_good(bad: &[PathBuf]) -> Vec<LoadError> {
    let (docs, errors) = load_paths(&with_good(bad));
    assert_eq!(docs.len(), 1, "only the good sample loads: {errors:?}");
    assert_is_good(&docs[0]);
    errors
}

/// The good sample's outline as loaded alone.
fn assert_is_good(doc: &Document) {
    assert_eq!(doc.path, shown(&good()));
    assert_eq!(doc.headings, good_doc().headings);
}
