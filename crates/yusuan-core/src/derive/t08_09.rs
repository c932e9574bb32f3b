//! 表8 政府性基金预算支出情况表 and 表9 国有资本经营预算支出情况表 — the same pivot for two
//! fiscal budgets: functional 类/款/项 × 合计 | 基本支出（人员经费, 公用经费）| 项目支出.

use super::{Col, empty_statement, functional_rows, table, with_total};
use crate::budget::{Budget, Fact, FiscalBudget, Use};
use crate::disclosure::Table;

fn build(b: &Budget, number: u8, fb: FiscalBudget, title: &str) -> Table {
    let cols = [
        Col::new("合计", |_| true),
        Col::new("基本支出/人员经费", |f| f.use_ == Use::Personnel),
        Col::new("基本支出/公用经费", |f| f.use_ == Use::Public),
        Col::new("项目支出", |f| !f.use_.is_basic()),
    ];
    let facts: Vec<&Fact> = b
        .facts
        .iter()
        .filter(|f| f.fund.current_fiscal() == Some(fb))
        .collect();
    let rows = with_total(&cols, "总计", &facts, functional_rows(b, &facts, &cols));
    let mut t = table(b, number, title, &cols, rows);
    if facts.is_empty() {
        t.empty_statement = Some(empty_statement(
            b,
            &format!("没有使用{}拨款安排的支出", fb.label()),
            title,
        ));
    }
    t
}

pub(super) fn build_gov_fund(b: &Budget) -> Table {
    build(b, 8, FiscalBudget::GovFund, "政府性基金预算支出情况表")
}

pub(super) fn build_state_capital(b: &Budget) -> Table {
    build(
        b,
        9,
        FiscalBudget::StateCapital,
        "国有资本经营预算支出情况表",
    )
}
