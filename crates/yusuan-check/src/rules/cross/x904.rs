//! X904 上海表8 合计与表5 基本支出一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{CellSel, CrossEqual, RowSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X904 上海表8 合计与表5 基本支出一致
pub static RULE: CrossEqual = CrossEqual {
    meta: RuleMeta {
        id: "X904",
        family: Family::Cross,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表8 合计与表5 基本支出一致",
        what: "上海市模板：表8 合计行“合计”列 = 表5 合计行“基本支出”列。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）；任何差异都是错误。",
        example: "24,606,775.35。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "19\t25450:27850:合计\t50050:57850:24,606,775.35\t60250:68050:22,473,997.81\t71150:78350:2,132,777.54",
                "19\t25450:27850:合计\t50050:57850:24,606,875.35\t60250:68050:22,473,997.81\t71150:78350:2,132,777.54",
            )],
        },
    },
    a: CellSel {
        table: 8,
        side: Side::Single,
        row: RowSel::Total,
        column: "合计",
    },
    b: CellSel {
        table: 5,
        side: Side::Single,
        row: RowSel::Total,
        column: "基本支出",
    },
};
