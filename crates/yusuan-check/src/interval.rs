//! Interval arithmetic for printed figures (domain.md): a printed x stands for the true values
//! that round to it, so n printed parts sum to a true value within n half-units of their printed
//! sum. A difference these intervals explain is rounding; one they cannot is a real error.
//! There is no fixed tolerance anywhere.

use yusuan_core::diag::Figures;
use yusuan_core::money::MoneyUnit;
use yusuan_core::money::{FEN_PER_WAN, Fen, Printed};

/// The outcome of comparing a printed whole with printed parts (or two prints of one quantity).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The printed figures agree exactly.
    Holds,
    /// They differ, but by no more than the rounding of each printed figure explains.
    Rounding(Figures),
    /// They differ by more than rounding can explain.
    Broken(Figures),
}

/// A printed cell's interval in fen; a blank cell is exactly zero.
pub fn interval(p: Option<&Printed>) -> (i64, i64) {
    match p.and_then(|p| p.interval_fen()) {
        Some((lo, hi)) => (lo.fen(), hi.fen()),
        None => (0, 0),
    }
}

/// The value a print shows, in fen (blank = 0).
pub fn shown(p: Option<&Printed>) -> i64 {
    let Some(p) = p else { return 0 };
    match p.interval_fen() {
        Some(_) => {
            let yusuan_core::money::Unit::Money(u) = p.unit else {
                return 0;
            };
            p.units * (u.fen_per_unit() / 10i64.pow(u32::from(p.decimals)))
        }
        None => 0,
    }
}

/// Formats fen as 万元 with two decimals (the figure as it would print).
pub fn wan2(fen: i64) -> String {
    Fen(fen).to_wan2().to_string()
}

/// The money unit the figures are printed in (万元 unless they say 元).
fn unit_of(ps: &[Option<&Printed>]) -> MoneyUnit {
    ps.iter()
        .flatten()
        .find_map(|p| match p.unit {
            yusuan_core::money::Unit::Money(u) => Some(u),
            _ => None,
        })
        .unwrap_or(MoneyUnit::Wan)
}

/// Formats fen in `unit` as the table prints it: 万元, 千元 or 元, two decimals.
fn in_unit(fen: i64, unit: MoneyUnit) -> String {
    match unit {
        MoneyUnit::Wan => wan2(fen),
        MoneyUnit::Yuan => {
            let sign = if fen < 0 { "-" } else { "" };
            let a = fen.unsigned_abs();
            format!("{sign}{}.{:02}", a / 100, a % 100)
        }
        MoneyUnit::Qian => {
            // Hundredths of 千元 (10 元), rounded half away from zero.
            let sign = if fen < 0 { "-" } else { "" };
            let h = (fen.unsigned_abs() + 500) / 1000;
            format!("{sign}{}.{:02}", h / 100, h % 100)
        }
    }
}

/// A signed difference in `unit`: `+0.01`, `-3.00`.
fn signed_in(fen: i64, unit: MoneyUnit) -> String {
    if fen >= 0 {
        format!("+{}", in_unit(fen, unit))
    } else {
        format!("-{}", in_unit(-fen, unit))
    }
}

/// Formats a bound in 万元 with three decimals (half-cent boundaries are exact at 0.001 万元).
fn wan3(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let a = fen.unsigned_abs();
    let per = FEN_PER_WAN as u64;
    let thousandths = (a * 1000).div_ceil(per);
    format!("{sign}{}.{:03}", thousandths / 1000, thousandths % 1000)
}

/// A printed figure's interval with the right brackets: a positive x covers [x − h, x + h), a
/// negative one (x − h, x + h], zero (−h, h) — rounding half away from zero.
fn bracket(p: &Printed, lo: i64, hi: i64) -> String {
    match p.units.signum() {
        1 => format!("[{}, {})", wan3(lo), wan3(hi + 1)),
        -1 => format!("({}, {}]", wan3(lo - 1), wan3(hi)),
        _ => format!("({}, {})", wan3(lo - 1), wan3(hi + 1)),
    }
}

/// The interval of a sum of printed parts: half-open like its parts when they are all positive.
fn range(lo: i64, hi: i64, all_positive: bool) -> String {
    if all_positive {
        format!("[{}, {})", wan3(lo), wan3(hi + 1))
    } else {
        format!("{} 至 {}", wan3(lo), wan3(hi))
    }
}

/// Whether a printed whole and the sum of printed parts differ beyond rounding: what
/// [`sum_identity`] calls broken, without building its message (the importer asks this of
/// many candidate placements).
pub fn sum_broken(whole: Option<&Printed>, parts: &[Option<&Printed>]) -> bool {
    let found = shown(whole);
    let expected: i64 = parts.iter().map(|p| shown(*p)).sum();
    if found == expected {
        return false;
    }
    let (wlo, whi) = interval(whole);
    let (plo, phi) = parts
        .iter()
        .map(|p| interval(*p))
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    !(wlo <= phi && plo <= whi)
}

/// Compares a printed whole with the sum of printed parts.
pub fn sum_identity(whole: Option<&Printed>, parts: &[Option<&Printed>]) -> Verdict {
    let found = shown(whole);
    let expected: i64 = parts.iter().map(|p| shown(*p)).sum();
    if found == expected {
        return Verdict::Holds;
    }
    let (wlo, whi) = interval(whole);
    let (plo, phi) = parts
        .iter()
        .map(|p| interval(*p))
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let mut all: Vec<Option<&Printed>> = vec![whole];
    all.extend(parts.iter().copied());
    let unit = unit_of(&all);
    let figures = Figures {
        expected: in_unit(expected, unit),
        found: in_unit(found, unit),
        difference: signed_in(found - expected, unit),
        allowed: Some(format!(
            "各分项四舍五入前之和可在 {} 之间，{}",
            range(
                plo,
                phi,
                parts.iter().all(|p| p.is_none_or(|p| p.units > 0))
            ),
            match whole {
                None => "总数为空白（即 0）".to_string(),
                Some(w) => format!("总数四舍五入前可在 {} 之间", bracket(w, wlo, whi)),
            }
        )),
    };
    if wlo <= phi && plo <= whi {
        Verdict::Rounding(figures)
    } else {
        Verdict::Broken(figures)
    }
}

/// Compares two sums of printed figures that must be equal (a balance: 年初结转和结余 + 本年收入
/// = 本年支出 + 年末结转和结余). The left side plays the expected value.
pub fn balance(left: &[Option<&Printed>], right: &[Option<&Printed>]) -> Verdict {
    let x: i64 = left.iter().map(|p| shown(*p)).sum();
    let y: i64 = right.iter().map(|p| shown(*p)).sum();
    if x == y {
        return Verdict::Holds;
    }
    let span = |ps: &[Option<&Printed>]| {
        ps.iter()
            .map(|p| interval(*p))
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    };
    let ((llo, lhi), (rlo, rhi)) = (span(left), span(right));
    let mut all: Vec<Option<&Printed>> = left.to_vec();
    all.extend(right.iter().copied());
    let unit = unit_of(&all);
    let figures = Figures {
        expected: in_unit(x, unit),
        found: in_unit(y, unit),
        difference: signed_in(y - x, unit),
        allowed: None,
    };
    if llo <= rhi && rlo <= lhi {
        Verdict::Rounding(figures)
    } else {
        Verdict::Broken(figures)
    }
}

/// Whether two printings of one quantity differ beyond rounding: what [`same_quantity`] calls
/// broken, without building its message.
pub fn quantity_broken(a: Option<&Printed>, b: Option<&Printed>) -> bool {
    if shown(a) == shown(b) {
        return false;
    }
    let (alo, ahi) = interval(a);
    let (blo, bhi) = interval(b);
    !(alo <= bhi && blo <= ahi)
}

/// Compares two prints of the same quantity (e.g. one total in two tables).
pub fn same_quantity(a: Option<&Printed>, b: Option<&Printed>) -> Verdict {
    let (x, y) = (shown(a), shown(b));
    if x == y {
        return Verdict::Holds;
    }
    let (alo, ahi) = interval(a);
    let (blo, bhi) = interval(b);
    let unit = unit_of(&[a, b]);
    let figures = Figures {
        expected: in_unit(x, unit),
        found: in_unit(y, unit),
        difference: signed_in(y - x, unit),
        allowed: None,
    };
    if alo <= bhi && blo <= ahi {
        Verdict::Rounding(figures)
    } else {
        Verdict::Broken(figures)
    }
}

/// Whether `said` (a text's figure, often coarser: 9,101.68 万元) restates `exact` (a table's,
/// 91,016,775.35 元): it does when the amounts `exact` can stand for include one that prints as
/// `said` — rounding to a coarser unit is no difference. Figures are given in `said`'s unit.
pub fn restates(exact: Option<&Printed>, said: Option<&Printed>) -> Verdict {
    let (elo, ehi) = interval(exact);
    let (slo, shi) = interval(said);
    if elo <= shi && slo <= ehi {
        return Verdict::Holds;
    }
    let unit = unit_of(&[said, exact]);
    let (x, y) = (shown(exact), shown(said));
    Verdict::Broken(Figures {
        expected: in_unit(x, unit),
        found: in_unit(y, unit),
        difference: signed_in(y - x, unit),
        allowed: None,
    })
}

/// A signed difference in 万元: `+0.01`, `-3.00`.
pub fn signed(fen: i64) -> String {
    if fen >= 0 {
        format!("+{}", wan2(fen))
    } else {
        format!("-{}", wan2(-fen))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yusuan_core::money::{MoneyUnit, Unit, parse_printed};

    fn p(s: &str) -> Printed {
        parse_printed(s, Unit::Money(MoneyUnit::Wan)).unwrap()
    }

    #[test]
    fn two_parts_may_differ_from_their_total_by_a_cent() {
        // Table 6 of the reference: 221.40 + 32.35 printed as 253.74.
        let v = sum_identity(Some(&p("253.74")), &[Some(&p("221.40")), Some(&p("32.35"))]);
        let Verdict::Rounding(f) = v else {
            panic!("{v:?}")
        };
        assert_eq!(
            (f.expected.as_str(), f.found.as_str(), f.difference.as_str()),
            ("253.75", "253.74", "-0.01")
        );
        assert_eq!(
            f.allowed.as_deref(),
            Some(
                "各分项四舍五入前之和可在 [253.740, 253.760) 之间，总数四舍五入前可在 [253.735, 253.745) 之间"
            )
        );
    }

    #[test]
    fn the_bound_grows_with_the_number_of_parts_and_no_further() {
        let ten: Vec<Printed> = [
            "1.00", "0.17", "4.69", "0.80", "14.90", "2.10", "2.84", "2.55", "1.20", "2.09",
        ]
        .iter()
        .map(|s| p(s))
        .collect();
        let parts: Vec<Option<&Printed>> = ten.iter().map(Some).collect();
        // 10 parts sum to 32.34: up to 32.34 ± 0.05 (plus the total's own half cent) is rounding.
        assert!(matches!(
            sum_identity(Some(&p("32.35")), &parts),
            Verdict::Rounding(_)
        ));
        assert!(matches!(
            sum_identity(Some(&p("32.39")), &parts),
            Verdict::Rounding(_)
        ));
        assert!(matches!(
            sum_identity(Some(&p("32.40")), &parts),
            Verdict::Broken(_)
        ));
        // Two parts cannot explain two cents.
        assert!(matches!(
            sum_identity(Some(&p("1.02")), &[Some(&p("0.50")), Some(&p("0.50"))]),
            Verdict::Broken(_)
        ));
        assert_eq!(
            sum_identity(Some(&p("1.00")), &[Some(&p("0.50")), Some(&p("0.50"))]),
            Verdict::Holds
        );
    }

    #[test]
    fn blank_is_zero_and_exact() {
        assert!(matches!(
            sum_identity(None, &[Some(&p("0.01"))]),
            Verdict::Broken(_)
        ));
        assert!(matches!(
            sum_identity(Some(&p("0.01")), &[None]),
            Verdict::Broken(_)
        ));
        assert!(matches!(
            sum_identity(Some(&p("0.00")), &[Some(&p("0.01")), None]),
            Verdict::Broken(_)
        ));
        assert!(matches!(
            sum_identity(Some(&p("0.01")), &[Some(&p("0.00")), Some(&p("0.00"))]),
            Verdict::Rounding(_)
        ));
    }

    #[test]
    fn one_quantity_printed_twice_must_print_the_same() {
        assert_eq!(
            same_quantity(Some(&p("475.74")), Some(&p("475.74"))),
            Verdict::Holds
        );
        assert!(matches!(
            same_quantity(Some(&p("475.74")), Some(&p("475.75"))),
            Verdict::Broken(_)
        ));
        // A figure in 元 and the same in 万元 agree when the intervals meet.
        let yuan = parse_printed("4757420.00", Unit::Money(MoneyUnit::Yuan)).unwrap();
        assert!(matches!(
            same_quantity(Some(&p("475.74")), Some(&yuan)),
            Verdict::Rounding(_)
        ));
    }
}
