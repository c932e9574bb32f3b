//! T8602 上海决算表6 公用经费各类等于其下各款之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::Hierarchy;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T8602 上海决算表6 公用经费各类等于其下各款之和
pub static RULE: Hierarchy = Hierarchy {
    meta: RuleMeta {
        id: "T8602",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_FINAL_ID),
        severity: Severity::Error,
        title: "上海决算表6 公用经费各类等于其下各款之和",
        what: "上海市决算模板表6 右半（公用经费）：经济分类类 = 其下各款之和。",
        why: "合计数必须等于其组成部分之和；决算表以万元列示、保留两位小数，差异在各数分别四舍五入的范围内的报为尾差提示，超出的是错误。",
        example: "302：3.78 + 1.15 + … = 10.23。",
        basis: "上海市部门决算公开表样式（收入支出决算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的决算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiFinalPdf,
            pass: &[],
            fail: &[(
                "13\t6456:9067:30101\t13056:17245:基本工资\t24948:27307:14.12\t30348:32959:30201\t36996:40141:办公费\t49764:51595:3.78",
                "13\t6456:9067:30101\t13056:17245:基本工资\t24948:27307:14.12\t30348:32959:30201\t36996:40141:办公费\t49764:51595:4.78",
            )],
        },
    },
    table: 6,
    side: Side::Expenditure,
    total: false,
};
