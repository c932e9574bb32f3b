//! T0405 表4 收入总计等于支出总计

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{CellSel, CrossEqual, RowSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0405 表4 收入总计等于支出总计
pub static RULE: CrossEqual = CrossEqual {
    meta: RuleMeta {
        id: "T0405",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表4 收入总计等于支出总计",
        what: "表4：财政拨款收入总计 = 财政拨款支出总计。",
        why: "财政拨款收支平衡。同一数额两处印出应完全相同。",
        example: "参考例：475.74 = 475.74。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[("4,,支出总计,合计,475.74", "4,,支出总计,合计,476.74")],
        },
    },
    a: CellSel {
        table: 4,
        side: Side::Income,
        row: RowSel::Label("收入总计"),
        column: "合计",
    },
    b: CellSel {
        table: 4,
        side: Side::Expenditure,
        row: RowSel::Label("支出总计"),
        column: "合计",
    },
};
