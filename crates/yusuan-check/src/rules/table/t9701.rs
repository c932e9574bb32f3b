//! T9701 上海表7 合计等于基本支出与项目支出之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ColumnSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T9701 上海表7 合计等于基本支出与项目支出之和
pub static RULE: ColumnSum = ColumnSum {
    meta: RuleMeta {
        id: "T9701",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表7 合计等于基本支出与项目支出之和",
        what: "上海市模板表7（国有资本经营预算支出功能分类预算表）每一行：合计 = 基本支出 + 项目支出。",
        why: "合计数必须等于其组成部分之和。上海市的公开表以元为单位、精确到分，各数不经四舍五入到万元：任何差异都是错误（以万元列示的表，差异在四舍五入范围内的报为尾差提示）。",
        example: "本部门无此项预算时本表为空表；有数时每行 合计 = 基本支出 + 项目支出。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "17\t23232:25632:合计",
                "17\t23232:25632:合计\t48232:55132:100.00\t58532:63332:50.00",
            )],
        },
    },
    table: 7,
    side: Side::Single,
    whole: "合计",
    parts: &["基本支出", "项目支出"],
};
