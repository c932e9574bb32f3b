//! P007 每个绩效指标都有分值

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// P007
pub struct P007;

static META: RuleMeta = RuleMeta {
    id: "P007",
    family: Family::Project,
    template: None,
    severity: Severity::Warning,
    title: "每个绩效指标都有分值",
    what: "绩效目标表中的每个三级指标都应标明分值（权重）。",
    why: "没有分值的指标无法在自评中计分，分值合计也无从核对。",
    example: "参考例每个指标都有分值。",
    basis: "《项目支出绩效评价管理办法》（财预〔2020〕10号）：评价指标设置权重（分值）。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(
            ", weight = 5, scoring = \"直接赋分\"",
            ", scoring = \"直接赋分\"",
        )],
    },
};

impl Rule for P007 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        let projects = b.projects.iter().filter_map(|p| {
            p.performance
                .as_ref()
                .map(|x| (format!("项目“{}”", p.name), &x.indicators))
        });
        let overall = b
            .overall_performance
            .iter()
            .map(|o| ("部门整体绩效".to_string(), &o.indicators));
        for (owner, indicators) in projects.chain(overall) {
            for i in indicators.iter().filter(|i| i.weight.is_none()) {
                out.push(finding(
                    &META,
                    format!("{owner}的绩效指标“{}”没有分值", i.name),
                    i.source.clone(),
                ));
            }
        }
    }
}
