//! 表6 一般公共预算基本支出情况表 — 一般公共预算 basic facts by economic 类/款 × 人员经费 |
//! 公用经费.

use super::{Col, row, sums, table, with_total};
use crate::budget::{Budget, Fact, FiscalBudget, Use};
use crate::codes::EconCode;
use crate::disclosure::{RowKind, Side, Table};
use std::collections::BTreeMap;

pub(super) fn build(b: &Budget) -> Table {
    let cols = [
        Col::new("合计", |_| true),
        Col::new("人员经费", |f| f.use_ == Use::Personnel),
        Col::new("公用经费", |f| f.use_ == Use::Public),
    ];
    let facts: Vec<&Fact> = b
        .facts
        .iter()
        .filter(|f| f.fund.current_fiscal() == Some(FiscalBudget::General) && f.use_.is_basic())
        .collect();
    let mut by_code: BTreeMap<EconCode, Vec<&Fact>> = BTreeMap::new();
    for f in &facts {
        by_code.entry(f.econ.class()).or_default().push(f);
        by_code.entry(f.econ).or_default().push(f);
    }
    let body = by_code
        .iter()
        .filter_map(|(code, fs)| {
            let values = sums(fs.iter().copied(), &cols);
            if values.iter().all(|v| v.is_zero()) {
                return None;
            }
            let kind = if code.level() == crate::codes::Level::Class {
                RowKind::Class
            } else {
                RowKind::Kuan
            };
            let label = b
                .econ_name(*code)
                .unwrap_or_else(|| "（未知科目）".to_string());
            Some(row(
                &cols,
                Side::Single,
                Some(code.to_string()),
                &label,
                kind,
                &values,
            ))
        })
        .collect();
    let rows = with_total(&cols, "总计", &facts, body);
    table(b, 6, "一般公共预算基本支出情况表", &cols, rows)
}
