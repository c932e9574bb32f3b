//! T8201 上海决算表2 本年收入合计等于各项收入之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ColumnSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T8201 上海决算表2 本年收入合计等于各项收入之和
pub static RULE: ColumnSum = ColumnSum {
    meta: RuleMeta {
        id: "T8201",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_FINAL_ID),
        severity: Severity::Error,
        title: "上海决算表2 本年收入合计等于各项收入之和",
        what: "上海市决算模板表2（收入决算表）每一行：本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入。",
        why: "合计数必须等于其组成部分之和；决算表以万元列示、保留两位小数，差异在各数分别四舍五入的范围内的报为尾差提示，超出的是错误。",
        example: "行政运行：51.32 = 51.32。",
        basis: "上海市部门决算公开表样式（收入支出决算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的决算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiFinalPdf,
            pass: &[],
            fail: &[(
                "6\t7668:11335:2013901\t13224:17413:行政运行\t31200:33547:51.32\t38976:41335:51.32",
                "6\t7668:11335:2013901\t13224:17413:行政运行\t31200:33547:52.32\t38976:41335:51.32",
            )],
        },
    },
    table: 2,
    side: Side::Single,
    whole: "本年收入合计",
    parts: &[
        "财政拨款收入",
        "上级补助收入",
        "事业收入",
        "经营收入",
        "附属单位上缴收入",
        "其他收入",
    ],
};
