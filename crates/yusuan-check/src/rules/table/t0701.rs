//! T0701 表7 合计等于各经济分类列之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ColumnSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0701 表7 合计等于各经济分类列之和
pub static RULE: ColumnSum = ColumnSum {
    meta: RuleMeta {
        id: "T0701",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表7 合计等于各经济分类列之和",
        what: "表7 每一行：合计 = 各经济分类类级列之和。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例：两个项目全部为商品和服务支出。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "7,2011399,机构运行补助经费,合计,7.00",
                "7,2011399,机构运行补助经费,合计,7.50",
            )],
        },
    },
    table: 7,
    side: Side::Single,
    whole: "合计",
    parts: &[
        "工资福利支出",
        "商品和服务支出",
        "对个人和家庭的补助",
        "债务利息及费用支出",
        "资本性支出（基本建设）",
        "资本性支出",
        "对企业补助（基本建设）",
        "对企业补助",
        "对社会保障基金补助",
        "其他支出",
    ],
};
