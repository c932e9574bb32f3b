//! C007 说明了运行经费

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// C007
pub struct C007;

static META: RuleMeta = RuleMeta {
    id: "C007",
    family: Family::Completeness,
    template: None,
    severity: Severity::Warning,
    title: "说明了运行经费",
    what: "情况说明须说明机关（事业单位）运行经费及其与上年的比较（比较口径“运行经费”）。",
    why: "机关运行经费是预算公开的必备内容。",
    example: "参考例第十二部分说明运行经费 32.35 万元，比上年增加 18.33 万元。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：部门预算公开内容包括部门职责、机构设置、预算收支情况、“三公”经费、机关运行经费、政府采购、国有资产占用、预算绩效等情况说明。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(
            "[[comparison]]\nsubject = \"运行经费\"\nlast_year = 140200.00      # 32.35 − 18.33 (增长 130.74%)\nreason = \"增加昌吉州促进产业高质量发展工作领导小组办公室日常工作经费\"\n",
            "",
        )],
    },
};

impl Rule for C007 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        if b.comparison(&yusuan_core::budget::Subject::RunningCost)
            .is_none()
        {
            out.push(
                finding(
                    &META,
                    "没有运行经费与上年的比较说明".into(),
                    b.department.source.clone(),
                )
                .with_help("加 [[comparison]]：subject = \"运行经费\"、上年数和变动原因"),
            );
        }
    }
}
