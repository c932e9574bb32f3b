//! X911 上海表4 各类国有资本经营预算支出与表7 各类合计一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{ClassesByName, ColSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X911 上海表4 各类国有资本经营预算支出与表7 各类合计一致
pub static RULE: ClassesByName = ClassesByName {
    meta: RuleMeta {
        id: "X911",
        family: Family::Cross,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表4 各类国有资本经营预算支出与表7 各类合计一致",
        what: "上海市模板：表4 支出方每一类的“国有资本经营预算”列 = 表7（国有资本经营预算支出功能分类预算表）同名类级科目的“合计”列（都空白也相符）。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）；任何差异都是错误。",
        example: "本部门无国有资本经营预算：均为空白。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "13\t25988:34604:四、住房保障支出\t43877:50357:3,609,125.22\t53311:59791:3,609,125.22",
                "13\t25988:34604:四、住房保障支出\t43877:50357:3,609,125.22\t70776:77256:3,609,125.22",
            )],
        },
    },
    a: ColSel {
        table: 4,
        side: Side::Expenditure,
        column: "国有资本经营预算",
    },
    b: ColSel {
        table: 7,
        side: Side::Single,
        column: "合计",
    },
};
