//! T9101 上海表1 收入总计等于支出总计

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{CellSel, CrossEqual, RowSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T9101 上海表1 收入总计等于支出总计
pub static RULE: CrossEqual = CrossEqual {
    meta: RuleMeta {
        id: "T9101",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表1 收入总计等于支出总计",
        what: "上海市模板表1（财务收支预算总表）：收入总计 = 支出总计。",
        why: "合计数必须等于其组成部分之和。上海市的公开表以元为单位、精确到分，各数不经四舍五入到万元：任何差异都是错误（以万元列示的表，差异在四舍五入范围内的报为尾差提示）。",
        example: "上海市普陀区人民政府办公室 2025：91,016,775.35 = 91,016,775.35。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "8\t14152:18952:收入总计\t33452:41252:91,016,775.35\t50352:55152:支出总计\t69552:77352:91,016,775.35",
                "8\t14152:18952:收入总计\t33452:41252:91,016,775.35\t50352:55152:支出总计\t69552:77352:91,016,875.35",
            )],
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
