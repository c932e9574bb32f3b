//! Within a table: every coded row equals the sum of the rows one level below it (类 = Σ款,
//! 款 = Σ项; in table 7, 款 = Σ its project rows), in every column — and, when `total` is set,
//! the total row equals the sum of the 类 rows. In tables with unit rows (table 7) the
//! hierarchy is checked inside each unit's block.

use super::{cell_label, printed, report};
use crate::engine::{Cx, Rule, RuleMeta};
use crate::interval::sum_identity;
use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::{RowKind, Side, Table};

/// Parents = Σ children, by code.
pub struct Hierarchy {
    /// Identity and docs.
    pub meta: RuleMeta,
    /// 表号
    pub table: u8,
    /// Side.
    pub side: Side,
    /// Check the total row against the top-level (3-digit) rows instead of parents/children.
    pub total: bool,
}

fn blocks(t: &Table, side: Side) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new()];
    for (i, r) in t.rows.iter().enumerate() {
        if r.side != side {
            continue;
        }
        if r.kind == RowKind::Unit {
            out.push(Vec::new());
        } else if r.code.is_some() {
            out.last_mut().expect("one block").push(i);
        }
    }
    out
}

impl Rule for Hierarchy {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(t) = cx.table(self.table) else {
            return;
        };
        let code = |i: usize| t.rows[i].code.as_deref().unwrap_or("");
        if self.total {
            // Total row = Σ 类 rows (all blocks).
            let Some(total) = t
                .rows
                .iter()
                .position(|r| r.side == self.side && r.kind == RowKind::Total)
            else {
                return;
            };
            let tops: Vec<usize> = (0..t.rows.len())
                .filter(|&i| t.rows[i].side == self.side && code(i).len() == 3)
                .collect();
            if tops.is_empty() {
                return;
            }
            for (ci, c) in t.columns.iter().enumerate() {
                if c.side != self.side {
                    continue;
                }
                let values: Vec<_> = tops.iter().map(|&r| printed(t, r, ci)).collect();
                let verdict = sum_identity(printed(t, total, ci), &values);
                if verdict == crate::interval::Verdict::Holds {
                    continue;
                }
                let what = format!("{}应等于各类级科目之和", super::cell_name(t, total, ci));
                let others = tops.iter().map(|&r| cell_label(t, r, ci)).collect();
                if let Some(d) =
                    report(&self.meta, verdict, &what, cell_label(t, total, ci), others)
                {
                    out.push(d);
                }
            }
            return;
        }
        for block in blocks(t, self.side) {
            // Children by parent code, in one pass (a hostile table may have many rows).
            let mut children_of: std::collections::HashMap<&str, Vec<usize>> =
                std::collections::HashMap::new();
            for &c in &block {
                let cc = code(c);
                if cc.len() > 3 && cc.is_char_boundary(cc.len() - 2) {
                    children_of.entry(&cc[..cc.len() - 2]).or_default().push(c);
                }
            }
            for &p in &block {
                let Some(children) = children_of.get(code(p)) else {
                    continue;
                };
                for (ci, c) in t.columns.iter().enumerate() {
                    if c.side != self.side {
                        continue;
                    }
                    let values: Vec<_> = children.iter().map(|&r| printed(t, r, ci)).collect();
                    let verdict = sum_identity(printed(t, p, ci), &values);
                    if verdict == crate::interval::Verdict::Holds {
                        continue;
                    }
                    let what = format!("{}应等于其下级科目之和", super::cell_name(t, p, ci));
                    let others = children.iter().map(|&r| cell_label(t, r, ci)).collect();
                    if let Some(d) =
                        report(&self.meta, verdict, &what, cell_label(t, p, ci), others)
                    {
                        out.push(d);
                    }
                }
            }
        }
    }
}
