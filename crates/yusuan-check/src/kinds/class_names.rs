//! Across tables, class by class where one table names its classes and the other codes them:
//! 财政拨款收支预算总表 lists `一、一般公共服务支出`, the table by function prints `201 一般公共服务支出`.
//! For every 类 in either table, a column of one prints the same as a column of the other.

use super::{ColSel, cell_label, find_col, item_name, missing_cell, printed, report};
use crate::engine::{Cx, Rule, RuleMeta};
use crate::interval::same_quantity;
use std::collections::BTreeMap;
use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::{RowKind, Table};

/// Class-by-class equality of a column of the table naming its classes (`a`) and a column of
/// the table coding them (`b`, its 类 rows).
pub struct ClassesByName {
    /// Identity and docs.
    pub meta: RuleMeta,
    /// The column of the table that names its classes (its rows without a code).
    pub a: ColSel,
    /// The column of the table that codes them (its 3-digit rows).
    pub b: ColSel,
}

/// The named class rows of `a` and the coded class rows of `b`, each by its 类 code when the
/// catalogue knows the name (under any name it has had), else by its name.
fn classes(t: &Table, side: yusuan_core::disclosure::Side, coded: bool) -> BTreeMap<String, usize> {
    let cat = yusuan_core::catalog::Catalog::get();
    t.rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.side == side && r.kind != RowKind::Total)
        .filter(|(_, r)| {
            if coded {
                r.code.as_deref().is_some_and(|c| c.len() == 3)
            } else {
                r.code.is_none() && item_name(&r.label).ends_with("支出")
            }
        })
        .map(|(i, r)| {
            let name = item_name(&r.label);
            let key = match (&r.code, cat.functional_class_named(&name)) {
                (Some(code), _) => code.clone(),
                (None, Some(code)) => code.to_string(),
                (None, None) => name,
            };
            (key, i)
        })
        .collect()
}

impl ClassesByName {
    /// The classes whose figures differ beyond rounding, or differ at all: (name, a's row,
    /// b's row, verdict).
    fn compare<'t>(
        &self,
        ta: &'t Table,
        tb: &'t Table,
        ca: usize,
        cb: usize,
    ) -> Vec<(
        String,
        Option<usize>,
        Option<usize>,
        crate::interval::Verdict,
    )> {
        let ra = classes(ta, self.a.side, false);
        let rb = classes(tb, self.b.side, true);
        let mut names: Vec<&String> = ra.keys().chain(rb.keys()).collect();
        names.sort();
        names.dedup();
        names
            .into_iter()
            .filter_map(|name| {
                let ia = ra.get(name).copied();
                let ib = rb.get(name).copied();
                let verdict = same_quantity(
                    ia.and_then(|i| printed(ta, i, ca)),
                    ib.and_then(|i| printed(tb, i, cb)),
                );
                (verdict != crate::interval::Verdict::Holds)
                    .then(|| (name.clone(), ia, ib, verdict))
            })
            .collect()
    }

    fn tables<'t>(&self, cx: &Cx<'t>) -> Option<(&'t Table, &'t Table, usize, usize)> {
        let (ta, tb) = (cx.table(self.a.table)?, cx.table(self.b.table)?);
        let ca = find_col(ta, self.a.side, self.a.column)?;
        let cb = find_col(tb, self.b.side, self.b.column)?;
        Some((ta, tb, ca, cb))
    }
}

impl Rule for ClassesByName {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn finds_error(&self, cx: &Cx<'_>) -> bool {
        let Some((ta, tb, ca, cb)) = self.tables(cx) else {
            return false;
        };
        self.meta.severity == yusuan_core::diag::Severity::Error
            && self
                .compare(ta, tb, ca, cb)
                .iter()
                .any(|(_, _, _, v)| matches!(v, crate::interval::Verdict::Broken(_)))
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some((ta, tb, ca, cb)) = self.tables(cx) else {
            return;
        };
        for (key, ia, ib, verdict) in self.compare(ta, tb, ca, cb) {
            let name = ib
                .or(ia)
                .map(|i| {
                    let r = if ib.is_some() {
                        &tb.rows[i]
                    } else {
                        &ta.rows[i]
                    };
                    item_name(&r.label)
                })
                .unwrap_or(key);
            let la = match ia {
                Some(i) => cell_label(ta, i, ca),
                None => missing_cell(ta, None, &name, self.a.column),
            };
            let lb = match ib {
                Some(i) => cell_label(tb, i, cb),
                None => missing_cell(tb, None, &name, self.b.column),
            };
            let what = format!(
                "“{name}”：表{}「{}」列应与表{}「{}」列相同",
                tb.number, self.b.column, ta.number, self.a.column
            );
            let (primary, other) = if ib.is_some() { (lb, la) } else { (la, lb) };
            if let Some(d) = report(&self.meta, verdict, &what, primary, vec![other]) {
                out.push(d);
            }
        }
    }
}
