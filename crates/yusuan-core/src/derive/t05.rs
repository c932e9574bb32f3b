//! 表5 一般公共预算支出情况表 — table 3 restricted to this year's 一般公共预算 (transfers from
//! the level above included).

use super::{functional_rows, t03::basic_project_columns, table, with_total};
use crate::budget::{Budget, Fact, FiscalBudget};
use crate::disclosure::Table;

pub(super) fn build(b: &Budget) -> Table {
    let cols = basic_project_columns();
    let facts: Vec<&Fact> = b
        .facts
        .iter()
        .filter(|f| f.fund.current_fiscal() == Some(FiscalBudget::General))
        .collect();
    let rows = with_total(&cols, "总计", &facts, functional_rows(b, &facts, &cols));
    table(b, 5, "一般公共预算支出情况表", &cols, rows)
}
