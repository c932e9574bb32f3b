//! Within a two-sided table: a side's total row equals the sum of the side's numbered items
//! (一、… 二、… — the 类 of the expenditure side, the kinds of income), column by column, however
//! many the document prints.

use super::{cell_label, cell_name, printed, report};
use crate::engine::{Cx, Rule, RuleMeta};
use crate::interval::sum_identity;
use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::{RowKind, Side, Table};

/// The side's first total row = Σ its rows numbered with a Chinese numeral (`一、`, `十一、`).
pub struct ItemsSum {
    /// Identity and docs.
    pub meta: RuleMeta,
    /// 表号
    pub table: u8,
    /// Side.
    pub side: Side,
}

/// Whether a label is numbered at the top level: `一、一般公共服务支出`, not `1. …` or `（一）…`.
pub fn top_item(label: &str) -> bool {
    let s: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    let n = s
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    n > 0 && s.chars().nth(n) == Some('、')
}

impl ItemsSum {
    fn rows(&self, t: &Table) -> Option<(usize, Vec<usize>)> {
        let side = |i: &usize| t.rows[*i].side == self.side;
        let total = (0..t.rows.len())
            .filter(side)
            .find(|&i| t.rows[i].kind == RowKind::Total)?;
        let parts = (0..t.rows.len())
            .filter(side)
            .filter(|&i| t.rows[i].kind != RowKind::Total && top_item(&t.rows[i].label))
            .collect();
        Some((total, parts))
    }

    /// Per column of the side: (column, verdict).
    fn verdicts(&self, t: &Table) -> Vec<(usize, usize, Vec<usize>, crate::interval::Verdict)> {
        let Some((w, parts)) = self.rows(t) else {
            return Vec::new();
        };
        (0..t.columns.len())
            .filter(|&c| t.columns[c].side == self.side)
            .map(|c| {
                let values: Vec<_> = parts.iter().map(|&r| printed(t, r, c)).collect();
                (c, w, parts.clone(), sum_identity(printed(t, w, c), &values))
            })
            .filter(|(_, _, _, v)| *v != crate::interval::Verdict::Holds)
            .collect()
    }
}

impl Rule for ItemsSum {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn finds_error(&self, cx: &Cx<'_>) -> bool {
        cx.table(self.table).is_some_and(|t| {
            self.meta.severity == yusuan_core::diag::Severity::Error
                && self
                    .verdicts(t)
                    .iter()
                    .any(|(_, _, _, v)| matches!(v, crate::interval::Verdict::Broken(_)))
        })
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(t) = cx.table(self.table) else {
            return;
        };
        for (c, w, parts, verdict) in self.verdicts(t) {
            let what = format!("{}应等于本方各项（一、二、……）之和", cell_name(t, w, c));
            let others = parts.iter().map(|&r| cell_label(t, r, c)).collect();
            if let Some(d) = report(&self.meta, verdict, &what, cell_label(t, w, c), others) {
                out.push(d);
            }
        }
    }
}
