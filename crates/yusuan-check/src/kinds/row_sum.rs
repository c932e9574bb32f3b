//! Within a table: one labelled row equals the sum of other labelled rows, in every column of
//! its side (一、本年收入 = 1 + 2 + 3 + 4 + 5).

use super::{RowSel, cell_label, find_row, printed, report};
use crate::engine::{Cx, Rule, RuleMeta};
use crate::interval::sum_identity;
use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::Side;

/// Row `whole` = Σ rows `parts`, column by column on `side`.
pub struct RowSum {
    /// Identity and docs.
    pub meta: RuleMeta,
    /// 表号
    pub table: u8,
    /// Side.
    pub side: Side,
    /// The total row.
    pub whole: RowSel,
    /// The part rows (a missing row is blank).
    pub parts: &'static [&'static str],
}

impl Rule for RowSum {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(t) = cx.table(self.table) else {
            return;
        };
        // A whole row the table does not print is blank: its parts must then be blank too.
        let w = find_row(t, self.side, self.whole);
        let parts: Vec<Option<usize>> = self
            .parts
            .iter()
            .map(|l| find_row(t, self.side, RowSel::Label(l)))
            .collect();
        if w.is_none() && parts.iter().all(Option::is_none) {
            return;
        }
        let whole_name = self.whole.name();
        for (ci, c) in t.columns.iter().enumerate() {
            if c.side != self.side {
                continue;
            }
            let values: Vec<_> = parts
                .iter()
                .map(|r| r.and_then(|r| printed(t, r, ci)))
                .collect();
            let verdict = sum_identity(w.and_then(|w| printed(t, w, ci)), &values);
            if verdict == crate::interval::Verdict::Holds {
                continue;
            }
            let mut others: Vec<_> = parts
                .iter()
                .flatten()
                .map(|&r| cell_label(t, r, ci))
                .collect();
            let (primary, name) = match w {
                Some(w) => (cell_label(t, w, ci), super::cell_name(t, w, ci)),
                None => {
                    let Some(first) = others.first().cloned() else {
                        continue;
                    };
                    others.remove(0);
                    (
                        first,
                        format!(
                            "表{}「{whole_name}」行「{}」列（未列示，视为空白）",
                            t.number, c.key
                        ),
                    )
                }
            };
            let what = format!("{name}应等于{}之和", self.parts.join("、"));
            if let Some(d) = report(&self.meta, verdict, &what, primary, others) {
                out.push(d);
            }
        }
    }
}
