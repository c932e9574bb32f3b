//! P002 项目绩效指标分值合计为 90

use super::{points, weight_sum};
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// P002
pub struct P002;

static META: RuleMeta = RuleMeta {
    id: "P002",
    family: Family::Project,
    template: None,
    severity: Severity::Error,
    title: "项目绩效指标分值合计为 90",
    what: "项目支出绩效目标表中各三级指标的分值之和应为 90（另 10 分属于年末自评的预算执行率）；表中已含预算执行率指标时为 100。",
    why: "绩效自评按百分制评分，预算执行率固定 10 分，其余指标合计 90 分；分值之和不对，评分无法进行。",
    example: "参考例两个项目的分值：6 + 8 + 12 + 4 + 5 + 5 + 8 + 12 + 20 + 10 = 90；8 × 5 + 7 + 6 + 7 + 30 = 90：一致。",
    basis: "《项目支出绩效评价管理办法》（财预〔2020〕10号）：预算执行率 10 分，其余指标 90 分。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(
            "last_year = \"16次\", weight = 6,",
            "last_year = \"16次\", weight = 16,",
        )],
    },
};

impl Rule for P002 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        for p in &b.projects {
            let Some(perf) = &p.performance else { continue };
            let Some(sum) = weight_sum(&perf.indicators) else {
                continue;
            };
            let has_execution = perf
                .indicators
                .iter()
                .any(|i| i.name.contains("预算执行率"));
            let target = if has_execution { 10000 } else { 9000 };
            if sum != target {
                let at = p.spans.or("performance", &p.source).clone();
                out.push(
                    finding(
                        &META,
                        format!(
                            "项目“{}”的绩效指标分值合计为 {}，应为 {}",
                            p.name,
                            points(sum),
                            points(target)
                        ),
                        at,
                    )
                    .with_help("调整各指标分值，使合计为 90（另 10 分为预算执行率）"),
                );
            }
        }
    }
}
