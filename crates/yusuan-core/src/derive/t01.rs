//! 表1 部门收支总体情况表 — income by fund source | expenditure by functional 类.

use super::{Col, class_side_and_totals, sum_row, table};
use crate::budget::{Budget, Fact, FundSource as F};
use crate::disclosure::{RowKind, Side, Table};

type Pred = fn(&Fact) -> bool;

/// The income rows of the template: label, row kind, which facts they sum.
const INCOME_ROWS: &[(&str, RowKind, Pred)] = &[
    ("一、本年收入", RowKind::Subtotal, |f| {
        !f.fund.is_carry_over()
    }),
    ("1.一般公共预算拨款", RowKind::Subtotal, |f| {
        matches!(f.fund, F::GeneralBudget | F::GeneralBudgetTransfer)
    }),
    ("其中：一般财力", RowKind::Item, |f| {
        f.fund == F::GeneralBudget
    }),
    (
        "上级一般公共预算安排转移支付",
        RowKind::Item,
        |f| f.fund == F::GeneralBudgetTransfer,
    ),
    ("2.政府性基金预算拨款", RowKind::Subtotal, |f| {
        matches!(f.fund, F::GovFund | F::GovFundTransfer)
    }),
    ("其中：政府性基金收入", RowKind::Item, |f| {
        f.fund == F::GovFund
    }),
    (
        "上级政府性基金安排转移支付",
        RowKind::Item,
        |f| f.fund == F::GovFundTransfer,
    ),
    ("3.国有资本经营预算拨款", RowKind::Subtotal, |f| {
        matches!(f.fund, F::StateCapital | F::StateCapitalTransfer)
    }),
    ("其中：国有资本经营收入", RowKind::Item, |f| {
        f.fund == F::StateCapital
    }),
    (
        "上级国有资本经营预算安排转移支付",
        RowKind::Item,
        |f| f.fund == F::StateCapitalTransfer,
    ),
    ("4.财政专户核拨", RowKind::Item, |f| {
        f.fund == F::SpecialAccount
    }),
    ("5.单位资金", RowKind::Subtotal, |f| {
        f.fund.is_unit_funds()
    }),
    ("其中：事业收入", RowKind::Item, |f| {
        f.fund == F::UnitServiceIncome
    }),
    ("上级补助收入", RowKind::Item, |f| {
        f.fund == F::UnitSuperiorSubsidy
    }),
    ("附属单位上缴收入", RowKind::Item, |f| {
        f.fund == F::UnitSubordinateRemit
    }),
    ("事业单位经营收入", RowKind::Item, |f| {
        f.fund == F::UnitOperatingIncome
    }),
    ("其他收入", RowKind::Item, |f| {
        f.fund == F::UnitOtherIncome
    }),
    ("二、上年结转结余", RowKind::Subtotal, |f| {
        f.fund.is_carry_over()
    }),
    ("1.财政拨款结转", RowKind::Subtotal, |f| {
        f.fund.carried_fiscal().is_some()
    }),
    ("其中：一般公共预算拨款", RowKind::Item, |f| {
        f.fund == F::CarryGeneralBudget
    }),
    ("政府性基金预算拨款", RowKind::Item, |f| {
        f.fund == F::CarryGovFund
    }),
    ("国有资本经营预算拨款", RowKind::Item, |f| {
        f.fund == F::CarryStateCapital
    }),
    ("2.非财政拨款结转结余", RowKind::Subtotal, |f| {
        f.fund.is_non_fiscal_carry_over()
    }),
    ("其中：财政专户核拨", RowKind::Item, |f| {
        f.fund == F::CarryNonFiscalSpecial
    }),
    ("单位资金", RowKind::Item, |f| {
        f.fund == F::CarryNonFiscalUnit
    }),
];

pub(super) fn build(b: &Budget) -> Table {
    let cols = [
        Col::sided(Side::Income, "预算数", |_| true),
        Col::sided(Side::Expenditure, "预算数", |_| true),
    ];
    let mut rows = Vec::new();
    for (label, kind, pred) in INCOME_ROWS {
        rows.push(sum_row(
            &cols,
            Side::Income,
            None,
            label,
            *kind,
            b.facts.iter().filter(|f| pred(f)),
        ));
    }
    let all: Vec<&Fact> = b.facts.iter().collect();
    rows.extend(class_side_and_totals(b, &cols, &all));
    table(b, 1, "部门收支总体情况表", &cols, rows)
}
