//! The derived (or imported) tables of a Disclosure in four output formats.
//!
//! - [`text`]: aligned for a terminal, East-Asian width aware.
//! - [`markdown`]: GitHub tables, for review and diffs.
//! - [`csv`]: the long form `table,row_code,row_label,column,value`, one printed cell per line —
//!   the project's stable open-data export (see `docs/csv-export.md`).
//! - [`json`]: tables with their rows and printed values, for programs.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod text;

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
