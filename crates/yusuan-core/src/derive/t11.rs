//! 表11 上年结转结余情况明细表 — carry-over facts by unit and project (basic carry-over as a
//! 基本支出 row), 财政拨款 | 非财政拨款, each 基本（人员, 公用）and 项目.

use super::{Col, empty_statement, sum_row, table};
use crate::budget::{Budget, Fact, Use};
use crate::disclosure::{RowKind, Side, Table};

pub(super) fn build(b: &Budget) -> Table {
    let cols = [
        Col::new("合计", |_| true),
        Col::new("财政拨款/小计", |f| f.fund.carried_fiscal().is_some()),
        Col::new("财政拨款/基本支出/人员经费", |f| {
            f.fund.carried_fiscal().is_some() && f.use_ == Use::Personnel
        }),
        Col::new("财政拨款/基本支出/公用经费", |f| {
            f.fund.carried_fiscal().is_some() && f.use_ == Use::Public
        }),
        Col::new("财政拨款/项目支出", |f| {
            f.fund.carried_fiscal().is_some() && !f.use_.is_basic()
        }),
        Col::new("非财政拨款/小计", |f| {
            f.fund.is_non_fiscal_carry_over()
        }),
        Col::new("非财政拨款/基本支出/人员经费", |f| {
            f.fund.is_non_fiscal_carry_over() && f.use_ == Use::Personnel
        }),
        Col::new("非财政拨款/基本支出/公用经费", |f| {
            f.fund.is_non_fiscal_carry_over() && f.use_ == Use::Public
        }),
        Col::new("非财政拨款/项目支出", |f| {
            f.fund.is_non_fiscal_carry_over() && !f.use_.is_basic()
        }),
    ];
    let title = "上年结转结余情况明细表";
    let facts: Vec<&Fact> = b.facts.iter().filter(|f| f.fund.is_carry_over()).collect();
    if facts.is_empty() {
        let mut t = table(b, 11, title, &cols, Vec::new());
        t.empty_statement = Some(empty_statement(b, "没有上年结转结余", title));
        return t;
    }
    let mut rows = vec![sum_row(
        &cols,
        Side::Single,
        None,
        "总计",
        RowKind::Total,
        facts.iter().copied(),
    )];
    let unit_of = |f: &Fact| b.fact_unit(f).to_string();
    let mut units: Vec<String> = Vec::new();
    for f in &facts {
        let u = unit_of(f);
        if !units.contains(&u) {
            units.push(u);
        }
    }
    for unit in &units {
        let in_unit: Vec<&Fact> = facts
            .iter()
            .copied()
            .filter(|f| &unit_of(f) == unit)
            .collect();
        rows.push(sum_row(
            &cols,
            Side::Single,
            None,
            unit,
            RowKind::Unit,
            in_unit.iter().copied(),
        ));
        let basic: Vec<&Fact> = in_unit
            .iter()
            .copied()
            .filter(|f| f.use_.is_basic())
            .collect();
        if !basic.is_empty() {
            rows.push(sum_row(
                &cols,
                Side::Single,
                None,
                "基本支出",
                RowKind::Item,
                basic.iter().copied(),
            ));
        }
        for (i, p) in b.projects.iter().enumerate() {
            let pf: Vec<&Fact> = in_unit
                .iter()
                .copied()
                .filter(|f| f.use_ == Use::Project(i))
                .collect();
            if !pf.is_empty() {
                rows.push(sum_row(
                    &cols,
                    Side::Single,
                    None,
                    &p.name,
                    RowKind::Project,
                    pf.iter().copied(),
                ));
            }
        }
    }
    table(b, 11, title, &cols, rows)
}
