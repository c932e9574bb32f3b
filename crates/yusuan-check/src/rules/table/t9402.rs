//! T9402 上海表4 收入总计等于三本预算收入之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ItemsSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T9402 上海表4 收入总计等于三本预算收入之和
pub static RULE: ItemsSum = ItemsSum {
    meta: RuleMeta {
        id: "T9402",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表4 收入总计等于三本预算收入之和",
        what: "上海市模板表4（财政拨款收支预算总表）：收入总计 = 一、一般公共预算资金 + 二、政府性基金 + 三、国有资本经营预算。",
        why: "总计必须等于其组成部分之和。上海市的公开表以元为单位、精确到分：任何差异都是错误（以万元列示的表，差异在四舍五入范围内的报为尾差提示）。",
        example: "91,016,775.35 = 91,016,775.35。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "13\t5518:16270:一、一般公共预算资金\t18690:25710:91,016,775.35",
                "13\t5518:16270:一、一般公共预算资金\t18690:25710:91,016,875.35",
            )],
        },
    },
    table: 4,
    side: Side::Income,
};
