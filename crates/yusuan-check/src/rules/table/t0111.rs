//! T0111 表1 收入总计等于支出总计

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{CellSel, CrossEqual, RowSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0111 表1 收入总计等于支出总计
pub static RULE: CrossEqual = CrossEqual {
    meta: RuleMeta {
        id: "T0111",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表1 收入总计等于支出总计",
        what: "表1：收入总计 = 支出总计。",
        why: "部门预算收支平衡：全部收入（含上年结转结余）安排全部支出（表1 收入总计等于支出总计）。同一数额两处印出应完全相同。",
        example: "参考例：收入总计 480.74 = 支出总计 480.74。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[("1,,支出总计,预算数,480.74", "1,,支出总计,预算数,480.64")],
        },
    },
    a: CellSel {
        table: 1,
        side: Side::Income,
        row: RowSel::Label("收入总计"),
        column: "预算数",
    },
    b: CellSel {
        table: 1,
        side: Side::Expenditure,
        row: RowSel::Label("支出总计"),
        column: "预算数",
    },
};
