//! T0109 表1 非财政拨款结转结余等于财政专户与单位资金结转之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{RowSel, RowSum};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0109 表1 非财政拨款结转结余等于财政专户与单位资金结转之和
pub static RULE: RowSum = RowSum {
    meta: RuleMeta {
        id: "T0109",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表1 非财政拨款结转结余等于财政专户与单位资金结转之和",
        what: "表1：2.非财政拨款结转结余 = 其中：财政专户核拨 + 单位资金。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例：5.00 = 0 + 5.00。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[("1,,单位资金,预算数,5.00", "1,,单位资金,预算数,3.00")],
        },
    },
    table: 1,
    side: Side::Income,
    whole: RowSel::Label("2.非财政拨款结转结余"),
    parts: &["其中：财政专户核拨", "单位资金"],
};
