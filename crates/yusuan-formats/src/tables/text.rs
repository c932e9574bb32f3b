//! Tables as aligned text for a terminal. Column widths use East-Asian display width, so
//! Chinese labels line up; amounts are right-aligned.

use super::spaced_code;
use unicode_width::UnicodeWidthStr;
use yusuan_core::disclosure::{Disclosure, Row, RowKind, Side, Table};

fn pad_right(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(s.width())))
}

fn pad_left(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(s.width())))
}

/// One side of a table as a grid of strings: header then rows; `numeric[i]` says which columns
/// are right-aligned.
struct Grid {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    numeric: Vec<bool>,
    /// How many of the last rows are total rows.
    totals: usize,
}

fn grid(t: &Table, side: Side, stub: &str) -> Grid {
    let cols: Vec<usize> = (0..t.columns.len())
        .filter(|&i| t.columns[i].side == side)
        .collect();
    let mut header = vec!["编码".to_string(), stub.to_string()];
    header.extend(cols.iter().map(|&i| t.columns[i].key.clone()));
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .filter(|r| r.side == side)
        .map(|r: &Row| {
            let mut v = vec![
                r.code.as_deref().map(spaced_code).unwrap_or_default(),
                r.label.clone(),
            ];
            v.extend(cols.iter().map(|&i| {
                r.cells[i]
                    .as_ref()
                    .map(|c| c.printed.to_string())
                    .unwrap_or_default()
            }));
            v
        })
        .collect();
    let mut numeric = vec![false, false];
    numeric.extend(cols.iter().map(|_| true));
    let totals = t
        .rows
        .iter()
        .filter(|r| r.side == side)
        .rev()
        .take_while(|r| r.kind == RowKind::Total)
        .count();
    Grid {
        header,
        rows,
        numeric,
        totals,
    }
}

fn widths(g: &Grid) -> Vec<usize> {
    (0..g.header.len())
        .map(|i| {
            g.rows
                .iter()
                .map(|r| r[i].width())
                .chain([g.header[i].width()])
                .max()
                .unwrap_or(0)
        })
        .collect()
}

fn line(cells: &[String], w: &[usize], numeric: &[bool]) -> String {
    cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if numeric[i] {
                pad_left(c, w[i])
            } else {
                pad_right(c, w[i])
            }
        })
        .collect::<Vec<_>>()
        .join("  ")
}

/// Renders one table, framed with rules for reading on screen.
pub fn render_table(t: &Table) -> String {
    render_with(t, true)
}

/// Renders one table as a published document's text gives it: “表 N” and the title on lines
/// of their own, no rules — the layout the importer reads back.
pub fn render_table_plain(t: &Table) -> String {
    render_with(t, false)
}

fn render_with(t: &Table, framed: bool) -> String {
    let mut out = if framed {
        format!("表{} {}\n", t.number, t.title)
    } else {
        format!("表 {}\n{}\n", t.number, t.title)
    };
    out.push_str(&format!(
        "编制部门：{}    单位：{}\n",
        t.org,
        t.unit.label()
    ));
    let bar = if framed { "  │  " } else { "     " };
    let mut body: Vec<String> = Vec::new();
    if t.is_two_sided() {
        let (a, b) = (
            grid(t, Side::Income, "收入项目"),
            grid(t, Side::Expenditure, "支出功能分类"),
        );
        let (wa, wb) = (widths(&a), widths(&b));
        let blank_a: Vec<String> = vec![String::new(); a.header.len()];
        let blank_b: Vec<String> = vec![String::new(); b.header.len()];
        body.push(format!(
            "{}{bar}{}",
            line(&a.header, &wa, &a.numeric),
            line(&b.header, &wb, &b.numeric)
        ));
        // The two sides' rows side by side, their total rows together on the last line.
        let (a_body, a_total) = a.rows.split_at(a.rows.len() - a.totals);
        let (b_body, b_total) = b.rows.split_at(b.rows.len() - b.totals);
        let pairs = |l: &[Vec<String>], r: &[Vec<String>], body: &mut Vec<String>| {
            for i in 0..l.len().max(r.len()) {
                let x = l.get(i).unwrap_or(&blank_a);
                let y = r.get(i).unwrap_or(&blank_b);
                body.push(format!(
                    "{}{bar}{}",
                    line(x, &wa, &a.numeric),
                    line(y, &wb, &b.numeric)
                ));
            }
        };
        pairs(a_body, b_body, &mut body);
        pairs(a_total, b_total, &mut body);
    } else {
        let g = grid(t, Side::Single, "项目");
        let w = widths(&g);
        body.push(line(&g.header, &w, &g.numeric));
        for r in &g.rows {
            body.push(line(r, &w, &g.numeric));
        }
    }
    let rule = if framed {
        "─".repeat(body.iter().map(|l| l.trim_end().width()).max().unwrap_or(0)) + "\n"
    } else {
        String::new()
    };
    out.push_str(&rule);
    for (i, l) in body.iter().enumerate() {
        out.push_str(l.trim_end());
        out.push('\n');
        if i == 0 {
            out.push_str(&rule);
        }
    }
    out.push_str(&rule);
    if let Some(s) = &t.empty_statement {
        out.push_str(s);
        out.push('\n');
    }
    for n in &t.notes {
        out.push_str(&format!("注：{n}\n"));
    }
    out
}

/// Renders every table, separated by blank lines.
pub fn render(d: &Disclosure) -> String {
    d.tables
        .iter()
        .map(render_table)
        .collect::<Vec<_>>()
        .join("\n")
}
