//! T0702 表7 上级科目等于下级科目及项目之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::Hierarchy;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0702 表7 上级科目等于下级科目及项目之和
pub static RULE: Hierarchy = Hierarchy {
    meta: RuleMeta {
        id: "T0702",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表7 上级科目等于下级科目及项目之和",
        what: "表7 每个单位内、每一列：类 = 其下各款之和，款 = 其下各项目之和。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例 201 13：7.00 + 215.00 = 222.00。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[
                (
                    "7,2011399,机构运行补助经费,合计,7.00",
                    "7,2011399,机构运行补助经费,合计,9.00",
                ),
                (
                    "7,2011399,机构运行补助经费,商品和服务支出,7.00",
                    "7,2011399,机构运行补助经费,商品和服务支出,9.00",
                ),
            ],
        },
    },
    table: 7,
    side: Side::Single,
    total: false,
};
