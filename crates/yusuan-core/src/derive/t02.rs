//! 表2 部门收入总体情况表 — functional 类/款/项 × fund source.

use super::{Col, functional_rows, table, with_total};
use crate::budget::{Budget, Fact, FundSource as F};
use crate::disclosure::Table;

pub(super) fn columns() -> Vec<Col> {
    vec![
        Col::new("总计", |_| true),
        Col::new("财政拨款（补助）小计", |f| {
            f.fund.current_fiscal().is_some()
        }),
        Col::new("一般公共预算", |f| f.fund == F::GeneralBudget),
        Col::new("上级一般公共预算安排的转移支付", |f| {
            f.fund == F::GeneralBudgetTransfer
        }),
        Col::new("政府性基金预算", |f| f.fund == F::GovFund),
        Col::new("上级政府性基金安排的转移支付", |f| {
            f.fund == F::GovFundTransfer
        }),
        Col::new("国有资本经营预算", |f| f.fund == F::StateCapital),
        Col::new("上级国有资本经营预算安排的转移支付", |f| {
            f.fund == F::StateCapitalTransfer
        }),
        Col::new("财政专户（教育收费）", |f| {
            f.fund == F::SpecialAccount
        }),
        Col::new("单位资金", |f| f.fund.is_unit_funds()),
        Col::new("财政拨款结转", |f| f.fund.carried_fiscal().is_some()),
        Col::new("非财政拨款结转结余", |f| {
            f.fund.is_non_fiscal_carry_over()
        }),
    ]
}

pub(super) fn build(b: &Budget) -> Table {
    let cols = columns();
    let facts: Vec<&Fact> = b.facts.iter().collect();
    let rows = with_total(&cols, "总计", &facts, functional_rows(b, &facts, &cols));
    table(b, 2, "部门收入总体情况表", &cols, rows)
}
