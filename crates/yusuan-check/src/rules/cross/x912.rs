//! X912 上海表2 各类财政拨款收入与表4 各类财政拨款支出一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{ClassesByName, ColSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X912 上海表2 各类财政拨款收入与表4 各类财政拨款支出一致
pub static RULE: ClassesByName = ClassesByName {
    meta: RuleMeta {
        id: "X912",
        family: Family::Cross,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表2 各类财政拨款收入与表4 各类财政拨款支出一致",
        what: "上海市模板：表2 每个类级科目的“财政拨款收入”列 = 表4 支出方同名类的“合计”列（财政拨款收入按其用途的功能分类列示，与财政拨款支出逐类相等）。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）；任何差异都是错误。",
        example: "201 一般公共服务支出：82,096,797.42 = 一、一般公共服务支出 82,096,797.42。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "9\t7574:9374:201\t17274:26874:一般公共服务支出\t42174:49974:82,096,797.42\t50474:58274:82,096,797.42",
                "9\t7574:9374:201\t17274:26874:一般公共服务支出\t42174:49974:82,096,797.42\t50474:58274:82,096,897.42",
            )],
        },
    },
    a: ColSel {
        table: 4,
        side: Side::Expenditure,
        column: "合计",
    },
    b: ColSel {
        table: 2,
        side: Side::Single,
        column: "财政拨款收入",
    },
};
