//! T0106 表1 单位资金等于各项单位收入之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{RowSel, RowSum};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0106 表1 单位资金等于各项单位收入之和
pub static RULE: RowSum = RowSum {
    meta: RuleMeta {
        id: "T0106",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表1 单位资金等于各项单位收入之和",
        what: "表1：5.单位资金 = 事业收入 + 上级补助收入 + 附属单位上缴收入 + 事业单位经营收入 + 其他收入。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例无单位资金收入，两边皆空。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "1,,其中：一般财力,预算数,475.74\n",
                "1,,其中：一般财力,预算数,475.74\n1,,其中：事业收入,预算数,2.00\n",
            )],
        },
    },
    table: 1,
    side: Side::Income,
    whole: RowSel::Label("5.单位资金"),
    parts: &[
        "其中：事业收入",
        "上级补助收入",
        "附属单位上缴收入",
        "事业单位经营收入",
        "其他收入",
    ],
};
