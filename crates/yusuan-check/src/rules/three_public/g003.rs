//! G003 运行经费的变动原因引用了项目支出

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::budget::Subject;
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::source::SourceRef;

/// G003
pub struct G003;

static META: RuleMeta = RuleMeta {
    id: "G003",
    family: Family::ThreePublic,
    template: None,
    severity: Severity::Warning,
    title: "运行经费的变动原因引用了项目支出",
    what: "运行经费（机关或事业单位运行经费，即一般公共预算基本支出中的公用经费）的变动原因，不应归于某个项目的经费：若原因文字与某个项目名称有 8 个字以上相同，提示核对。",
    why: "运行经费是基本支出中的公用经费；项目经费属于项目支出，不计入运行经费。用项目经费的增减解释运行经费的变动，说明口径混淆或原因失实。",
    example: "参考例：运行经费 32.35 万元“增长 130.74%，主要原因是增加昌吉州促进产业高质量发展工作领导小组办公室日常工作经费”——该办公室工作经费是项目支出。",
    basis: "名词解释“机关运行经费”：行政单位（含参公事业单位）的公用经费；部门预算情况说明第十二部分。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[(
            "reason = \"增加昌吉州促进产业高质量发展工作领导小组办公室日常工作经费\"",
            "reason = \"部门较上年预算增加 1 人，公用经费相应增加\"",
        )],
        fail: &[],
    },
};

/// The longest run of characters `a` and `b` share.
fn longest_common(a: &str, b: &str) -> String {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut best = (0, 0);
    let mut prev = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        let mut cur = vec![0usize; b.len() + 1];
        for j in 1..=b.len() {
            if a[i - 1] == b[j - 1] {
                cur[j] = prev[j - 1] + 1;
                if cur[j] > best.0 {
                    best = (cur[j], i);
                }
            }
        }
        prev = cur;
    }
    a[best.1 - best.0..best.1].iter().collect()
}

impl Rule for G003 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        // The reasons given for 运行经费: the source's comparison, or the narrative's sentences
        // about 运行经费 that give a reason.
        let mut reasons: Vec<(String, SourceRef)> = Vec::new();
        if let Some(c) = cx.budget.and_then(|b| b.comparison(&Subject::RunningCost))
            && let Some(r) = &c.reason
        {
            reasons.push((r.clone(), c.spans.or("reason", &c.source).clone()));
        }
        // A source's narrative is generated from that same reason: read only a published one.
        let published = if cx.budget.is_none() {
            crate::rules::narrative::sentences(&cx.disclosure.narrative)
        } else {
            Vec::new()
        };
        for (_, s) in published {
            if s.text.contains("运行经费")
                && let Some(k) = s.text.find("原因")
            {
                reasons.push((s.text[k..].to_string(), s.source.clone()));
            }
        }
        // The projects: those the document states, and the project rows of table 7.
        let mut projects: Vec<(String, SourceRef)> = cx
            .disclosure
            .projects
            .iter()
            .map(|p| (p.name.clone(), p.source.clone()))
            .collect();
        if let Some(t7) = cx.table(7) {
            for r in t7
                .rows
                .iter()
                .filter(|r| r.kind == yusuan_core::disclosure::RowKind::Project)
            {
                if !projects.iter().any(|(n, _)| *n == r.label) {
                    projects.push((r.label.clone(), r.source.clone()));
                }
            }
        }
        if let Some(b) = cx.budget {
            for (n, at) in projects.iter_mut() {
                if let Some(p) = b.projects.iter().find(|p| p.name == *n) {
                    *at = p.spans.or("name", &p.source).clone();
                }
            }
        }
        for (reason, at) in reasons {
            for (name, declared) in &projects {
                let common = longest_common(&reason, name);
                if common.chars().count() >= 8 {
                    out.push(
                        finding(&META, format!("运行经费的变动原因提到“{common}”，这是项目“{name}”的内容；项目支出不属于运行经费"), at.clone())
                            .with_label(Label::at(declared.clone(), "项目在这里"))
                            .with_help("运行经费只含基本支出中的公用经费：请说明公用经费本身变动的原因"),
                    );
                    break;
                }
            }
        }
    }
}
