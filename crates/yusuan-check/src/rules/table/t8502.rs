//! T8502 上海决算表5 上级科目等于下级科目之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::Hierarchy;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T8502 上海决算表5 上级科目等于下级科目之和
pub static RULE: Hierarchy = Hierarchy {
    meta: RuleMeta {
        id: "T8502",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_FINAL_ID),
        severity: Severity::Error,
        title: "上海决算表5 上级科目等于下级科目之和",
        what: "上海市决算模板表5 每一列：类 = 其下各款之和，款 = 其下各项之和。",
        why: "合计数必须等于其组成部分之和；决算表以万元列示、保留两位小数，差异在各数分别四舍五入的范围内的报为尾差提示，超出的是错误。",
        example: "201 39：51.32 + 11.31 + 202.24 = 264.87。",
        basis: "上海市部门决算公开表样式（收入支出决算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的决算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiFinalPdf,
            pass: &[],
            fail: &[(
                "12\t10740:14407:2013901\t18060:22249:行政运行\t28092:30565:51.32\t35976:38449:51.32",
                "12\t10740:14407:2013901\t18060:22249:行政运行\t28092:30565:52.32\t35976:38449:51.32",
            )],
        },
    },
    table: 5,
    side: Side::Single,
    total: false,
};
