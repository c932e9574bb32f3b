//! T9103 上海表1 支出总计等于各类支出之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ItemsSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T9103 上海表1 支出总计等于各类支出之和
pub static RULE: ItemsSum = ItemsSum {
    meta: RuleMeta {
        id: "T9103",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表1 支出总计等于各类支出之和",
        what: "上海市模板表1（财务收支预算总表）：支出总计 = 本年支出方所列各类（一、二、……）之和，每一列。",
        why: "总计必须等于其组成部分之和。上海市的公开表以元为单位、精确到分：任何差异都是错误（以万元列示的表，差异在四舍五入范围内的报为尾差提示）。",
        example: "91,016,775.35 = 82,096,797.42 + 4,213,779.28 + 1,097,073.43 + 3,609,125.22。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "41652:53652:一、一般公共服务支出\t69552:77352:82,096,797.42",
                "41652:53652:一、一般公共服务支出\t69552:77352:82,096,897.42",
            )],
        },
    },
    table: 1,
    side: Side::Expenditure,
};
