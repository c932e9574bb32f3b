//! X005 表1「政府性基金收入」与表2「政府性基金预算」列一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{CellSel, CrossEqual, RowSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X005 表1「政府性基金收入」与表2「政府性基金预算」列一致
pub static RULE: CrossEqual = CrossEqual {
    meta: RuleMeta {
        id: "X005",
        family: Family::Cross,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表1「政府性基金收入」与表2「政府性基金预算」列一致",
        what: "表1 收入方「其中：政府性基金收入」 = 表2 总计行「政府性基金预算」列。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）。两处都是同一真值四舍五入的结果，不存在尾差；任何差异都是错误。表2 按功能分类展开表1 的各项收入来源。",
        example: "参考例：一般财力 475.74 = 表2 一般公共预算 475.74；非财政拨款结转结余 5.00 = 5.00。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）各表之间的对应关系；《地方预决算公开操作规程》要求公开数据真实、准确、一致。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "2,,总计,一般公共预算,475.74\n",
                "2,,总计,一般公共预算,475.74\n2,,总计,政府性基金预算,1.00\n",
            )],
        },
    },
    a: CellSel {
        table: 1,
        side: Side::Income,
        row: RowSel::Label("其中：政府性基金收入"),
        column: "预算数",
    },
    b: CellSel {
        table: 2,
        side: Side::Single,
        row: RowSel::Total,
        column: "政府性基金预算",
    },
};
