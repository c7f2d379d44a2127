//! Ekonomi: the agreement's supplementary amount (tilläggsbelopp), set by decision for
//! a base year and adjusted each year by the percentage development of the tax base
//! (skatteunderlagets utveckling) — not by an index. Exact integer arithmetic in öre.

use crate::ids::InvalidValue;
use std::collections::BTreeMap;

/// A percentage with two decimals, as hundredths of a percent: 4.15 % is 415.
pub fn parse_percent(text: &str) -> Result<i64, InvalidValue> {
    let t = text.trim().replace(',', ".");
    let err = || {
        InvalidValue::new(
            "procent",
            format!(
                "«{}» är ingen procentsats med högst två decimaler",
                text.trim()
            ),
        )
    };
    let (neg, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest.to_owned()),
        None => (false, t.clone()),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    if whole.is_empty()
        || frac.len() > 2
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(err());
    }
    let whole: i64 = whole.parse().map_err(|_| err())?;
    let frac: i64 = format!("{frac:0<2}").parse().map_err(|_| err())?;
    let v = whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(frac))
        .ok_or_else(err)?;
    if v > 10_000 {
        return Err(err());
    }
    Ok(if neg { -v } else { v })
}

/// `4,15 %`, as people read it.
pub fn format_percent(hundredths: i64) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let a = hundredths.abs();
    format!("{sign}{},{:02} %", a / 100, a % 100)
}

/// `1 045 000,50 kr`, with thin grouping as in Swedish.
pub fn format_kronor(ore: i64) -> String {
    let sign = if ore < 0 { "-" } else { "" };
    let kr = (ore.abs() / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in kr.chars().enumerate() {
        if i > 0 && (kr.len() - i).is_multiple_of(3) {
            grouped.push('\u{a0}');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped},{:02} kr", ore.abs() % 100)
}

/// One year's adjustment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub year: i32,
    pub percent: i64,
    pub before: i64,
    pub after: i64,
}

/// Why an amount cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AdjustError {
    #[error("skatteunderlagets utveckling saknas för {0}")]
    MissingDevelopment(i32),
    #[error("året {0} ligger före basåret {1}")]
    BeforeBase(i32, i32),
}

/// The amount for `year` from a base, with every year's step. Each step is rounded to
/// whole öre, half away from zero.
pub fn adjust(
    base: i64,
    base_year: i32,
    year: i32,
    development: &BTreeMap<i32, i64>,
) -> Result<(i64, Vec<Step>), AdjustError> {
    if year < base_year {
        return Err(AdjustError::BeforeBase(year, base_year));
    }
    let mut amount = base;
    let mut steps = Vec::new();
    for y in base_year + 1..=year {
        let p = *development
            .get(&y)
            .ok_or(AdjustError::MissingDevelopment(y))?;
        let num = i128::from(amount) * i128::from(10_000 + p);
        let after = ((num.abs() + 5_000) / 10_000) as i64 * num.signum() as i64;
        steps.push(Step {
            year: y,
            percent: p,
            before: amount,
            after,
        });
        amount = after;
    }
    Ok((amount, steps))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_read_with_comma_or_point_and_two_decimals_at_most() {
        assert_eq!(parse_percent("4,15"), Ok(415));
        assert_eq!(parse_percent("4.5"), Ok(450));
        assert_eq!(parse_percent("-0.75"), Ok(-75));
        assert_eq!(parse_percent("3"), Ok(300));
        for bad in ["4,155", "", "x", "1.2.3", "200"] {
            assert!(parse_percent(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_amount_follows_the_tax_base_year_by_year() {
        let dev = BTreeMap::from([(2026, 450), (2027, 325)]);
        let (amount, steps) = adjust(100_000_000, 2025, 2027, &dev).unwrap();
        assert_eq!(steps[0].after, 104_500_000, "1 000 000 kr + 4,5 %");
        assert_eq!(amount, 107_896_250, "then + 3,25 %");
        assert_eq!(steps.len(), 2);
        assert_eq!(
            adjust(100_000_000, 2025, 2025, &dev).unwrap(),
            (100_000_000, vec![]),
            "the base year is the base"
        );
    }

    #[test]
    fn a_missing_year_is_named() {
        let dev = BTreeMap::from([(2026, 450)]);
        assert_eq!(
            adjust(1, 2025, 2027, &dev),
            Err(AdjustError::MissingDevelopment(2027))
        );
        assert_eq!(
            adjust(1, 2025, 2024, &dev),
            Err(AdjustError::BeforeBase(2024, 2025))
        );
    }

    #[test]
    fn amounts_and_percentages_print_the_swedish_way() {
        assert_eq!(format_kronor(104_500_050), "1\u{a0}045\u{a0}000,50 kr");
        assert_eq!(format_percent(415), "4,15 %");
        assert_eq!(format_percent(-75), "-0,75 %");
    }
}
