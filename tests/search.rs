//! The search engine over the bundled samples: every part of the query syntax, asserting the
//! hits a reader would expect.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use gongwen::doc::load::load_samples;
use gongwen::search::{Hit, Index, Kind, Query, Worker};

fn index() -> &'static Index {
    static I: OnceLock<Index> = OnceLock::new();
    I.get_or_init(|| {
        let docs: Vec<_> = load_samples().into_iter().map(Arc::new).collect();
        Index::build(&docs)
    })
}

fn search(q: &str, limit: usize) -> Vec<Hit> {
    index().search(&Query::parse(q).expect("query parses"), limit)
}

fn texts(hits: &[Hit]) -> Vec<&'static str> {
    hits.iter().map(|h| index().text(h)).collect()
}

/// The highlighted parts of a hit, joined.
fn marked(q: &str, hit: &Hit) -> String {
    let text = index().text(hit);
    let q = Query::parse(q).expect("query parses");
    index().highlight(&q, hit).into_iter().map(|r| &text[r]).collect()
}

fn path(h: &Hit) -> &'static str {
    &index().doc(h).path
}

#[test]
fn fuzzy_word_finds_contiguous_matches_first() {
    let hits = search("行政复议", 30);
    assert!(hits.len() >= 10, "{:?}", texts(&hits));
    assert!(texts(&hits).iter().all(|t| t.contains("行政复议")), "{:?}", texts(&hits));
    // A near match spread over a few characters is found too, below the contiguous ones.
    let hits = search("复议诉讼", 5);
    assert!(texts(&hits).contains(&"(二)做好行政复议、行政诉讼工作"), "{:?}", texts(&hits));
}

#[test]
fn scattered_matches_over_a_paragraph_are_not_hits() {
    // Every character of 复议诉讼 occurs in weinan's long paragraphs, but never close together
    // outside line 25.
    for h in search("复议诉讼", 100) {
        let t = index().text(&h);
        assert!(t.chars().count() < 200 || t.contains("复议"), "{t}");
        assert!(marked("复议诉讼", &h).chars().count() == 4);
    }
}

#[test]
fn several_words_must_all_match_in_any_order() {
    let hits = search("诉讼 复议", 50);
    assert!(!hits.is_empty());
    for t in texts(&hits) {
        assert!(t.contains("复议") && t.contains("诉讼"), "{t}");
    }
    assert!(texts(&hits).contains(&"(二)做好行政复议、行政诉讼工作"));
    assert!(search("复议 扫黑除恶", 50).is_empty());
}

#[test]
fn literal_word_matches_only_contiguously() {
    let hits = search("'复议受理点", 50);
    assert!(texts(&hits).contains(&"今年我区复议受理点共受理案件22宗。"), "{:?}", texts(&hits));
    assert!(texts(&hits).iter().all(|t| t.contains("复议受理点")));
    assert!(search("'行复议", 50).is_empty());
    assert!(!search("行复议", 50).is_empty(), "the fuzzy word does match");
}

#[test]
fn excluded_word_drops_hits() {
    let all = search("复议", 200);
    let some = search("复议 !诉讼", 200);
    assert!(!some.is_empty() && some.len() < all.len());
    for t in texts(&some) {
        assert!(t.contains("复议") && !t.contains("诉讼"), "{t}");
    }
}

#[test]
fn heading_scope() {
    let hits = search("#复议", 50);
    assert!(hits.iter().all(|h| h.kind == Kind::Heading));
    let weinan = hits
        .iter()
        .find(|h| index().text(h) == "(二)做好行政复议、行政诉讼工作")
        .expect("weinan's heading");
    assert_eq!((path(weinan), weinan.line), ("samples/weinan-hitech-2020.txt", 25));
    assert_eq!(index().heading_title(weinan), Some("预防化解矛盾,维护社会和谐稳定"));
}

#[test]
fn title_scope() {
    let hits = search("@xiamen", 10);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.kind == Kind::Doc));
    assert_eq!(path(&hits[0]), "samples/xiamen-torch-hitech-2019.txt");
    let hits = search("@厦门", 10);
    assert_eq!(hits.iter().map(path).collect::<Vec<_>>(), ["samples/xiamen-torch-hitech-2019.txt"]);
}

#[test]
fn headings_and_titles_rank_above_text_for_equal_matches() {
    let hits = search("行政复议体制改革", 5);
    assert_eq!(hits[0].kind, Kind::Heading);
    assert_eq!(texts(&hits)[0], "5.推进行政复议体制改革");
}

#[test]
fn pinyin_initials_match_chinese_contiguously() {
    let hits = search("xzfy", 50);
    // The headings about 行政复议 come first; every hit is four contiguous characters whose
    // initials are x z f y (型执法优 is a fair match too).
    for h in &hits[..3] {
        assert_eq!(marked("xzfy", h), "行政复议", "{}", index().text(h));
    }
    assert!(hits.iter().filter(|h| marked("xzfy", h) == "行政复议").count() >= 10);
    for h in &hits {
        let m = marked("xzfy", h);
        assert_eq!(m.chars().count(), 4, "{m}");
        assert!(index().text(h).contains(&m));
    }
    // Full-width and upper-case letters are the same query.
    assert_eq!(search("ＸＺＦＹ", 50), hits);
}

#[test]
fn full_and_mixed_pinyin() {
    let hits = search("xingzheng", 50);
    assert_eq!(marked("xingzheng", &hits[0]), "行政");
    assert!(hits.iter().filter(|h| marked("xingzheng", h) == "行政").count() >= 40);
    // 服务型政府: 型政 also reads xing zheng.
    assert!(hits.iter().all(|h| ["行政", "型政"].contains(&marked("xingzheng", h).as_str())));
    let hits = search("xingzfy", 10);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| marked("xingzfy", h) == "行政复议"));
    // A reading must be spelled whole or by its initial, except the last character's.
    assert!(search("xingzh", 10).iter().all(|h| marked("xingzh", h).chars().count() == 2));
}

#[test]
fn heteronyms_match_by_any_reading() {
    // 厦 reads shà or xià.
    let hits = search("xm", 1000);
    let xiamen: Vec<_> = hits.iter().filter(|h| marked("xm", h) == "厦门").collect();
    assert!(xiamen.len() >= 3, "厦门 found by xm");
    assert!(xiamen.iter().all(|h| path(h) == "samples/xiamen-torch-hitech-2019.txt"));
    let hits = search("xmsw", 5);
    assert_eq!(marked("xmsw", &hits[0]), "厦门市委", "{:?}", texts(&hits));
    // 行 reads xíng or háng: 银行 is yh.
    let hits = search("yh", 1000);
    assert!(hits.iter().any(|h| marked("yh", h) == "银行"), "银行 found by yh");
}

#[test]
fn metric_scope_with_value_filter() {
    let hits = search("=复议 >5", 50);
    assert!(!hits.is_empty(), "metrics labelled 复议 above 5");
    for h in &hits {
        let m = index().metric(h).expect("a metric hit");
        assert!(m.value > 5.0 && m.label.contains("复议"), "{m:?}");
    }
    // 天津滨海: 全年受理行政复议案件6件.
    assert!(hits.iter().any(|h| index().metric(h).is_some_and(|m| m.value == 6.0)));
    assert!(search("=复议 >6", 50)
        .iter()
        .all(|h| index().metric(h).is_some_and(|m| m.value > 6.0)));
}

#[test]
fn metric_filters_understand_wan_and_yi() {
    // 渭南: 贷款总额1.59亿元.
    let hits = search("=贷款 >1亿", 10);
    assert!(hits.iter().any(|h| index().metric(h).is_some_and(|m| m.raw == "1.59亿元")));
    assert!(search("=贷款 >2亿", 10).is_empty());
    // 渭南: 政策资金2653万元, 救助资金457.97万元.
    let hits = search("=资金 >=2000万", 10);
    let raws: Vec<_> =
        hits.iter().filter_map(|h| index().metric(h)).map(|m| m.raw.as_str()).collect();
    assert!(raws.contains(&"2653万元") && !raws.contains(&"457.97万元"), "{raws:?}");
}

#[test]
fn matches_metric_is_the_same_filter() {
    let q = Query::parse_metric("复议 >5").expect("parses");
    let docs = load_samples();
    let found: Vec<_> =
        docs.iter().flat_map(|d| &d.metrics).filter(|m| q.matches_metric(m)).collect();
    assert!(!found.is_empty());
    assert!(found.iter().all(|m| m.value > 5.0 && m.label.contains("复议")));
}

#[test]
fn worker_answers_the_newest_generation_and_stops_when_dropped() {
    let docs: Vec<_> = load_samples().into_iter().map(Arc::new).collect();
    let (worker, rx) = Worker::spawn(Arc::new(Index::build(&docs)));
    worker.submit(1, "x", 50);
    worker.submit(2, "xz", 50);
    worker.submit(3, "xzfy", 50);
    let mut last = None;
    while let Ok(r) = rx.recv_timeout(Duration::from_secs(20)) {
        let g = r.generation;
        last = Some(r);
        if g == 3 {
            break;
        }
    }
    let r = last.expect("results arrive");
    assert_eq!(r.generation, 3);
    assert_eq!(r.hits, search("xzfy", 50), "narrowing gives the same hits as a fresh search");
    drop(worker);
    assert!(rx.recv_timeout(Duration::from_secs(20)).is_err(), "the thread ends");
}

#[test]
fn worker_narrowing_as_the_query_grows_gives_fresh_results() {
    let docs: Vec<_> = load_samples().into_iter().map(Arc::new).collect();
    let (worker, rx) = Worker::spawn(Arc::new(Index::build(&docs)));
    for (g, q) in ["复", "复议", "复议 诉", "复议 诉讼", "xm", "xms"].iter().enumerate() {
        worker.submit(g as u64, q, 100);
        let r = rx.recv_timeout(Duration::from_secs(20)).expect("results");
        assert_eq!(r.hits, search(q, 100), "{q}");
    }
}

#[test]
fn stopping_early_never_changes_the_best_hits() {
    for q in ["行政复议", "法治", "xm", "xingzheng", "复议 !诉讼", "#", "oa", "yh 贷款"]
    {
        let all = search(q, usize::MAX);
        for limit in [1, 5, 20] {
            let top = search(q, limit);
            assert_eq!(top[..], all[..limit.min(all.len())], "{q} limit {limit}");
        }
    }
}
