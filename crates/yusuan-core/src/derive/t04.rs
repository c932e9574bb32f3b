//! 表4 财政拨款收支预算总体情况表 — this year's 财政拨款 income by fiscal budget | expenditure
//! by functional 类 and fiscal budget. Carry-over is not part of this template's table 4.

use super::{Col, class_side_and_totals, sum_row, table};
use crate::budget::{Budget, FiscalBudget};
use crate::disclosure::{RowKind, Side, Table};

pub(super) fn build(b: &Budget) -> Table {
    let cols = [
        Col::sided(Side::Income, "合计", |_| true),
        Col::sided(Side::Expenditure, "合计", |_| true),
        Col::sided(Side::Expenditure, "一般公共预算", |f| {
            f.fund.current_fiscal() == Some(FiscalBudget::General)
        }),
        Col::sided(Side::Expenditure, "政府性基金预算", |f| {
            f.fund.current_fiscal() == Some(FiscalBudget::GovFund)
        }),
        Col::sided(Side::Expenditure, "国有资本经营预算", |f| {
            f.fund.current_fiscal() == Some(FiscalBudget::StateCapital)
        }),
    ];
    let fiscal: Vec<_> = b
        .facts
        .iter()
        .filter(|f| f.fund.current_fiscal().is_some())
        .collect();
    let of = |fb: FiscalBudget| {
        fiscal
            .iter()
            .copied()
            .filter(move |f| f.fund.current_fiscal() == Some(fb))
    };
    let mut rows = vec![
        sum_row(
            &cols,
            Side::Income,
            None,
            "一、财政拨款（补助）",
            RowKind::Subtotal,
            fiscal.iter().copied(),
        ),
        sum_row(
            &cols,
            Side::Income,
            None,
            "一般公共预算",
            RowKind::Item,
            of(FiscalBudget::General),
        ),
        sum_row(
            &cols,
            Side::Income,
            None,
            "政府性基金预算",
            RowKind::Item,
            of(FiscalBudget::GovFund),
        ),
        sum_row(
            &cols,
            Side::Income,
            None,
            "国有资本经营预算",
            RowKind::Item,
            of(FiscalBudget::StateCapital),
        ),
    ];
    rows.extend(class_side_and_totals(b, &cols, &fiscal));
    table(b, 4, "财政拨款收支预算总体情况表", &cols, rows)
}
