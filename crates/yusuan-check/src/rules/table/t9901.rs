//! T9901 上海表9“三公”经费合计等于三项之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ColumnSum;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T9901 上海表9“三公”经费合计等于三项之和
pub static RULE: ColumnSum = ColumnSum {
    meta: RuleMeta {
        id: "T9901",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表9“三公”经费合计等于三项之和",
        what: "上海市模板表9：“三公”经费合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费小计。",
        why: "合计数必须等于其组成部分之和。上海市的公开表以元为单位、精确到分，各数不经四舍五入到万元：任何差异都是错误（以万元列示的表，差异在四舍五入范围内的报为尾差提示）。",
        example: "867.50 = 839.00 + 28.50 + 0。",
        basis: "上海市区级部门预算公开表样式（部门财务收支预算总表等 9 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "20\t12324:15924:867.50\t22424:26024:839.00\t33224:36224:28.50\t73724:77324:213.28",
                "20\t12324:15924:967.50\t22424:26024:839.00\t33224:36224:28.50\t73724:77324:213.28",
            )],
        },
    },
    table: 9,
    side: Side::Single,
    whole: "合计",
    parts: &["因公出国(境)费", "公务接待费", "公务用车购置及运行费/小计"],
};
