//! Text for values, shared by the reader's table, the finder and the CLI so that a value reads
//! the same everywhere and never in scientific notation.

/// A value as a plain decimal for machines (CLI, CSV, JSON): no exponent, no trailing `.0`,
/// at most six decimals (`159000000`, `98.34`, `0.5`).
pub fn plain(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let mut s = format!("{value:.6}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".to_string();
    }
    s
}

/// A value for people, without its unit.
///
/// The rule: from 10⁸ up, hundred-millions with up to two decimals (`1.59亿`), the way the
/// reports themselves write large sums; below that, the whole number with thousands separators
/// (`15,000`) and up to two decimals (`98.34`, `1,234.5`). Ratios and scores (`%` `‰` `倍`
/// `分` `个百分点`) are never grouped into `亿`.
pub fn format_value(value: f64, unit: &str) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let ratio = matches!(unit, "%" | "‰" | "倍" | "分" | "个百分点" | "百分点");
    if !ratio && value.abs() >= 1e8 {
        return format!("{}亿", two_decimals(value / 1e8, false));
    }
    two_decimals(value, true)
}

/// A value for people with its unit: `1.59亿元`, `15,000件`, `98.34%`.
pub fn format_quantity(value: f64, unit: &str) -> String {
    format!("{}{unit}", format_value(value, unit))
}

/// Up to two decimals, trailing zeros dropped, optionally with thousands separators.
fn two_decimals(value: f64, group: bool) -> String {
    let s = plain((value * 100.0).round() / 100.0);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let (sign, digits) = match int.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", int),
    };
    let mut out = String::from(sign);
    if group {
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
    } else {
        out.push_str(digits);
    }
    if let Some(f) = frac {
        let f: String = f.chars().take(2).collect();
        out.push('.');
        out.push_str(&f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_never_uses_an_exponent() {
        assert_eq!(plain(159_000_000.0), "159000000");
        assert_eq!(plain(1e21), "1000000000000000000000");
        assert_eq!(plain(98.34), "98.34");
        assert_eq!(plain(15000.0), "15000");
        assert_eq!(plain(0.5), "0.5");
        assert_eq!(plain(f64::NAN), "0");
    }

    #[test]
    fn values_for_people() {
        assert_eq!(format_value(159_000_000.0, "元"), "1.59亿");
        assert_eq!(format_value(2_000_000_000.0, "元"), "20亿");
        assert_eq!(format_value(15_000.0, "件"), "15,000");
        assert_eq!(format_value(26_530_000.0, "元"), "26,530,000");
        assert_eq!(format_value(98.34, "%"), "98.34");
        assert_eq!(format_value(99.2, "分"), "99.2");
        assert_eq!(format_value(1234.5, "元"), "1,234.5");
        assert_eq!(format_value(7.0, "天"), "7");
        assert_eq!(format_quantity(159_000_000.0, "元"), "1.59亿元");
    }
}
