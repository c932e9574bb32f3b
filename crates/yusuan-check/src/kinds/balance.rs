//! Within every row of a table: the sum of some columns equals the sum of others — a balance,
//! such as 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余 in the 决算's fund tables.
//! A column is named by its key or its alternatives (documents head it 合计 or 小计).

use super::{cell_label, find_col, printed, report};
use crate::engine::{Cx, Rule, RuleMeta};
use crate::interval::balance;
use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::{Side, Table};

/// Σ `left` = Σ `right`, in every row of `table` on `side`.
pub struct Balance {
    /// Identity and docs.
    pub meta: RuleMeta,
    /// 表号
    pub table: u8,
    /// Side.
    pub side: Side,
    /// The columns on the left, each by its key or alternative keys.
    pub left: &'static [&'static [&'static str]],
    /// The columns on the right.
    pub right: &'static [&'static [&'static str]],
}

fn columns(t: &Table, side: Side, keys: &[&[&str]]) -> Option<Vec<usize>> {
    keys.iter()
        .map(|alts| alts.iter().find_map(|k| find_col(t, side, k)))
        .collect()
}

impl Rule for Balance {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(t) = cx.table(self.table) else {
            return;
        };
        let (Some(left), Some(right)) = (
            columns(t, self.side, self.left),
            columns(t, self.side, self.right),
        ) else {
            return;
        };
        let name = |cols: &[usize]| {
            cols.iter()
                .map(|&c| t.columns[c].key.replace('/', ""))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        for (ri, r) in t.rows.iter().enumerate() {
            if r.side != self.side {
                continue;
            }
            let l: Vec<_> = left.iter().map(|&c| printed(t, ri, c)).collect();
            let rv: Vec<_> = right.iter().map(|&c| printed(t, ri, c)).collect();
            if l.iter().chain(&rv).all(Option::is_none) {
                continue;
            }
            let verdict = balance(&l, &rv);
            let what = format!(
                "表{}「{}」行：{} 应等于 {}",
                t.number,
                r.code
                    .as_deref()
                    .map_or(r.label.clone(), |c| format!("{c} {}", r.label)),
                name(&right),
                name(&left)
            );
            let others = left
                .iter()
                .chain(right.iter().skip(1))
                .map(|&c| cell_label(t, ri, c))
                .collect();
            if let Some(d) = report(
                &self.meta,
                verdict,
                &what,
                cell_label(t, ri, right[0]),
                others,
            ) {
                out.push(d);
            }
        }
    }
}
