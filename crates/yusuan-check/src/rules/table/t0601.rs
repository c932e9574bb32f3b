//! T0601 表6 合计等于人员经费加公用经费

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ColumnSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0601 表6 合计等于人员经费加公用经费
pub static RULE: ColumnSum = ColumnSum {
    meta: RuleMeta {
        id: "T0601",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表6 合计等于人员经费加公用经费",
        what: "表6 每一行：合计 = 人员经费 + 公用经费。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。基本支出由人员经费和公用经费构成（名词解释五）。",
        example: "参考例总计行：221.40 + 32.35 = 253.75，印为 253.74，属尾差。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[("6,30101,基本工资,合计,58.74", "6,30101,基本工资,合计,58.94")],
        },
    },
    table: 6,
    side: Side::Single,
    whole: "合计",
    parts: &["人员经费", "公用经费"],
};
