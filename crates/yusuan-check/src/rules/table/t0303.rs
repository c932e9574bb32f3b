//! T0303 表3 总计行等于各类之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::Hierarchy;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0303 表3 总计行等于各类之和
pub static RULE: Hierarchy = Hierarchy {
    meta: RuleMeta {
        id: "T0303",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表3 总计行等于各类之和",
        what: "表3 每一列：总计行 = 各类级科目行之和。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例基本支出：184.78 + 36.50 + 12.83 + 19.63 = 253.74。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[("3,,总计,基本支出,253.74", "3,,总计,基本支出,253.94")],
        },
    },
    table: 3,
    side: Side::Single,
    total: true,
};
