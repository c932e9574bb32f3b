//! Across tables, row by row: for every classification code in either table, a column of one
//! table prints the same as a column of the other (表1 by 类 = 表3 合计 by 类).

use super::{cell_label, find_col, printed, report};
use crate::engine::{Cx, Rule, RuleMeta};
use crate::interval::same_quantity;
use std::collections::BTreeSet;
use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::{Side, Table};

/// A column of a table.
#[derive(Debug, Clone, Copy)]
pub struct ColSel {
    /// 表号
    pub table: u8,
    /// Side.
    pub side: Side,
    /// Column key.
    pub column: &'static str,
}

/// Row-by-row equality of two columns, matched by code.
pub struct CrossRows {
    /// Identity and docs.
    pub meta: RuleMeta,
    /// One column.
    pub a: ColSel,
    /// The other column.
    pub b: ColSel,
    /// Only codes of this length (3 = 类); `None` for every coded row.
    pub code_len: Option<usize>,
}

fn coded(t: &Table, side: Side, len: Option<usize>) -> Vec<(String, usize)> {
    t.rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.side == side && r.kind != yusuan_core::disclosure::RowKind::Project)
        .filter_map(|(i, r)| r.code.clone().map(|c| (c, i)))
        .filter(|(c, _)| len.is_none_or(|l| c.len() == l))
        .collect()
}

impl Rule for CrossRows {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let (Some(ta), Some(tb)) = (cx.table(self.a.table), cx.table(self.b.table)) else {
            return;
        };
        let (Some(ca), Some(cb)) = (
            find_col(ta, self.a.side, self.a.column),
            find_col(tb, self.b.side, self.b.column),
        ) else {
            return;
        };
        let ra = coded(ta, self.a.side, self.code_len);
        let rb = coded(tb, self.b.side, self.code_len);
        let codes: BTreeSet<&String> = ra
            .iter()
            .map(|(c, _)| c)
            .chain(rb.iter().map(|(c, _)| c))
            .collect();
        // First row of each code, looked up in constant time.
        let mut ia_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (c, i) in &ra {
            ia_of.entry(c.as_str()).or_insert(*i);
        }
        let mut ib_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (c, i) in &rb {
            ib_of.entry(c.as_str()).or_insert(*i);
        }
        for code in codes {
            let ia = ia_of.get(code.as_str()).copied();
            let ib = ib_of.get(code.as_str()).copied();
            let pa = ia.and_then(|i| printed(ta, i, ca));
            let pb = ib.and_then(|i| printed(tb, i, cb));
            let verdict = same_quantity(pa, pb);
            if verdict == crate::interval::Verdict::Holds {
                continue;
            }
            let la = match ia {
                Some(i) => cell_label(ta, i, ca),
                None => super::missing_cell(ta, Some(code), "", self.a.column),
            };
            let lb = match ib {
                Some(i) => cell_label(tb, i, cb),
                None => super::missing_cell(tb, Some(code), "", self.b.column),
            };
            let what = format!(
                "科目 {code}：表{}「{}」列应与表{}「{}」列相同",
                tb.number, self.b.column, ta.number, self.a.column
            );
            let (primary, other) = if ib.is_some() { (lb, la) } else { (la, lb) };
            if let Some(d) = report(&self.meta, verdict, &what, primary, vec![other]) {
                out.push(d);
            }
        }
    }
}
