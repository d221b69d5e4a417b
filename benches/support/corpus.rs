//! A generated corpus of reports for benchmarks: copies of the bundled samples varied in
//! place names, numbers, paragraph order, punctuation width (half the reports full-width)
//! and encoding (a tenth GB18030). Deterministic for a given seed; generated once into a
//! folder and reused.
//!
//! Shared by the benchmarks (`#[path = "support/corpus.rs"] mod corpus;`): search over 7,000
//! reports, the reader's first frame over 2,000, issue 6's 20,000.

#![allow(dead_code)]

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use gongwen::doc::samples::SAMPLES;

/// Place names the samples' own are replaced with.
const PLACES: [&str; 40] = [
    "北京",
    "上海",
    "杭州",
    "苏州",
    "南京",
    "武汉",
    "成都",
    "重庆",
    "西安",
    "长沙",
    "郑州",
    "济南",
    "青岛",
    "大连",
    "沈阳",
    "长春",
    "合肥",
    "南昌",
    "福州",
    "广州",
    "深圳",
    "珠海",
    "东莞",
    "南宁",
    "昆明",
    "贵阳",
    "兰州",
    "银川",
    "西宁",
    "太原",
    "石家庄",
    "宁波",
    "无锡",
    "洛阳",
    "株洲",
    "襄阳",
    "绵阳",
    "宝鸡",
    "常州",
    "泉州",
];
/// The samples' own place names.
const OWN_PLACES: [&str; 6] = ["渭南", "天津", "滨海", "厦门", "中山", "佛山"];

/// splitmix64: small, seedable, good enough to vary text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Generates `n_reports` reports into `dir` (created) for `seed`, unless a previous run left
/// them there; returns their paths, sorted.
pub fn generate(dir: &Path, n_reports: usize, seed: u64) -> io::Result<Vec<PathBuf>> {
    let paths: Vec<PathBuf> = (0..n_reports).map(|i| dir.join(format!("r{i:05}.txt"))).collect();
    let marker = dir.join(format!(".generated-{n_reports}-{seed}"));
    if marker.exists() {
        return Ok(paths);
    }
    fs::create_dir_all(dir)?;
    let samples: Vec<String> =
        SAMPLES.iter().map(|(_, b)| String::from_utf8_lossy(b).into_owned()).collect();
    for (i, path) in paths.iter().enumerate() {
        let mut rng = Rng(seed ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
        let text = vary(&samples[i % samples.len()], &mut rng, i % 2 == 0);
        let bytes = if i % 10 == 3 {
            encoding_rs::GB18030.encode(&text).0.into_owned()
        } else {
            text.into_bytes()
        };
        fs::write(path, bytes)?;
    }
    fs::write(marker, b"")?;
    Ok(paths)
}

/// One varied copy of `sample`.
fn vary(sample: &str, rng: &mut Rng, full_width: bool) -> String {
    let place = PLACES[rng.below(PLACES.len())];
    let mut lines: Vec<String> = sample.lines().map(str::to_string).collect();
    // Swap a few body paragraphs (not the first lines, which hold the title).
    let n = lines.len();
    if n > 12 {
        for _ in 0..4 {
            let (a, b) = (6 + rng.below(n - 8), 6 + rng.below(n - 8));
            lines.swap(a, b);
        }
    }
    let mut out = String::with_capacity(sample.len() + sample.len() / 4);
    for line in &lines {
        let mut l = line.clone();
        for own in OWN_PLACES {
            if l.contains(own) {
                l = l.replace(own, place);
            }
        }
        push_varied(&l, rng, full_width, &mut out);
        out.push('\n');
    }
    out
}

/// Copies `line` into `out` with its digits varied and, if asked, ASCII punctuation made
/// full-width.
fn push_varied(line: &str, rng: &mut Rng, full_width: bool, out: &mut String) {
    for c in line.chars() {
        match c {
            // Keep the first digit of a number's magnitude plausible: vary digits freely.
            '0'..='9' if rng.below(3) == 0 => {
                out.push(char::from(b'0' + rng.below(10) as u8));
            }
            ',' | ':' | ';' | '(' | ')' | '!' | '?' if full_width => {
                out.push(char::from_u32(c as u32 + 0xFEE0).unwrap_or(c));
            }
            _ => out.push(c),
        }
    }
}
