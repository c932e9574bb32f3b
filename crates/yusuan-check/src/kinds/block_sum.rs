//! Tables with unit rows (7, 11): the total row equals the sum of the unit rows, and each unit
//! row equals the sum of the rows in its block of the given kinds.

use super::{cell_label, printed, report};
use crate::engine::{Cx, Rule, RuleMeta};
use crate::interval::sum_identity;
use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::RowKind;

/// Total = Σ units (`members` empty), or unit = Σ its member rows.
pub struct BlockSum {
    /// Identity and docs.
    pub meta: RuleMeta,
    /// 表号
    pub table: u8,
    /// The kinds of rows a unit row sums; empty: the total row sums the unit rows.
    pub members: &'static [RowKind],
}

impl Rule for BlockSum {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(t) = cx.table(self.table) else {
            return;
        };
        let units: Vec<usize> = (0..t.rows.len())
            .filter(|&i| t.rows[i].kind == RowKind::Unit)
            .collect();
        let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
        if self.members.is_empty() {
            if let Some(total) = t.rows.iter().position(|r| r.kind == RowKind::Total)
                && !units.is_empty()
            {
                groups.push((total, units.clone()));
            }
        } else {
            for (k, &u) in units.iter().enumerate() {
                let end = units.get(k + 1).copied().unwrap_or(t.rows.len());
                let members = (u + 1..end)
                    .filter(|&i| self.members.contains(&t.rows[i].kind))
                    .collect();
                groups.push((u, members));
            }
        }
        for (whole, parts) in groups {
            for ci in 0..t.columns.len() {
                let values: Vec<_> = parts.iter().map(|&r| printed(t, r, ci)).collect();
                let verdict = sum_identity(printed(t, whole, ci), &values);
                if verdict == crate::interval::Verdict::Holds {
                    continue;
                }
                let what = if self.members.is_empty() {
                    format!("{}应等于各单位之和", super::cell_name(t, whole, ci))
                } else {
                    format!("{}应等于本单位各行之和", super::cell_name(t, whole, ci))
                };
                let others = parts.iter().map(|&r| cell_label(t, r, ci)).collect();
                if let Some(d) =
                    report(&self.meta, verdict, &what, cell_label(t, whole, ci), others)
                {
                    out.push(d);
                }
            }
        }
    }
}
