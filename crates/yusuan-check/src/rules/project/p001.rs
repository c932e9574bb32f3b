//! P001 项目资金分配之和等于项目预算

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::interval::{interval, shown};
use crate::rules::support::{finding, wan};
use yusuan_core::budget::Use;
use yusuan_core::diag::{Diagnostic, Figures, Label, Severity};
use yusuan_core::money::Fen;

/// P001
pub struct P001;

static META: RuleMeta = RuleMeta {
    id: "P001",
    family: Family::Project,
    template: None,
    severity: Severity::Error,
    title: "项目资金分配之和等于项目预算",
    what: "情况说明中项目的“资金分配情况”所列各项金额之和，应等于该项目本年预算安排规模（不含上年结转）。",
    why: "资金分配情况是对项目预算的分解；分解之和与预算不符，说明分配说明或预算数有误。所列金额是说明中直接写出的数，不经四舍五入，差一分也是差。",
    example: "参考例：“昌吉州促进产业高质量发展工作领导小组办公室工作经费”预算 215.00 万元，资金分配 6 + 23 + 63.42 + 20.4 + 85.58 + 8.5 + 2 + 3.25 + 1 + 1 + 3 = 217.15 万元：错误。“机构运行补助经费”7.00 = 0.5 + 0.49 + 6.01：一致。",
    basis: "部门预算情况说明第七部分（一般公共预算项目支出情况说明：预算安排规模、资金分配情况）。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[(
            "{ item = \"租赁费\", econ = \"30214\", amount = 634200.00 }",
            "{ item = \"租赁费\", econ = \"30214\", amount = 612700.00 }",
        )],
        fail: &[],
    },
};

impl Rule for P001 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for p in &cx.disclosure.projects {
            let Some(scale) = p.scale else { continue };
            if p.allocation.is_empty() {
                continue;
            }
            // Itemised amounts are stated, not rounded: their sum is exact. The scale may be a
            // rounded 0.01 万元 figure: it stands for its interval.
            let itemised: i64 = p.allocation.iter().map(|a| shown(Some(&a.amount))).sum();
            let (lo, hi) = interval(Some(&scale));
            if (lo..=hi).contains(&itemised) {
                continue;
            }
            let budget = shown(Some(&scale));
            let mut d = finding(
                &META,
                format!(
                    "项目“{}”的资金分配各项合计 {} 万元，与本年预算安排 {} 万元不符（相差 {} 万元）",
                    p.name,
                    wan(Fen(itemised)),
                    scale,
                    crate::interval::signed(itemised - budget)
                ),
                p.source.clone(),
            )
            .with_help("核对资金分配情况的各项金额，使其合计等于项目预算");
            // Where the budget figure was written, when checking a source.
            if let Some(b) = cx.budget
                && let Some(pi) = b.projects.iter().position(|x| x.name == p.name)
                && let Some(f) = b
                    .facts
                    .iter()
                    .find(|f| f.use_ == Use::Project(pi) && !f.fund.is_carry_over())
            {
                d.secondary.push(Label::at(
                    f.source.clone(),
                    format!("项目预算 {scale} 万元（账目合计）"),
                ));
            }
            d.figures = Some(Figures {
                expected: scale.to_string(),
                found: wan(Fen(itemised)),
                difference: crate::interval::signed(itemised - budget),
                allowed: None,
            });
            out.push(d);
        }
    }
}
