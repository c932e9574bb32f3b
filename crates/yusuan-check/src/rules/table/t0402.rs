//! T0402 表4 收入总计等于财政拨款收入

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{RowSel, RowSum};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0402 表4 收入总计等于财政拨款收入
pub static RULE: RowSum = RowSum {
    meta: RuleMeta {
        id: "T0402",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表4 收入总计等于财政拨款收入",
        what: "表4 收入方：收入总计 = 一、财政拨款（补助）。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例：475.74。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[("4,,收入总计,合计,475.74", "4,,收入总计,合计,485.74")],
        },
    },
    table: 4,
    side: Side::Income,
    whole: RowSel::Label("收入总计"),
    parts: &["一、财政拨款（补助）"],
};
