//! P010 项目绩效目标表的年度预算总额等于财政拨款加其他资金

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::interval::sum_identity;
use crate::kinds::report;
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::PerformanceKind;

/// P010
pub struct P010;

static META: RuleMeta = RuleMeta {
    id: "P010",
    family: Family::Project,
    template: None,
    severity: Severity::Error,
    title: "项目绩效目标表的年度预算总额等于财政拨款加其他资金",
    what: "项目支出绩效目标表：年度预算总额 = 其中：财政拨款 + 其他资金。",
    why: "项目资金只有财政拨款和其他资金两个来源（年度预算总额 = 财政拨款 + 其他资金）。",
    example: "参考例：“机构运行补助经费”12.00 = 7.00 + 5.00；“领导小组办公室工作经费”215.00 = 215.00 + 0.00：一致。",
    basis: "项目支出绩效目标表样式。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(
            "[project.performance]\ngoal = \"2025年该项目计划开展召开",
            "[project.performance]\ntotal = 2160000.00\ngoal = \"2025年该项目计划开展召开",
        )],
    },
};

impl Rule for P010 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for p in cx
            .disclosure
            .performance
            .iter()
            .filter(|p| p.kind == PerformanceKind::Project)
        {
            let get = |k: &str| p.funds.iter().find(|(l, _)| l == k).map(|(_, v)| v);
            let (Some(total), fiscal, other) =
                (get("年度预算总额"), get("财政拨款"), get("其他资金"))
            else {
                continue;
            };
            let name = p.project.as_deref().unwrap_or("");
            let what = format!(
                "项目“{name}”绩效目标表的年度预算总额 {total} 应等于财政拨款与其他资金之和"
            );
            let parts: Vec<Label> = [("财政拨款", fiscal), ("其他资金", other)]
                .iter()
                .map(|(k, v)| {
                    Label::at(
                        p.source.clone(),
                        format!(
                            "{k} {}",
                            v.map_or("（空白）".to_string(), |v| v.to_string())
                        ),
                    )
                })
                .collect();
            let primary = Label::at(p.source.clone(), format!("年度预算总额 {total}"));
            if let Some(d) = report(
                &META,
                sum_identity(Some(total), &[fiscal, other]),
                &what,
                primary,
                parts,
            ) {
                out.push(d);
            }
        }
    }
}
