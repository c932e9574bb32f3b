//! T8101 上海决算表1 收入总计等于支出总计

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{CellSel, CrossEqual, RowSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T8101 上海决算表1 收入总计等于支出总计
pub static RULE: CrossEqual = CrossEqual {
    meta: RuleMeta {
        id: "T8101",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_FINAL_ID),
        severity: Severity::Error,
        title: "上海决算表1 收入总计等于支出总计",
        what: "上海市决算模板表1（收入支出决算总表）：收入方“总计” = 支出方“总计”。",
        why: "合计数必须等于其组成部分之和；决算表以万元列示、保留两位小数，差异在各数分别四舍五入的范围内的报为尾差提示，超出的是错误。",
        example: "中共上海市普陀区委社会工作部 2024：307.82 = 307.82。",
        basis: "上海市部门决算公开表样式（收入支出决算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的决算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiFinalPdf,
            pass: &[],
            fail: &[(
                "5\t13980:16069:总计\t25644:28519:307.82\t37536:39625:总计\t48588:51463:307.82",
                "5\t13980:16069:总计\t25644:28519:307.82\t37536:39625:总计\t48588:51463:308.82",
            )],
        },
    },
    a: CellSel {
        table: 1,
        side: Side::Income,
        row: RowSel::Label("总计"),
        column: "决算数",
    },
    b: CellSel {
        table: 1,
        side: Side::Expenditure,
        row: RowSel::Label("总计"),
        column: "决算数",
    },
};
