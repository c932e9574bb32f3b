//! X018 表4 政府性基金支出与表8 一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{CellSel, CrossEqual, RowSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X018 表4 政府性基金支出与表8 一致
pub static RULE: CrossEqual = CrossEqual {
    meta: RuleMeta {
        id: "X018",
        family: Family::Cross,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表4 政府性基金支出与表8 一致",
        what: "表4 支出总计「政府性基金预算」列 = 表8 总计行「合计」列。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）。两处都是同一真值四舍五入的结果，不存在尾差；任何差异都是错误。（表8 = 表4 政府性基金列。）",
        example: "参考例两处皆空。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）各表之间的对应关系；《地方预决算公开操作规程》要求公开数据真实、准确、一致。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "11,,总计,合计,5.00\n",
                "8,,总计,合计,2.00\n11,,总计,合计,5.00\n",
            )],
        },
    },
    a: CellSel {
        table: 4,
        side: Side::Expenditure,
        row: RowSel::Label("支出总计"),
        column: "政府性基金预算",
    },
    b: CellSel {
        table: 8,
        side: Side::Single,
        row: RowSel::Total,
        column: "合计",
    },
};
