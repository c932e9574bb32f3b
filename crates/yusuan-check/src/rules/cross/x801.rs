//! X801 上海决算表2 合计与表1 本年收入合计一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{CellSel, CrossEqual, RowSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X801 上海决算表2 合计与表1 本年收入合计一致
pub static RULE: CrossEqual = CrossEqual {
    meta: RuleMeta {
        id: "X801",
        family: Family::Cross,
        template: Some(yusuan_core::template::SHANGHAI_FINAL_ID),
        severity: Severity::Error,
        title: "上海决算表2 合计与表1 本年收入合计一致",
        what: "上海市决算模板：表2 合计行“本年收入合计”列 = 表1 本年收入合计。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）；两处都是同一真值四舍五入的结果，任何差异都是错误。",
        example: "307.82。",
        basis: "上海市部门决算公开表样式（收入支出决算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的决算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiFinalPdf,
            pass: &[],
            fail: &[(
                "6\t16764:18853:合计\t30936:33811:307.82\t38712:41587:307.82",
                "6\t16764:18853:合计\t30936:33811:308.82\t38712:41587:307.82",
            )],
        },
    },
    a: CellSel {
        table: 2,
        side: Side::Single,
        row: RowSel::Total,
        column: "本年收入合计",
    },
    b: CellSel {
        table: 1,
        side: Side::Income,
        row: RowSel::Label("本年收入合计"),
        column: "决算数",
    },
};
