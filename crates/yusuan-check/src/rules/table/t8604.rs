//! T8604 上海决算表6 公用经费合计等于各类之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::Hierarchy;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T8604 上海决算表6 公用经费合计等于各类之和
pub static RULE: Hierarchy = Hierarchy {
    meta: RuleMeta {
        id: "T8604",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_FINAL_ID),
        severity: Severity::Error,
        title: "上海决算表6 公用经费合计等于各类之和",
        what: "上海市决算模板表6：公用经费合计 = 右半各经济分类类之和（302 + 310 …）。",
        why: "合计数必须等于其组成部分之和；决算表以万元列示、保留两位小数，差异在各数分别四舍五入的范围内的报为尾差提示，超出的是错误。",
        example: "10.23 = 10.23 + 0.00。",
        basis: "上海市部门决算公开表样式（收入支出决算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的决算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiFinalPdf,
            pass: &[],
            fail: &[(
                "13\t11028:17317:人员经费合计\t24948:27295:95.36\t35628:41917:公用经费合计\t49500:51847:10.23",
                "13\t11028:17317:人员经费合计\t24948:27295:95.36\t35628:41917:公用经费合计\t49500:51847:11.23",
            )],
        },
    },
    table: 6,
    side: Side::Expenditure,
    total: true,
};
