//! X805 上海决算表4 各类一般公共预算财政拨款支出与表5 各类合计一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{ClassesByName, ColSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X805 上海决算表4 各类一般公共预算财政拨款支出与表5 各类合计一致
pub static RULE: ClassesByName = ClassesByName {
    meta: RuleMeta {
        id: "X805",
        family: Family::Cross,
        template: Some(yusuan_core::template::SHANGHAI_FINAL_ID),
        severity: Severity::Error,
        title: "上海决算表4 各类一般公共预算财政拨款支出与表5 各类合计一致",
        what: "上海市决算模板：表4（财政拨款收入支出决算总表）支出方每一类的“一般公共预算财政拨款”列 = 表5（一般公共预算财政拨款支出决算表）同名类级科目的“合计”列。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）；以万元列示时同一数额四舍五入的结果也相同，差一分也是错误。",
        example: "一般公共服务支出：264.87 = 201 一般公共服务支出 264.87。",
        basis: "上海市部门决算公开表样式（收入支出决算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的决算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiFinalPdf,
            pass: &[],
            fail: &[(
                "54456:57331:264.87\t60360:63235:264.87",
                "54456:57331:264.87\t60360:63235:264.88",
            )],
        },
    },
    a: ColSel {
        table: 4,
        side: Side::Expenditure,
        column: "一般公共预算财政拨款",
    },
    b: ColSel {
        table: 5,
        side: Side::Single,
        column: "合计",
    },
};
