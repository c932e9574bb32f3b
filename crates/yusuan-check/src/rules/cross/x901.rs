//! X901 上海表2 合计与表1 收入总计一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{CellSel, CrossEqual, RowSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X901 上海表2 合计与表1 收入总计一致
pub static RULE: CrossEqual = CrossEqual {
    meta: RuleMeta {
        id: "X901",
        family: Family::Cross,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表2 合计与表1 收入总计一致",
        what: "上海市模板：表2 合计行“合计”列 = 表1 收入总计。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）；任何差异都是错误。",
        example: "91,016,775.35。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "10\t22674:25074:合计\t42174:49974:91,016,775.35\t50474:58274:91,016,775.35",
                "10\t22674:25074:合计\t42174:49974:91,016,875.35\t50474:58274:91,016,775.35",
            )],
        },
    },
    a: CellSel {
        table: 2,
        side: Side::Single,
        row: RowSel::Total,
        column: "合计",
    },
    b: CellSel {
        table: 1,
        side: Side::Income,
        row: RowSel::Label("收入总计"),
        column: "预算数",
    },
};
