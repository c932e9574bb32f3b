//! T8102 上海决算表1 收入总计等于本年收入、使用结余与年初结转结余之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{RowSel, RowSum};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T8102 上海决算表1 收入总计等于本年收入、使用结余与年初结转结余之和
pub static RULE: RowSum = RowSum {
    meta: RuleMeta {
        id: "T8102",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_FINAL_ID),
        severity: Severity::Error,
        title: "上海决算表1 收入总计等于本年收入、使用结余与年初结转结余之和",
        what: "上海市决算模板表1 收入方：总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余。",
        why: "合计数必须等于其组成部分之和；决算表以万元列示、保留两位小数，差异在各数分别四舍五入的范围内的报为尾差提示，超出的是错误。",
        example: "307.82 = 307.82 + 0 + 0。",
        basis: "上海市部门决算公开表样式（收入支出决算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的决算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiFinalPdf,
            pass: &[],
            fail: &[(
                "5\t11880:18169:本年收入合计\t25644:28519:307.82\t35436:41725:本年支出合计\t48588:51463:307.82",
                "5\t11880:18169:本年收入合计\t25644:28519:308.82\t35436:41725:本年支出合计\t48588:51463:307.82",
            )],
        },
    },
    table: 1,
    side: Side::Income,
    whole: RowSel::Label("总计"),
    parts: &["本年收入合计", "使用非财政拨款结余", "年初结转和结余"],
};
