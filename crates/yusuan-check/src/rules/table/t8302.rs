//! T8302 上海决算表3 上级科目等于下级科目之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::Hierarchy;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T8302 上海决算表3 上级科目等于下级科目之和
pub static RULE: Hierarchy = Hierarchy {
    meta: RuleMeta {
        id: "T8302",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_FINAL_ID),
        severity: Severity::Error,
        title: "上海决算表3 上级科目等于下级科目之和",
        what: "上海市决算模板表3 每一列：类 = 其下各款之和，款 = 其下各项之和。",
        why: "合计数必须等于其组成部分之和；决算表以万元列示、保留两位小数，差异在各数分别四舍五入的范围内的报为尾差提示，超出的是错误。",
        example: "201 39 的基本支出：51.32 + 11.31 = 62.63。",
        basis: "上海市部门决算公开表样式（收入支出决算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的决算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiFinalPdf,
            pass: &[],
            fail: &[(
                "8\t7668:11335:2013901\t15624:19813:行政运行\t30996:33469:51.32\t39204:41677:51.32",
                "8\t7668:11335:2013901\t15624:19813:行政运行\t30996:33469:52.32\t39204:41677:51.32",
            )],
        },
    },
    table: 3,
    side: Side::Single,
    total: false,
};
