//! X014 表1 政府性基金预算拨款与表4 一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{CellSel, CrossEqual, RowSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X014 表1 政府性基金预算拨款与表4 一致
pub static RULE: CrossEqual = CrossEqual {
    meta: RuleMeta {
        id: "X014",
        family: Family::Cross,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表1 政府性基金预算拨款与表4 一致",
        what: "表1「2.政府性基金预算拨款」 = 表4 收入方「政府性基金预算」。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）。两处都是同一真值四舍五入的结果，不存在尾差；任何差异都是错误。",
        example: "参考例两处皆空。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）各表之间的对应关系；《地方预决算公开操作规程》要求公开数据真实、准确、一致。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "4,,一般公共预算,合计,475.74\n",
                "4,,一般公共预算,合计,475.74\n4,,政府性基金预算,合计,1.00\n",
            )],
        },
    },
    a: CellSel {
        table: 1,
        side: Side::Income,
        row: RowSel::Label("2.政府性基金预算拨款"),
        column: "预算数",
    },
    b: CellSel {
        table: 4,
        side: Side::Income,
        row: RowSel::Label("政府性基金预算"),
        column: "合计",
    },
};
