//! P004 绩效指标要素完整

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::budget::{Comparator, Indicator};
use yusuan_core::diag::{Diagnostic, Severity};

/// P004
pub struct P004;

static META: RuleMeta = RuleMeta {
    id: "P004",
    family: Family::Project,
    template: None,
    severity: Severity::Warning,
    title: "绩效指标要素完整",
    what: "每个三级指标都要有指标值；定量指标（有比较符）的指标值须是数字并写明计量单位；写成数字的指标值须有比较符（≥、≤、= 等）。",
    why: "缺少比较符、单位或数值的指标无法衡量完成与否，年末无法自评。",
    example: "“企业会见数量 ＞=50 批次”要素齐全；“企业会见数量 ＞=50”缺单位。",
    basis: "《中共中央 国务院关于全面实施预算绩效管理的意见》；绩效目标应当指向明确、细化量化、合理可行。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(
            "name = \"企业会见数量\", cmp = \">=\", value = \"50\", unit = \"批次\",",
            "name = \"企业会见数量\", cmp = \">=\", value = \"50\",",
        )],
    },
};

fn is_number(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.chars().filter(|c| *c == '.').count() <= 1
}

fn problem(i: &Indicator) -> Option<&'static str> {
    if i.value.trim().is_empty() {
        return Some("没有指标值");
    }
    match i.comparator {
        Comparator::Qualitative if is_number(&i.value) => Some("指标值是数字，却没有比较符"),
        Comparator::Qualitative => None,
        _ if !is_number(&i.value) => Some("有比较符，指标值却不是数字"),
        _ if i.unit.trim().is_empty() => Some("没有计量单位"),
        _ => None,
    }
}

impl Rule for P004 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        let mut all: Vec<(String, &Indicator)> = Vec::new();
        for p in &b.projects {
            if let Some(perf) = &p.performance {
                all.extend(
                    perf.indicators
                        .iter()
                        .map(|i| (format!("项目“{}”", p.name), i)),
                );
            }
        }
        if let Some(o) = &b.overall_performance {
            all.extend(o.indicators.iter().map(|i| ("部门整体绩效".to_string(), i)));
        }
        for (owner, i) in all {
            if let Some(what) = problem(i) {
                out.push(
                    finding(&META, format!("{owner}的绩效指标“{}”{what}", i.name), i.source.clone())
                        .with_help("定量指标写明比较符、数值和单位，如 cmp = \">=\", value = \"50\", unit = \"批次\""),
                );
            }
        }
    }
}
