//! X027 表2 与表3 各科目总额一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{ColSel, CrossRows};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X027 表2 与表3 各科目总额一致
pub static RULE: CrossRows = CrossRows {
    meta: RuleMeta {
        id: "X027",
        family: Family::Cross,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表2 与表3 各科目总额一致",
        what: "每个功能分类科目（类、款、项）：表2「总计」 = 表3「合计」。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）。两处都是同一真值四舍五入的结果，不存在尾差；任何差异都是错误。收入按科目全口径安排，等于同科目的支出。",
        example: "参考例 201 13 99：227.00 = 227.00。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）各表之间的对应关系；《地方预决算公开操作规程》要求公开数据真实、准确、一致。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "3,2080506,机关事业单位职业年金缴费支出,合计,11.97",
                "3,2080506,机关事业单位职业年金缴费支出,合计,11.99",
            )],
        },
    },
    a: ColSel {
        table: 2,
        side: Side::Single,
        column: "总计",
    },
    b: ColSel {
        table: 3,
        side: Side::Single,
        column: "合计",
    },
    code_len: None,
};
