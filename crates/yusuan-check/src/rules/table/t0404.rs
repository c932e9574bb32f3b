//! T0404 表4 支出总计等于各类支出之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::Hierarchy;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0404 表4 支出总计等于各类支出之和
pub static RULE: Hierarchy = Hierarchy {
    meta: RuleMeta {
        id: "T0404",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表4 支出总计等于各类支出之和",
        what: "表4 支出方每一列：支出总计 = 各类级科目之和。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例：406.78 + 36.50 + 12.83 + 19.63 = 475.74。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "4,221,住房保障支出,一般公共预算,19.63",
                "4,221,住房保障支出,一般公共预算,19.23",
            )],
        },
    },
    table: 4,
    side: Side::Expenditure,
    total: true,
};
