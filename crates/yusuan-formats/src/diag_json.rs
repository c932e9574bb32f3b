//! Findings as JSON: an array of objects, each with `file`, `rule`, `severity`
//! (`error` / `warning` / `info`), `message` (Chinese), `location`, `related` (the other places
//! involved), `figures` (expected, found, difference, the interval rounding allows — as
//! printed strings) and `help`. Documented in docs/check.md.

use serde::Serialize;
use yusuan_core::diag::{Diagnostic, Figures, Label, Severity};
use yusuan_core::source::SourceRef;

#[derive(Serialize)]
struct Location<'a> {
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    page: Option<u32>,
    table: Option<u8>,
    row_code: Option<&'a str>,
    row_label: Option<&'a str>,
    column_key: Option<&'a str>,
    text: &'a str,
}

#[derive(Serialize)]
struct Finding<'a> {
    file: &'a str,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    location: Location<'a>,
    related: Vec<Location<'a>>,
    figures: Option<&'a Figures>,
    help: Option<&'a str>,
}

fn location<'a>(file: &'a str, l: &'a Label) -> Location<'a> {
    let (line, column, page) = match &l.at {
        SourceRef::Span { line, col, .. } => (Some(*line), Some(*col), None),
        SourceRef::Line { page, line } => (Some(*line), None, *page),
        _ => (None, None, None),
    };
    Location {
        file,
        line,
        column,
        page,
        table: l.cell.as_ref().map(|c| c.table),
        row_code: l.cell.as_ref().and_then(|c| c.row_code.as_deref()),
        row_label: l.cell.as_ref().map(|c| c.row_label.as_str()),
        column_key: l.cell.as_ref().and_then(|c| c.column.as_deref()),
        text: &l.text,
    }
}

/// Renders `(file, diagnostic)` pairs as a pretty-printed JSON array.
pub fn render(findings: &[(&str, &Diagnostic)]) -> String {
    let out: Vec<Finding<'_>> = findings
        .iter()
        .map(|(file, d)| Finding {
            file,
            rule: d.code,
            severity: d.severity,
            message: &d.message,
            location: location(file, &d.primary),
            related: d.secondary.iter().map(|l| location(file, l)).collect(),
            figures: d.figures.as_ref(),
            help: d.help.as_deref(),
        })
        .collect();
    let mut s =
        serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("[{{\"error\": \"{e}\"}}]"));
    s.push('\n');
    s
}
