//! T8503 上海决算表5 合计等于各类之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::Hierarchy;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T8503 上海决算表5 合计等于各类之和
pub static RULE: Hierarchy = Hierarchy {
    meta: RuleMeta {
        id: "T8503",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_FINAL_ID),
        severity: Severity::Error,
        title: "上海决算表5 合计等于各类之和",
        what: "上海市决算模板表5 每一列：合计行 = 各类级科目之和。",
        why: "合计数必须等于其组成部分之和；决算表以万元列示、保留两位小数，差异在各数分别四舍五入的范围内的报为尾差提示，超出的是错误。",
        example: "合计 307.82。",
        basis: "上海市部门决算公开表样式（收入支出决算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的决算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiFinalPdf,
            pass: &[],
            fail: &[(
                "12\t16836:18925:合计\t27816:30841:307.82\t35700:38725:105.58\t43884:46759:202.24",
                "12\t16836:18925:合计\t27816:30841:308.82\t35700:38725:105.58\t43884:46759:202.24",
            )],
        },
    },
    table: 5,
    side: Side::Single,
    total: true,
};
