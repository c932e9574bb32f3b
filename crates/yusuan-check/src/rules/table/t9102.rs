//! T9102 上海表1 收入总计等于各项收入之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ItemsSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T9102 上海表1 收入总计等于各项收入之和
pub static RULE: ItemsSum = ItemsSum {
    meta: RuleMeta {
        id: "T9102",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表1 收入总计等于各项收入之和",
        what: "上海市模板表1（财务收支预算总表）：收入总计 = 一、财政拨款收入 + 二、事业收入 + 三、事业单位经营收入 + 四、其他收入。",
        why: "总计必须等于其组成部分之和。上海市的公开表以元为单位、精确到分：任何差异都是错误（以万元列示的表，差异在四舍五入范围内的报为尾差提示）。",
        example: "91,016,775.35 = 91,016,775.35。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "8\t6152:15752:一、财政拨款收入\t33452:41252:91,016,775.35",
                "8\t6152:15752:一、财政拨款收入\t33452:41252:91,016,875.35",
            )],
        },
    },
    table: 1,
    side: Side::Income,
};
