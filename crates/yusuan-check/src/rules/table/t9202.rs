//! T9202 上海表2 上级科目等于下级科目之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::Hierarchy;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T9202 上海表2 上级科目等于下级科目之和
pub static RULE: Hierarchy = Hierarchy {
    meta: RuleMeta {
        id: "T9202",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表2 上级科目等于下级科目之和",
        what: "上海市模板表2 每一列：类 = 其下各款之和，款 = 其下各项之和。",
        why: "合计数必须等于其组成部分之和。上海市的公开表以元为单位、精确到分，各数不经四舍五入到万元：任何差异都是错误（以万元列示的表，差异在四舍五入范围内的报为尾差提示）。",
        example: "201 03：12,029,501.84 + 46,140,000.00 + 3,807,295.58 + 20,120,000.00 = 82,096,797.42。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "9\t7574:9374:201\t11374:12574:03\t14774:15974:01\t17274:22074:行政运行\t42174:49974:12,029,501.84\t50474:58274:12,029,501.84",
                "9\t7574:9374:201\t11374:12574:03\t14774:15974:01\t17274:22074:行政运行\t42174:49974:12,029,601.84\t50474:58274:12,029,501.84",
            )],
        },
    },
    table: 2,
    side: Side::Single,
    total: false,
};
