//! 表10 财政拨款“三公”经费支出情况表 — this year's 财政拨款 facts whose economic 款 is a 三公
//! item (302 12, 302 17, 302 31, 309 13 / 310 13), by item × fiscal budget.

use super::{Col, empty_statement, sum_row, table};
use crate::budget::{Budget, Fact, FiscalBudget, ThreePublic};
use crate::disclosure::{RowKind, Side, Table};

pub(super) fn build(b: &Budget) -> Table {
    let cols = [
        Col::new("合计", |_| true),
        Col::new("一般公共预算", |f| {
            f.fund.current_fiscal() == Some(FiscalBudget::General)
        }),
        Col::new("政府性基金", |f| {
            f.fund.current_fiscal() == Some(FiscalBudget::GovFund)
        }),
        Col::new("国有资本经营预算", |f| {
            f.fund.current_fiscal() == Some(FiscalBudget::StateCapital)
        }),
    ];
    let facts: Vec<&Fact> = b
        .facts
        .iter()
        .filter(|f| f.fund.current_fiscal().is_some() && ThreePublic::of_econ(f.econ).is_some())
        .collect();
    let item = |i: ThreePublic| {
        facts
            .iter()
            .copied()
            .filter(move |f| ThreePublic::of_econ(f.econ) == Some(i))
    };
    let vehicles = facts.iter().copied().filter(|f| {
        matches!(
            ThreePublic::of_econ(f.econ),
            Some(ThreePublic::VehiclePurchase | ThreePublic::VehicleOperation)
        )
    });
    // The template prints its rows even when the table is empty.
    let rows = vec![
        sum_row(
            &cols,
            Side::Single,
            None,
            "合计",
            RowKind::Total,
            facts.iter().copied(),
        ),
        sum_row(
            &cols,
            Side::Single,
            None,
            "因公出国（境）费",
            RowKind::Item,
            item(ThreePublic::Abroad),
        ),
        sum_row(
            &cols,
            Side::Single,
            None,
            "公务接待费",
            RowKind::Item,
            item(ThreePublic::Reception),
        ),
        sum_row(
            &cols,
            Side::Single,
            None,
            "公务用车购置及运行费（小计）",
            RowKind::Subtotal,
            vehicles,
        ),
        sum_row(
            &cols,
            Side::Single,
            None,
            "其中：公务用车购置费",
            RowKind::Item,
            item(ThreePublic::VehiclePurchase),
        ),
        sum_row(
            &cols,
            Side::Single,
            None,
            "公务用车运行费",
            RowKind::Item,
            item(ThreePublic::VehicleOperation),
        ),
    ];
    let title = "财政拨款“三公”经费支出情况表";
    let mut t = table(b, 10, title, &cols, rows);
    if facts.iter().all(|f| f.amount.is_zero()) {
        t.empty_statement = Some(empty_statement(
            b,
            "没有使用财政拨款安排“三公”经费支出",
            title,
        ));
    }
    t
}
