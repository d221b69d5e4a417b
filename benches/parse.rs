//! Per-parser throughput on one thread: `cargo bench --bench parse -- [ROUNDS]` runs decoding,
//! line splitting, the outline, the card and the metrics over the bundled samples ROUNDS times
//! (default 40) and prints MB/s of input for each, so that a change to one parser shows in its
//! own figure; `-- ROUNDS STAGE` runs one stage (`perf stat -e instructions` counts steadily).

use std::hint::black_box;
use std::time::Instant;

use gongwen::doc::load::decode::decode;
use gongwen::doc::samples::SAMPLES;
use gongwen::doc::{card, Document, Format};
use gongwen::{metrics, outline};

/// CPU seconds this process has used (Linux: `/proc/self/stat`, in clock ticks of 10 ms),
/// steadier than wall time on a machine shared with other work; `None` elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn time(name: &str, rounds: usize, bytes: usize, mut f: impl FnMut()) {
    // `-- ROUNDS STAGE` runs one stage only (for `perf stat`).
    if std::env::args().filter(|a| !a.starts_with("--")).nth(2).is_some_and(|s| s != name) {
        return;
    }
    let (t, cpu) = (Instant::now(), cpu_seconds());
    for _ in 0..rounds {
        f();
    }
    let s = t.elapsed().as_secs_f64();
    let mb = (rounds * bytes) as f64 / 1e6;
    let cpu = cpu.zip(cpu_seconds()).map(|(a, b)| b - a).filter(|&c| c > 0.0);
    let per_cpu = cpu.map_or(String::new(), |c| format!("{:>8.1} MB/s CPU ({c:.2} s)", mb / c));
    println!("{name:<10} {:>8.1} MB/s wall ({s:.3} s) {per_cpu}", mb / s);
}

/// Every parse result of the samples, and of variants with full-width digits, traditional
/// forms and CRLF line ends, as text: `-- dump` before and after a change to a parser must
/// print the same.
fn dump() {
    let trad = [('亿', '億'), ('万', '萬'), ('余', '餘'), ('项', '項'), ('个', '個'), ('两', '兩')];
    for (name, bytes) in SAMPLES {
        let text = decode(bytes).expect("samples decode").text;
        let wide: String = text
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect();
        let traditional: String =
            text.chars().map(|c| trad.iter().find(|t| t.0 == c).map_or(c, |t| t.1)).collect();
        let crlf = text.replace('\n', "\r\n");
        for t in [text, wide, traditional, crlf] {
            let d = Document::new(name, "UTF-8", Format::Text, t);
            println!("{name}\n{:#?}\n{:#?}\n{:#?}", d.card, d.headings, d.metrics);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().filter(|a| !a.starts_with("--")).collect();
    if args.get(1).is_some_and(|a| a == "dump") {
        return dump();
    }
    let rounds: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(40);
    let bytes: usize = SAMPLES.iter().map(|(_, b)| b.len()).sum();
    let texts: Vec<String> =
        SAMPLES.iter().map(|(_, b)| decode(b).expect("samples decode").text).collect();
    let docs: Vec<Document> =
        texts.iter().map(|t| Document::new("x.txt", "UTF-8", Format::Text, t.clone())).collect();
    println!(
        "{rounds} rounds of {} samples, {:.2} MB each round",
        SAMPLES.len(),
        bytes as f64 / 1e6
    );
    time("decode", rounds, bytes, || {
        for (_, b) in SAMPLES {
            black_box(decode(b).map(|d| d.text.len()).ok());
        }
    });
    time("outline", rounds, bytes, || {
        for d in &docs {
            black_box(outline::parse(d.lines()));
        }
    });
    time("card", rounds, bytes, || {
        for d in &docs {
            black_box(card::parse(d));
        }
    });
    time("metrics", rounds, bytes, || {
        for d in &docs {
            black_box(metrics::extract(d.lines(), &d.headings));
        }
    });
    time("document", rounds, bytes, || {
        for t in &texts {
            black_box(Document::new("x.txt", "UTF-8", Format::Text, t.clone()));
        }
    });
    time("load", rounds, bytes, || {
        for (name, b) in SAMPLES {
            let d = gongwen::doc::load::parse_bytes(std::path::Path::new(name), b);
            black_box(d.ok());
        }
    });
}
