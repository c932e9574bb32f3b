//! D001 实有人数等于在职、退休、离休之和

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// D001
pub struct D001;

static META: RuleMeta = RuleMeta {
    id: "D001",
    family: Family::Profile,
    template: None,
    severity: Severity::Error,
    title: "实有人数等于在职、退休、离休之和",
    what: "部门概况中的实有人数 = 在职 + 退休 + 离休。",
    why: "实有人数按在职、退休、离休三类统计（实有人数 = 在职 + 退休 + 离休）。",
    example: "参考例：实有人数 20 = 在职 14 + 退休 6 + 离休 0，一致。",
    basis: "部门预算公开第一部分“机构设置及人员情况”。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[("actual = 20 ", "actual = 21 ")],
    },
};

impl Rule for D001 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let s = &cx.disclosure.profile.staff;
        let (Some(actual), Some(a), Some(b), Some(c)) =
            (s.actual, s.in_service, s.retired, s.lixiu)
        else {
            return;
        };
        let sum = u64::from(a) + u64::from(b) + u64::from(c);
        if u64::from(actual) != sum {
            // In a source, point at the figure itself; in a published text, at the sentence.
            let at = match cx.budget {
                Some(bud) => bud
                    .department
                    .staff
                    .spans
                    .or("actual", &bud.department.staff.source)
                    .clone(),
                None => s.source.clone(),
            };
            out.push(
                finding(
                    &META,
                    format!("实有人数 {actual} 人，而在职 {a} + 退休 {b} + 离休 {c} = {sum} 人"),
                    at,
                )
                .with_help("核对实有人数与在职、退休、离休人数"),
            );
        }
    }
}
