//! T0202 表2 财政拨款小计等于各财政拨款列之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ColumnSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0202 表2 财政拨款小计等于各财政拨款列之和
pub static RULE: ColumnSum = ColumnSum {
    meta: RuleMeta {
        id: "T0202",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表2 财政拨款小计等于各财政拨款列之和",
        what: "表2 每一行：财政拨款（补助）小计 = 一般公共预算 + 上级一般公共预算转移支付 + 政府性基金预算 + 上级政府性基金转移支付 + 国有资本经营预算 + 上级国有资本经营预算转移支付。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例：财政拨款小计全部为一般公共预算。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "2,2011350,事业运行,财政拨款（补助）小计,184.78",
                "2,2011350,事业运行,财政拨款（补助）小计,180.78",
            )],
        },
    },
    table: 2,
    side: Side::Single,
    whole: "财政拨款（补助）小计",
    parts: &[
        "一般公共预算",
        "上级一般公共预算安排的转移支付",
        "政府性基金预算",
        "上级政府性基金安排的转移支付",
        "国有资本经营预算",
        "上级国有资本经营预算安排的转移支付",
    ],
};
