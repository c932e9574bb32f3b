//! T9602 上海表6 上级科目等于下级科目之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::Hierarchy;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T9602 上海表6 上级科目等于下级科目之和
pub static RULE: Hierarchy = Hierarchy {
    meta: RuleMeta {
        id: "T9602",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表6 上级科目等于下级科目之和",
        what: "上海市模板表6 每一列：类 = 其下各款之和，款 = 其下各项之和。",
        why: "合计数必须等于其组成部分之和。上海市的公开表以元为单位、精确到分，各数不经四舍五入到万元：任何差异都是错误（以万元列示的表，差异在四舍五入范围内的报为尾差提示）。",
        example: "212 城乡社区支出 = 其下 212 08 等各款之和。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "16\t23232:25632:合计",
                "16\t6832:8032:212\t25332:34932:城乡社区支出\t48232:55132:100.00\t70232:77032:100.00\n16\t6832:8032:212\t10632:11832:08\t25332:34932:国有土地使用权出让收入安排的支出\t48232:55132:90.00\t70232:77032:90.00\n16\t23232:25632:合计\t48232:55132:100.00\t70232:77032:100.00",
            )],
        },
    },
    table: 6,
    side: Side::Single,
    total: false,
};
