//! Tables as JSON: each table with its columns and rows; values as printed strings (never
//! binary floating point), `null` for a blank cell, and the exact amount in 元 where known.

use serde::Serialize;
use yusuan_core::disclosure::{Disclosure, RowKind, Side};

#[derive(Serialize)]
struct JTable<'a> {
    number: u8,
    title: &'a str,
    org: &'a str,
    unit: &'static str,
    columns: Vec<JColumn<'a>>,
    rows: Vec<JRow<'a>>,
    empty_statement: Option<&'a str>,
    notes: &'a [String],
}

#[derive(Serialize)]
struct JColumn<'a> {
    key: &'a str,
    side: Side,
}

#[derive(Serialize)]
struct JRow<'a> {
    side: Side,
    code: Option<&'a str>,
    label: &'a str,
    kind: RowKind,
    values: Vec<Option<String>>,
    exact_yuan: Vec<Option<String>>,
}

/// Renders the tables of `d` as pretty-printed JSON.
pub fn render(d: &Disclosure) -> String {
    let tables: Vec<JTable<'_>> = d
        .tables
        .iter()
        .map(|t| JTable {
            number: t.number,
            title: &t.title,
            org: &t.org,
            unit: t.unit.label(),
            columns: t
                .columns
                .iter()
                .map(|c| JColumn {
                    key: &c.key,
                    side: c.side,
                })
                .collect(),
            rows: t
                .rows
                .iter()
                .map(|r| JRow {
                    side: r.side,
                    code: r.code.as_deref(),
                    label: &r.label,
                    kind: r.kind,
                    values: r
                        .cells
                        .iter()
                        .map(|c| c.as_ref().map(|c| c.printed.to_string()))
                        .collect(),
                    exact_yuan: r
                        .cells
                        .iter()
                        .map(|c| {
                            c.as_ref()
                                .and_then(|c| c.exact)
                                .map(|f| f.to_string().trim_end_matches('元').to_string())
                        })
                        .collect(),
                })
                .collect(),
            empty_statement: t.empty_statement.as_deref(),
            notes: &t.notes,
        })
        .collect();
    let mut s =
        serde_json::to_string_pretty(&tables).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
