//! T8203 上海决算表2 合计等于各类之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::Hierarchy;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T8203 上海决算表2 合计等于各类之和
pub static RULE: Hierarchy = Hierarchy {
    meta: RuleMeta {
        id: "T8203",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_FINAL_ID),
        severity: Severity::Error,
        title: "上海决算表2 合计等于各类之和",
        what: "上海市决算模板表2 每一列：合计行 = 各类级科目之和。",
        why: "合计数必须等于其组成部分之和；决算表以万元列示、保留两位小数，差异在各数分别四舍五入的范围内的报为尾差提示，超出的是错误。",
        example: "合计 307.82。",
        basis: "上海市部门决算公开表样式（收入支出决算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的决算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiFinalPdf,
            pass: &[],
            fail: &[(
                "6\t16764:18853:合计\t30936:33811:307.82\t38712:41587:307.82",
                "6\t16764:18853:合计\t30936:33811:308.82\t38712:41587:307.82",
            )],
        },
    },
    table: 2,
    side: Side::Single,
    total: true,
};
