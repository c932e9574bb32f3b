//! T0802 表8 上级科目等于下级科目之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::Hierarchy;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0802 表8 上级科目等于下级科目之和
pub static RULE: Hierarchy = Hierarchy {
    meta: RuleMeta {
        id: "T0802",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表8 上级科目等于下级科目之和",
        what: "表8 每一列：类 = 其下各款之和，款 = 其下各项之和。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例该表为空表。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "11,,总计,合计,5.00\n",
                "8,201,一般公共服务支出,合计,3.00\n8,20113,商贸事务,合计,2.00\n11,,总计,合计,5.00\n",
            )],
        },
    },
    table: 8,
    side: Side::Single,
    total: false,
};
