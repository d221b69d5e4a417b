//! Comparing one kind of metric across documents: the metrics whose label matches, ranked, in
//! groups by unit so that 件 and 元 never share a scale; and the bars to draw them with.

use crate::doc::Document;
use crate::metrics::Metric;
use crate::text::fold;

/// One ranked row of a comparison.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// The document the metric comes from.
    pub doc: &'a Document,
    /// The metric.
    pub metric: &'a Metric,
}

/// The rows that share one unit, largest value first.
#[derive(Debug, Clone)]
pub struct Group<'a> {
    /// The unit (`件`, `元`, `%` …).
    pub unit: String,
    /// Largest first; equal values in document order.
    pub rows: Vec<Row<'a>>,
}

impl Group<'_> {
    /// The largest value of the group (the full length of a bar).
    pub fn max(&self) -> f64 {
        self.rows.iter().map(|r| r.metric.value).fold(0.0, f64::max)
    }
}

/// The metrics of `docs` whose label (or, failing that, enclosing heading) contains every
/// space-separated word of `label`, compared after NFKC folding and lower-casing; grouped by
/// unit, the group with the most rows first.
pub fn compare<'a>(docs: impl IntoIterator<Item = &'a Document>, label: &str) -> Vec<Group<'a>> {
    let words: Vec<String> = label.split_whitespace().map(|w| fold(w).to_lowercase()).collect();
    let mut groups: Vec<Group<'a>> = Vec::new();
    for doc in docs {
        for metric in &doc.metrics {
            let label = fold(&metric.label).to_lowercase();
            if words.is_empty() || !words.iter().all(|w| label.contains(w.as_str())) {
                continue;
            }
            let row = Row { doc, metric };
            match groups.iter_mut().find(|g| g.unit == metric.unit) {
                Some(g) => g.rows.push(row),
                None => groups.push(Group { unit: metric.unit.to_string(), rows: vec![row] }),
            }
        }
    }
    for g in &mut groups {
        g.rows.sort_by(|a, b| b.metric.value.total_cmp(&a.metric.value));
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.rows.len()));
    groups
}

/// A horizontal bar of `fraction` (0–1) of `width` cells, in eighth blocks so that small
/// differences still show; a non-zero value always gets at least a sliver.
pub fn bar(fraction: f64, width: usize) -> String {
    const EIGHTHS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
    let fraction = if fraction.is_finite() { fraction.clamp(0.0, 1.0) } else { 0.0 };
    // Display cells are small integers; the float → integer conversion cannot overflow.
    let eighths = (fraction * width as f64 * 8.0).round() as usize;
    let eighths = if fraction > 0.0 { eighths.max(1) } else { 0 };
    let mut s = "█".repeat(eighths / 8);
    if eighths % 8 > 0 {
        s.push(EIGHTHS[eighths % 8 - 1]);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Format;

    fn doc(name: &str, text: &str) -> Document {
        Document::new(name, "UTF-8", Format::Text, text.to_string())
    }

    #[test]
    fn rows_are_grouped_by_unit_and_ranked() {
        let docs = [
            doc("a.txt", "一、行政复议\n全年受理行政复议案件6件,涉及金额300万元。"),
            doc("b.txt", "一、行政复议\n全年受理行政复议案件12件。"),
        ];
        let groups = compare(&docs, "复议");
        let units: Vec<_> = groups.iter().map(|g| g.unit.as_str()).collect();
        assert_eq!(units, ["件"], "金额 is not a 复议 label: {groups:?}");
        let values: Vec<_> = groups[0].rows.iter().map(|r| r.metric.value).collect();
        assert_eq!(values, [12.0, 6.0]);
        assert_eq!(groups[0].rows[0].doc.path, "b.txt");
        assert_eq!(groups[0].max(), 12.0);
    }

    #[test]
    fn bars_scale_and_never_vanish() {
        assert_eq!(bar(1.0, 4), "████");
        assert_eq!(bar(0.5, 4), "██");
        assert_eq!(bar(0.0, 4), "");
        assert_eq!(bar(0.0001, 10), "▏");
        assert_eq!(bar(f64::NAN, 10), "");
        assert_eq!(bar(2.0, 3), "███");
    }
}
