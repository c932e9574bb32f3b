//! T0901 表9 合计等于人员经费、公用经费与项目支出之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ColumnSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0901 表9 合计等于人员经费、公用经费与项目支出之和
pub static RULE: ColumnSum = ColumnSum {
    meta: RuleMeta {
        id: "T0901",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表9 合计等于人员经费、公用经费与项目支出之和",
        what: "表9（国有资本经营预算支出情况表）每一行：合计 = 基本支出（人员经费 + 公用经费）+ 项目支出。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例该表为空表。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "11,,总计,合计,5.00\n",
                "9,2011350,事业运行,合计,3.00\n9,2011350,事业运行,项目支出,2.00\n11,,总计,合计,5.00\n",
            )],
        },
    },
    table: 9,
    side: Side::Single,
    whole: "合计",
    parts: &["基本支出/人员经费", "基本支出/公用经费", "项目支出"],
};
