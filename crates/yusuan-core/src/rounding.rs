//! 取整方式 — how the printed figures are chosen.
//!
//! The official practice ([`Rounding::Separate`]) rounds every printed cell half-up on its own,
//! so a printed total may differ from the sum of its printed parts by a cent (尾差), and the
//! table says so in a footnote.
//!
//! [`Rounding::Consistent`] chooses the printed figures so that every printed total equals the
//! sum of its printed parts in every table, the same quantity prints the same everywhere, and
//! every printed figure is within 0.01 万元 of its true value. Method (docs/rounding.md):
//!
//! 1. Every printed figure is a sum of ledger facts. Which facts, is found by probing: `derive`
//!    is run on a budget holding one fact at a time, and every table cell (identified by table,
//!    unit block, side, row code and label, column) that the fact makes non-zero contains it.
//!    The narrative's subjects (收支总预算, 一般公共预算/项, 运行经费, 三公经费…) and each
//!    project's total are probed the same way.
//! 2. Each fact is rounded down or up to 0.01 万元 (never further): if the ledger is rounded,
//!    every figure derived from it is a sum of printed parts, so totals add up and a quantity
//!    prints the same wherever it appears — by construction.
//! 3. Down or up is chosen so that every figure stays within 0.01 万元 of its true value: start
//!    from each fact rounded half-up, then flip the fact whose flip most reduces the total excess
//!    over all figures, until none is left (a deterministic local search with a tabu list; it
//!    never looks at the clock, so the same budget gives the same figures).
//! 4. Last year's figures (comparisons) are rounded half-up to 0.01 万元, so a stated change is
//!    exactly the difference of two printed figures.
//!
//! Such a rounding does not exist for every conceivable ledger (three cross-cutting totals over
//! the same few facts can make it impossible); then [`consistent`] says which figures it could
//! not reconcile, and the caller falls back to the official practice.

use crate::budget::{Budget, Subject, Use};
use crate::disclosure::{RowKind, Side};
use crate::money::Fen;
use std::collections::BTreeMap;

/// 0.01 万元 in fen.
pub const UNIT: i64 = 10_000;

/// How printed figures are rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rounding {
    /// 各数分别四舍五入 — each printed figure rounded half-up on its own (official practice).
    #[default]
    Separate,
    /// 合计一致 — printed totals equal the sums of their printed parts everywhere.
    Consistent,
}

/// A printed figure that is a sum of facts: a table cell, a narrative subject, a project total.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Figure {
    /// 表N, unit block, side, row code, row label, column key.
    Cell {
        /// 表N.
        table: u8,
        /// The budget unit block the row is in (tables 7 and 11), else empty.
        block: String,
        /// 收入 or 支出 side.
        side: Side,
        /// The row's code.
        code: Option<String>,
        /// The row's label.
        label: String,
        /// The column's key.
        column: String,
    },
    /// A narrative subject (收支总预算, 运行经费, …).
    Subject(String),
    /// A project's total (情况说明 七).
    Project(String),
}

impl std::fmt::Display for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Figure::Cell {
                table,
                code,
                label,
                column,
                ..
            } => {
                let code = code.as_deref().map(|c| format!("{c} ")).unwrap_or_default();
                write!(f, "表{table}「{code}{label}」行「{column}」列")
            }
            Figure::Subject(s) => write!(f, "情况说明中的“{s}”"),
            Figure::Project(p) => write!(f, "项目“{p}”的预算"),
        }
    }
}

/// Why no consistent rounding was found: the figures still more than 0.01 万元 off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoConsistentRounding {
    /// Each figure that could not be reconciled, with its true value and the best print found.
    pub figures: Vec<(Figure, Fen, Fen)>,
}

impl std::fmt::Display for NoConsistentRounding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "找不到使所有合计与分项一致、且每个数与真实值相差不超过 0.01 万元的取整方案（{} 个数无法兼顾",
            self.figures.len()
        )?;
        if let Some((fig, exact, best)) = self.figures.first() {
            write!(
                f,
                "，如{fig}：真实值 {}，最接近的一致取值 {}",
                exact.exact_wan(),
                best.exact_wan()
            )?;
        }
        write!(f, "）")
    }
}

/// The figures every single fact takes part in, found by deriving the fact alone.
fn figures_of(b: &Budget, fact: usize) -> Vec<Figure> {
    let mut one = b.clone();
    let mut f = one.facts[fact].clone();
    // Any non-zero amount shows which figures the fact is part of.
    f.amount = Fen(UNIT);
    one.facts = vec![f];
    one.comparisons.clear();
    let d = crate::derive(&one);
    let mut out = Vec::new();
    for t in &d.tables {
        let mut block = String::new();
        for r in &t.rows {
            if r.kind == RowKind::Unit {
                block.clone_from(&r.label);
            }
            for (c, cell) in r.cells.iter().enumerate() {
                if cell
                    .as_ref()
                    .and_then(|x| x.exact)
                    .is_some_and(|x| !x.is_zero())
                {
                    out.push(Figure::Cell {
                        table: t.number,
                        block: block.clone(),
                        side: r.side,
                        code: r.code.clone(),
                        label: r.label.clone(),
                        column: t.columns.get(c).map(|x| x.key.clone()).unwrap_or_default(),
                    });
                }
            }
        }
    }
    for s in narrative_subjects(&one) {
        if !one.this_year(&s).is_zero() {
            out.push(Figure::Subject(s.key()));
        }
    }
    if let Use::Project(i) = one.facts[0].use_
        && let Some(p) = one.projects.get(i)
    {
        out.push(Figure::Project(p.name.clone()));
    }
    out.sort();
    out.dedup();
    out
}

/// The subjects the narrative states a figure for.
fn narrative_subjects(b: &Budget) -> Vec<Subject> {
    let mut v = Subject::fixed();
    v.extend(b.facts.iter().map(|f| Subject::GeneralFunc(f.func)));
    v
}

/// `a` rounded half away from zero to a multiple of [`UNIT`].
fn half_up(a: Fen) -> Fen {
    let v = a.fen();
    let q = (v.abs() + UNIT / 2) / UNIT * UNIT;
    Fen(if v < 0 { -q } else { q })
}

/// How far `error` (printed − true, in fen) is beyond the allowed 0.01 万元.
fn excess(error: i64) -> i64 {
    (error.abs() - UNIT).max(0)
}

/// The budget with every fact and last year's figure rounded to 0.01 万元 so that every printed
/// figure adds up and is within 0.01 万元 of its true value; or which figures could not be.
pub fn consistent(b: &Budget) -> Result<Budget, NoConsistentRounding> {
    let n = b.facts.len();
    // Each fact: its floor (a multiple of UNIT) and its remainder.
    let floor: Vec<i64> = b
        .facts
        .iter()
        .map(|f| f.amount.fen().div_euclid(UNIT) * UNIT)
        .collect();
    let rem: Vec<i64> = b
        .facts
        .iter()
        .zip(&floor)
        .map(|(f, fl)| f.amount.fen() - fl)
        .collect();
    // Figures and their member facts.
    let mut members: BTreeMap<Figure, Vec<usize>> = BTreeMap::new();
    // A zero fact is part of no printed figure.
    for i in (0..n).filter(|&i| !b.facts[i].amount.is_zero()) {
        for fig in figures_of(b, i) {
            members.entry(fig).or_default().push(i);
        }
    }
    let figs: Vec<(Figure, Vec<usize>)> = members.into_iter().collect();
    let mut of_fact: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (k, (_, m)) in figs.iter().enumerate() {
        for &i in m {
            of_fact[i].push(k);
        }
    }
    // Start from half-up; `up[i]` says the fact is rounded up. A fact under 0.01 万元 would
    // vanish if rounded down (with its row): it is rounded up unless a total forbids it.
    let tiny = |i: usize| floor[i] == 0 && rem[i] > 0;
    let mut up: Vec<bool> = (0..n).map(|i| rem[i] * 2 >= UNIT || tiny(i)).collect();
    let mut err: Vec<i64> = figs
        .iter()
        .map(|(_, m)| {
            m.iter()
                .map(|&i| if up[i] { UNIT - rem[i] } else { -rem[i] })
                .sum()
        })
        .collect();
    // Among the roundings that keep every figure within 0.01 万元, prefer the one that prints
    // the most figures as the official practice would (half-up), the larger totals first: a
    // figure's weight is the number of facts it sums. An excess outweighs all preferences.
    let exact: Vec<i64> = figs
        .iter()
        .map(|(_, m)| m.iter().map(|&i| b.facts[i].amount.fen()).sum())
        .collect();
    let official: Vec<i64> = exact.iter().map(|t| half_up(Fen(*t)).fen() - t).collect();
    let weight: Vec<i64> = figs
        .iter()
        .map(|(_, m)| i64::try_from(m.len()).unwrap_or(i64::MAX / 4))
        .collect();
    let heavy = 1 + weight.iter().sum::<i64>();
    let cost = |k: usize, e: i64| {
        excess(e).saturating_mul(heavy) + weight[k] * i64::from(e != official[k])
    };
    let vanish = heavy - 1;
    let flippable: Vec<usize> = (0..n).filter(|&i| rem[i] != 0).collect();
    let delta = |i: usize, up: &[bool]| if up[i] { -UNIT } else { UNIT };
    let gain = |i: usize, up: &[bool], err: &[i64]| -> i64 {
        let figures: i64 = of_fact[i]
            .iter()
            .map(|&k| cost(k, err[k] + delta(i, up)) - cost(k, err[k]))
            .sum();
        let fact = match (tiny(i), up[i]) {
            (true, true) => vanish,
            (true, false) => -vanish,
            _ => 0,
        };
        figures + fact
    };
    let flip = |i: usize, up: &mut Vec<bool>, err: &mut Vec<i64>| {
        let d = delta(i, up);
        for &k in &of_fact[i] {
            err[k] += d;
        }
        up[i] = !up[i];
    };
    // A random walk over the figures still off (WalkSAT): pick one, flip one of its facts that
    // moves it toward its true value — usually the flip that costs least elsewhere, sometimes
    // any — until none is off. The generator is seeded from the budget's size, so the same
    // budget always gives the same figures.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15 ^ (n as u64) ^ ((figs.len() as u64) << 32);
    let mut random = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let limit = 2_000 + 200 * n;
    for _ in 0..limit {
        let off: Vec<usize> = (0..figs.len()).filter(|&k| excess(err[k]) > 0).collect();
        if off.is_empty() {
            break;
        }
        let k = off[(random() % off.len() as u64) as usize];
        let toward: Vec<usize> = figs[k]
            .1
            .iter()
            .copied()
            .filter(|&i| rem[i] != 0 && (err[k] > 0) == up[i])
            .collect();
        if toward.is_empty() {
            break;
        }
        let i = if random() % 10 < 3 {
            toward[(random() % toward.len() as u64) as usize]
        } else {
            toward
                .iter()
                .copied()
                .min_by_key(|&i| (gain(i, &up, &err), i))
                .unwrap_or(toward[0])
        };
        flip(i, &mut up, &mut err);
    }
    // Then, while nothing is off, print more figures as the official practice would: take
    // every flip that lowers the cost (it never puts a figure off, which would cost more).
    if err.iter().all(|e| excess(*e) == 0) {
        while let Some(i) = flippable
            .iter()
            .map(|&i| (gain(i, &up, &err), i))
            .filter(|(g, _)| *g < 0)
            .min()
            .map(|(_, i)| i)
        {
            flip(i, &mut up, &mut err);
        }
    }
    let bad: Vec<(Figure, Fen, Fen)> = (0..figs.len())
        .filter(|&k| excess(err[k]) > 0)
        .map(|k| (figs[k].0.clone(), Fen(exact[k]), Fen(exact[k] + err[k])))
        .collect();
    if !bad.is_empty() {
        return Err(NoConsistentRounding { figures: bad });
    }
    let mut out = b.clone();
    for (i, f) in out.facts.iter_mut().enumerate() {
        f.amount = Fen(floor[i] + if up[i] { UNIT } else { 0 });
    }
    for c in &mut out.comparisons {
        c.last_year = half_up(c.last_year);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_up_rounds_to_the_cent_of_wan() {
        assert_eq!(half_up(Fen(14_999)), Fen(10_000));
        assert_eq!(half_up(Fen(15_000)), Fen(20_000));
        assert_eq!(half_up(Fen(-15_000)), Fen(-20_000));
    }
}
