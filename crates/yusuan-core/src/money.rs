//! Money and printed figures.
//!
//! Amounts are exact integers of 分 (fen, 0.01 元) — the only door through which money enters
//! the model. Published figures are [`Printed`]: a number as it appears on the page, together
//! with its precision, so that it stands for an interval of true values (domain.md, "published
//! figures are intervals"). No binary floating point is used anywhere.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};

/// Fen in one 元.
pub const FEN_PER_YUAN: i64 = 100;
/// Fen in one 万元.
pub const FEN_PER_WAN: i64 = 1_000_000;
/// Largest absolute amount a single figure may hold: 10 万亿元, far above any department's
/// budget. Parsers reject larger figures so that sums of many facts cannot overflow `i64`.
pub const MAX_ABS_FEN: i64 = 10_000_000_000_000 * FEN_PER_YUAN;

/// 金额 — an exact amount of money in 分 (fen).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Fen(pub i64);

impl Fen {
    /// Zero.
    pub const ZERO: Fen = Fen(0);

    /// The amount in fen.
    pub fn fen(self) -> i64 {
        self.0
    }

    /// True when the amount is exactly zero.
    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// Rounds to a printed figure in `unit` with `decimals` decimal places, half away from zero
    /// (四舍五入 on the magnitude, the official practice).
    pub fn round(self, unit: MoneyUnit, decimals: u8) -> Printed {
        let step = unit.fen_per_unit() / 10i64.pow(u32::from(decimals));
        debug_assert!(step >= 1, "precision finer than one fen");
        let step = step.max(1);
        let half = step / 2;
        let magnitude = (self.0.unsigned_abs() as i128 + half as i128) / step as i128;
        let units = if self.0 < 0 {
            -(magnitude as i64)
        } else {
            magnitude as i64
        };
        Printed {
            units,
            decimals,
            unit: Unit::Money(unit),
        }
    }

    /// The exact amount as a 万元 figure with as few decimals as it needs (at most six), for
    /// amounts that are stated rather than rounded (itemised uses of funds).
    pub fn exact_wan(self) -> Printed {
        let mut decimals = 6u8;
        let mut units = self.0;
        while decimals > 0 && units % 10 == 0 {
            units /= 10;
            decimals -= 1;
        }
        Printed {
            units,
            decimals,
            unit: Unit::Money(MoneyUnit::Wan),
        }
    }

    /// The official printed form of a table cell: 万元 with two decimals.
    pub fn to_wan2(self) -> Printed {
        self.round(MoneyUnit::Wan, 2)
    }
}

impl Add for Fen {
    type Output = Fen;
    fn add(self, rhs: Fen) -> Fen {
        Fen(self.0 + rhs.0)
    }
}

impl AddAssign for Fen {
    fn add_assign(&mut self, rhs: Fen) {
        self.0 += rhs.0;
    }
}

impl Sub for Fen {
    type Output = Fen;
    fn sub(self, rhs: Fen) -> Fen {
        Fen(self.0 - rhs.0)
    }
}

impl Neg for Fen {
    type Output = Fen;
    fn neg(self) -> Fen {
        Fen(-self.0)
    }
}

impl Sum for Fen {
    fn sum<I: Iterator<Item = Fen>>(iter: I) -> Fen {
        iter.fold(Fen::ZERO, |a, b| a + b)
    }
}

impl fmt::Display for Fen {
    /// Prints the exact amount in 元 with two decimals, e.g. `587430.00元`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}元", a / 100, a % 100)
    }
}

/// 金额单位 — the unit a document or a source file states money in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MoneyUnit {
    /// 元
    #[serde(rename = "元")]
    Yuan,
    /// 万元
    #[serde(rename = "万元")]
    Wan,
    /// 千元 (some regions' tables)
    #[serde(rename = "千元")]
    Qian,
}

impl MoneyUnit {
    /// Fen in one of this unit.
    pub fn fen_per_unit(self) -> i64 {
        match self {
            MoneyUnit::Yuan => FEN_PER_YUAN,
            MoneyUnit::Wan => FEN_PER_WAN,
            MoneyUnit::Qian => FEN_PER_YUAN * 1000,
        }
    }

    /// The most decimals a figure in this unit can carry and still be whole fen.
    pub fn max_decimals(self) -> u8 {
        match self {
            MoneyUnit::Yuan => 2,
            MoneyUnit::Wan => 6,
            MoneyUnit::Qian => 5,
        }
    }

    /// The Chinese name, `元` or `万元`.
    pub fn label(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::Wan => "万元",
            MoneyUnit::Qian => "千元",
        }
    }

    /// Parses `元` / `万元`.
    pub fn from_label(s: &str) -> Option<MoneyUnit> {
        match s.trim() {
            "元" => Some(MoneyUnit::Yuan),
            "万元" => Some(MoneyUnit::Wan),
            "千元" => Some(MoneyUnit::Qian),
            _ => None,
        }
    }
}

/// What a printed number measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// Money in 元, 千元 or 万元.
    Money(MoneyUnit),
    /// A percentage (`98.96%`).
    Percent,
    /// A plain number (indicator weights, points).
    Number,
}

/// 公开数 — a figure as printed: an integer count of the last printed decimal place.
///
/// `184.78` in 万元 is `Printed { units: 18478, decimals: 2, unit: 万元 }`; it stands for every
/// true value that rounds to it, see [`Printed::interval_fen`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Printed {
    /// The printed digits as an integer (`184.78` → `18478`).
    pub units: i64,
    /// Digits after the decimal point as printed.
    pub decimals: u8,
    /// What is measured.
    pub unit: Unit,
}

impl Printed {
    /// The interval of exact amounts, in fen, that print as this figure (both ends included).
    /// Returns `None` for a figure that is not money.
    pub fn interval_fen(&self) -> Option<(Fen, Fen)> {
        let Unit::Money(mu) = self.unit else {
            return None;
        };
        let step = mu.fen_per_unit() / 10i64.pow(u32::from(self.decimals));
        let center = self.units * step;
        if step <= 1 {
            return Some((Fen(center), Fen(center)));
        }
        // Half away from zero: a positive x covers [x − h, x + h), a negative one (x − h, x + h].
        let h = step / 2;
        let (lo, hi) = match self.units.signum() {
            1 => (center - h, center + h - 1),
            -1 => (center - h + 1, center + h),
            _ => (center - h + 1, center + h - 1),
        };
        Some((Fen(lo), Fen(hi)))
    }

    /// The printed figure itself in fen, converted exactly (`3452.35` 万元 → 3452350000): the
    /// middle of its interval, what a sum of printed figures adds. `None` for a figure that is
    /// not money, or that prints more decimals than whole fen allow.
    pub fn printed_fen(&self) -> Option<Fen> {
        let Unit::Money(mu) = self.unit else {
            return None;
        };
        if self.decimals > mu.max_decimals() {
            return None;
        }
        let step = mu.fen_per_unit() / 10i64.pow(u32::from(self.decimals));
        self.units.checked_mul(step).map(Fen)
    }

    /// True when `amount` rounds to exactly this printed figure.
    pub fn covers(&self, amount: Fen) -> bool {
        match self.interval_fen() {
            Some((lo, hi)) => lo <= amount && amount <= hi,
            None => false,
        }
    }
}

impl fmt::Display for Printed {
    /// The figure as printed, without its unit: `184.78`, `0.00`, `-3.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.units < 0 { "-" } else { "" };
        let a = self.units.unsigned_abs();
        if self.decimals == 0 {
            return write!(f, "{sign}{a}");
        }
        let p = 10u64.pow(u32::from(self.decimals));
        write!(
            f,
            "{sign}{}.{:0width$}",
            a / p,
            a % p,
            width = usize::from(self.decimals)
        )
    }
}

/// Why a decimal amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    /// Not a decimal number (the text is kept).
    NotANumber,
    /// More decimals than whole fen allow in this unit.
    TooPrecise {
        /// The unit the amount is stated in.
        unit: MoneyUnit,
        /// Decimals given.
        decimals: usize,
    },
    /// Larger than [`MAX_ABS_FEN`].
    TooLarge,
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AmountError::NotANumber => write!(f, "不是合法的金额数字"),
            AmountError::TooPrecise { unit, decimals } => write!(
                f,
                "以{}为单位最多只能有 {} 位小数（精确到分），这里有 {} 位",
                unit.label(),
                unit.max_decimals(),
                decimals
            ),
            AmountError::TooLarge => write!(f, "金额过大（超过 10 万亿元）"),
        }
    }
}

/// Parses a decimal amount stated in `unit` into exact fen.
///
/// Accepts an optional sign, digits with optional `_` or `,` grouping, and an optional fraction;
/// rejects anything finer than one fen, exponents, `inf`/`nan` and empty text.
pub fn parse_amount(text: &str, unit: MoneyUnit) -> Result<Fen, AmountError> {
    let t = text.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (int_part, frac_part) = match body.split_once('.') {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    let int_digits: String = int_part
        .chars()
        .filter(|c| *c != '_' && *c != ',')
        .collect();
    if int_digits.is_empty() || !int_digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AmountError::NotANumber);
    }
    if int_part.starts_with(['_', ',']) || int_part.ends_with(['_', ',']) {
        return Err(AmountError::NotANumber);
    }
    // Thousands separators only between groups of three digits (`1,234,567`), never `0,5`.
    if int_part.contains(',') && int_part.split(',').skip(1).any(|g| g.len() != 3) {
        return Err(AmountError::NotANumber);
    }
    let frac_digits: String = frac_part.chars().filter(|c| *c != '_').collect();
    if body.contains('.') && frac_digits.is_empty() {
        return Err(AmountError::NotANumber);
    }
    if !frac_digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AmountError::NotANumber);
    }
    // Trailing zeros carry no precision.
    let frac_trimmed = frac_digits.trim_end_matches('0');
    let max = usize::from(unit.max_decimals());
    if frac_trimmed.len() > max {
        return Err(AmountError::TooPrecise {
            unit,
            decimals: frac_trimmed.len(),
        });
    }
    let int_trimmed = int_digits.trim_start_matches('0');
    if int_trimmed.len() > 18 {
        return Err(AmountError::TooLarge);
    }
    let int_val: i128 = if int_trimmed.is_empty() {
        0
    } else {
        int_trimmed.parse().map_err(|_| AmountError::NotANumber)?
    };
    let mut frac_val: i128 = 0;
    for (i, b) in frac_trimmed.bytes().enumerate() {
        frac_val += i128::from(b - b'0') * 10i128.pow((max - 1 - i) as u32);
    }
    let per_unit = i128::from(unit.fen_per_unit());
    let frac_scale = per_unit / 10i128.pow(max as u32);
    let total = int_val * per_unit + frac_val * frac_scale;
    if total > i128::from(MAX_ABS_FEN) {
        return Err(AmountError::TooLarge);
    }
    let v = total as i64;
    Ok(Fen(if neg { -v } else { v }))
}

/// Parses a printed figure such as `184.78`, `-3.5`, `98.96` (without unit or `%`).
pub fn parse_printed(text: &str, unit: Unit) -> Option<Printed> {
    let t = text.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (i, f) = body.split_once('.').unwrap_or((body, ""));
    let i: String = i.chars().filter(|c| *c != ',').collect();
    if i.is_empty()
        || !i.bytes().all(|b| b.is_ascii_digit())
        || !f.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    if body.contains('.') && f.is_empty() {
        return None;
    }
    if i.len() + f.len() > 17 {
        return None;
    }
    let digits: i64 = format!("{i}{f}").parse().ok()?;
    // Money: no finer than a fen, no larger than MAX_ABS_FEN, so intervals and sums stay in i64.
    if let Unit::Money(mu) = unit {
        if f.len() > usize::from(mu.max_decimals()) {
            return None;
        }
        let step = mu.fen_per_unit() / 10i64.pow(f.len() as u32);
        if i128::from(digits) * i128::from(step) > i128::from(MAX_ABS_FEN) {
            return None;
        }
    }
    Some(Printed {
        units: if neg { -digits } else { digits },
        decimals: f.len() as u8,
        unit,
    })
}

/// part ÷ whole as a percentage with two decimals, rounded half up on the magnitude
/// (`98.96`, `-0.26`); `0.00` when the whole is not positive. Any common unit will do.
pub fn percent(part: i64, whole: i64) -> String {
    if whole <= 0 {
        return "0.00".into();
    }
    let (mag, sign) = (i128::from(part).abs(), if part < 0 { "-" } else { "" });
    let q = (mag * 20_000 + i128::from(whole)) / (2 * i128::from(whole));
    format!("{sign}{}.{:02}", q / 100, q % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(Fen(184_785_000).to_wan2().to_string(), "184.79");
        assert_eq!(Fen(18_478_500).to_wan2().to_string(), "18.48");
        assert_eq!(Fen(18_474_999).to_wan2().to_string(), "18.47");
        assert_eq!(Fen(-18_475_000).to_wan2().to_string(), "-18.48");
        assert_eq!(Fen(4_999).to_wan2().to_string(), "0.00");
        assert_eq!(Fen(5_000).to_wan2().to_string(), "0.01");
    }

    #[test]
    fn printed_interval_matches_rounding() {
        for fen in [
            -25_000i64,
            -15_001,
            -5_000,
            -4_999,
            0,
            4_999,
            5_000,
            14_999,
            15_000,
            123_456_789,
        ] {
            let p = Fen(fen).to_wan2();
            assert!(p.covers(Fen(fen)), "{fen} not covered by {p}");
            let (lo, hi) = p.interval_fen().unwrap();
            assert_eq!(Fen(lo.0).to_wan2(), p);
            assert_eq!(Fen(hi.0).to_wan2(), p);
            assert_ne!(Fen(lo.0 - 1).to_wan2(), p);
            assert_ne!(Fen(hi.0 + 1).to_wan2(), p);
        }
    }

    #[test]
    fn parses_amounts_exactly() {
        assert_eq!(parse_amount("58.743", MoneyUnit::Wan), Ok(Fen(58_743_000)));
        assert_eq!(
            parse_amount("587430.00", MoneyUnit::Yuan),
            Ok(Fen(58_743_000))
        );
        assert_eq!(parse_amount("1_000", MoneyUnit::Yuan), Ok(Fen(100_000)));
        assert_eq!(parse_amount("-0.000001", MoneyUnit::Wan), Ok(Fen(-1)));
        assert_eq!(
            parse_amount("0.001", MoneyUnit::Yuan),
            Err(AmountError::TooPrecise {
                unit: MoneyUnit::Yuan,
                decimals: 3
            })
        );
        assert_eq!(
            parse_amount("0.0000001", MoneyUnit::Wan),
            Err(AmountError::TooPrecise {
                unit: MoneyUnit::Wan,
                decimals: 7
            })
        );
        assert_eq!(
            parse_amount("1,234,567.89", MoneyUnit::Yuan),
            Ok(Fen(123_456_789))
        );
        assert!(parse_printed("12345678901234567", Unit::Money(MoneyUnit::Wan)).is_none());
        assert!(parse_printed("1.0000001", Unit::Money(MoneyUnit::Wan)).is_none());
        for bad in [
            "", "abc", "1e5", "1.", ".5", "--1", "1.2.3", "inf", "NaN", "１２",
        ] {
            assert_eq!(
                parse_amount(bad, MoneyUnit::Wan),
                Err(AmountError::NotANumber),
                "{bad}"
            );
        }
        assert_eq!(
            parse_amount("999999999999999999999", MoneyUnit::Yuan),
            Err(AmountError::TooLarge)
        );
    }

    #[test]
    fn prints_and_parses_printed_figures() {
        let p = parse_printed("184.78", Unit::Money(MoneyUnit::Wan)).unwrap();
        assert_eq!(p.to_string(), "184.78");
        assert_eq!(p.interval_fen(), Some((Fen(184_775_000), Fen(184_784_999))));
        assert_eq!(
            parse_printed("-0.5", Unit::Percent).unwrap().to_string(),
            "-0.5"
        );
    }
}
