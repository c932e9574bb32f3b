//! X802 上海决算表3 合计与表1 本年支出合计一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{CellSel, CrossEqual, RowSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X802 上海决算表3 合计与表1 本年支出合计一致
pub static RULE: CrossEqual = CrossEqual {
    meta: RuleMeta {
        id: "X802",
        family: Family::Cross,
        template: Some(yusuan_core::template::SHANGHAI_FINAL_ID),
        severity: Severity::Error,
        title: "上海决算表3 合计与表1 本年支出合计一致",
        what: "上海市决算模板：表3 合计行“本年支出合计”列 = 表1 本年支出合计。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）；两处都是同一真值四舍五入的结果，任何差异都是错误。",
        example: "307.82。",
        basis: "上海市部门决算公开表样式（收入支出决算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的决算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiFinalPdf,
            pass: &[],
            fail: &[(
                "8\t16572:18661:合计\t30720:33745:307.82\t38940:41953:105.58\t47220:50095:202.24",
                "8\t16572:18661:合计\t30720:33745:308.82\t38940:41953:105.58\t47220:50095:202.24",
            )],
        },
    },
    a: CellSel {
        table: 3,
        side: Side::Single,
        row: RowSel::Total,
        column: "本年支出合计",
    },
    b: CellSel {
        table: 1,
        side: Side::Expenditure,
        row: RowSel::Label("本年支出合计"),
        column: "决算数",
    },
};
