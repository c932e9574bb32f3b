//! T0403 表4 支出合计等于三本预算支出之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ColumnSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0403 表4 支出合计等于三本预算支出之和
pub static RULE: ColumnSum = ColumnSum {
    meta: RuleMeta {
        id: "T0403",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表4 支出合计等于三本预算支出之和",
        what: "表4 支出方每一行：合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例 208：36.50 = 36.50。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "4,208,社会保障和就业支出,合计,36.50",
                "4,208,社会保障和就业支出,合计,36.80",
            )],
        },
    },
    table: 4,
    side: Side::Expenditure,
    whole: "合计",
    parts: &["一般公共预算", "政府性基金预算", "国有资本经营预算"],
};
