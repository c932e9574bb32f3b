//! The long-form CSV export: `table,row_code,row_label,column,value`.
//!
//! One line per printed (non-blank) cell, in document order: table number (1–11), the row's
//! classification code in compact form (`2011350`; empty for rows without a code), the row label
//! as printed, the column key (header path joined by `/` where needed), and the value exactly
//! as printed (`184.78`). Blank cells are not listed. RFC 4180 quoting. This layout is stable.

use yusuan_core::disclosure::Disclosure;

/// The header line.
pub const HEADER: &str = "table,row_code,row_label,column,value";

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Renders every printed cell of every table.
pub fn render(d: &Disclosure) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for t in &d.tables {
        for r in &t.rows {
            for (col, cell) in t.columns.iter().zip(&r.cells) {
                let Some(cell) = cell else { continue };
                out.push_str(&format!(
                    "{},{},{},{},{}\n",
                    t.number,
                    field(r.code.as_deref().unwrap_or("")),
                    field(&r.label),
                    field(&col.key),
                    cell.printed
                ));
            }
        }
    }
    out
}
