//! T0203 表2 上级科目等于下级科目之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::Hierarchy;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0203 表2 上级科目等于下级科目之和
pub static RULE: Hierarchy = Hierarchy {
    meta: RuleMeta {
        id: "T0203",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表2 上级科目等于下级科目之和",
        what: "表2 每一列：类 = 其下各款之和，款 = 其下各项之和。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例 210 11：11.97 + 0.75 + 0.12 = 12.84，印为 12.83，属尾差。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "2,2080505,机关事业单位基本养老保险缴费支出,一般公共预算,23.93",
                "2,2080505,机关事业单位基本养老保险缴费支出,一般公共预算,23.63",
            )],
        },
    },
    table: 2,
    side: Side::Single,
    total: false,
};
