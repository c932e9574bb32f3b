//! T0201 表2 总计等于各资金来源之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ColumnSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0201 表2 总计等于各资金来源之和
pub static RULE: ColumnSum = ColumnSum {
    meta: RuleMeta {
        id: "T0201",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表2 总计等于各资金来源之和",
        what: "表2 每一行：总计 = 财政拨款（补助）小计 + 财政专户 + 单位资金 + 财政拨款结转 + 非财政拨款结转结余。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例 201 13 99：227.00 = 222.00 + 5.00。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "2,2011350,事业运行,总计,184.78",
                "2,2011350,事业运行,总计,184.88",
            )],
        },
    },
    table: 2,
    side: Side::Single,
    whole: "总计",
    parts: &[
        "财政拨款（补助）小计",
        "财政专户（教育收费）",
        "单位资金",
        "财政拨款结转",
        "非财政拨款结转结余",
    ],
};
