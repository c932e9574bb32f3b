//! T9401 上海表4 支出合计等于三本预算之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ColumnSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T9401 上海表4 支出合计等于三本预算之和
pub static RULE: ColumnSum = ColumnSum {
    meta: RuleMeta {
        id: "T9401",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表4 支出合计等于三本预算之和",
        what: "上海市模板表4（财政拨款收支预算总表）支出方每一行：合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算。",
        why: "合计数必须等于其组成部分之和。上海市的公开表以元为单位、精确到分，各数不经四舍五入到万元：任何差异都是错误（以万元列示的表，差异在四舍五入范围内的报为尾差提示）。",
        example: "一般公共服务支出：82,096,797.42 = 82,096,797.42。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "13\t5518:16270:一、一般公共预算资金\t18690:25710:91,016,775.35\t25988:36764:一、一般公共服务支出\t43343:50363:82,096,797.42\t52777:59797:82,096,797.42",
                "13\t5518:16270:一、一般公共预算资金\t18690:25710:91,016,775.35\t25988:36764:一、一般公共服务支出\t43343:50363:82,096,897.42\t52777:59797:82,096,797.42",
            )],
        },
    },
    table: 4,
    side: Side::Expenditure,
    whole: "合计",
    parts: &["一般公共预算", "政府性基金预算", "国有资本经营预算"],
};
