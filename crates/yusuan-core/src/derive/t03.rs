//! 表3 部门支出总体情况表 — functional 类/款/项 × 基本支出 | 项目支出, all funds.

use super::{Col, functional_rows, table, with_total};
use crate::budget::{Budget, Fact};
use crate::disclosure::Table;

/// 合计, 基本支出, 项目支出 — shared with table 5.
pub(super) fn basic_project_columns() -> Vec<Col> {
    vec![
        Col::new("合计", |_| true),
        Col::new("基本支出", |f| f.use_.is_basic()),
        Col::new("项目支出", |f| !f.use_.is_basic()),
    ]
}

pub(super) fn build(b: &Budget) -> Table {
    let cols = basic_project_columns();
    let facts: Vec<&Fact> = b.facts.iter().collect();
    let rows = with_total(&cols, "总计", &facts, functional_rows(b, &facts, &cols));
    table(b, 3, "部门支出总体情况表", &cols, rows)
}
