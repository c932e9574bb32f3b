//! G004 “三公”经费上年数等于各项上年数之和

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::{finding, wan};
use yusuan_core::budget::{Subject, ThreePublic};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::money::Fen;

/// G004
pub struct G004;

static META: RuleMeta = RuleMeta {
    id: "G004",
    family: Family::ThreePublic,
    template: None,
    severity: Severity::Error,
    title: "“三公”经费上年数等于各项上年数之和",
    what: "说明中给出的“三公”经费上年预算数，应等于因公出国（境）费、公务接待费、公务用车购置费、公务用车运行费各项上年预算数之和。",
    why: "“三公”经费由这几项构成；总额与分项的上年数不一致，比较与增减率就不可信。",
    example: "参考例上年“三公”经费与各项均为 0，一致。",
    basis: "部门预算情况说明第十部分（“三公”经费预算情况说明）。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(
            "subject = \"三公经费\"\nlast_year = 0",
            "subject = \"三公经费\"\nlast_year = 10000.00",
        )],
    },
};

impl Rule for G004 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        let Some(total) = b.comparison(&Subject::ThreePublicTotal) else {
            return;
        };
        let items: Vec<_> = [
            ThreePublic::Abroad,
            ThreePublic::Reception,
            ThreePublic::VehiclePurchase,
            ThreePublic::VehicleOperation,
        ]
        .iter()
        .filter_map(|i| b.comparison(&Subject::ThreePublicItem(*i)))
        .collect();
        if items.is_empty() {
            return;
        }
        let sum: Fen = items.iter().map(|c| c.last_year).sum();
        if sum != total.last_year {
            let mut d = finding(
                &META,
                format!(
                    "“三公”经费上年数为 {} 万元，各项上年数之和为 {} 万元",
                    wan(total.last_year),
                    wan(sum)
                ),
                total.spans.or("last_year", &total.source).clone(),
            );
            for c in items {
                d.secondary.push(Label::at(
                    c.spans.or("last_year", &c.source).clone(),
                    format!("{}：{} 万元", c.subject.key(), wan(c.last_year)),
                ));
            }
            d.figures = Some(yusuan_core::diag::Figures {
                expected: wan(sum),
                found: wan(total.last_year),
                difference: crate::interval::signed(total.last_year.fen() - sum.fen()),
                allowed: None,
            });
            out.push(d);
        }
    }
}
