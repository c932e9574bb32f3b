//! T9403 上海表4 支出总计等于各类支出之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ItemsSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T9403 上海表4 支出总计等于各类支出之和
pub static RULE: ItemsSum = ItemsSum {
    meta: RuleMeta {
        id: "T9403",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表4 支出总计等于各类支出之和",
        what: "上海市模板表4（财政拨款收支预算总表）：支出总计 = 支出方所列各类（一、二、……）之和，合计、一般公共预算、政府性基金预算、国有资本经营预算每一列。",
        why: "总计必须等于其组成部分之和。上海市的公开表以元为单位、精确到分：任何差异都是错误（以万元列示的表，差异在四舍五入范围内的报为尾差提示）。",
        example: "一般公共预算：91,016,775.35 = 82,096,797.42 + 4,213,779.28 + 1,097,073.43 + 3,609,125.22。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "13\t25988:34604:四、住房保障支出\t43877:50357:3,609,125.22\t53311:59791:3,609,125.22",
                "13\t25988:34604:四、住房保障支出\t43877:50357:3,609,225.22\t53311:59791:3,609,225.22",
            )],
        },
    },
    table: 4,
    side: Side::Expenditure,
};
