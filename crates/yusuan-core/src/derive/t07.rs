//! 表7 一般公共预算项目支出情况表 — 一般公共预算 project facts by unit, functional 类/款 and
//! (项 × project), in economic 类 columns.

use super::{Col, empty_statement, func_label, level_kind, row, sum_row, sums, table};
use crate::budget::{Budget, Fact, FiscalBudget, Use};
use crate::codes::FuncCode;
use crate::disclosure::{RowKind, Side, Table};
use std::collections::BTreeMap;

/// The economic 类 columns of the template, in order.
pub(super) const ECON_COLUMNS: [(u16, &str); 10] = [
    (301, "工资福利支出"),
    (302, "商品和服务支出"),
    (303, "对个人和家庭的补助"),
    (307, "债务利息及费用支出"),
    (309, "资本性支出（基本建设）"),
    (310, "资本性支出"),
    (311, "对企业补助（基本建设）"),
    (312, "对企业补助"),
    (313, "对社会保障基金补助"),
    (399, "其他支出"),
];

pub(super) fn build(b: &Budget) -> Table {
    let mut cols = vec![Col::new("合计", |_| true)];
    for (class, name) in ECON_COLUMNS {
        cols.push(Col::new(name, move |f: &Fact| {
            f.econ.class_number() == class
        }));
    }
    let facts: Vec<&Fact> = b
        .facts
        .iter()
        .filter(|f| f.fund.current_fiscal() == Some(FiscalBudget::General) && !f.use_.is_basic())
        .collect();
    let mut t;
    if facts.is_empty() {
        t = table(b, 7, "一般公共预算项目支出情况表", &cols, Vec::new());
        t.empty_statement = Some(empty_statement(
            b,
            "没有使用一般公共预算拨款安排的项目支出",
            "一般公共预算项目支出情况表",
        ));
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
    // Units in the order their first project is declared.
    let mut units: Vec<&str> = Vec::new();
    for p in &b.projects {
        let u = b.project_unit(p);
        if !units.contains(&u) {
            units.push(u);
        }
    }
    for unit in units {
        let unit_facts: Vec<&Fact> = facts
            .iter()
            .copied()
            .filter(|f| matches!(f.use_, Use::Project(i) if b.project_unit(&b.projects[i]) == unit))
            .collect();
        if unit_facts.is_empty() {
            continue;
        }
        rows.push(sum_row(
            &cols,
            Side::Single,
            None,
            unit,
            RowKind::Unit,
            unit_facts.iter().copied(),
        ));
        // (code, project): 类 and 款 rows have no project; 项 rows are one per project.
        let mut groups: BTreeMap<(FuncCode, Option<usize>), Vec<&Fact>> = BTreeMap::new();
        for f in &unit_facts {
            let Use::Project(p) = f.use_ else { continue };
            for code in f.func.ancestry() {
                let key = if code == f.func {
                    (code, Some(p))
                } else {
                    (code, None)
                };
                groups.entry(key).or_default().push(f);
            }
        }
        for ((code, project), fs) in groups {
            let values = sums(fs.iter().copied(), &cols);
            let (label, kind) = match project {
                Some(p) => (b.projects[p].name.clone(), RowKind::Project),
                None => (func_label(b, code), level_kind(&code)),
            };
            rows.push(row(
                &cols,
                Side::Single,
                Some(code.to_string()),
                &label,
                kind,
                &values,
            ));
        }
    }
    t = table(b, 7, "一般公共预算项目支出情况表", &cols, rows);
    t
}
