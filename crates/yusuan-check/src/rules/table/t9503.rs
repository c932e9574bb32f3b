//! T9503 上海表5 合计等于各类之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::Hierarchy;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T9503 上海表5 合计等于各类之和
pub static RULE: Hierarchy = Hierarchy {
    meta: RuleMeta {
        id: "T9503",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表5 合计等于各类之和",
        what: "上海市模板表5 每一列：合计行 = 各类级科目之和。",
        why: "合计数必须等于其组成部分之和。上海市的公开表以元为单位、精确到分，各数不经四舍五入到万元：任何差异都是错误（以万元列示的表，差异在四舍五入范围内的报为尾差提示）。",
        example: "合计 91,016,775.35。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "15\t23232:25632:合计\t47332:55132:91,016,775.35\t58632:66432:24,606,775.35\t70632:78432:66,410,000.00",
                "15\t23232:25632:合计\t47332:55132:91,016,875.35\t58632:66432:24,606,775.35\t70632:78432:66,410,000.00",
            )],
        },
    },
    table: 5,
    side: Side::Single,
    total: true,
};
