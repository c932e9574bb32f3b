//! K — 科目编码与名称: codes exist in the year's catalogue, names match it.

pub mod k001;
pub mod k002;
pub mod k003;
pub mod k004;
pub mod k005;
pub mod k006;

use yusuan_core::disclosure::{Disclosure, RowKind, Side, Table};

/// Tables whose coded rows are 支出功能分类 codes.
pub(crate) const FUNCTIONAL_TABLES: [u8; 8] = [1, 2, 3, 4, 5, 7, 8, 9];

/// The year to look codes up in: the document's, or the catalogue's latest when unknown.
pub(crate) fn year(d: &Disclosure) -> i32 {
    if d.year == 0 {
        yusuan_core::catalog::LATEST_YEAR
    } else {
        d.year
    }
}

/// Coded rows of functional tables (project rows of table 7 carry their 项 code too).
pub(crate) fn functional_rows(d: &Disclosure) -> impl Iterator<Item = (&Table, usize)> {
    d.tables
        .iter()
        .filter(|t| FUNCTIONAL_TABLES.contains(&t.number))
        .flat_map(|t| {
            (0..t.rows.len())
                .filter(move |&i| {
                    t.rows[i].code.is_some()
                        && (t.number != 1 && t.number != 4 || t.rows[i].side == Side::Expenditure)
                })
                .map(move |i| (t, i))
        })
}

/// Whether a row's label is a subject name (not a project name).
pub(crate) fn is_subject_row(t: &Table, i: usize) -> bool {
    t.rows[i].kind != RowKind::Project
}
