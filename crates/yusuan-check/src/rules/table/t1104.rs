//! T1104 表11 总计等于各单位之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::BlockSum;
use yusuan_core::diag::Severity;

/// T1104 表11 总计等于各单位之和
pub static RULE: BlockSum = BlockSum {
    meta: RuleMeta {
        id: "T1104",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表11 总计等于各单位之和",
        what: "表11 每一列：总计 = 各预算单位行之和。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例只有一个单位：5.00。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[("11,,总计,合计,5.00", "11,,总计,合计,6.00")],
        },
    },
    table: 11,
    members: &[],
};
