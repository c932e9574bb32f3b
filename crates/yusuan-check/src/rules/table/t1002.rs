//! T1002 表10“三公”经费合计等于三项之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{RowSel, RowSum};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T1002 表10“三公”经费合计等于三项之和
pub static RULE: RowSum = RowSum {
    meta: RuleMeta {
        id: "T1002",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表10“三公”经费合计等于三项之和",
        what: "表10 每一列：“三公”经费合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。“三公”经费由这三项构成（名词解释七）。",
        example: "参考例该表为空表。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "11,,总计,合计,5.00\n",
                "10,,合计,合计,2.00\n10,,公务接待费,合计,1.00\n11,,总计,合计,5.00\n",
            )],
        },
    },
    table: 10,
    side: Side::Single,
    whole: RowSel::Label("合计"),
    parts: &[
        "因公出国（境）费",
        "公务接待费",
        "公务用车购置及运行费（小计）",
    ],
};
