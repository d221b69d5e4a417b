//! `gongwen metrics`: every stated quantity as a table, JSON Lines or CSV, and the comparison
//! of one kind of metric across documents as a bar chart.

use std::io::Write;

use serde_json::json;

use super::output::Out;
use super::MetricsArgs;
use crate::doc::Document;
use crate::metrics::compare::{bar, compare};
use crate::metrics::{format_quantity, plain, Metric};
use crate::search::Query;
use crate::store::Cache;
use crate::text::{pad, terminal_safe, width};

/// The CSV and JSON columns, in order (CLI.md).
pub const COLUMNS: [&str; 9] =
    ["path", "title", "line", "raw", "value", "unit", "approx", "label", "heading"];

/// Runs `gongwen metrics`; returns the exit code.
pub fn run(args: &MetricsArgs, cache: &Cache) -> i32 {
    let docs = match super::load(&args.paths, cache) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let code = report(args, &docs);
    super::leave(docs);
    code
}

/// Writes the metrics of `docs` as `args` ask; returns the exit code.
fn report(args: &MetricsArgs, docs: &[Document]) -> i32 {
    let filter = match args.query.as_deref().map(Query::parse_metric).transpose() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("gongwen: --query: {e}");
            return 2;
        }
    };
    if let Some(label) = &args.compare {
        return chart(docs, label);
    }
    let rows = docs.iter().flat_map(|d| d.metrics.iter().map(move |m| (d, m)));
    let rows = rows.filter(|(_, m)| filter.as_ref().is_none_or(|q| q.matches_metric(m)));
    if args.csv {
        return csv_out(rows, args.excel);
    }
    let mut out = Out::new();
    for (doc, m) in rows {
        let more =
            if args.json { out.json(&to_json(doc, m)) } else { out.line(&table_row(doc, m)) };
        if !more {
            break;
        }
    }
    out.finish()
}

/// The stable JSON object of CLI.md for one metric.
pub fn to_json(doc: &Document, m: &Metric) -> serde_json::Value {
    json!({
        "path": doc.path, "title": doc.title(), "line": m.line, "raw": m.raw,
        "value": json_number(m.value), "unit": m.unit, "approx": m.approx,
        "label": m.label, "heading": doc.metric_heading(m).map(|h| &h.title),
    })
}

/// Integral values as JSON integers (`4070`, not `4070.0`); others as they are.
pub(crate) fn json_number(v: f64) -> serde_json::Value {
    // Metric values are counts and sums far below 2^53, where the conversion is exact.
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

/// For people: `file:line  quantity  label  (heading)`.
fn table_row(doc: &Document, m: &Metric) -> String {
    let place = format!("{}:{}", doc.file_name(), m.line);
    let approx = if m.approx { "≈" } else { " " };
    let q = format!("{approx}{}", format_quantity(m.value, &m.unit));
    let heading = doc.metric_heading(m).map(|h| format!("  ({})", h.title)).unwrap_or_default();
    terminal_safe(&format!("{}  {}  {}{heading}", pad(&place, 34), pad(&q, 14), m.label))
        .into_owned()
}

fn csv_out<'a>(rows: impl Iterator<Item = (&'a Document, &'a Metric)>, excel: bool) -> i32 {
    let mut stdout = std::io::stdout().lock();
    if excel && stdout.write_all("\u{feff}".as_bytes()).is_err() {
        return 0;
    }
    let mut w = csv::Writer::from_writer(stdout);
    let mut result = w.write_record(COLUMNS);
    for (doc, m) in rows {
        if result.is_err() {
            break;
        }
        let line = m.line.to_string();
        let value = plain(m.value);
        let approx = if m.approx { "true" } else { "false" };
        let heading = doc.metric_heading(m).map_or("", |h| &h.title);
        let record =
            [&doc.path, doc.title(), &line, &m.raw, &value, &m.unit, approx, &m.label, heading];
        result = w.write_record(record);
    }
    let result = result.and_then(|()| w.flush().map_err(csv::Error::from));
    match result {
        Ok(()) => 0,
        Err(e) => match e.kind() {
            csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe => 0,
            _ => {
                eprintln!("gongwen: stdout: {e}");
                1
            }
        },
    }
}

/// The comparison chart: per unit, a ranked list with bars scaled to the group's largest.
fn chart(docs: &[Document], label: &str) -> i32 {
    let groups = compare(docs, label);
    let mut out = Out::new();
    if groups.is_empty() {
        out.line(&format!("no metric labelled “{label}”"));
        return out.finish();
    }
    for (i, g) in groups.iter().enumerate() {
        let n = g.rows.len();
        let plural = if n == 1 { "" } else { "s" };
        let sep = if i > 0 { "\n" } else { "" };
        let head = format!("{sep}{label} · {} ({n} metric{plural})", g.unit);
        if !out.line(&head) {
            break;
        }
        let max = g.max();
        let qw = g.rows.iter().map(|r| width(&quantity(r.metric))).max().unwrap_or(0);
        for r in &g.rows {
            let fraction = if max > 0.0 { r.metric.value / max } else { 0.0 };
            let line = format!(
                "  {}  {}  {}  {}",
                pad(&quantity(r.metric), qw),
                pad(&bar(fraction, 24), 24),
                pad(&r.doc.short_title(), 24),
                r.metric.label
            );
            if !out.line(&terminal_safe(&line)) {
                return out.finish();
            }
        }
    }
    out.finish()
}

fn quantity(m: &Metric) -> String {
    format!("{}{}", if m.approx { "≈" } else { "" }, format_quantity(m.value, &m.unit))
}
