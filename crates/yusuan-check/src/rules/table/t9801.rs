//! T9801 上海表8 合计等于人员经费与公用经费之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ColumnSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T9801 上海表8 合计等于人员经费与公用经费之和
pub static RULE: ColumnSum = ColumnSum {
    meta: RuleMeta {
        id: "T9801",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表8 合计等于人员经费与公用经费之和",
        what: "上海市模板表8（一般公共预算基本支出部门预算经济分类预算表）每一行：合计 = 人员经费 + 公用经费。",
        why: "合计数必须等于其组成部分之和。上海市的公开表以元为单位、精确到分，各数不经四舍五入到万元：任何差异都是错误（以万元列示的表，差异在四舍五入范围内的报为尾差提示）。",
        example: "基本工资：2,540,192.00 = 2,540,192.00。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "18\t7750:9550:301\t14250:15450:01\t18150:22950:基本工资\t50650:57850:2,540,192.00\t60850:68050:2,540,192.00",
                "18\t7750:9550:301\t14250:15450:01\t18150:22950:基本工资\t50650:57850:2,540,292.00\t60850:68050:2,540,192.00",
            )],
        },
    },
    table: 8,
    side: Side::Single,
    whole: "合计",
    parts: &["人员经费", "公用经费"],
};
