//! T1101 表11 合计等于财政拨款加非财政拨款

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ColumnSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T1101 表11 合计等于财政拨款加非财政拨款
pub static RULE: ColumnSum = ColumnSum {
    meta: RuleMeta {
        id: "T1101",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表11 合计等于财政拨款加非财政拨款",
        what: "表11 每一行：合计 = 财政拨款小计 + 非财政拨款小计。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例：5.00 = 0 + 5.00。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "11,,机构运行补助经费,合计,5.00",
                "11,,机构运行补助经费,合计,6.00",
            )],
        },
    },
    table: 11,
    side: Side::Single,
    whole: "合计",
    parts: &["财政拨款/小计", "非财政拨款/小计"],
};
