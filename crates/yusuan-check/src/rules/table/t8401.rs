//! T8401 上海决算表4 支出合计等于三本预算财政拨款之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ColumnSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T8401 上海决算表4 支出合计等于三本预算财政拨款之和
pub static RULE: ColumnSum = ColumnSum {
    meta: RuleMeta {
        id: "T8401",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_FINAL_ID),
        severity: Severity::Error,
        title: "上海决算表4 支出合计等于三本预算财政拨款之和",
        what: "上海市决算模板表4（财政拨款收入支出决算总表）支出方每一行：合计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款 + 国有资本经营预算财政拨款。",
        why: "合计数必须等于其组成部分之和；决算表以万元列示、保留两位小数，差异在各数分别四舍五入的范围内的报为尾差提示，超出的是错误。",
        example: "一般公共服务支出：264.87 = 264.87。",
        basis: "上海市部门决算公开表样式（收入支出决算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的决算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiFinalPdf,
            pass: &[],
            fail: &[(
                "10\t7668:20257:一、一般公共预算财政拨款\t30132:33007:307.82\t36900:47389:一、一般公共服务支出\t54456:57331:264.87\t60360:63235:264.87",
                "10\t7668:20257:一、一般公共预算财政拨款\t30132:33007:307.82\t36900:47389:一、一般公共服务支出\t54456:57331:265.87\t60360:63235:264.87",
            )],
        },
    },
    table: 4,
    side: Side::Expenditure,
    whole: "合计",
    parts: &[
        "一般公共预算财政拨款",
        "政府性基金预算财政拨款",
        "国有资本经营预算财政拨款",
    ],
};
