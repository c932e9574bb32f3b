//! T0110 表1 支出总计等于各类支出之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::Hierarchy;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0110 表1 支出总计等于各类支出之和
pub static RULE: Hierarchy = Hierarchy {
    meta: RuleMeta {
        id: "T0110",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表1 支出总计等于各类支出之和",
        what: "表1 支出方：支出总计 = 各功能分类类级支出之和。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例：411.78 + 36.50 + 12.83 + 19.63 = 480.74。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "1,221,住房保障支出,预算数,19.63",
                "1,221,住房保障支出,预算数,19.93",
            )],
        },
    },
    table: 1,
    side: Side::Expenditure,
    total: true,
};
