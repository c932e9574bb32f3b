//! X905 上海表2 合计行财政拨款收入与表1 财政拨款收入一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{CellSel, CrossEqual, RowSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X905 上海表2 合计行财政拨款收入与表1 财政拨款收入一致
pub static RULE: CrossEqual = CrossEqual {
    meta: RuleMeta {
        id: "X905",
        family: Family::Cross,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表2 合计行财政拨款收入与表1 财政拨款收入一致",
        what: "上海市模板：表2 合计行“财政拨款收入”列 = 表1“一、财政拨款收入”。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）；任何差异都是错误。",
        example: "91,016,775.35。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "8\t6152:15752:一、财政拨款收入\t33452:41252:91,016,775.35",
                "8\t6152:15752:一、财政拨款收入\t33452:41252:91,016,875.35",
            )],
        },
    },
    a: CellSel {
        table: 2,
        side: Side::Single,
        row: RowSel::Total,
        column: "财政拨款收入",
    },
    b: CellSel {
        table: 1,
        side: Side::Income,
        row: RowSel::Item("财政拨款收入"),
        column: "预算数",
    },
};
