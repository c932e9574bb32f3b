//! T0301 表3 合计等于基本支出加项目支出

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ColumnSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0301 表3 合计等于基本支出加项目支出
pub static RULE: ColumnSum = ColumnSum {
    meta: RuleMeta {
        id: "T0301",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表3 合计等于基本支出加项目支出",
        what: "表3（部门支出总体情况表）每一行：合计 = 基本支出 + 项目支出。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例 201 13 99：227.00 = 0 + 227.00。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "3,2011399,其他商贸事务支出,合计,227.00",
                "3,2011399,其他商贸事务支出,合计,227.50",
            )],
        },
    },
    table: 3,
    side: Side::Single,
    whole: "合计",
    parts: &["基本支出", "项目支出"],
};
