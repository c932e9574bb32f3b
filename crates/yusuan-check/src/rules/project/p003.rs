//! P003 部门整体绩效指标分值合计为 90

use super::{points, weight_sum};
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// P003
pub struct P003;

static META: RuleMeta = RuleMeta {
    id: "P003",
    family: Family::Project,
    template: None,
    severity: Severity::Error,
    title: "部门整体绩效指标分值合计为 90",
    what: "部门整体绩效目标表中各指标的分值之和应为 90（含预算执行率指标时为 100）。",
    why: "部门整体绩效自评同样按百分制，预算执行率 10 分，其余 90 分。",
    example: "参考例：30 + 30 + 30 = 90，一致。",
    basis: "《项目支出绩效评价管理办法》（财预〔2020〕10号）的评分框架，各地部门整体绩效评价办法。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(
            "unit = \"场次\", basis = \"州中小企业发展服务中心2024年工作总结及2025年工作计划\", weight = 30",
            "unit = \"场次\", basis = \"州中小企业发展服务中心2024年工作总结及2025年工作计划\", weight = 20",
        )],
    },
};

impl Rule for P003 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(o) = cx.budget.and_then(|b| b.overall_performance.as_ref()) else {
            return;
        };
        let Some(sum) = weight_sum(&o.indicators) else {
            return;
        };
        let target = if o.indicators.iter().any(|i| i.name.contains("预算执行率")) {
            10000
        } else {
            9000
        };
        if sum != target {
            let at = o.spans.or("indicators", &o.source).clone();
            out.push(finding(
                &META,
                format!(
                    "部门整体绩效指标分值合计为 {}，应为 {}",
                    points(sum),
                    points(target)
                ),
                at,
            ));
        }
    }
}
