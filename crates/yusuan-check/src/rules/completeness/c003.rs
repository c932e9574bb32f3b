//! C003 说明了收入预算的增减

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// C003
pub struct C003;

static META: RuleMeta = RuleMeta {
    id: "C003",
    family: Family::Completeness,
    template: None,
    severity: Severity::Error,
    title: "说明了收入预算的增减",
    what: "情况说明须给出收入预算与上年的比较：至少一个“收入/…”比较口径（上年数与变动原因）。",
    why: "收支增减及原因是情况说明第二部分的必备内容。",
    example: "参考例：一般公共预算比上年减少 71.74 万元，非财政拨款结转结余减少 28.00 万元，并说明原因。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：部门预算公开内容包括部门职责、机构设置、预算收支情况、“三公”经费、机关运行经费、政府采购、国有资产占用、预算绩效等情况说明。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[
            (
                "subject = \"收入/一般公共预算\"",
                "subject = \"一般公共预算\"",
            ),
            (
                "subject = \"收入/非财政拨款结转结余\"",
                "subject = \"财政拨款收支总预算\"",
            ),
        ],
    },
};

impl Rule for C003 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        use yusuan_core::budget::Subject;
        if !b
            .comparisons
            .iter()
            .any(|c| matches!(c.subject, Subject::Income(_)))
        {
            out.push(finding(&META, "没有与上年比较的收入预算说明（任何“收入/…”比较口径）".into(), b.department.source.clone()).with_help("为主要收入来源加 [[comparison]]：subject = \"收入/一般公共预算\"、上年数和变动原因"));
        }
    }
}
