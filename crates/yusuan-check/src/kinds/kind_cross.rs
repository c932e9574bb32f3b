//! Across any region's tables, by what they mean: one amount printed in two tables, each found
//! by its kind, its row's role (the total, the year's subtotal) and its column's key.
//!
//! A kind printed more than once in a document (a table split by fund or by unit) is not
//! compared: which of them is meant is not known.

use super::by_key::keyed_tables;
use super::{cell_label, printed};
use crate::engine::{Cx, Rule, RuleMeta};
use crate::interval::{Verdict, same_quantity};
use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::{RowKind, Side, Table};

/// Which row of a side.
#[derive(Debug, Clone, Copy)]
pub enum KindRow {
    /// The side's grand total (its last total row: 合计, 总计, 支出总计…).
    Total,
    /// The year's subtotal: 本年收入合计, 本年支出合计.
    YearTotal,
}

/// A cell found by meaning.
#[derive(Debug, Clone, Copy)]
pub struct KindSel {
    /// The table's kind (`Table::kind`).
    pub kind: &'static str,
    /// The side.
    pub side: Side,
    /// The row.
    pub row: KindRow,
    /// The column: the first of these keys the side prints.
    pub columns: &'static [&'static str],
    /// When the side prints none of `columns` and has one value column only, that one.
    pub sole_column: bool,
}

/// The one complete table of a kind.
pub(crate) fn table_of<'a>(cx: &Cx<'a>, kind: &str) -> Option<&'a Table> {
    let mut it = cx
        .disclosure
        .tables
        .iter()
        .filter(|t| t.kind.as_deref() == Some(kind));
    let t = it.next()?;
    if it.next().is_some() {
        return None;
    }
    keyed_tables(cx).find(|k| std::ptr::eq(*k, t))
}

impl KindSel {
    fn find<'a>(&self, cx: &Cx<'a>) -> Option<(&'a Table, usize, usize)> {
        let t = table_of(cx, self.kind)?;
        let row = match self.row {
            KindRow::Total => (0..t.rows.len())
                .rev()
                .find(|&i| t.rows[i].side == self.side && t.rows[i].kind == RowKind::Total)?,
            KindRow::YearTotal => (0..t.rows.len()).find(|&i| {
                let l: String = t.rows[i].label.split_whitespace().collect();
                t.rows[i].side == self.side && l.starts_with("本年") && l.ends_with("合计")
            })?,
        };
        let on_side: Vec<usize> = (0..t.columns.len())
            .filter(|&c| t.columns[c].side == self.side)
            .collect();
        let col = self
            .columns
            .iter()
            .find_map(|k| on_side.iter().copied().find(|&c| t.columns[c].key == *k))
            .or_else(|| (self.sole_column && on_side.len() == 1).then(|| on_side[0]))?;
        Some((t, row, col))
    }
}

/// One amount in two tables of known kinds.
pub struct KindEqual {
    /// Identity and docs.
    pub meta: RuleMeta,
    /// The first cell.
    pub a: KindSel,
    /// The cell that must print the same amount.
    pub b: KindSel,
}

impl Rule for KindEqual {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let (Some((ta, ra, ca)), Some((tb, rb, cb))) = (self.a.find(cx), self.b.find(cx)) else {
            return;
        };
        let (x, y) = (printed(ta, ra, ca), printed(tb, rb, cb));
        if x.is_none() && y.is_none() {
            return;
        }
        let Verdict::Broken(f) = same_quantity(x, y) else {
            return;
        };
        let message = format!(
            "{}应与{}相同：前者印为 {}，后者印为 {}，相差 {}",
            super::by_key::named(ta, ra, ca),
            super::by_key::named(tb, rb, cb),
            f.expected,
            f.found,
            f.difference
        );
        let mut d = Diagnostic::new(
            self.meta.id,
            self.meta.severity,
            message,
            cell_label(tb, rb, cb),
        )
        .with_figures(f)
        .with_help("同一数额在两张表中应完全一致：核对两处，改正错误的一处");
        d.secondary = vec![cell_label(ta, ra, ca)];
        out.push(d);
    }
}

/// A name without its numbering and spaces (`一、一般公共服务支出` → `一般公共服务支出`).
fn bare_name(label: &str) -> String {
    super::item_name(label)
}

/// X1002 — each functional class the two-sided 收支总表 lists on its 支出 side by name equals
/// that class's total in the 支出总表 (its class row, or the sum of its highest printed rows).
pub struct ClassesAcross {
    /// Identity and docs.
    pub meta: RuleMeta,
    /// The two-sided table's kind.
    pub summary: &'static str,
    /// The table by code's kind.
    pub detail: &'static str,
    /// The detail's column (the first of these keys it prints).
    pub columns: &'static [&'static str],
}

impl Rule for ClassesAcross {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let (Some(s), Some(d)) = (table_of(cx, self.summary), table_of(cx, self.detail)) else {
            return;
        };
        let s_cols: Vec<usize> = (0..s.columns.len())
            .filter(|&c| s.columns[c].side == Side::Expenditure)
            .collect();
        let [sc] = s_cols[..] else {
            return;
        };
        let Some(dc) = self.columns.iter().find_map(|k| {
            (0..d.columns.len())
                .find(|&c| d.columns[c].key == *k && d.columns[c].side == Side::Single)
        }) else {
            return;
        };
        // The detail's coded rows; a code printed twice (a table by unit) is not compared.
        let coded: Vec<usize> = (0..d.rows.len())
            .filter(|&i| d.rows[i].code.is_some())
            .collect();
        let mut codes: Vec<&str> = coded
            .iter()
            .filter_map(|&i| d.rows[i].code.as_deref())
            .collect();
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        if n == 0 || codes.len() != n {
            return;
        }
        let catalog = yusuan_core::catalog::Catalog::get();
        for (ri, r) in s.rows.iter().enumerate() {
            if r.side != Side::Expenditure || r.code.is_some() {
                continue;
            }
            let Some(class) = catalog.functional_class_named(&bare_name(&r.label)) else {
                continue;
            };
            let class = class.to_string();
            // The class row, else its highest printed rows.
            let under: Vec<usize> = coded
                .iter()
                .copied()
                .filter(|&i| {
                    d.rows[i]
                        .code
                        .as_deref()
                        .is_some_and(|c| c.starts_with(&class))
                })
                .collect();
            let Some(top) = under
                .iter()
                .filter_map(|&i| d.rows[i].code.as_ref().map(String::len))
                .min()
            else {
                if printed(s, ri, sc).is_some_and(|p| p.units != 0) {
                    // The class is spent in the summary but has no row in the detail.
                    let message = format!(
                        "{}印为 {}，而「{}」没有该类（{class}）的行",
                        super::by_key::named(s, ri, sc),
                        printed(s, ri, sc)
                            .map(ToString::to_string)
                            .unwrap_or_default(),
                        d.title
                    );
                    out.push(Diagnostic::new(
                        self.meta.id,
                        self.meta.severity,
                        message,
                        cell_label(s, ri, sc),
                    ));
                }
                continue;
            };
            let tops: Vec<usize> = under
                .iter()
                .copied()
                .filter(|&i| d.rows[i].code.as_ref().is_some_and(|c| c.len() == top))
                .collect();
            let parts: Vec<_> = tops.iter().map(|&i| printed(d, i, dc)).collect();
            let verdict = if let [one] = tops[..] {
                same_quantity(printed(s, ri, sc), printed(d, one, dc))
            } else {
                crate::interval::sum_identity(printed(s, ri, sc), &parts)
            };
            let what = format!(
                "{}应等于「{}」中该类（{class}）的合计",
                super::by_key::named(s, ri, sc),
                d.title
            );
            let others = tops.iter().map(|&i| cell_label(d, i, dc)).collect();
            if let Some(diag) =
                super::report(&self.meta, verdict, &what, cell_label(s, ri, sc), others)
            {
                out.push(diag);
            }
        }
    }
}
