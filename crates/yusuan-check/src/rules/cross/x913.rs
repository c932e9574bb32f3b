//! X913 上海表1 各类支出与表3 各类合计一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{ClassesByName, ColSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X913 上海表1 各类支出与表3 各类合计一致
pub static RULE: ClassesByName = ClassesByName {
    meta: RuleMeta {
        id: "X913",
        family: Family::Cross,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表1 各类支出与表3 各类合计一致",
        what: "上海市模板：表1 本年支出方每一类（如“一、一般公共服务支出”）的“预算数” = 表3（支出预算总表）同名类级科目的“合计”列。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）；任何差异都是错误。",
        example: "一般公共服务支出：82,096,797.42 = 201 一般公共服务支出 82,096,797.42。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "41652:53652:一、一般公共服务支出\t69552:77352:82,096,797.42",
                "41652:53652:一、一般公共服务支出\t69552:77352:82,096,897.42",
            )],
        },
    },
    a: ColSel {
        table: 1,
        side: Side::Expenditure,
        column: "预算数",
    },
    b: ColSel {
        table: 3,
        side: Side::Single,
        column: "合计",
    },
};
