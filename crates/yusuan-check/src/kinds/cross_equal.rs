//! Across tables: one quantity printed in two places prints the same.

use super::{RowSel, cell_label, find_col, find_row, printed, report};
use crate::engine::{Cx, Rule, RuleMeta};
use crate::interval::same_quantity;
use yusuan_core::diag::{Diagnostic, Label};
use yusuan_core::disclosure::Side;

/// A cell named by table, side, row and column.
#[derive(Debug, Clone, Copy)]
pub struct CellSel {
    /// 表号
    pub table: u8,
    /// Side.
    pub side: Side,
    /// Row.
    pub row: RowSel,
    /// Column key.
    pub column: &'static str,
}

/// The cell `a` and the cell `b` print the same quantity.
pub struct CrossEqual {
    /// Identity and docs.
    pub meta: RuleMeta,
    /// One place.
    pub a: CellSel,
    /// The other place.
    pub b: CellSel,
}

/// Resolves a selector: `None` when the table or column is missing (completeness rules report
/// that); a missing row is a blank cell, reported at the table.
fn resolve<'t>(
    cx: &Cx<'t>,
    s: CellSel,
) -> Option<(Option<&'t yusuan_core::money::Printed>, Label, String)> {
    let t = cx.table(s.table)?;
    let c = find_col(t, s.side, s.column)?;
    match find_row(t, s.side, s.row) {
        Some(r) => Some((
            printed(t, r, c),
            cell_label(t, r, c),
            super::cell_name(t, r, c),
        )),
        None => {
            let name = match s.row {
                RowSel::Label(l) | RowSel::Item(l) => {
                    format!("表{}「{l}」行「{}」列", t.number, s.column)
                }
                RowSel::Total => format!("表{}合计行「{}」列", t.number, s.column),
                RowSel::Only => format!("表{}「{}」列", t.number, s.column),
            };
            let row_label = s.row.name();
            Some((
                None,
                super::missing_cell(t, None, row_label, s.column),
                name,
            ))
        }
    }
}

impl Rule for CrossEqual {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn finds_error(&self, cx: &Cx<'_>) -> bool {
        // The figures only: no labels or messages are built.
        let figure = |s: CellSel| -> Option<Option<&yusuan_core::money::Printed>> {
            let t = cx.table(s.table)?;
            let c = find_col(t, s.side, s.column)?;
            Some(find_row(t, s.side, s.row).and_then(|r| printed(t, r, c)))
        };
        let (Some(a), Some(b)) = (figure(self.a), figure(self.b)) else {
            return false;
        };
        crate::interval::quantity_broken(a, b)
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let (Some((pa, la, na)), Some((pb, lb, nb))) = (resolve(cx, self.a), resolve(cx, self.b))
        else {
            return;
        };
        let verdict = same_quantity(pa, pb);
        if verdict == crate::interval::Verdict::Holds {
            return;
        }
        let what = format!("{nb}应与{na}相同");
        if let Some(d) = report(&self.meta, verdict, &what, lb, vec![la]) {
            out.push(d);
        }
    }
}
