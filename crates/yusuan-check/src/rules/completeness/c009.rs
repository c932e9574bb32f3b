//! C009 中小企业预留份额不超过采购预算

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// C009
pub struct C009;

static META: RuleMeta = RuleMeta {
    id: "C009",
    family: Family::Completeness,
    template: None,
    severity: Severity::Error,
    title: "中小企业预留份额不超过采购预算",
    what: "面向中小企业预留的采购金额不得超过政府采购预算总额，其中面向小微企业的不得超过面向中小企业的。",
    why: "预留份额是采购预算的一部分。",
    example: "参考例：预算 2.47，中小企业预留 2.47，小微企业 2.47：一致。",
    basis: "《政府采购促进中小企业发展管理办法》（财库〔2020〕46号）。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[("sme_reserved = 24700.00", "sme_reserved = 34700.00")],
    },
};

impl Rule for C009 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        let p = &b.procurement;
        let total = p.goods + p.works + p.services;
        if p.sme_reserved > total {
            out.push(finding(
                &META,
                format!(
                    "面向中小企业预留 {} 万元，超过政府采购预算 {} 万元",
                    crate::rules::support::wan(p.sme_reserved),
                    crate::rules::support::wan(total)
                ),
                p.spans.or("sme_reserved", &p.source).clone(),
            ));
        }
        if p.small_micro_reserved > p.sme_reserved {
            out.push(finding(
                &META,
                format!(
                    "面向小微企业预留 {} 万元，超过面向中小企业预留 {} 万元",
                    crate::rules::support::wan(p.small_micro_reserved),
                    crate::rules::support::wan(p.sme_reserved)
                ),
                p.spans.or("small_micro_reserved", &p.source).clone(),
            ));
        }
    }
}
