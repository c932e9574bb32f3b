//! C002 说明了机构设置

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// C002
pub struct C002;

static META: RuleMeta = RuleMeta {
    id: "C002",
    family: Family::Completeness,
    template: None,
    severity: Severity::Warning,
    title: "说明了机构设置",
    what: "第一部分须说明机构设置：下属预算单位和内设机构（科室）。",
    why: "机构设置是部门预算公开的必备内容；部门预算汇总了哪些单位，读者须知道。",
    example: "参考例：“无下属预算单位，下设 1 个科室，分别是：综合办公室”。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：部门预算公开内容包括部门职责、机构设置、预算收支情况、“三公”经费、机关运行经费、政府采购、国有资产占用、预算绩效等情况说明。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[("offices = [\"综合办公室\"]", "offices = []")],
    },
};

impl Rule for C002 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        let d = &b.department;
        if d.offices.is_empty() && d.subordinate_units.is_empty() {
            out.push(
                finding(
                    &META,
                    "没有列出内设机构或下属预算单位".into(),
                    d.spans.or("offices", &d.source).clone(),
                )
                .with_help("在 [department] 的 offices、subordinate_units 中列出"),
            );
        }
    }
}
