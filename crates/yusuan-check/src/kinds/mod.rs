//! Shared mechanisms that many rules are instances of. A rule file states its identity, its
//! docs, its fixtures and its parameters; the arithmetic lives here, once.

mod balance;
mod block_sum;
pub(crate) mod by_key;
mod class_names;
mod column_sum;
mod cross_equal;
mod cross_rows;
mod hierarchy;
mod items_sum;
mod kind_cross;
mod row_sum;

pub use balance::Balance;
pub use block_sum::BlockSum;
pub use by_key::{
    CodeHierarchy, ColumnIdentities, KeyIdentity, SideItems, SidesBalance, TotalOfTops, row_breaks,
};
pub use class_names::ClassesByName;
pub use column_sum::ColumnSum;
pub use cross_equal::{CellSel, CrossEqual};
pub use cross_rows::{ColSel, CrossRows};
pub use hierarchy::Hierarchy;
pub use items_sum::{ItemsSum, top_item};
pub use kind_cross::{ClassesAcross, KindEqual, KindRow, KindSel};
pub use row_sum::RowSum;

use crate::engine::RuleMeta;
use crate::interval::Verdict;
use yusuan_core::diag::{CellPos, Diagnostic, Label, Severity};
use yusuan_core::disclosure::{Side, Table};
use yusuan_core::money::Printed;

/// How a rule names a row.
#[derive(Debug, Clone, Copy)]
pub enum RowSel {
    /// The row with this label on the given side.
    Label(&'static str),
    /// The row with this name on the given side, however it is numbered (`一、财政拨款收入`,
    /// `1. 一般公共预算资金`, `（一）…`).
    Item(&'static str),
    /// The table's first total row on the side (总计 / 合计 / 收入总计 / 支出总计).
    Total,
    /// The one row of figures of a table that prints one (the Shanghai 三公 table: its row has
    /// no name, or is named after the header's `预算数`).
    Only,
}

impl RowSel {
    /// The row's name as a message gives it (`合计` for the total).
    pub(crate) fn name(self) -> &'static str {
        match self {
            RowSel::Label(l) | RowSel::Item(l) => l,
            RowSel::Total => "合计",
            RowSel::Only => "预算数",
        }
    }
}

/// The index of the row `sel` names on `side`.
pub(crate) fn find_row(t: &Table, side: Side, sel: RowSel) -> Option<usize> {
    if let RowSel::Only = sel {
        let mut with = t
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.side == side && r.cells.iter().any(Option::is_some));
        return match (with.next(), with.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        };
    }
    t.rows.iter().position(|r| {
        r.side == side
            && match sel {
                RowSel::Label(l) => r.label == l,
                RowSel::Item(name) => item_name(&r.label) == name,
                RowSel::Total => r.kind == yusuan_core::disclosure::RowKind::Total,
                RowSel::Only => false,
            }
    })
}

/// A row's name without its numbering and spaces: `一、财政拨款收入` → `财政拨款收入`,
/// `1. 一般公共预算资金` → `一般公共预算资金`, `（一）…` → `…`.
pub(crate) fn item_name(label: &str) -> String {
    let s: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    let numerals = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let rest = if let Some(r) = s.strip_prefix(['（', '(']) {
        let body = r.trim_start_matches(numerals);
        body.strip_prefix(['）', ')'])
            .filter(|_| body.len() < r.len())
    } else {
        let body = s.trim_start_matches(numerals);
        body.strip_prefix(['、', '.', '．'])
            .filter(|_| body.len() < s.len())
    };
    rest.unwrap_or(&s).to_string()
}

/// The index of column `key` on `side`.
pub(crate) fn find_col(t: &Table, side: Side, key: &str) -> Option<usize> {
    t.column_index(side, key)
}

/// The printed figure in a cell (`None` = blank).
pub(crate) fn printed(t: &Table, row: usize, col: usize) -> Option<&Printed> {
    t.rows
        .get(row)?
        .cells
        .get(col)?
        .as_ref()
        .map(|c| &c.printed)
}

/// The cell's position.
pub(crate) fn pos(t: &Table, row: usize, col: Option<usize>) -> CellPos {
    let r = &t.rows[row];
    CellPos {
        table: t.number,
        row_code: r.code.clone(),
        row_label: r.label.clone(),
        column: col.map(|c| t.columns[c].key.clone()),
    }
}

/// A label at a cell (its source when printed, else its row's), showing its printed figure.
pub(crate) fn cell_label(t: &Table, row: usize, col: usize) -> Label {
    let (at, text) = match t.rows[row].cells.get(col).and_then(Option::as_ref) {
        Some(c) => (c.source.clone(), c.printed.to_string()),
        None => (yusuan_core::source::SourceRef::None, "（空白）".to_string()),
    };
    Label::cell(at, pos(t, row, Some(col)), text)
}

/// A label for a cell the table does not print at all (its row is absent): blank.
pub(crate) fn missing_cell(
    t: &Table,
    row_code: Option<&str>,
    row_label: &str,
    column: &str,
) -> Label {
    let cell = CellPos {
        table: t.number,
        row_code: row_code.map(str::to_string),
        row_label: row_label.to_string(),
        column: Some(column.to_string()),
    };
    Label::cell(
        yusuan_core::source::SourceRef::None,
        cell,
        "（无此行，视为空白）",
    )
}

/// A human name for a cell: 表2「总计」行「总计」列.
pub(crate) fn cell_name(t: &Table, row: usize, col: usize) -> String {
    pos(t, row, Some(col)).to_string()
}

/// Turns a verdict into a finding: `None` when the identity holds; 提示 when rounding explains
/// the difference; the rule's severity otherwise.
pub(crate) fn report(
    meta: &RuleMeta,
    verdict: Verdict,
    what: &str,
    primary: Label,
    others: Vec<Label>,
) -> Option<Diagnostic> {
    let (severity, figures, message, help) = match verdict {
        Verdict::Holds => return None,
        Verdict::Rounding(f) => {
            let m = format!(
                "{what}：应为 {}，印为 {}，相差 {}；在各数分别四舍五入的误差范围内，属尾差，不是错误",
                f.expected, f.found, f.difference
            );
            (
                Severity::Info,
                f,
                m,
                "可在表下注明“因四舍五入，合计数与分项之和可能存在尾差”".to_string(),
            )
        }
        Verdict::Broken(f) => {
            let m = format!(
                "{what}：应为 {}，印为 {}，相差 {}，超出四舍五入所能解释的范围",
                f.expected, f.found, f.difference
            );
            (
                meta.severity,
                f,
                m,
                "核对相关数字，改正其中错误的一处".to_string(),
            )
        }
    };
    let mut d = Diagnostic::new(meta.id, severity, message, primary)
        .with_figures(figures)
        .with_help(help);
    d.secondary = others;
    Some(d)
}
