//! The printed layout of a table shared by the document writers (HTML, XLSX, DOCX): each side's
//! stub (科目编码, label) and value columns, and the header as placed cells over a grid — the
//! 收入/支出 row of a two-sided table, then the column headers merged from their paths
//! (`财政拨款/基本支出/人员经费`), the stub spanning all header rows.

use super::{header_rows, spaced_code, stub_label};
use yusuan_core::disclosure::{Row, RowKind, Side, Table};

/// One side of a table as laid out.
pub struct SideLayout {
    /// Which side.
    pub side: Side,
    /// Whether the side prints a 科目编码 column.
    pub has_code: bool,
    /// The label column's heading.
    pub stub: &'static str,
    /// The table's column indexes on this side, in order.
    pub cols: Vec<usize>,
}

impl SideLayout {
    /// Grid columns the side takes: code, label and values.
    pub fn width(&self) -> usize {
        self.cols.len() + 1 + usize::from(self.has_code)
    }
}

/// What a printed line shows on one side, column by column: each cell's text and whether it is
/// a figure (right aligned), and whether the row is a total or subtotal (set bold). `None` is a
/// side that has run out of rows (blank cells).
pub fn side_cells(r: Option<&Row>, l: &SideLayout) -> (bool, Vec<(String, bool)>) {
    let strong = r.is_some_and(|r| matches!(r.kind, RowKind::Total | RowKind::Subtotal));
    let mut out = Vec::with_capacity(l.width());
    if l.has_code {
        let code = r
            .and_then(|r| r.code.as_deref())
            .map(spaced_code)
            .unwrap_or_default();
        out.push((code, false));
    }
    out.push((r.map_or(String::new(), |r| r.label.clone()), false));
    for &i in &l.cols {
        let v = r
            .and_then(|r| r.cells.get(i))
            .and_then(|c| c.as_ref())
            .map(|c| c.printed.to_string())
            .unwrap_or_default();
        out.push((v, true));
    }
    (strong, out)
}

/// A header cell placed on the header grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// First header row (0-based).
    pub row: usize,
    /// First grid column.
    pub col: usize,
    /// Rows spanned.
    pub rowspan: usize,
    /// Columns spanned.
    pub colspan: usize,
    /// The text.
    pub text: String,
}

/// A table's layout.
pub struct Layout {
    /// The sides, left to right.
    pub sides: Vec<SideLayout>,
    /// Grid columns in all.
    pub width: usize,
    /// Header rows in all.
    pub header_rows: usize,
    /// The header cells, by row then column.
    pub header: Vec<Placed>,
}

/// Lays out `t`.
pub fn layout(t: &Table) -> Layout {
    let side_list = if t.is_two_sided() {
        vec![Side::Income, Side::Expenditure]
    } else {
        vec![Side::Single]
    };
    let sides: Vec<SideLayout> = side_list
        .into_iter()
        .map(|side| SideLayout {
            side,
            has_code: t.rows.iter().any(|r| r.side == side && r.code.is_some()),
            stub: stub_label(t, side),
            cols: (0..t.columns.len())
                .filter(|&i| t.columns[i].side == side)
                .collect(),
        })
        .collect();
    let width = sides.iter().map(SideLayout::width).sum();
    let heads: Vec<_> = sides
        .iter()
        .map(|l| {
            header_rows(
                &l.cols
                    .iter()
                    .map(|&i| t.columns[i].key.split('/').collect())
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let depth = heads.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let mut header = Vec::new();
    let top = usize::from(sides.len() == 2);
    let mut col = 0;
    for (l, head) in sides.iter().zip(&heads) {
        if top == 1 {
            let name = if l.side == Side::Income {
                "收入"
            } else {
                "支出"
            };
            header.push(Placed {
                row: 0,
                col,
                rowspan: 1,
                colspan: l.width(),
                text: name.into(),
            });
        }
        if l.has_code {
            header.push(Placed {
                row: top,
                col,
                rowspan: depth,
                colspan: 1,
                text: "科目编码".into(),
            });
            col += 1;
        }
        header.push(Placed {
            row: top,
            col,
            rowspan: depth,
            colspan: 1,
            text: l.stub.into(),
        });
        col += 1;
        // Each level's cells fill, left to right, the columns not covered from above; a side
        // with fewer levels stretches its last one down to the bottom.
        let levels = head.len();
        let mut used = vec![0usize; l.cols.len()];
        for (level, cells) in head.iter().enumerate() {
            let mut k = 0;
            for c in cells {
                while k < used.len() && used[k] > level {
                    k += 1;
                }
                let mut rowspan = c.rowspan;
                if level + rowspan == levels {
                    rowspan += depth - levels;
                }
                let span = c.colspan.min(used.len().saturating_sub(k));
                header.push(Placed {
                    row: top + level,
                    col: col + k,
                    rowspan,
                    colspan: span.max(1),
                    text: c.text.clone(),
                });
                for u in &mut used[k..k + span] {
                    *u = level + rowspan;
                }
                k += span;
            }
        }
        col += l.cols.len();
    }
    header.sort_by_key(|p| (p.row, p.col));
    Layout {
        sides,
        width,
        header_rows: top + depth,
        header,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yusuan_core::template::XINJIANG_BUDGET_11;

    /// Every grid cell of the header is covered exactly once, for every table of the template.
    #[test]
    fn headers_tile_the_grid() {
        for spec in &XINJIANG_BUDGET_11 {
            let t = spec.empty_table(
                "单位",
                yusuan_core::money::MoneyUnit::Wan,
                yusuan_core::source::SourceRef::None,
            );
            let l = layout(&t);
            let mut grid = vec![vec![0; l.width]; l.header_rows];
            for p in &l.header {
                for row in grid.iter_mut().skip(p.row).take(p.rowspan) {
                    for c in row.iter_mut().skip(p.col).take(p.colspan) {
                        *c += 1;
                    }
                }
            }
            assert!(
                grid.iter().flatten().all(|&n| n == 1),
                "表{}: {grid:?}",
                spec.number
            );
        }
    }
}
