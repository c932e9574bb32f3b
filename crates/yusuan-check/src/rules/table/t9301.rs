//! T9301 上海表3 合计等于基本支出与项目支出之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ColumnSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T9301 上海表3 合计等于基本支出与项目支出之和
pub static RULE: ColumnSum = ColumnSum {
    meta: RuleMeta {
        id: "T9301",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表3 合计等于基本支出与项目支出之和",
        what: "上海市模板表3（支出预算总表）每一行：合计 = 基本支出 + 项目支出。",
        why: "合计数必须等于其组成部分之和。上海市的公开表以元为单位、精确到分，各数不经四舍五入到万元：任何差异都是错误（以万元列示的表，差异在四舍五入范围内的报为尾差提示）。",
        example: "行政运行：12,029,501.84 = 11,919,501.84 + 110,000.00。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "11\t6532:8332:201\t10632:11832:03\t14332:15532:01\t16932:21732:行政运行\t47332:55132:12,029,501.84\t58632:66432:11,919,501.84\t72432:78432:110,000.00",
                "11\t6532:8332:201\t10632:11832:03\t14332:15532:01\t16932:21732:行政运行\t47332:55132:12,029,601.84\t58632:66432:11,919,501.84\t72432:78432:110,000.00",
            )],
        },
    },
    table: 3,
    side: Side::Single,
    whole: "合计",
    parts: &["基本支出", "项目支出"],
};
