//! Within every row of a table: one column equals the sum of others (合计 = 基本 + 项目).

use super::{cell_label, find_col, printed, report};
use crate::engine::{Cx, Rule, RuleMeta, Scope};
use crate::interval::sum_identity;
use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::Side;

/// `whole` = Σ `parts`, in every row of `table` on `side`.
pub struct ColumnSum {
    /// Identity and docs.
    pub meta: RuleMeta,
    /// 表号
    pub table: u8,
    /// Side of a two-sided table (or `Single`).
    pub side: Side,
    /// The total column.
    pub whole: &'static str,
    /// The part columns.
    pub parts: &'static [&'static str],
}

impl Rule for ColumnSum {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn scope(&self) -> Scope {
        Scope::Row
    }

    fn finds_error(&self, cx: &Cx<'_>) -> bool {
        let Some(t) = cx.table(self.table) else {
            return false;
        };
        let Some(w) = find_col(t, self.side, self.whole) else {
            return false;
        };
        let Some(parts) = self
            .parts
            .iter()
            .map(|p| find_col(t, self.side, p))
            .collect::<Option<Vec<_>>>()
        else {
            return false;
        };
        t.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.side == self.side)
            .any(|(ri, _)| {
                let values: Vec<_> = parts.iter().map(|&c| printed(t, ri, c)).collect();
                crate::interval::sum_broken(printed(t, ri, w), &values)
                    && self.meta.severity == yusuan_core::diag::Severity::Error
            })
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(t) = cx.table(self.table) else {
            return;
        };
        let Some(w) = find_col(t, self.side, self.whole) else {
            return;
        };
        let Some(parts) = self
            .parts
            .iter()
            .map(|p| find_col(t, self.side, p))
            .collect::<Option<Vec<_>>>()
        else {
            return;
        };
        for (ri, r) in t.rows.iter().enumerate() {
            if r.side != self.side {
                continue;
            }
            let values: Vec<_> = parts.iter().map(|&c| printed(t, ri, c)).collect();
            let verdict = sum_identity(printed(t, ri, w), &values);
            if verdict == crate::interval::Verdict::Holds {
                continue;
            }
            let what = format!(
                "{}应等于{}之和",
                super::cell_name(t, ri, w),
                self.parts.join("、")
            );
            let others = parts.iter().map(|&c| cell_label(t, ri, c)).collect();
            if let Some(d) = report(&self.meta, verdict, &what, cell_label(t, ri, w), others) {
                out.push(d);
            }
        }
    }
}
