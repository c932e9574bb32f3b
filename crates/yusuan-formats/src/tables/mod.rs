//! The derived (or imported) tables of a Disclosure in four output formats.
//!
//! - [`text`]: aligned for a terminal, East-Asian width aware.
//! - [`markdown`]: GitHub tables, for review and diffs.
//! - [`csv`]: the long form `table,row_code,row_label,column,value,side,kind`, one printed cell per line —
//!   the project's stable open-data export (see `docs/csv-export.md`).
//! - [`json`]: tables with their rows and printed values, for programs.

pub mod csv;
pub mod json;
pub mod layout;
pub mod markdown;
pub mod text;

use yusuan_core::disclosure::{Row, RowKind, Side, Table};

/// A code as the reference template prints it: `2011350` → `201 13 50`, `30101` → `301 01`.
pub fn spaced_code(code: &str) -> String {
    if !code.bytes().all(|b| b.is_ascii_digit()) {
        return code.to_string();
    }
    match code.len() {
        5 => format!("{} {}", &code[..3], &code[3..]),
        7 => format!("{} {} {}", &code[..3], &code[3..5], &code[5..]),
        _ => code.to_string(),
    }
}

/// One header cell of a merged header: its text and spans.
pub struct HeadCell {
    /// The header text.
    pub text: String,
    /// Columns it spans.
    pub colspan: usize,
    /// Header rows it spans.
    pub rowspan: usize,
}

/// Header rows for `keys` (paths joined by `/`): equal prefixes at a level merge across
/// columns; a path that ends early spans the remaining rows.
pub fn header_rows(keys: &[Vec<&str>]) -> Vec<Vec<HeadCell>> {
    let depth = keys.iter().map(Vec::len).max().unwrap_or(1);
    let mut rows: Vec<Vec<HeadCell>> = (0..depth).map(|_| Vec::new()).collect();
    for (level, row) in rows.iter_mut().enumerate() {
        let mut i = 0;
        while i < keys.len() {
            let path = &keys[i];
            if path.len() <= level {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < keys.len()
                && keys[j].len() > level + 1
                && path.len() > level + 1
                && keys[j][..=level] == path[..=level]
            {
                j += 1;
            }
            let rowspan = if level + 1 == path.len() {
                depth - level
            } else {
                1
            };
            row.push(HeadCell {
                text: path[level].to_string(),
                colspan: j - i,
                rowspan,
            });
            i = j;
        }
    }
    rows
}

/// The lines of a two-sided table as printed: income and expenditure rows side by side, the
/// two totals together on the last line. `None` where one side has run out of rows.
pub fn side_by_side(t: &Table) -> Vec<(Option<&Row>, Option<&Row>)> {
    let rows = |side: Side, total: bool| -> Vec<&Row> {
        t.rows
            .iter()
            .filter(|r| r.side == side && (r.kind == RowKind::Total) == total)
            .collect()
    };
    let mut out = Vec::new();
    for total in [false, true] {
        let (a, b) = (rows(Side::Income, total), rows(Side::Expenditure, total));
        for i in 0..a.len().max(b.len()) {
            out.push((a.get(i).copied(), b.get(i).copied()));
        }
    }
    out
}

/// The stub header (the label column's heading) of a table's side, as the template prints it.
pub fn stub_label(t: &Table, side: Side) -> &'static str {
    match (t.number, side) {
        (_, Side::Income) => "项目",
        (1 | 4, Side::Expenditure) => "支出功能分类科目",
        (6, _) => "经济分类科目名称",
        (7 | 11, _) => "科目名称 / 项目",
        (10, _) => "项目",
        _ => "功能分类科目名称",
    }
}
