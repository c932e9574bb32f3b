//! P005 成本指标不超过项目预算

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::{finding, wan};
use yusuan_core::budget::{Comparator, Use};
use yusuan_core::diag::{Diagnostic, Figures, Severity};
use yusuan_core::money::{Fen, MoneyUnit, parse_amount};

/// P005
pub struct P005;

static META: RuleMeta = RuleMeta {
    id: "P005",
    family: Family::Project,
    template: None,
    severity: Severity::Error,
    title: "成本指标不超过项目预算",
    what: "项目支出绩效目标表中以金额计的成本指标（比较符为 ≤ 或 <，单位为元或万元），其上限之和不得超过项目年度预算总额；有总成本指标（名称含“总”或“合计”）时，以它为准。",
    why: "成本指标是项目预算的分解控制数，上限合计超过项目预算，说明指标或预算至少一处不实。",
    example: "参考例：各类活动经费 ≤100 万元 + 保障单位正常开展业务经费 ≤115 万元 = 215 万元，不超过 215.00 万元：一致。",
    basis: "《项目支出绩效评价管理办法》（财预〔2020〕10号）：成本指标反映预期控制的成本。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(
            "value = \"115\", unit = \"万元\"",
            "value = \"150\", unit = \"万元\"",
        )],
    },
};

impl Rule for P005 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        for (pi, p) in b.projects.iter().enumerate() {
            let Some(perf) = &p.performance else { continue };
            let caps: Vec<(Fen, &yusuan_core::budget::Indicator)> = perf
                .indicators
                .iter()
                .filter(|i| {
                    i.level1.contains("成本")
                        && matches!(i.comparator, Comparator::Le | Comparator::Lt)
                })
                .filter_map(|i| {
                    let unit = MoneyUnit::from_label(&i.unit)?;
                    parse_amount(&i.value, unit).ok().map(|f| (f, i))
                })
                .collect();
            if caps.is_empty() {
                continue;
            }
            let budget = b.sum(|f| f.use_ == Use::Project(pi));
            // An indicator for the whole cost (…总成本, …合计) caps everything; otherwise the caps
            // are parts and add up.
            let overall = caps
                .iter()
                .filter(|(_, i)| i.name.contains('总') || i.name.contains("合计"))
                .map(|(f, _)| *f)
                .max();
            let total: Fen = overall.unwrap_or_else(|| caps.iter().map(|(f, _)| *f).sum());
            if total > budget {
                let mut d = finding(
                    &META,
                    format!(
                        "项目“{}”的成本指标上限合计 {} 万元，超过项目年度预算总额 {} 万元",
                        p.name,
                        wan(total),
                        wan(budget)
                    ),
                    caps[0].1.source.clone(),
                );
                for (f, i) in caps.iter().skip(1) {
                    d = d.with_secondary(i.source.clone(), format!("{}：{} 万元", i.name, wan(*f)));
                }
                d.figures = Some(Figures {
                    expected: format!("≤ {}", wan(budget)),
                    found: wan(total),
                    difference: crate::interval::signed(total.fen() - budget.fen()),
                    allowed: None,
                });
                out.push(d);
            }
        }
    }
}
