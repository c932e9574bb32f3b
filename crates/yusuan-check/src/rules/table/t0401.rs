//! T0401 表4 财政拨款收入等于三本预算拨款之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{RowSel, RowSum};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0401 表4 财政拨款收入等于三本预算拨款之和
pub static RULE: RowSum = RowSum {
    meta: RuleMeta {
        id: "T0401",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表4 财政拨款收入等于三本预算拨款之和",
        what: "表4 收入方：一、财政拨款（补助） = 一般公共预算 + 政府性基金预算 + 国有资本经营预算。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例：475.74 = 475.74 + 0 + 0。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[("4,,一般公共预算,合计,475.74", "4,,一般公共预算,合计,470.74")],
        },
    },
    table: 4,
    side: Side::Income,
    whole: RowSel::Label("一、财政拨款（补助）"),
    parts: &["一般公共预算", "政府性基金预算", "国有资本经营预算"],
};
