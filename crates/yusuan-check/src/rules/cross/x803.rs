//! X803 上海决算表5 合计与表4 一般公共预算财政拨款支出一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{CellSel, CrossEqual, RowSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X803 上海决算表5 合计与表4 一般公共预算财政拨款支出一致
pub static RULE: CrossEqual = CrossEqual {
    meta: RuleMeta {
        id: "X803",
        family: Family::Cross,
        template: Some(yusuan_core::template::SHANGHAI_FINAL_ID),
        severity: Severity::Error,
        title: "上海决算表5 合计与表4 一般公共预算财政拨款支出一致",
        what: "上海市决算模板：表5 合计行“合计”列 = 表4 本年支出合计行“一般公共预算财政拨款”列。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）；两处都是同一真值四舍五入的结果，任何差异都是错误。",
        example: "307.82。",
        basis: "上海市部门决算公开表样式（收入支出决算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的决算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiFinalPdf,
            pass: &[],
            fail: &[(
                "12\t16836:18925:合计\t27816:30841:307.82\t35700:38725:105.58\t43884:46759:202.24",
                "12\t16836:18925:合计\t27816:30841:308.82\t35700:38725:105.58\t43884:46759:202.24",
            )],
        },
    },
    a: CellSel {
        table: 5,
        side: Side::Single,
        row: RowSel::Total,
        column: "合计",
    },
    b: CellSel {
        table: 4,
        side: Side::Expenditure,
        row: RowSel::Label("本年支出合计"),
        column: "一般公共预算财政拨款",
    },
};
