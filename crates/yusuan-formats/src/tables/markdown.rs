//! Tables as Markdown (GitHub tables), one section per table.

use super::spaced_code;
use yusuan_core::disclosure::{Disclosure, Side, Table};

fn esc(s: &str) -> String {
    s.replace('|', "\\|")
}

fn side(t: &Table, side: Side, stub: &str, out: &mut String) {
    let cols: Vec<usize> = (0..t.columns.len())
        .filter(|&i| t.columns[i].side == side)
        .collect();
    out.push_str(&format!("| 编码 | {stub} |"));
    for &i in &cols {
        out.push_str(&format!(" {} |", esc(&t.columns[i].key)));
    }
    out.push_str("\n|---|---|");
    out.push_str(&"---:|".repeat(cols.len()));
    out.push('\n');
    for r in t.rows.iter().filter(|r| r.side == side) {
        out.push_str(&format!(
            "| {} | {} |",
            r.code.as_deref().map(spaced_code).unwrap_or_default(),
            esc(&r.label)
        ));
        for &i in &cols {
            out.push_str(&format!(
                " {} |",
                r.cells[i]
                    .as_ref()
                    .map(|c| c.printed.to_string())
                    .unwrap_or_default()
            ));
        }
        out.push('\n');
    }
}

/// Renders one table.
pub fn render_table(t: &Table) -> String {
    let mut out = format!(
        "## 表{} {}\n\n编制部门：{}　单位：{}\n\n",
        t.number,
        t.title,
        t.org,
        t.unit.label()
    );
    if t.is_two_sided() {
        out.push_str("**收入**\n\n");
        side(t, Side::Income, "项目", &mut out);
        out.push_str("\n**支出**\n\n");
        side(t, Side::Expenditure, "功能分类", &mut out);
    } else {
        side(t, Side::Single, "项目", &mut out);
    }
    if let Some(s) = &t.empty_statement {
        out.push_str(&format!("\n{s}\n"));
    }
    for n in &t.notes {
        out.push_str(&format!("\n注：{n}\n"));
    }
    out
}

/// Renders every table.
pub fn render(d: &Disclosure) -> String {
    d.tables
        .iter()
        .map(render_table)
        .collect::<Vec<_>>()
        .join("\n")
}
