//! D005 人员减少不超过上年人数

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// D005
pub struct D005;

static META: RuleMeta = RuleMeta {
    id: "D005",
    family: Family::Profile,
    template: None,
    severity: Severity::Error,
    title: "人员增加不超过现有人数",
    what: "在职、退休、离休人数“增加 N 人”时，N 不得超过现有人数（否则上年人数为负）。",
    why: "上年人数 = 本年人数 − 增加数，不可能小于 0。",
    example: "退休 6 人、“增加 9 人”意味着上年退休 −3 人：错误。参考例增加数均为 0。",
    basis: "部门概况人员情况。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[("retired_change = 0\n", "retired_change = 9\n")],
    },
};

impl Rule for D005 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        let s = &b.department.staff;
        for (what, now, change, key) in [
            (
                "在职",
                s.in_service,
                s.in_service_change,
                "in_service_change",
            ),
            ("退休", s.retired, s.retired_change, "retired_change"),
            ("离休", s.lixiu, s.lixiu_change, "lixiu_change"),
        ] {
            let last = i64::from(now) - i64::from(change);
            if last < 0 {
                out.push(finding(
                    &META,
                    format!("{what}人数 {now} 人，却称比上年增加 {change} 人：上年应为 {last} 人，不可能"),
                    s.spans.or(key, &s.source).clone(),
                ));
            }
        }
    }
}
