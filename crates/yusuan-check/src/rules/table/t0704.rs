//! T0704 表7 单位行等于其下各类之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::BlockSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::RowKind;

/// T0704 表7 单位行等于其下各类之和
pub static RULE: BlockSum = BlockSum {
    meta: RuleMeta {
        id: "T0704",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表7 单位行等于其下各类之和",
        what: "表7 每一列：单位行 = 该单位下各类级科目之和。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例：222.00 = 201 类 222.00。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "7,,昌吉回族自治州中小企业发展服务中心,合计,222.00",
                "7,,昌吉回族自治州中小企业发展服务中心,合计,212.00",
            )],
        },
    },
    table: 7,
    members: &[RowKind::Class],
};
