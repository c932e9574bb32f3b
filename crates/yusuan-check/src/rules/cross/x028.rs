//! X028 表4 一般公共预算各类与表5 一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{ColSel, CrossRows};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X028 表4 一般公共预算各类与表5 一致
pub static RULE: CrossRows = CrossRows {
    meta: RuleMeta {
        id: "X028",
        family: Family::Cross,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表4 一般公共预算各类与表5 一致",
        what: "每个功能分类类：表4「一般公共预算」列 = 表5「合计」列。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）。两处都是同一真值四舍五入的结果，不存在尾差；任何差异都是错误。",
        example: "参考例 201：406.78 = 406.78。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）各表之间的对应关系；《地方预决算公开操作规程》要求公开数据真实、准确、一致。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "5,210,卫生健康支出,合计,12.83",
                "5,210,卫生健康支出,合计,12.63",
            )],
        },
    },
    a: ColSel {
        table: 4,
        side: Side::Expenditure,
        column: "一般公共预算",
    },
    b: ColSel {
        table: 5,
        side: Side::Single,
        column: "合计",
    },
    code_len: Some(3),
};
