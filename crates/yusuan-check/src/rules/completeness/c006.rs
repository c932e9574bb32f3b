//! C006 说明了“三公”经费

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// C006
pub struct C006;

static META: RuleMeta = RuleMeta {
    id: "C006",
    family: Family::Completeness,
    template: None,
    severity: Severity::Error,
    title: "说明了“三公”经费",
    what: "情况说明须说明财政拨款“三公”经费预算及其与上年的比较（比较口径“三公经费”）。",
    why: "“三公”经费是预算公开的重点内容，必须单独说明，即使为 0。",
    example: "参考例第十部分说明“三公”经费 0.00 万元，比上年增加 0.00 万元。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：部门预算公开内容包括部门职责、机构设置、预算收支情况、“三公”经费、机关运行经费、政府采购、国有资产占用、预算绩效等情况说明。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(
            "[[comparison]]\nsubject = \"三公经费\"\nlast_year = 0\n",
            "",
        )],
    },
};

impl Rule for C006 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        if b.comparison(&yusuan_core::budget::Subject::ThreePublicTotal)
            .is_none()
        {
            out.push(
                finding(
                    &META,
                    "没有“三公”经费与上年的比较说明".into(),
                    b.department.source.clone(),
                )
                .with_help("加 [[comparison]]：subject = \"三公经费\"、上年数（为 0 也要写）"),
            );
        }
    }
}
