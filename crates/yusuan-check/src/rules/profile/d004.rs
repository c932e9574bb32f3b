//! D004 在职人数不超过编制数

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Label, Severity};

/// D004
pub struct D004;

static META: RuleMeta = RuleMeta {
    id: "D004",
    family: Family::Profile,
    template: None,
    severity: Severity::Warning,
    title: "在职人数不超过编制数",
    what: "在职人数多于编制数时提示核对（超编，或编制数、在职人数有误）。",
    why: "机构编制管理要求在编制限额内配备人员；超编是审计关注的问题，也常是数字填错。",
    example: "参考例：编制 15 人，在职 14 人，未超编。",
    basis: "《地方各级人民政府机构设置和编制管理条例》：按编制配备人员；部门概况人员情况。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[("authorized = 15 ", "authorized = 10 ")],
    },
};

impl Rule for D004 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        let s = &b.department.staff;
        if s.in_service > s.authorized {
            out.push(
                finding(
                    &META,
                    format!("在职 {} 人，超过编制数 {} 人", s.in_service, s.authorized),
                    s.spans.or("in_service", &s.source).clone(),
                )
                .with_label(Label::at(
                    s.spans.or("authorized", &s.source).clone(),
                    "编制数",
                )),
            );
        }
    }
}
